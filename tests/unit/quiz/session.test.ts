/** Walkthroughs of an exam attempt on the page: start, answer, reload, second tab, submit, time up. */
import { describe, expect, it } from 'vitest';
import { AttemptSession, drawPaper, loadAttempt, loadProgress, storeMarks, wrongBook } from '../../../src/quiz/index.ts';
import type { Paper } from '../../../src/quiz/index.ts';
import { MemoryStore, mockBlueprint, smallBank } from '../quiz/fixtures.ts';

const T0 = Date.UTC(2025, 4, 1, 9, 0);
/** The mock exam's session: its marks go into the 错题本. */
const EXAM = { recordMarks: storeMarks };
const begin = (store: MemoryStore, id: string, on: Paper, at: number) => AttemptSession.begin(store, id, on, at, EXAM);
const MIN = 60_000;
const paper: Paper = drawPaper(smallBank(), mockBlueprint({ minutes: 30 }), 'session');

/** A shown option that is not part of the answer. */
function wrongOption(item: number): number {
  const question = paper.items[item]?.question;
  if (!question) throw new Error('no such item');
  return question.options.findIndex((_, index) => !question.answer.includes(index));
}
const rightAnswer = (item: number) => [...(paper.items[item]?.question.answer ?? [])];

/** The same attempt opened again, as a reload or a second tab does. */
function reopen(store: MemoryStore, id: string): AttemptSession {
  const stored = loadAttempt(store, id).value;
  if (!stored) throw new Error('attempt not stored');
  return new AttemptSession(store, stored, paper, EXAM);
}

describe('an exam attempt on the page', () => {
  it('saves every step at once, so a reload finds answers, flags and position', () => {
    const store = new MemoryStore();
    const { session, problems } = begin(store, 'a1', paper, T0);
    expect(problems).toEqual([]);
    expect(store.keys()).toEqual(['mishu:attempt:a1']);
    session.apply({ kind: 'answer', at: T0 + 1000, item: 0, choice: [1] });
    session.apply({ kind: 'flag', at: T0 + 2000, item: 0 });
    session.apply({ kind: 'navigate', at: T0 + 3000, item: 4 });

    const reloaded = reopen(store, 'a1');
    expect(reloaded.state).toMatchObject({ status: 'in-progress', responses: { 0: [1] }, flags: [0], current: 4, deadline: T0 + 30 * MIN });
  });

  it('merges the work of two tabs instead of overwriting it', () => {
    const store = new MemoryStore();
    const tabA = begin(store, 'a2', paper, T0).session;
    const tabB = reopen(store, 'a2');
    tabA.apply({ kind: 'answer', at: T0 + 1000, item: 0, choice: [0] });
    tabB.apply({ kind: 'answer', at: T0 + 2000, item: 1, choice: [2] });
    expect(tabB.state.responses).toEqual({ 0: [0], 1: [2] });

    expect(tabA.state.responses).toEqual({ 0: [0] });
    expect(tabA.pull().changed).toBe(true);
    expect(tabA.state.responses).toEqual({ 0: [0], 1: [2] });
    expect(tabA.pull().changed).toBe(false);
    expect(reopen(store, 'a2').state.responses).toEqual({ 0: [0], 1: [2] });
  });

  it('puts wrong answers into the 错题本 when submitted, once even with two tabs', () => {
    const store = new MemoryStore();
    const tabA = begin(store, 'a3', paper, T0).session;
    const tabB = reopen(store, 'a3');
    tabA.apply({ kind: 'answer', at: T0 + 1000, item: 0, choice: [wrongOption(0)] });
    tabA.apply({ kind: 'answer', at: T0 + 2000, item: 1, choice: rightAnswer(1) });
    tabA.apply({ kind: 'submit', at: T0 + 3000 });
    expect(tabA.state.status).toBe('submitted');
    expect(tabA.score?.items.filter((mark) => mark.answered)).toHaveLength(2);

    const book = () => wrongBook(loadProgress(store).progress.review);
    expect(book().map((r) => [r.questionId, r.wrongCount])).toEqual([[paper.items[0]?.questionId, 1]]);
    expect(loadProgress(store).progress.review.records[paper.items[1]?.questionId ?? '']?.inWrongBook).toBe(false);

    // The other tab never heard of the submission and submits too: the marks are not counted twice.
    tabB.apply({ kind: 'submit', at: T0 + 4000 });
    expect(tabB.state).toMatchObject({ status: 'submitted', submittedAt: T0 + 3000, responses: { 0: [wrongOption(0)] } });
    expect(book().map((r) => r.wrongCount)).toEqual([1]);
    // Nor by a third tab that saves an answer without knowing the exam is over.
    const tabC = new AttemptSession(store, { ...tabA.record, steps: tabA.record.steps.slice(0, 1) }, paper, EXAM);
    expect(tabC.apply({ kind: 'answer', at: T0 + 5000, item: 2, choice: [wrongOption(2)] }).problems).toEqual([]);
    expect(tabC.state.status).toBe('submitted');
    expect(tabC.state.responses[2]).toBeUndefined();
    expect(book().map((r) => r.wrongCount)).toEqual([1]);
    // Nor by reopening the submitted attempt to look at the results.
    reopen(store, 'a3').settle(T0 + 60 * MIN);
    expect(book().map((r) => r.wrongCount)).toEqual([1]);
  });

  it('leaves the 错题本 alone for a paper that does not record marks (a trainer\'s assignment)', () => {
    const store = new MemoryStore();
    const { session } = AttemptSession.begin(store, 'a7', paper, T0, { recordMarks: null });
    session.apply({ kind: 'answer', at: T0 + 1000, item: 0, choice: [wrongOption(0)] });
    session.apply({ kind: 'submit', at: T0 + 2000 });
    expect(session.state.status).toBe('submitted');
    expect(session.score?.items[0]?.correct).toBe(false);
    expect(wrongBook(loadProgress(store).progress.review)).toEqual([]);
  });

  it('refuses answers after the deadline', () => {
    const store = new MemoryStore();
    const { session } = begin(store, 'a4', paper, T0);
    expect(session.apply({ kind: 'answer', at: T0 + 31 * MIN, item: 0, choice: [0] }).rejected).toBe('time-up');
    expect(session.state.responses).toEqual({});
  });

  it('submits an exam closed past its deadline as of the deadline, keeping earlier answers', () => {
    const store = new MemoryStore();
    const { session } = begin(store, 'a5', paper, T0);
    session.apply({ kind: 'answer', at: T0 + MIN, item: 0, choice: [wrongOption(0)] });

    const early = reopen(store, 'a5');
    expect(early.settle(T0 + 29 * MIN)).toBeNull();
    expect(early.state.status).toBe('in-progress');

    const later = reopen(store, 'a5');
    const outcome = later.settle(T0 + 2 * 24 * 60 * MIN);
    expect(outcome).toEqual({ rejected: null, problems: [] });
    expect(later.state).toMatchObject({ status: 'submitted', endedBy: 'timeUp', submittedAt: T0 + 30 * MIN, responses: { 0: [wrongOption(0)] } });
    expect(reopen(store, 'a5').state.endedBy).toBe('timeUp');
    // Dated when it was recorded, so it is not outranked by older review records when merged.
    const [record] = wrongBook(loadProgress(store).progress.review);
    expect(record?.lastWrongAt).toBe(T0 + 2 * 24 * 60 * MIN);
  });

  it('keeps answers in memory when storage is full, and saves them all once there is room', () => {
    const store = new MemoryStore();
    const { session } = begin(store, 'a6', paper, T0);
    store.quotaChars = (store.getItem('mishu:attempt:a6') ?? '').length + 20;
    const outcome = session.apply({ kind: 'answer', at: T0 + 1000, item: 2, choice: [1] });
    expect(outcome.rejected).toBeNull();
    expect(outcome.problems.map((p) => p.kind)).toEqual(['quota-exceeded']);
    expect(session.state.responses).toEqual({ 2: [1] });
    expect(reopen(store, 'a6').state.responses).toEqual({});

    store.quotaChars = Infinity;
    expect(session.apply({ kind: 'flag', at: T0 + 2000, item: 3 }).problems).toEqual([]);
    expect(reopen(store, 'a6').state).toMatchObject({ responses: { 2: [1] }, flags: [3] });
  });
});
