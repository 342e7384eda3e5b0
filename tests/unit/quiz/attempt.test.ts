import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS, MAX_WRITTEN_PARTS, mergeSteps, record, remainingMs, replay, settle, startAttempt } from '../../../src/quiz/index.ts';
import type { Attempt, AttemptStep, BehaviourName } from '../../../src/quiz/index.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 4, 1, 9, 0);

/** Records steps one after another, failing the test if any is refused. */
function run(attempt: Attempt, ...steps: AttemptStep[]): Attempt {
  return steps.reduce((current, step) => {
    const result = record(current, step);
    expect(result.rejected).toBeNull();
    return result.attempt;
  }, attempt);
}

const exam = (timeLimitMs = 90 * MINUTE) => startAttempt({ behaviour: 'exam', itemCount: 5, timeLimitMs }, T0);

describe('replaying an attempt', () => {
  it('derives responses, flags, position and times from the steps', () => {
    const attempt = run(
      exam(),
      { kind: 'answer', at: T0 + 1000, item: 0, choice: [2] },
      { kind: 'navigate', at: T0 + 2000, item: 3 },
      { kind: 'answer', at: T0 + 3000, item: 3, choice: [3, 1, 1] },
      { kind: 'flag', at: T0 + 4000, item: 3 },
      { kind: 'flag', at: T0 + 5000, item: 1 },
      { kind: 'unflag', at: T0 + 6000, item: 3 },
    );
    expect(attempt.state).toEqual({
      status: 'in-progress',
      behaviour: 'exam',
      itemCount: 5,
      current: 3,
      responses: { 0: [2], 3: [1, 3] },
      texts: {},
      ticks: {},
      flags: [1],
      startedAt: T0,
      deadline: T0 + 90 * MINUTE,
      submittedAt: null,
      endedBy: null,
      rejected: [],
    });
    expect(replay(attempt.steps)).toEqual(attempt.state);
  });

  it('replaces an earlier answer when the learner changes it, and clears it with an empty choice', () => {
    const attempt = run(
      exam(),
      { kind: 'answer', at: T0 + 1, item: 2, choice: [0] },
      { kind: 'answer', at: T0 + 2, item: 2, choice: [1] },
      { kind: 'answer', at: T0 + 3, item: 4, choice: [1] },
      { kind: 'answer', at: T0 + 4, item: 4, choice: [] },
    );
    expect(attempt.state.responses).toEqual({ 2: [1] });
  });

  it('refuses answers after submission but still lets the learner browse', () => {
    const submitted = run(exam(), { kind: 'answer', at: T0 + 1, item: 0, choice: [1] }, { kind: 'submit', at: T0 + 2 });
    const late = record(submitted, { kind: 'answer', at: T0 + 3, item: 0, choice: [2] });
    expect(late.rejected).toBe('submitted');
    expect(late.attempt).toBe(submitted);
    expect(record(submitted, { kind: 'navigate', at: T0 + 4, item: 4 }).attempt.state.current).toBe(4);
    expect(submitted.state).toMatchObject({ status: 'submitted', submittedAt: T0 + 2, endedBy: 'submit', responses: { 0: [1] } });
  });

  it('lists steps it could not apply instead of throwing', () => {
    const steps: AttemptStep[] = [
      { kind: 'answer', at: T0 - 1, item: 0, choice: [1] },
      { kind: 'start', at: T0, behaviour: 'exam', itemCount: 2, timeLimitMs: 0 },
      { kind: 'start', at: T0 + 1, behaviour: 'exam', itemCount: 9, timeLimitMs: 0 },
      { kind: 'navigate', at: T0 + 2, item: 2 },
      { kind: 'timeUp', at: T0 + 3 },
      { kind: 'submit', at: T0 + 4 },
      { kind: 'answer', at: T0 + 5, item: 1, choice: [0] },
    ];
    expect(replay(steps).rejected).toEqual([
      { step: 0, kind: 'answer', reason: 'not-started' },
      { step: 2, kind: 'start', reason: 'already-started' },
      { step: 3, kind: 'navigate', reason: 'no-such-item' },
      { step: 4, kind: 'timeUp', reason: 'untimed' },
      { step: 6, kind: 'answer', reason: 'submitted' },
    ]);
    expect(replay(steps).itemCount).toBe(2);
  });

  it('keeps its own steps in order even if the clock goes back', () => {
    const attempt = run(exam(), { kind: 'answer', at: T0 + 5000, item: 0, choice: [1] }, { kind: 'answer', at: T0 + 1000, item: 0, choice: [2] });
    expect(attempt.steps.map((s) => s.at)).toEqual([T0, T0 + 5000, T0 + 5001]);
    expect(attempt.state.responses[0]).toEqual([2]);
  });
});

describe('timing', () => {
  it('counts down from wall-clock timestamps', () => {
    const attempt = exam(30 * MINUTE);
    expect(remainingMs(attempt.state, T0 + 10 * MINUTE)).toBe(20 * MINUTE);
    expect(remainingMs(attempt.state, T0 + 45 * MINUTE)).toBe(0);
    expect(remainingMs(startAttempt({ behaviour: 'practice', itemCount: 3, timeLimitMs: 0 }, T0).state, T0)).toBeNull();
    expect(remainingMs(run(attempt, { kind: 'submit', at: T0 + 1 }).state, T0 + 2)).toBe(0);
  });

  it('submits an exam whose deadline passed while the tab was closed, as of the deadline', () => {
    const attempt = run(exam(30 * MINUTE), { kind: 'answer', at: T0 + MINUTE, item: 1, choice: [0] });
    expect(settle(attempt.steps, T0 + 29 * MINUTE)).toEqual(attempt.steps);
    const settled = settle(attempt.steps, T0 + 3 * 60 * MINUTE);
    expect(settled.at(-1)).toEqual({ kind: 'timeUp', at: T0 + 30 * MINUTE });
    expect(replay(settled)).toMatchObject({ status: 'submitted', endedBy: 'timeUp', submittedAt: T0 + 30 * MINUTE, responses: { 1: [0] } });
    expect(settle(settled, T0 + 4 * 60 * MINUTE)).toEqual(settled);
  });

  it('does not count answers the clock did not allow, and dates a late submit at the deadline', () => {
    const attempt = exam(30 * MINUTE);
    expect(record(attempt, { kind: 'answer', at: T0 + 31 * MINUTE, item: 0, choice: [1] }).rejected).toBe('time-up');
    expect(record(attempt, { kind: 'timeUp', at: T0 + 29 * MINUTE }).rejected).toBe('too-early');
    const late = run(attempt, { kind: 'submit', at: T0 + 31 * MINUTE });
    expect(late.state).toMatchObject({ status: 'submitted', endedBy: 'timeUp', submittedAt: T0 + 30 * MINUTE });
  });
});

describe('two tabs on one attempt', () => {
  it('merges both tabs’ answers, and a step written after the other tab submitted does not count', () => {
    const shared = run(exam(), { kind: 'answer', at: T0 + 1000, item: 0, choice: [1] });
    const tabA = run(shared, { kind: 'answer', at: T0 + 2000, item: 1, choice: [2] }, { kind: 'answer', at: T0 + 5000, item: 3, choice: [0] });
    const tabB = run(shared, { kind: 'answer', at: T0 + 3000, item: 2, choice: [3] }, { kind: 'submit', at: T0 + 4000 });
    const merged = mergeSteps(tabA.steps, tabB.steps);
    expect(merged.map((s) => s.at)).toEqual([T0, T0 + 1000, T0 + 2000, T0 + 3000, T0 + 4000, T0 + 5000]);
    const state = replay(merged);
    expect(state.responses).toEqual({ 0: [1], 1: [2], 2: [3] });
    expect(state.rejected).toEqual([{ step: 5, kind: 'answer', reason: 'submitted' }]);
    expect(mergeSteps(tabB.steps, tabA.steps)).toEqual(merged);
  });
});

describe('attempt properties', () => {
  const behaviour = fc.constantFrom<BehaviourName>('practice', 'exam', 'recite');
  const item = fc.integer({ min: -1, max: 6 });
  const at = fc.integer({ min: 0, max: 10_000 });
  const step: fc.Arbitrary<AttemptStep> = fc.oneof(
    fc.record({ kind: fc.constant('start' as const), at, behaviour, itemCount: fc.nat(6), timeLimitMs: fc.constantFrom(0, 3000) }),
    fc.record({ kind: fc.constant('answer' as const), at, item, choice: fc.array(fc.nat(4), { maxLength: 4 }) }),
    fc.record({ kind: fc.constantFrom('flag' as const, 'unflag' as const, 'navigate' as const), at, item }),
    fc.record({ kind: fc.constantFrom('submit' as const, 'timeUp' as const), at }),
  );
  /** Lists that usually start with a start step, so later steps are not all refused. */
  const steps = fc.tuple(fc.option(step.filter((s) => s.kind === 'start')), fc.array(step, { maxLength: 40 })).map(([start, rest]) =>
    start ? [{ ...start, at: 0 }, ...rest] : rest,
  );

  it('replays the same steps to the same state after a JSON round trip', () => {
    fc.assert(
      fc.property(steps, (list) => {
        expect(replay(JSON.parse(JSON.stringify(list)))).toEqual(replay(list));
      }),
    );
  });

  it('keeps state within bounds whatever the steps', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const state = replay(list);
        const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < state.itemCount;
        expect(state.current === 0 || inRange(state.current)).toBe(true);
        expect(state.flags.every(inRange)).toBe(true);
        expect(Object.keys(state.responses).map(Number).every(inRange)).toBe(true);
        expect(state.rejected.length).toBeLessThanOrEqual(list.length);
        if (state.status === 'submitted') expect(state.submittedAt).not.toBeNull();
      }),
    );
  });

  it('merges commutatively and idempotently, losing no step', () => {
    fc.assert(
      fc.property(steps, steps, (a, b) => {
        const merged = mergeSteps(a, b);
        expect(mergeSteps(b, a)).toEqual(merged);
        expect(mergeSteps(merged, merged)).toEqual(merged);
        expect(mergeSteps(merged, a)).toEqual(merged);
        for (const s of [...a, ...b]) expect(merged).toContainEqual(s);
        for (let i = 1; i < merged.length; i++) expect((merged[i]?.at ?? 0) >= (merged[i - 1]?.at ?? 0)).toBe(true);
      }),
    );
  });

  it('a tab that records steps in time order merges with itself unchanged', () => {
    fc.assert(
      fc.property(steps, (list) => {
        let attempt: Attempt = startAttempt({ behaviour: 'exam', itemCount: 6, timeLimitMs: 0 }, 0);
        for (const s of list) attempt = record(attempt, s).attempt;
        expect(mergeSteps(attempt.steps, attempt.steps)).toEqual(attempt.steps);
        expect(replay(attempt.steps)).toEqual(attempt.state);
      }),
    );
  });
});

describe('written answers and self-marking (the skills paper)', () => {
  const start = () => startAttempt({ behaviour: 'exam', itemCount: 3, timeLimitMs: 60 * 60_000 }, T0);
  const apply = (steps: AttemptStep[]) => steps.reduce((a, s) => record(a, s).attempt, start());

  it('keeps the latest text of each part, and accepts no tick before the paper is handed in', () => {
    let attempt = apply([
      { kind: 'write', at: T0 + 1, item: 0, part: 1, text: '初稿' },
      { kind: 'write', at: T0 + 2, item: 0, part: 1, text: '改好的答案' },
      { kind: 'write', at: T0 + 3, item: 2, part: 0, text: '任务答案' },
    ]);
    expect(attempt.state.texts).toEqual({ 0: ['', '改好的答案'], 2: ['任务答案'] });
    expect(record(attempt, { kind: 'tick', at: T0 + 4, item: 0, part: 1, point: 0, ticked: true }).rejected).toBe('not-submitted');
    attempt = record(attempt, { kind: 'submit', at: T0 + 5 }).attempt;
    expect(record(attempt, { kind: 'write', at: T0 + 6, item: 0, part: 1, text: '交卷后改' }).rejected).toBe('submitted');
    attempt = record(attempt, { kind: 'tick', at: T0 + 7, item: 0, part: 1, point: 2, ticked: true }).attempt;
    attempt = record(attempt, { kind: 'tick', at: T0 + 8, item: 0, part: 1, point: 0, ticked: true }).attempt;
    attempt = record(attempt, { kind: 'tick', at: T0 + 9, item: 0, part: 1, point: 2, ticked: false }).attempt;
    expect(attempt.state.ticks).toEqual({ 0: [[], [0]] });
    expect(attempt.state.texts[0]).toEqual(['', '改好的答案']);
  });

  it('refuses writing after the deadline, to a part out of range, and text beyond the limit', () => {
    const attempt = start();
    expect(record(attempt, { kind: 'write', at: T0 + 61 * 60_000, item: 0, part: 0, text: '晚了' }).rejected).toBe('time-up');
    expect(record(attempt, { kind: 'write', at: T0 + 1, item: 0, part: MAX_WRITTEN_PARTS, text: '多' }).rejected).toBe('invalid-step');
    expect(record(attempt, { kind: 'write', at: T0 + 1, item: 0, part: 0, text: '字'.repeat(MAX_ANSWER_CHARS + 1) }).rejected).toBe('invalid-step');
    expect(record(attempt, { kind: 'write', at: T0 + 1, item: 3, part: 0, text: '无此题' }).rejected).toBe('no-such-item');
  });

  it('merges two tabs\' writing by time: the later text of a part wins, whichever tab merges first', () => {
    const a = apply([{ kind: 'write', at: T0 + 10, item: 1, part: 0, text: '甲' }]);
    const b = apply([{ kind: 'write', at: T0 + 20, item: 1, part: 0, text: '乙' }]);
    expect(replay(mergeSteps(a.steps, b.steps)).texts).toEqual({ 1: ['乙'] });
    expect(replay(mergeSteps(b.steps, a.steps)).texts).toEqual({ 1: ['乙'] });
  });
});
