/**
 * What the learner should look at again: the 错题本 (wrong-answer book), 收藏 (starred questions)
 * and spaced-repetition cards scheduled by FSRS. One record per question keeps all three together,
 * so merging two tabs or an import is "latest record wins" with no duplicates to reconcile.
 */
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import type { Card, FSRS, State } from 'ts-fsrs';
import { lastWriterWins } from './last-writer-wins.ts';
import type { ItemMark } from './scoring.ts';

/** An FSRS card as plain JSON: ts-fsrs' `Card` with its dates as epoch milliseconds. */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: State;
  last_review: number | null;
}

export interface ReviewRecord {
  questionId: string;
  /** In the 错题本. */
  inWrongBook: boolean;
  /** Pinned questions stay in the book however often they are answered right. */
  pinned: boolean;
  /** 收藏. */
  starred: boolean;
  wrongCount: number;
  /** Right answers in a row since the last wrong one. */
  rightStreak: number;
  lastWrongAt: number | null;
  /** Null until the question is first answered. */
  card: StoredCard | null;
  updatedAt: number;
}

export interface ReviewState {
  records: Record<string, ReviewRecord>;
}

/** Right answers in a row that take a question out of the 错题本. */
export const RIGHT_STREAK_TO_LEAVE = 3;

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

export function emptyReview(): ReviewState {
  return { records: {} };
}

function blankRecord(questionId: string): ReviewRecord {
  return {
    questionId,
    inWrongBook: false,
    pinned: false,
    starred: false,
    wrongCount: 0,
    rightStreak: 0,
    lastWrongAt: null,
    card: null,
    updatedAt: 0,
  };
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

/**
 * A new card, due at `now`. Times go to ts-fsrs as Date objects: it reads a falsy time (epoch 0)
 * as "no time given" and would fall back to the system clock.
 */
export function newCard(now: number): StoredCard {
  return toStoredCard(createEmptyCard(new Date(now)));
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

function updated(state: ReviewState, questionId: string, change: (record: ReviewRecord) => ReviewRecord): ReviewState {
  const record = change(state.records[questionId] ?? blankRecord(questionId));
  return { records: { ...state.records, [questionId]: record } };
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

export function setStarred(state: ReviewState, questionId: string, starred: boolean, now: number): ReviewState {
  return updated(state, questionId, (record) => ({ ...record, starred, updatedAt: now }));
}

export function setPinned(state: ReviewState, questionId: string, pinned: boolean, now: number): ReviewState {
  return updated(state, questionId, (record) => ({ ...record, pinned, updatedAt: now }));
}

/** The learner takes a question out of the book by hand; its card keeps its schedule. */
export function removeFromWrongBook(state: ReviewState, questionId: string, now: number): ReviewState {
  return updated(state, questionId, (record) => ({ ...record, inWrongBook: false, pinned: false, updatedAt: now }));
}

/** The 错题本, most recent mistake first. */
export function wrongBook(state: ReviewState): ReviewRecord[] {
  return Object.values(state.records)
    .filter((record) => record.inWrongBook)
    .sort((a, b) => (b.lastWrongAt ?? 0) - (a.lastWrongAt ?? 0) || a.questionId.localeCompare(b.questionId));
}

export function starredQuestions(state: ReviewState): ReviewRecord[] {
  return Object.values(state.records)
    .filter((record) => record.starred)
    .sort((a, b) => a.questionId.localeCompare(b.questionId));
}

/** Cards due at `now`, most overdue first. */
export function dueCards(state: ReviewState, now: number): ReviewRecord[] {
  return Object.values(state.records)
    .filter((record) => record.card !== null && record.card.due <= now)
    .sort((a, b) => (a.card?.due ?? 0) - (b.card?.due ?? 0) || a.questionId.localeCompare(b.questionId));
}

/** Record by record, the later write wins. */
export function mergeReview(a: ReviewState, b: ReviewState): ReviewState {
  const records: Record<string, ReviewRecord> = { ...a.records };
  for (const [id, record] of Object.entries(b.records)) {
    const mine = records[id];
    records[id] = mine ? lastWriterWins(mine, record) : record;
  }
  return { records };
}
