/**
 * The learner's submitted mock exams, scored again from their steps: theory papers against the
 * bank, skills papers (专业能力) by the 得分点 ticked, listed apart. The progress page loads this only
 * when there are exams to list: scoring needs the paper-drawing code, which nothing else there does.
 */
import { isAssignmentAttempt, replay, restorePaper, restoreWrittenPaper, scorePaper, scoreWritten } from '../../quiz/index.ts';
import type { AttemptRecord, AttemptState, CaseItem, QuizQuestion } from '../../quiz/index.ts';
import type { ExamResult } from './stats.ts';

/** Submitted mock exams worth listing: not practice, not unfinished, not a trainer's assignment (it has its own page). */
export function submittedExams(records: readonly AttemptRecord[]): { record: AttemptRecord; state: AttemptState }[] {
  return records
    .map((record) => ({ record, state: replay(record.steps) }))
    .filter(({ record, state }) => state.behaviour === 'exam' && state.status === 'submitted' && state.submittedAt !== null && !isAssignmentAttempt(record.id));
}

/** A scored paper as the progress page lists it. */
export function examResult(record: AttemptRecord, submittedAt: number, score: { total: number; maxTotal: number; passMark: number; passed: boolean }): ExamResult {
  return {
    id: record.id,
    title: record.layout.title,
    submittedAt,
    total: score.total,
    maxTotal: score.maxTotal,
    passMark: score.passMark,
    passed: score.passed,
    percent: score.maxTotal === 0 ? 0 : (score.total / score.maxTotal) * 100,
  };
}

export const byTimeTaken = (a: ExamResult, b: ExamResult) => a.submittedAt - b.submittedAt || a.id.localeCompare(b.id);

/**
 * The learner's submitted theory papers and tests, oldest first. A stored attempt keeps its steps,
 * not its score, so each is replayed and scored against the bank; one whose questions have left the
 * bank or changed cannot be scored any more and is counted in `unscorable`. Skills papers are
 * `skillsResults`'s.
 */
export function examResults(records: readonly AttemptRecord[], bank: readonly QuizQuestion[]): { results: ExamResult[]; unscorable: number } {
  const results: ExamResult[] = [];
  let unscorable = 0;
  for (const { record, state } of submittedExams(records)) {
    if (record.layout.kind === 'written') continue;
    try {
      results.push(examResult(record, state.submittedAt ?? 0, scorePaper(restorePaper(bank, record.layout), state.responses)));
    } catch {
      unscorable++;
    }
  }
  return { results: results.sort(byTimeTaken), unscorable };
}

export function skillsResults(records: readonly AttemptRecord[], cases: readonly CaseItem[]): { results: ExamResult[]; unscorable: number } {
  const results: ExamResult[] = [];
  let unscorable = 0;
  for (const { record, state } of submittedExams(records)) {
    if (record.layout.kind !== 'written') continue;
    try {
      results.push(examResult(record, state.submittedAt ?? 0, scoreWritten(restoreWrittenPaper(cases, record.layout), state)));
    } catch {
      unscorable++;
    }
  }
  return { results: results.sort(byTimeTaken), unscorable };
}
