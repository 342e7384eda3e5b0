/**
 * The learner's progress as stored entries: the review state (错题本, 收藏, FSRS cards), one entry
 * per attempt (exams, practice runs, assignments) and one per 案例分析 worked in practice.
 * Each attempt has its own key, so two tabs on different attempts never touch each other's data.
 */
import { mergeAttemptRecords } from './attempt.ts';
import type { AttemptRecord } from './attempt.ts';
import { mergeCaseWork } from './case.ts';
import type { CaseWork } from './case.ts';
import { isAttemptRecord, isCaseWork, isReviewState } from './guards.ts';
import { isArrayOf, isString } from './primitives.ts';
import { mergeReview, newCard } from './review.ts';
import type { ReviewRecord, ReviewState } from './review.ts';
import { readEntry, STORAGE_PREFIX, writeEntry } from './store.ts';
import type { EntryKind, KeyValueStore, ReadResult, SaveResult } from './store.ts';

/**
 * v1 kept the 错题本 as a bare list of question ids; v2 keeps a review record per question. A
 * migrated question is due for review at once and dated 0, so any real record merged later wins.
 */
function reviewV1ToV2(data: unknown): ReviewState | undefined {
  if (!isArrayOf(isString)(data)) return undefined;
  const records: Record<string, ReviewRecord> = {};
  for (const questionId of data) {
    records[questionId] = {
      questionId,
      inWrongBook: true,
      pinned: false,
      starred: false,
      wrongCount: 1,
      rightStreak: 0,
      lastWrongAt: null,
      card: newCard(0),
      updatedAt: 0,
    };
  }
  return { records };
}

export const REVIEW: EntryKind<ReviewState> = {
  matches: (name) => name === 'review',
  version: 2,
  guard: isReviewState,
  migrations: { 1: reviewV1ToV2 },
  nameOf: () => 'review',
  merge: mergeReview,
};

const attemptName = (id: string) => `attempt:${id}`;

export const ATTEMPT: EntryKind<AttemptRecord> = {
  matches: (name) => name.startsWith('attempt:'),
  version: 1,
  guard: isAttemptRecord,
  nameOf: (record) => attemptName(record.id),
  merge: mergeAttemptRecords,
};

/**
 * Whether a `storage` event's key (null: the whole store was cleared) concerns saved attempts, or
 * with `id`, that attempt: how a page tells another tab's saves that matter to it.
 */
export function touchesAttempt(key: string | null, id?: string): boolean {
  if (key === null) return true;
  return id === undefined ? key.startsWith(STORAGE_PREFIX + attemptName('')) : key === STORAGE_PREFIX + attemptName(id);
}

export const CASE: EntryKind<CaseWork> = {
  matches: (name) => name.startsWith('case:'),
  version: 1,
  guard: isCaseWork,
  nameOf: (work) => `case:${work.caseId}`,
  merge: mergeCaseWork,
};

/** One attempt, for resuming it. */
export function loadAttempt(kv: KeyValueStore, id: string): ReadResult<AttemptRecord> {
  return readEntry(kv, attemptName(id), ATTEMPT);
}

/** Saves review records, merged record by record with what another tab may have saved. */
export function saveReview(kv: KeyValueStore, review: ReviewState): SaveResult<ReviewState> {
  return writeEntry(kv, 'review', REVIEW, review);
}

/** Saves an attempt under its own key; steps another tab saved for it are merged in, not lost. */
export function saveAttempt(kv: KeyValueStore, record: AttemptRecord): SaveResult<AttemptRecord> {
  return writeEntry(kv, ATTEMPT.nameOf(record), ATTEMPT, record);
}

export function saveCaseWork(kv: KeyValueStore, work: CaseWork): SaveResult<CaseWork> {
  return writeEntry(kv, CASE.nameOf(work), CASE, work);
}
