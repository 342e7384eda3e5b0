/**
 * The learner's progress read as a whole: review records, attempts, case work, 已学完 flags, where
 * they were reading and the exam-date plan. Export and import of everything are in transfer.ts.
 */
import type { AttemptRecord } from './attempt.ts';
import type { CaseWork } from './case.ts';
import { LAST_READ, readFlagsFrom, STUDY_PLAN } from './device-entries.ts';
import type { LastRead, ReadFlag, StudyPlanSettings } from './device-entries.ts';
import { ATTEMPT, CASE, REVIEW } from './progress-entries.ts';
import { emptyReview } from './review.ts';
import type { ReviewState } from './review.ts';
import { entryNames, readEntry } from './store.ts';
import type { EntryKind, KeyValueStore, StorageProblem } from './store.ts';

export interface Progress {
  review: ReviewState;
  attempts: Record<string, AttemptRecord>;
  cases: Record<string, CaseWork>;
  /** 已学完 per chapter (latest choice, unmarked ones included). */
  read: Record<string, ReadFlag>;
  lastRead: LastRead | null;
  plan: StudyPlanSettings | null;
}

export interface LoadResult {
  progress: Progress;
  problems: StorageProblem[];
}

/** Everything the learner pages show. Unknown keys under the prefix are left alone for whoever wrote them. */
export function loadProgress(kv: KeyValueStore): LoadResult {
  const listing = entryNames(kv);
  const { names, problems } = listing;
  const progress: Progress = { review: emptyReview(), attempts: {}, cases: {}, read: {}, lastRead: null, plan: null };
  const read = <T>(name: string, kind: EntryKind<T>): T | null => {
    const result = readEntry(kv, name, kind);
    if (result.problem) problems.push(result.problem);
    return result.value;
  };
  for (const name of names) {
    if (REVIEW.matches(name)) progress.review = read(name, REVIEW) ?? progress.review;
    else if (ATTEMPT.matches(name)) {
      const record = read(name, ATTEMPT);
      if (record) progress.attempts[record.id] = record;
    } else if (CASE.matches(name)) {
      const work = read(name, CASE);
      if (work) progress.cases[work.caseId] = work;
    } else if (LAST_READ.matches(name)) progress.lastRead = read(name, LAST_READ);
    else if (STUDY_PLAN.matches(name)) progress.plan = read(name, STUDY_PLAN);
  }
  const flags = readFlagsFrom(kv, listing);
  progress.read = flags.flags;
  problems.push(...flags.problems);
  return { progress, problems };
}

