import { describe, expect, it } from 'vitest';
import { Rating, State, createEmptyCard, fsrs } from 'ts-fsrs';
import {
  newCard,
  dueCards,
  emptyReview,
  mergeReview,
  recordAnswer,
  removeFromWrongBook,
  setPinned,
  setStarred,
  starredQuestions,
  toStoredCard,
  wrongBook,
} from '../../../src/quiz/index.ts';
import type { ReviewState } from '../../../src/quiz/index.ts';
import { DAY, MINUTE, T0 } from './fixtures.ts';


function answers(state: ReviewState, id: string, results: boolean[], start: number): ReviewState {
  return results.reduce((s, correct, i) => recordAnswer(s, id, correct, start + i * DAY), state);
}

describe('错题本', () => {
  it('takes a wrong answer in, and lets it go after three right answers in a row', () => {
    let review = recordAnswer(emptyReview(), 'q1', false, T0);
    expect(wrongBook(review).map((r) => r.questionId)).toEqual(['q1']);
    review = answers(review, 'q1', [true, true, false, true, true], T0 + DAY);
    expect(review.records['q1']).toMatchObject({ inWrongBook: true, wrongCount: 2, rightStreak: 2 });
    review = recordAnswer(review, 'q1', true, T0 + 10 * DAY);
    expect(review.records['q1']).toMatchObject({ inWrongBook: false, rightStreak: 3 });
    expect(wrongBook(review)).toEqual([]);
  });

  it('keeps a pinned question however often it is answered right; removal is manual', () => {
    let review = setPinned(recordAnswer(emptyReview(), 'q1', false, T0), 'q1', true, T0 + 1);
    review = answers(review, 'q1', [true, true, true, true], T0 + DAY);
    expect(review.records['q1']).toMatchObject({ inWrongBook: true, pinned: true, rightStreak: 4 });
    review = removeFromWrongBook(review, 'q1', T0 + 9 * DAY);
    expect(wrongBook(review)).toEqual([]);
  });

  it('does not put a question answered right into the book', () => {
    const review = recordAnswer(emptyReview(), 'q2', true, T0);
    expect(review.records['q2']).toMatchObject({ inWrongBook: false, rightStreak: 1, wrongCount: 0 });
  });

  it('lists the most recent mistakes first', () => {
    let review = recordAnswer(emptyReview(), 'old', false, T0);
    review = recordAnswer(review, 'new', false, T0 + DAY);
    expect(wrongBook(review).map((r) => r.questionId)).toEqual(['new', 'old']);
  });
});

describe('收藏', () => {
  it('stars and unstars without touching the book', () => {
    let review = setStarred(emptyReview(), 'q3', true, T0);
    review = setStarred(review, 'q4', true, T0);
    review = setStarred(review, 'q4', false, T0 + 1);
    expect(starredQuestions(review).map((r) => r.questionId)).toEqual(['q3']);
    expect(wrongBook(review)).toEqual([]);
  });
});

describe('spaced repetition (FSRS)', () => {
  it('rates a wrong answer Again and a right one Good, exactly as ts-fsrs schedules them', () => {
    const f = fsrs({ enable_short_term: false });
    const wrong = recordAnswer(emptyReview(), 'q1', false, T0).records['q1']?.card;
    expect(wrong).toEqual(toStoredCard(f.next(createEmptyCard(T0), T0, Rating.Again).card));
    const right = recordAnswer(emptyReview(), 'q2', true, T0).records['q2']?.card;
    expect(right).toEqual(toStoredCard(f.next(createEmptyCard(T0), T0, Rating.Good).card));
    // No same-day learning steps: whatever was answered today comes back on a later day.
    expect(wrong?.due).toBe(T0 + DAY);
    expect(right?.due ?? 0).toBeGreaterThan(wrong?.due ?? 0);
    expect(wrong?.state).toBe(State.Review);
  });

  it('lists cards due now, most overdue first, and spaces out questions answered right', () => {
    let review = recordAnswer(emptyReview(), 'wrong', false, T0);
    review = recordAnswer(review, 'right', true, T0);
    review = setStarred(review, 'unseen', true, T0);
    expect(dueCards(review, T0)).toEqual([]);
    expect(dueCards(review, T0 + 15 * MINUTE)).toEqual([]);
    expect(dueCards(review, T0 + DAY).map((r) => r.questionId)).toEqual(['wrong']);
    const rightDue = review.records['right']?.card?.due ?? 0;
    expect(dueCards(review, rightDue).map((r) => r.questionId)).toEqual(['wrong', 'right']);

    review = answers(review, 'right', [true, true], rightDue);
    const card = review.records['right']?.card;
    expect(card?.state).toBe(State.Review);
    expect((card?.due ?? 0) - (card?.last_review ?? 0)).toBeGreaterThanOrEqual(2 * DAY);
  });

  it('stores cards as plain JSON that survives a round trip', () => {
    const review = answers(emptyReview(), 'q1', [false, true, true], T0);
    const copy: ReviewState = JSON.parse(JSON.stringify(review));
    expect(copy).toEqual(review);
    expect(recordAnswer(copy, 'q1', true, T0 + 9 * DAY)).toEqual(recordAnswer(review, 'q1', true, T0 + 9 * DAY));
  });
});

describe('merging review records', () => {
  it('keeps the later record per question, from either side, without duplicates', () => {
    const a = setStarred(recordAnswer(emptyReview(), 'q1', false, T0), 'q2', true, T0 + 5);
    const b = recordAnswer(setStarred(emptyReview(), 'q2', false, T0 + 9), 'q3', false, T0);
    const merged = mergeReview(a, b);
    expect(Object.keys(merged.records).sort()).toEqual(['q1', 'q2', 'q3']);
    expect(merged.records['q2']?.starred).toBe(false);
    expect(mergeReview(b, a)).toEqual(merged);
    expect(mergeReview(merged, a)).toEqual(merged);
  });
});

describe('a new card', () => {
  it('is what ts-fsrs creates, written out so that reading progress needs no scheduler', () => {
    for (const at of [0, T0, T0 + 123_456]) expect(newCard(at)).toEqual(toStoredCard(createEmptyCard(new Date(at))));
  });
});
