/**
 * What the learner should look at again: the 错题本 (wrong-answer book), 收藏 (starred questions)
 * and spaced-repetition cards scheduled by FSRS. One record per question keeps all three together,
 * so merging two tabs or an import is "latest record wins" with no duplicates to reconcile.
 */
import type { State } from 'ts-fsrs';
import { lastWriterWins } from './last-writer-wins.ts';

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

export function emptyReview(): ReviewState {
  return { records: {} };
}

export function blankRecord(questionId: string): ReviewRecord {
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

/**
 * A new card, due at `now`: what ts-fsrs' createEmptyCard gives (nothing learnt yet, state New),
 * written out so that reading and merging review records needs no scheduler (schedule.ts).
 */
export function newCard(now: number): StoredCard {
  return { due: now, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0, last_review: null };
}

export function updated(state: ReviewState, questionId: string, change: (record: ReviewRecord) => ReviewRecord): ReviewState {
  const record = change(state.records[questionId] ?? blankRecord(questionId));
  return { records: { ...state.records, [questionId]: record } };
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
