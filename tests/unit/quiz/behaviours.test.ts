/** Walkthroughs, one per behaviour: start, answer, submit, check the state, review. */
import { describe, expect, it } from 'vitest';
import {
  drawPaper,
  feedbackFor,
  record,
  recordMarks,
  emptyReview,
  scoreAttempt,
  startAttempt,
  wrongBook,
} from '../../../src/quiz/index.ts';
import type { Attempt, AttemptStep, Paper } from '../../../src/quiz/index.ts';
import { mockBlueprint, smallBank } from './fixtures.ts';

const T0 = Date.UTC(2025, 4, 1, 9, 0);
const paper: Paper = drawPaper(smallBank(), mockBlueprint(), 'walkthrough');
const rightChoice = (i: number) => paper.items[i]?.question.answer ?? [];
/** A wrong choice for any type: the first option that is not part of the answer. */
const wrongChoice = (i: number) => [(paper.items[i]?.question.options ?? []).findIndex((_, k) => !rightChoice(i).includes(k))];

function step(attempt: Attempt, s: AttemptStep): Attempt {
  const result = record(attempt, s);
  expect(result.rejected).toBeNull();
  return result.attempt;
}

describe('practice: feedback after each answer', () => {
  it('shows verdict, right answer and explanation as soon as an item is answered, and locks it', () => {
    let attempt = startAttempt({ behaviour: 'practice', itemCount: paper.items.length, timeLimitMs: 0 }, T0);
    expect(feedbackFor(paper, attempt.state, 0)).toBeNull();

    attempt = step(attempt, { kind: 'answer', at: T0 + 1000, item: 0, choice: wrongChoice(0) });
    expect(feedbackFor(paper, attempt.state, 0)).toEqual({
      answer: rightChoice(0),
      explanation: paper.items[0]?.question.explanation,
      verdict: { chosen: wrongChoice(0), correct: false, credit: 0 },
    });
    expect(feedbackFor(paper, attempt.state, 1)).toBeNull();
    expect(record(attempt, { kind: 'answer', at: T0 + 2000, item: 0, choice: rightChoice(0) }).rejected).toBe('locked');

    attempt = step(attempt, { kind: 'answer', at: T0 + 3000, item: 1, choice: rightChoice(1) });
    expect(feedbackFor(paper, attempt.state, 1)?.verdict).toEqual({ chosen: rightChoice(1), correct: true, credit: 1 });

    // The running score counts answered items; two of ten answered, one right, in the 10-point part.
    expect(scoreAttempt(paper, attempt.state)?.parts[0]?.right).toBe(1);

    // Review: the wrong answer went into the 错题本.
    const marks = scoreAttempt(paper, attempt.state)?.items ?? [];
    const review = recordMarks(emptyReview(), marks, T0 + 4000);
    expect(wrongBook(review).map((r) => r.questionId)).toEqual([paper.items[0]?.questionId]);
  });
});

describe('exam: feedback deferred to submission', () => {
  it('withholds answers and score until submitted, then shows everything', () => {
    let attempt = startAttempt({ behaviour: 'exam', itemCount: paper.items.length, timeLimitMs: 90 * 60_000 }, T0);
    paper.items.forEach((_, i) => {
      attempt = step(attempt, { kind: 'answer', at: T0 + 1000 * (i + 1), item: i, choice: i < 7 ? rightChoice(i) : wrongChoice(i) });
    });
    // The learner changes their mind on item 9 before submitting.
    attempt = step(attempt, { kind: 'answer', at: T0 + 20_000, item: 9, choice: rightChoice(9) });
    expect(feedbackFor(paper, attempt.state, 0)).toBeNull();
    expect(scoreAttempt(paper, attempt.state)).toBeNull();

    attempt = step(attempt, { kind: 'submit', at: T0 + 30_000 });
    expect(attempt.state.status).toBe('submitted');
    const score = scoreAttempt(paper, attempt.state);
    // Items 0–2 are the ethics part (all right: 10 points); theory has 7, items 7 and 8 wrong: 5/7 of 90.
    expect(score?.parts.map((p) => p.score)).toEqual([10, 64.29]);
    expect(score).toMatchObject({ total: 74.29, passed: true });
    expect(feedbackFor(paper, attempt.state, 8)?.verdict?.correct).toBe(false);
    expect(feedbackFor(paper, attempt.state, 9)?.verdict?.correct).toBe(true);

    const review = recordMarks(emptyReview(), score?.items ?? [], T0 + 40_000);
    expect(wrongBook(review).map((r) => r.questionId).sort()).toEqual([paper.items[7]?.questionId, paper.items[8]?.questionId].sort());
  });
});

describe('recite (背题): answers shown, nothing scored', () => {
  it('shows every answer at once, takes no answers and gives no score', () => {
    let attempt = startAttempt({ behaviour: 'recite', itemCount: paper.items.length, timeLimitMs: 0 }, T0);
    expect(feedbackFor(paper, attempt.state, 4)).toEqual({
      answer: rightChoice(4),
      explanation: paper.items[4]?.question.explanation,
      verdict: null,
    });
    expect(record(attempt, { kind: 'answer', at: T0 + 1, item: 4, choice: [0] }).rejected).toBe('not-answerable');
    attempt = step(attempt, { kind: 'flag', at: T0 + 2, item: 4 });
    attempt = step(attempt, { kind: 'navigate', at: T0 + 3, item: 5 });
    expect(attempt.state).toMatchObject({ current: 5, flags: [4], responses: {} });
    expect(scoreAttempt(paper, attempt.state)).toBeNull();
  });
});
