/**
 * Scheduling review with FSRS: what an answer does to a question's record — into the 错题本 on a
 * miss, out after enough right answers in a row — and when the card is due next. Kept apart from
 * review.ts, so pages that only read progress do not bundle the scheduler.
 */
import { fsrs, Rating } from 'ts-fsrs';
import type { Card, FSRS } from 'ts-fsrs';
import { REVIEW, saveReview } from './progress-entries.ts';
import { blankRecord, emptyReview, newCard, RIGHT_STREAK_TO_LEAVE, updated } from './review.ts';
import type { ReviewRecord, ReviewState, StoredCard } from './review.ts';
import type { ItemMark } from './scoring.ts';
import { readEntry } from './store.ts';
import type { KeyValueStore, StorageProblem } from './store.ts';

/**
 * FSRS without short-term (re)learning steps: with them a question answered today is due again
 * ten minutes later, and 今日复习 fills with what the learner just practised. Review intervals are
 * whole days. Fuzz stays off (ts-fsrs' default) so schedules are reproducible.
 */
let cachedScheduler: FSRS | undefined;

/** Created on first use, so importing the engine does no work at load time. */
function scheduler(): FSRS {
  cachedScheduler ??= fsrs({ enable_short_term: false });
  return cachedScheduler;
}

export function toStoredCard(card: Card): StoredCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.getTime() : null,
  };
}

function answered(record: ReviewRecord, correct: boolean, now: number): ReviewRecord {
  // ts-fsrs accepts epoch numbers for its dates, so a StoredCard is already a valid CardInput.
  const card = scheduler().next(record.card ?? newCard(now), new Date(now), correct ? Rating.Good : Rating.Again).card;
  if (!correct) {
    return {
      ...record,
      inWrongBook: true,
      wrongCount: record.wrongCount + 1,
      rightStreak: 0,
      lastWrongAt: now,
      card: toStoredCard(card),
      updatedAt: now,
    };
  }
  const rightStreak = record.rightStreak + 1;
  const leaves = rightStreak >= RIGHT_STREAK_TO_LEAVE && !record.pinned;
  return {
    ...record,
    inWrongBook: record.inWrongBook && !leaves,
    rightStreak,
    card: toStoredCard(card),
    updatedAt: now,
  };
}

/** Records one answer: a wrong one enters the book and the card is rated Again; a right one Good. */
export function recordAnswer(state: ReviewState, questionId: string, correct: boolean, now: number): ReviewState {
  return updated(state, questionId, (record) => answered(record, correct, now));
}

/**
 * Records a scored paper or practice run. Unanswered items are skipped: a question the clock ran
 * out on was never seen, and filling the book with those would bury the real mistakes.
 */
export function recordMarks(state: ReviewState, marks: readonly ItemMark[], now: number): ReviewState {
  const records = { ...state.records };
  for (const mark of marks) {
    if (!mark.answered) continue;
    records[mark.questionId] = answered(records[mark.questionId] ?? blankRecord(mark.questionId), mark.correct, now);
  }
  return { records };
}


/**
 * Puts a paper's marks into the review state kept on the device: what the mock exam's
 * AttemptSession runs when an attempt ends (`SessionOptions.recordMarks`).
 */
export function storeMarks(kv: KeyValueStore, marks: readonly ItemMark[], now: number): StorageProblem[] {
  const stored = readEntry(kv, 'review', REVIEW);
  const saved = saveReview(kv, recordMarks(stored.value ?? emptyReview(), marks, now));
  return [...(stored.problem ? [stored.problem] : []), ...saved.problems];
}
