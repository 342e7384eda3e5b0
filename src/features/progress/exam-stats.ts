/**
 * The learner's submitted mock exams, scored again from their steps: theory papers against the
 * bank, skills papers (专业能力) by the 得分点 ticked, listed apart. The progress page loads this only
 * when there are exams to score (`submittedExams` in stats.ts): scoring needs the paper-drawing
 * code, which nothing else there does.
 */
import { restorePaper, restoreWrittenPaper, scorePaper, scoreWritten } from '../../quiz/index.ts';
import type { AttemptRecord, CaseItem, QuizQuestion } from '../../quiz/index.ts';
import type { ExamResult, SubmittedExam } from './stats.ts';

export interface ScoredExams {
  /** Theory papers and tests, oldest first. */
  theory: ExamResult[];
  /** Skills papers, with the learner's own marking, oldest first. */
  skills: ExamResult[];
  /** Papers whose items have left the bank or changed, so they cannot be scored again. */
  unscorable: number;
}

function examResult(record: AttemptRecord, submittedAt: number, score: { total: number; maxTotal: number; passMark: number; passed: boolean }): ExamResult {
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

const byTimeTaken = (a: ExamResult, b: ExamResult) => a.submittedAt - b.submittedAt || a.id.localeCompare(b.id);

/** Scores each submitted exam on the paper rebuilt from the current bank, once. */
export function scoreExams(exams: readonly SubmittedExam[], bank: { questions: readonly QuizQuestion[]; cases: readonly CaseItem[] }): ScoredExams {
  const scored: ScoredExams = { theory: [], skills: [], unscorable: 0 };
  for (const { record, state } of exams) {
    const written = record.layout.kind === 'written';
    try {
      const score = written ? scoreWritten(restoreWrittenPaper(bank.cases, record.layout), state) : scorePaper(restorePaper(bank.questions, record.layout), state.responses);
      (written ? scored.skills : scored.theory).push(examResult(record, state.submittedAt ?? 0, score));
    } catch {
      scored.unscorable++;
    }
  }
  scored.theory.sort(byTimeTaken);
  scored.skills.sort(byTimeTaken);
  return scored;
}
