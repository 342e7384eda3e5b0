import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditFor, drawPaper, scorePaper } from '../../../src/quiz/index.ts';
import type { MultiplePolicy, Paper, Responses } from '../../../src/quiz/index.ts';
import { fillableArbitrary, mockBlueprint, question, smallBank, twoPartBlueprint } from './fixtures.ts';

/** A paper built by hand: `ethics` single questions in part 0, `theory` in part 1. */
function handPaper(ethics: number, theory: number): Paper {
  const items = [...Array(ethics + theory).keys()].map((i) => {
    const q = question({ id: `p-${i}`, chapter: i % 2 ? 'documents' : 'meetings', section: i % 3 ? 'plan' : 'venue', answer: [0] });
    return { part: i < ethics ? 0 : 1, questionId: q.id, permutation: [0, 1, 2, 3], question: q };
  });
  return {
    blueprintId: 'hand',
    title: '手工试卷',
    seed: '',
    chapter: null,
    minutes: 90,
    passMark: 60,
    multiplePolicy: 'all-or-nothing',
    parts: [
      { title: '职业道德', points: 10, count: ethics },
      { title: '理论知识', points: 90, count: theory },
    ],
    items,
  };
}

const allRight = (paper: Paper, except: number[] = []): Responses =>
  Object.fromEntries(paper.items.map((item, i) => [i, except.includes(i) ? [1] : item.question.answer]));

describe('marking one question', () => {
  const multiple = question({ type: 'multiple', answer: [0, 2, 3] });

  it('all-or-nothing gives 多选 a mark only for exactly the right options', () => {
    expect(creditFor(multiple, [3, 0, 2], 'all-or-nothing')).toBe(1);
    expect(creditFor(multiple, [0, 2], 'all-or-nothing')).toBe(0);
    expect(creditFor(multiple, [0, 1, 2, 3], 'all-or-nothing')).toBe(0);
  });

  it('partial credit gives a share per right option chosen, nothing if any wrong one is chosen', () => {
    expect(creditFor(multiple, [0, 2], 'partial')).toBeCloseTo(2 / 3);
    expect(creditFor(multiple, [3], 'partial')).toBeCloseTo(1 / 3);
    expect(creditFor(multiple, [0, 2, 3], 'partial')).toBe(1);
    expect(creditFor(multiple, [0, 2, 3, 4], 'partial')).toBe(0);
    expect(creditFor(multiple, [], 'partial')).toBe(0);
  });

  it('单选 and 判断 are right or wrong whatever the policy', () => {
    const single = question({ type: 'single', answer: [1] });
    expect(creditFor(single, [1], 'partial')).toBe(1);
    expect(creditFor(single, [1, 2], 'partial')).toBe(0);
    expect(creditFor(single, undefined, 'partial')).toBe(0);
  });
});

describe('scorePaper', () => {
  it('scales 25 ethics questions to 10 points and 100 theory questions to 90', () => {
    const paper = handPaper(25, 100);
    const perfect = scorePaper(paper, allRight(paper));
    expect(perfect.parts.map((p) => p.score)).toEqual([10, 90]);
    expect(perfect.total).toBe(100);
    // One ethics question wrong costs 0.4 points; one theory question 0.9.
    const twoWrong = scorePaper(paper, allRight(paper, [0, 30]));
    expect(twoWrong.parts.map((p) => p.score)).toEqual([9.6, 89.1]);
    expect(twoWrong.total).toBe(98.7);
  });

  it('passes at the pass mark exactly and fails below it', () => {
    const paper = handPaper(0, 10);
    const wrong = (n: number) => [...Array(n).keys()];
    expect(scorePaper(paper, allRight(paper, wrong(3)))).toMatchObject({ total: 63, passed: true });
    expect(scorePaper({ ...paper, passMark: 63 }, allRight(paper, wrong(3))).passed).toBe(true);
    expect(scorePaper(paper, allRight(paper, wrong(4)))).toMatchObject({ total: 54, passed: false });
  });

  it('breaks results down by part, chapter and section', () => {
    const paper = handPaper(2, 4);
    const score = scorePaper(paper, allRight(paper, [0, 3]));
    expect(score.parts.map(({ key, right, total, share }) => ({ key, right, total, share }))).toEqual([
      { key: '职业道德', right: 1, total: 2, share: 0.5 },
      { key: '理论知识', right: 3, total: 4, share: 0.75 },
    ]);
    expect(score.byChapter).toEqual([
      { key: 'meetings', right: 2, total: 3, share: 2 / 3 },
      { key: 'documents', right: 2, total: 3, share: 2 / 3 },
    ]);
    // Items 0 (meetings#venue) and 3 (documents#venue) are wrong; sections in order of appearance.
    expect(score.bySection).toEqual([
      { key: 'meetings#venue', right: 0, total: 1, share: 0 },
      { key: 'documents#plan', right: 2, total: 2, share: 1 },
      { key: 'meetings#plan', right: 2, total: 2, share: 1 },
      { key: 'documents#venue', right: 0, total: 1, share: 0 },
    ]);
    expect(score.items[3]).toMatchObject({ questionId: 'p-3', answered: true, correct: false, credit: 0 });
  });

  it('uses the paper policy unless told otherwise', () => {
    const bank = smallBank();
    const paper = drawPaper(bank, mockBlueprint({ multiplePolicy: 'partial' }), 'policy');
    const index = paper.items.findIndex((item) => item.question.type === 'multiple');
    const answer = paper.items[index]?.question.answer ?? [];
    const responses = { [index]: answer.slice(1) };
    expect(scorePaper(paper, responses).items[index]?.credit).toBeCloseTo(2 / 3);
    expect(scorePaper(paper, responses, 'all-or-nothing').items[index]?.credit).toBe(0);
  });
});

describe('scorePaper properties', () => {
  const policy = fc.constantFrom<MultiplePolicy>('all-or-nothing', 'partial');
  const choices = fc.array(fc.option(fc.uniqueArray(fc.nat(4), { maxLength: 5 }), { nil: undefined }), { maxLength: 60 });

  function responsesFrom(raw: (number[] | undefined)[]): Record<number, number[]> {
    const responses: Record<number, number[]> = {};
    raw.forEach((choice, i) => {
      if (choice) responses[i] = choice;
    });
    return responses;
  }

  it('keeps every part within [0, points] and the total within [0, sum of points]', () => {
    fc.assert(
      fc.property(fillableArbitrary, choices, policy, ({ bank, counts, seed }, raw, p) => {
        const paper = drawPaper(bank, twoPartBlueprint(counts), seed);
        const score = scorePaper(paper, responsesFrom(raw), p);
        for (const part of score.parts) {
          expect(part.score).toBeGreaterThanOrEqual(0);
          expect(part.score).toBeLessThanOrEqual(part.points);
        }
        expect(score.total).toBeGreaterThanOrEqual(0);
        expect(score.total).toBeLessThanOrEqual(score.maxTotal);
        expect(score.maxTotal).toBe(100);
      }),
    );
  });

  it('never drops when a wrong answer is corrected', () => {
    fc.assert(
      fc.property(fillableArbitrary, choices, policy, fc.nat(), ({ bank, counts, seed }, raw, p, k) => {
        const paper = drawPaper(bank, twoPartBlueprint(counts), seed);
        fc.pre(paper.items.length > 0);
        const responses = responsesFrom(raw);
        const before = scorePaper(paper, responses, p);
        const index = k % paper.items.length;
        const corrected = { ...responses, [index]: paper.items[index]?.question.answer ?? [] };
        const after = scorePaper(paper, corrected, p);
        expect(after.total).toBeGreaterThanOrEqual(before.total);
        expect(after.items[index]?.correct).toBe(true);
        after.parts.forEach((part, i) => expect(part.score).toBeGreaterThanOrEqual(before.parts[i]?.score ?? 0));
      }),
    );
  });
});
