/**
 * Written items in practice (案例分析, 工作实务): the learner writes an answer to each part, then
 * reveals the model answer and ticks the 得分点 their answer covered. Nobody checks the ticks, so
 * the self-marked score is reported beside the objective score and never added to it or to
 * pass/fail. Each 得分点 also has a review record of its own (`pointReviewId`), so a point the
 * learner keeps missing comes back in 今日复习 like a missed question.
 */
import { lastWriterWins } from './last-writer-wins.ts';
import type { CaseItem } from './models.ts';

export interface CasePartWork {
  text: string;
  /** Indices of the 得分点 the learner says their answer covers, ascending. */
  ticked: number[];
}

export interface CaseWork {
  caseId: string;
  parts: CasePartWork[];
  /** Once the model answers are shown the written answers are locked: marking must follow writing. */
  revealed: boolean;
  updatedAt: number;
}

/** Review records of 得分点 are kept beside questions' records, under ids no question can have. */
export const POINT_REVIEW_PREFIX = 'point:';

/** The review id of one 得分点: `point:<itemId>:<part>:<point>`. */
export function pointReviewId(itemId: string, part: number, point: number): string {
  return `${POINT_REVIEW_PREFIX}${itemId}:${part}:${point}`;
}

/** The item a point's review id belongs to, or null for a question's id. */
export function itemOfPointReview(id: string): string | null {
  if (!id.startsWith(POINT_REVIEW_PREFIX)) return null;
  const rest = id.slice(POINT_REVIEW_PREFIX.length);
  const cut = rest.lastIndexOf(':', rest.lastIndexOf(':') - 1);
  return cut > 0 ? rest.slice(0, cut) : null;
}

/** Every 得分点 of a marked item, ticked (covered) or not: what goes into the review records. */
export function pointOutcomes(item: CaseItem, work: CaseWork): { id: string; covered: boolean }[] {
  return item.parts.flatMap((part, p) => {
    const ticked = new Set(work.parts[p]?.ticked ?? []);
    return part.points.map((_, i) => ({ id: pointReviewId(item.id, p, i), covered: ticked.has(i) }));
  });
}

export interface SelfMark {
  caseId: string;
  score: number;
  max: number;
  parts: { score: number; max: number }[];
}

export function startCase(item: CaseItem, now: number): CaseWork {
  return { caseId: item.id, parts: item.parts.map(() => ({ text: '', ticked: [] })), revealed: false, updatedAt: now };
}

function partOf(work: CaseWork, part: number): CasePartWork {
  const found = work.parts[part];
  if (!found) throw new RangeError(`案例 ${work.caseId} 没有第 ${part + 1} 问`);
  return found;
}

function withPart(work: CaseWork, part: number, next: CasePartWork, now: number): CaseWork {
  return { ...work, parts: work.parts.map((p, i) => (i === part ? next : p)), updatedAt: now };
}

export function writeCaseAnswer(work: CaseWork, part: number, text: string, now: number): CaseWork {
  const current = partOf(work, part);
  if (work.revealed) throw new Error('已查看参考答案，作答不能再修改');
  return withPart(work, part, { ...current, text }, now);
}

/** Shows the model answers and 得分点; from now on the learner marks rather than writes. */
export function revealModelAnswers(work: CaseWork, now: number): CaseWork {
  return work.revealed ? work : { ...work, revealed: true, updatedAt: now };
}

/** Ticks or unticks one 得分点. */
export function tickPoint(item: CaseItem, work: CaseWork, part: number, point: number, ticked: boolean, now: number): CaseWork {
  const current = partOf(work, part);
  if (!work.revealed) throw new Error('先查看参考答案，再对照得分点自评');
  if (!item.parts[part]?.points[point]) throw new RangeError(`第 ${part + 1} 问没有第 ${point + 1} 个得分点`);
  const rest = current.ticked.filter((p) => p !== point);
  const next = ticked ? [...rest, point].sort((a, b) => a - b) : rest;
  return withPart(work, part, { ...current, ticked: next }, now);
}

/** The self-marked score: the sum of ticked 得分点. Ticks naming no 得分点 (a changed item) count nothing. */
export function selfMark(item: CaseItem, work: CaseWork): SelfMark {
  const parts = item.parts.map((part, i) => {
    const ticked = new Set(work.parts[i]?.ticked ?? []);
    return {
      max: part.points.reduce((sum, p) => sum + p.score, 0),
      score: part.points.reduce((sum, p, j) => sum + (ticked.has(j) ? p.score : 0), 0),
    };
  });
  return {
    caseId: item.id,
    score: parts.reduce((sum, p) => sum + p.score, 0),
    max: parts.reduce((sum, p) => sum + p.max, 0),
    parts,
  };
}

/** Two copies of the same case work (two tabs, or an import): the later one wins. */
export function mergeCaseWork(a: CaseWork, b: CaseWork): CaseWork {
  return lastWriterWins(a, b);
}
