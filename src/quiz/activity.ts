/**
 * What the learner has been doing, from what is stored: the latest answer to each question, the
 * days they studied and their streak. Used by the home page's 今日 card and the progress page.
 */
import type { AttemptRecord } from './attempt.ts';
import { DAY_MS } from './format.ts';
import type { ReviewState } from './review.ts';

/** The latest answer to one question: right or wrong, and when. */
export interface LatestAnswer {
  questionId: string;
  correct: boolean;
  at: number;
}

/**
 * The latest answer to every question the review records have seen answered. A record keeps no
 * answer history, but it knows enough: its card's last review is the last answer, and a right
 * streak above zero means that answer was right (a wrong one resets the streak).
 */
export function latestAnswers(review: ReviewState): LatestAnswer[] {
  return Object.values(review.records).flatMap((record) => {
    const at = record.card?.last_review ?? null;
    return at === null ? [] : [{ questionId: record.questionId, correct: record.rightStreak > 0, at }];
  });
}


/**
 * The local calendar day of an instant, as a day number (days since 1970-01-01 in local time).
 * `offsetMinutes` is `Date#getTimezoneOffset()` at that instant: positive west of Greenwich.
 */
export function calendarDay(at: number, offsetMinutes: number): number {
  return Math.floor((at - offsetMinutes * 60_000) / DAY_MS);
}

/** When the learner answered something: each record's last answer and last mistake, and every answer step of a stored attempt. */
export function answerTimes(review: ReviewState, attempts: readonly AttemptRecord[] = []): number[] {
  const times: number[] = [];
  for (const record of Object.values(review.records)) {
    if (record.card?.last_review != null) times.push(record.card.last_review);
    if (record.lastWrongAt !== null && record.lastWrongAt > 0) times.push(record.lastWrongAt);
  }
  for (const attempt of attempts) for (const step of attempt.steps) if (step.kind === 'answer') times.push(step.at);
  return times;
}

export interface Streak {
  /** Consecutive days with an answer, ending today, or yesterday if nothing is answered yet today. */
  current: number;
  longest: number;
  activeToday: boolean;
  /** Days with any answer. */
  activeDays: number;
}

export function studyStreak(days: Iterable<number>, today: number): Streak {
  const active = new Set(days);
  const sorted = [...active].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  sorted.forEach((day, i) => {
    run = i > 0 && sorted[i - 1] === day - 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  const activeToday = active.has(today);
  let current = 0;
  for (let day = activeToday ? today : today - 1; active.has(day); day--) current++;
  return { current, longest, activeToday, activeDays: active.size };
}

