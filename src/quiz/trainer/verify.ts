/**
 * Checking a result code against its paper (issue 13, item 2). A code is no proof against a
 * determined forger — a static site has no secret to sign with — but the trainer can redraw each
 * learner's paper from the assignment, so the score a code claims is never taken on trust: the
 * answers are scored again on the redrawn paper and that score counts. What does not add up is
 * flagged, so that cheap forgeries (a claimed 100 with empty answers, a backdated submission,
 * more time than the limit) show in the report instead of passing quietly.
 *
 * A written paper (issue 14) is marked by the learner: nobody can check the marking itself, only
 * that the score the code claims is what the ticked 得分点 add up to on the redrawn paper, that
 * every tick names a point the item has, and that no item is marked without anything written.
 */
import type { Paper } from '../draw.ts';
import { scorePaper } from '../scoring.ts';
import { isWrittenPaper, scoreWritten, type AnyPaper, type WrittenPaper } from '../written.ts';
import { dueDeadline, type AssignmentSpec } from './assignment.ts';
import type { Result } from './codec.ts';
import { beijingTime, formatDuration, formatPoints } from '../format.ts';
import { paperFingerprint, splitTicks } from './paper.ts';
import { isWrittenResult, type AnyResultCode, type ResultCode, type ResultScore, type WrittenResultCode } from './result.ts';

/**
 * What can be wrong with a code. A written paper's own troubles fold into these: a tick naming a
 * 得分点 the item does not have is a `paper` that differs, ticks on an item with nothing written a
 * `claim` that does not hold.
 */
export type FlagKind = 'claim' | 'paper' | 'unchecked' | 'before-start' | 'before-created' | 'overtime' | 'late';

/** Short names for a badge; `ResultFlag.message` says the rest. */
export const FLAG_NAMES: Record<FlagKind, string> = {
  claim: '自报分数不符',
  paper: '试卷不符',
  unchecked: '未能复核',
  'before-start': '交卷早于开始',
  'before-created': '开始早于布置',
  overtime: '超时',
  late: '逾期',
};

/** Every kind but `late`: a late submission is a fact about the learner, not about the code. */
export const SUSPICIOUS: readonly FlagKind[] = ['claim', 'paper', 'unchecked', 'before-start', 'before-created', 'overtime'];

export interface ResultFlag {
  kind: FlagKind;
  /** A sentence for the trainer, in Chinese. */
  message: string;
}

/** The learner's paper as the trainer redraws it, or why it could not be redrawn (in Chinese). */
export type RedrawnPaper = Result<AnyPaper, string>;

/** What the assignment says about when and how long; a spec without `createdAt` skips that check. */
export type VerifiedAssignment = Pick<AssignmentSpec, 'due'> & Partial<Pick<AssignmentSpec, 'minutes' | 'createdAt'>>;

export interface Verification {
  /**
   * The score that counts: from the answers (on a written paper, from the ticked 得分点: the
   * learner's own marking, 自评), or the claim when the paper could not be redrawn.
   */
  score: ResultScore;
  scoredBy: 'answers' | 'claim';
  /**
   * Per item, the share of its points the answers earn on the redrawn paper (on a written paper,
   * the share the ticked 得分点 earn); null if not re-scored.
   */
  credit: number[] | null;
  /** In the order the checks run; empty when everything adds up. */
  flags: ResultFlag[];
}

/** Devices' clocks and the trainer's may disagree by a few minutes. */
export const CLOCK_GRACE_SECONDS = 5 * 60;
/** The learner's page submits at the time limit; a slow device may take a moment past it. */
export const OVERTIME_GRACE_SECONDS = 60;

/** Scores are kept to the cent (`scorePaper`). */
const sameScore = (a: number, b: number) => Math.abs(a - b) < 0.005;

/**
 * Re-scores a result on its redrawn paper and flags what does not add up. `fingerprintOf` lets a
 * caller that verifies many results on one paper compute its fingerprint once.
 */
export function verifyResult(
  assignment: VerifiedAssignment,
  result: AnyResultCode,
  redrawn: RedrawnPaper,
  fingerprintOf: (paper: AnyPaper) => string = paperFingerprint,
): Verification {
  const flags: ResultFlag[] = [];
  const written = isWrittenResult(result);
  const claimed = written ? '名单中的分数是结果码自报的自评分' : '名单中的分数是结果码自报的';
  let verification: Pick<Verification, 'score' | 'scoredBy' | 'credit'> = { score: result.score, scoredBy: 'claim', credit: null };
  const items = written ? result.written.length : result.answers.length;
  const rescored = redrawn.ok && redrawn.value.items.length === items ? rescoreOn(redrawn.value, result) : null;

  if (!redrawn.ok) {
    flags.push({ kind: 'unchecked', message: `无法复核：${redrawn.error}。${claimed}` });
  } else if (isWrittenPaper(redrawn.value) !== written) {
    const [code, paper] = written ? ['专业能力（书面作答）', '客观题'] : ['客观题', '专业能力（书面作答）'];
    flags.push({ kind: 'unchecked', message: `无法复核：结果是${code}试卷的，按作业重建的却是${paper}试卷，不是同一份试卷。${claimed}` });
  } else if (rescored === null) {
    flags.push({
      kind: 'unchecked',
      message: `无法复核：结果有 ${items} 题，按作业重建的试卷有 ${redrawn.value.items.length} 题，不是同一份试卷。${claimed}`,
    });
  } else {
    const paper = redrawn.value;
    const { score } = rescored;
    verification = { score, scoredBy: 'answers', credit: rescored.credit };
    const changed = result.fingerprint !== null && result.fingerprint !== fingerprintOf(paper);
    if (changed) {
      flags.push({
        kind: 'paper',
        message: written
          ? '试卷与学员作答时的不一致：题库（题目或得分点的分值）可能在布置作业后改过，也可能结果码被改动过。自评分按本机题库的得分点重算，仅供参考'
          : '试卷与学员作答时的不一致：题库可能在布置作业后改过，也可能结果码被改动过。分数按本机题库复核，仅供参考',
      });
    }
    flags.push(...rescored.flags);
    const claim = result.score;
    if (!sameScore(claim.points, score.points) || !sameScore(claim.max, score.max) || claim.passed !== score.passed) {
      const why = result.fingerprint === null && !changed ? '（旧版结果码没有试卷指纹，也可能是题库改过）' : '';
      flags.push({
        kind: 'claim',
        message: written
          ? `结果码自报的自评分是 ${scoreText(claim)}，按它所勾的得分点重算为 ${scoreText(score)}；两者都是学员的自评，不是培训师评的分`
          : `结果码自报 ${scoreText(claim)}，按作答复核为 ${scoreText(score)}${why}`,
      });
    }
  }

  const { startedAt, submittedAt } = result;
  if (submittedAt < startedAt) {
    flags.push({ kind: 'before-start', message: `交卷时间 ${beijingTime(submittedAt * 1000)} 早于开始时间 ${beijingTime(startedAt * 1000)}` });
  }
  if (assignment.createdAt !== undefined && startedAt < assignment.createdAt - CLOCK_GRACE_SECONDS) {
    flags.push({
      kind: 'before-created',
      message: `开始作答的时间 ${beijingTime(startedAt * 1000)} 早于作业布置的时间 ${beijingTime(assignment.createdAt * 1000)}`,
    });
  }
  const used = submittedAt - startedAt;
  if (assignment.minutes !== undefined && assignment.minutes > 0 && used > assignment.minutes * 60 + OVERTIME_GRACE_SECONDS) {
    flags.push({ kind: 'overtime', message: `用时 ${formatDuration(used * 1000)}，超过限时 ${assignment.minutes} 分钟` });
  }
  const deadline = dueDeadline(assignment);
  if (deadline !== null && submittedAt >= deadline) {
    flags.push({ kind: 'late', message: `逾期：${beijingTime(submittedAt * 1000)} 交卷，截止时间是 ${assignment.due} 24:00（北京时间）` });
  }
  return { ...verification, flags };
}

interface Rescored {
  score: ResultScore;
  credit: number[];
  /** What re-scoring itself found (written papers: ticks that do not add up). */
  flags: ResultFlag[];
}

/** Null when the paper and the result are not of one kind (objective or written). */
function rescoreOn(paper: AnyPaper, result: AnyResultCode): Rescored | null {
  if (isWrittenPaper(paper)) return isWrittenResult(result) ? rescoreWritten(paper, result) : null;
  return isWrittenResult(result) ? null : rescore(paper, result);
}

function rescore(paper: Paper, result: ResultCode): Rescored {
  const scored = scorePaper(paper, Object.fromEntries(result.answers.map((chosen, i) => [i, chosen])));
  return { score: { points: scored.total, max: scored.maxTotal, passed: scored.passed }, credit: scored.items.map((mark) => mark.credit), flags: [] };
}

/** The self-marked score the ticks add up to on the redrawn paper; ticks naming no point count nothing. */
function rescoreWritten(paper: WrittenPaper, result: WrittenResultCode): Rescored {
  const flags: ResultFlag[] = [];
  const ticks: Record<number, number[][]> = {};
  paper.items.forEach((slot, i) => {
    const item = result.written[i]!;
    const split = splitTicks(slot.written, item.ticked);
    ticks[i] = split.ticks;
    const label = `第 ${i + 1} 题（${slot.questionId}）`;
    if (split.unknown.length > 0) {
      const count = slot.written.parts.reduce((n, part) => n + part.points.length, 0);
      flags.push({
        kind: 'paper',
        message: `${label}只有 ${count} 个得分点，结果码却勾了第 ${split.unknown.map((n) => n + 1).join('、')} 个：题目可能改过，也可能结果码被改动过。这些勾不计分`,
      });
    }
    const counted = item.ticked.length - split.unknown.length;
    if (!item.wrote && counted > 0) flags.push({ kind: 'claim', message: `${label}没有写任何作答，却自评勾了 ${counted} 个得分点` });
  });
  const scored = scoreWritten(paper, { ticks, texts: {} });
  return {
    score: { points: scored.total, max: scored.maxTotal, passed: scored.passed },
    credit: scored.items.map((mark) => (mark.points > 0 ? mark.score / mark.points : 0)),
    flags,
  };
}

function scoreText(score: ResultScore): string {
  return `${formatPoints(score.points)}/${formatPoints(score.max)} 分（${score.passed ? '及格' : '不及格'}）`;
}
