/** Pure pieces of the results and history screens: the paper's name, which attempts are exams, time used. */
import { isAssignmentAttempt, replay } from '../../quiz/index.ts';
import type { AttemptRecord, AttemptState, PaperHeader } from '../../quiz/index.ts';

/** The paper's name, with the chapter for a per-chapter test: 「章节测验 · 会议组织与管理」. */
export function paperName(header: Pick<PaperHeader, 'title' | 'chapter'>, chapterTitles: ReadonlyMap<string, string>): string {
  if (header.chapter === null) return header.title;
  return `${header.title} · ${chapterTitles.get(header.chapter) ?? header.chapter}`;
}

export interface ExamEntry {
  record: AttemptRecord;
  state: AttemptState;
}

/**
 * The mock-exam attempts among everything stored (practice runs are attempts too), newest first.
 * Attempts that never started (a corrupt start step) are left out: there is nothing to show.
 */
export function examHistory(attempts: Readonly<Record<string, AttemptRecord>>): ExamEntry[] {
  return Object.values(attempts)
    .map((record) => ({ record, state: replay(record.steps) }))
    // A trainer's assignment is an exam attempt too, but it belongs to its assignment page.
    .filter(({ record, state }) => state.behaviour === 'exam' && state.startedAt !== null && !isAssignmentAttempt(record.id))
    .sort((a, b) => (b.state.startedAt ?? 0) - (a.state.startedAt ?? 0) || a.record.id.localeCompare(b.record.id));
}

/** How long the learner took: until submission, or until the deadline when the clock ended it. */
export function timeUsed(state: AttemptState): number | null {
  if (state.startedAt === null || state.submittedAt === null) return null;
  return state.submittedAt - state.startedAt;
}
