/**
 * Checking a result code against its paper (issue 13, item 2). A code is no proof against a
 * determined forger — a static site has no secret to sign with — but the trainer can redraw each
 * learner's paper from the assignment, so the score a code claims is never taken on trust: the
 * answers are scored again on the redrawn paper and that score counts. What does not add up is
 * flagged, so that cheap forgeries (a claimed 100 with empty answers, a backdated submission,
 * more time than the limit) show in the report instead of passing quietly.
 */
import type { Paper } from '../draw.ts';
import { scorePaper } from '../scoring.ts';
import { dueDeadline, type AssignmentSpec } from './assignment.ts';
import type { Result } from './codec.ts';
import { beijingTime, formatDuration, formatPoints } from '../format.ts';
import { paperFingerprint } from './paper.ts';
import type { ResultCode, ResultScore } from './result.ts';

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
export type RedrawnPaper = Result<Paper, string>;

/** What the assignment says about when and how long; a spec without `createdAt` skips that check. */
export type VerifiedAssignment = Pick<AssignmentSpec, 'due'> & Partial<Pick<AssignmentSpec, 'minutes' | 'createdAt'>>;

export interface Verification {
  /** The score that counts: from the answers, or the claim when the paper could not be redrawn. */
  score: ResultScore;
  scoredBy: 'answers' | 'claim';
  /** Per item, the share of its points the answers earn on the redrawn paper; null if not re-scored. */
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
  result: ResultCode,
  redrawn: RedrawnPaper,
  fingerprintOf: (paper: Paper) => string = paperFingerprint,
): Verification {
  const flags: ResultFlag[] = [];
  let verification: Pick<Verification, 'score' | 'scoredBy' | 'credit'> = { score: result.score, scoredBy: 'claim', credit: null };

  if (!redrawn.ok) {
    flags.push({ kind: 'unchecked', message: `无法复核：${redrawn.error}。名单中的分数是结果码自报的` });
  } else if (redrawn.value.items.length !== result.answers.length) {
    flags.push({
      kind: 'unchecked',
      message: `无法复核：结果有 ${result.answers.length} 题，按作业重建的试卷有 ${redrawn.value.items.length} 题，不是同一份试卷。名单中的分数是结果码自报的`,
    });
  } else {
    const paper = redrawn.value;
    const scored = scorePaper(paper, Object.fromEntries(result.answers.map((chosen, i) => [i, chosen])));
    const score = { points: scored.total, max: scored.maxTotal, passed: scored.passed };
    verification = { score, scoredBy: 'answers', credit: scored.items.map((mark) => mark.credit) };
    const changed = result.fingerprint !== null && result.fingerprint !== fingerprintOf(paper);
    if (changed) {
      flags.push({
        kind: 'paper',
        message: '试卷与学员作答时的不一致：题库可能在布置作业后改过，也可能结果码被改动过。分数按本机题库复核，仅供参考',
      });
    }
    const claim = result.score;
    if (!sameScore(claim.points, score.points) || !sameScore(claim.max, score.max) || claim.passed !== score.passed) {
      const why = result.fingerprint === null && !changed ? '（旧版结果码没有试卷指纹，也可能是题库改过）' : '';
      flags.push({ kind: 'claim', message: `结果码自报 ${scoreText(claim)}，按作答复核为 ${scoreText(score)}${why}` });
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

function scoreText(score: ResultScore): string {
  return `${formatPoints(score.points)}/${formatPoints(score.max)} 分（${score.passed ? '及格' : '不及格'}）`;
}
