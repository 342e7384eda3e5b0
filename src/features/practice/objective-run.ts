/**
 * A practice run of objective questions: the paper, the attempt on it, a 多选 choice not yet
 * submitted, and what each answer did to the 错题本; and the line that sums it up. No DOM.
 */
import { scoreAttempt } from '../../quiz/index.ts';
import type { Attempt, Paper } from '../../quiz/index.ts';
import { describeTally } from './plan.ts';

export interface ObjectiveRun {
  kind: 'objective';
  paper: Paper;
  attempt: Attempt;
  /** A 多选 choice not yet submitted, for the item on screen. */
  pending: number[];
  /** What each answer did to the 错题本, by item. */
  notes: Map<number, string>;
}

/** 「已答 3 / 20 题 · 答对 2 题 · 正确率 67%」, or what 背题模式 is. */
export function objectiveTally(run: ObjectiveRun): string {
  if (run.attempt.state.behaviour === 'recite') return `背题模式：共 ${run.paper.items.length} 题，直接显示答案和解析，不计分`;
  const marks = scoreAttempt(run.paper, run.attempt.state)?.items ?? [];
  return describeTally({
    answered: marks.filter((m) => m.answered).length,
    right: marks.filter((m) => m.correct).length,
    total: marks.length,
  });
}
