import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  createRandom,
  describeShortfall,
  drawPaper,
  findShortfalls,
  inPool,
  layoutOf,
  OBJECTIVE_TYPES,
  PaperDrawError,
  restorePaper,
  scorePaper,
  totalDrawn,
} from '../../../src/quiz/index.ts';
import type { Blueprint, Paper, QuizQuestion } from '../../../src/quiz/index.ts';
import { bankArbitrary, countsArbitrary, fillableArbitrary, mockBlueprint, smallBank, twoPartBlueprint } from './fixtures.ts';

function countBy(paper: Paper, part: number, type: string): number {
  return paper.items.filter((item) => item.part === part && item.question.type === type).length;
}

describe('drawPaper', () => {
  const bank = smallBank();
  const blueprint = mockBlueprint();

  it('fills every part with its counts per type, ethics questions only in the ethics part', () => {
    const paper = drawPaper(bank, blueprint, 'seed-1');
    expect(paper.items).toHaveLength(10);
    expect(paper.parts).toEqual([
      { title: '职业道德', points: 10, count: 3 },
      { title: '理论知识', points: 90, count: 7 },
    ]);
    expect([countBy(paper, 0, 'single'), countBy(paper, 0, 'multiple'), countBy(paper, 0, 'judge')]).toEqual([2, 1, 0]);
    expect([countBy(paper, 1, 'single'), countBy(paper, 1, 'multiple'), countBy(paper, 1, 'judge')]).toEqual([3, 2, 2]);
    for (const item of paper.items) expect(item.question.tags.includes('职业道德')).toBe(item.part === 0);
    expect(new Set(paper.items.map((item) => item.questionId)).size).toBe(10);
  });

  it('lists a part types in exam order: 单选, then 多选, then 判断', () => {
    const paper = drawPaper(bank, blueprint, 'seed-1');
    expect(paper.items.map((item) => item.question.type)).toEqual([
      'single', 'single', 'multiple', 'single', 'single', 'single', 'multiple', 'multiple', 'judge', 'judge',
    ]);
  });

  it('draws the identical paper from the same seed, and another from another seed', () => {
    expect(drawPaper(bank, blueprint, 'same')).toEqual(drawPaper(bank, blueprint, 'same'));
    const papers = ['a', 'b', 'c', 'd'].map((seed) => JSON.stringify(drawPaper(bank, blueprint, seed).items));
    expect(new Set(papers).size).toBeGreaterThan(1);
  });

  it('keeps the bank option order unless the blueprint asks for a shuffle', () => {
    const paper = drawPaper(bank, mockBlueprint({ shuffleOptions: undefined }), 'seed-a');
    for (const item of paper.items) {
      const original = bank.find((q) => q.id === item.questionId)!;
      expect(item.permutation).toEqual(original.options.map((_, i) => i));
      expect(item.question.answer).toEqual(original.answer);
    }
    const shuffled = drawPaper(bank, mockBlueprint(), 'seed-a');
    expect(shuffled.items.some((item) => item.permutation.some((original, shown) => original !== shown))).toBe(true);
  });

  it('keeps 判断 options as 正确/错误 and remaps shuffled answers to the same option text', () => {
    const paper = drawPaper(bank, blueprint, 'options');
    const byId = new Map(bank.map((q) => [q.id, q]));
    for (const item of paper.items) {
      const original = byId.get(item.questionId) as QuizQuestion;
      if (original.type === 'judge') expect(item.question.options).toEqual(['正确', '错误']);
      expect(item.question.options).toEqual(item.permutation.map((i) => original.options[i]));
      const shownAnswerText = item.question.answer.map((i) => item.question.options[i]).sort();
      expect(shownAnswerText).toEqual(original.answer.map((i) => original.options[i]).sort());
    }
  });

  it('throws naming what is short when the bank cannot fill the blueprint', () => {
    const greedy = mockBlueprint({
      parts: [{ title: '职业道德', points: 10, pool: { tags: ['职业道德'] }, draw: { single: 9, multiple: 1, judge: 1 } }],
    });
    expect(() => drawPaper(bank, greedy, 'x')).toThrow(PaperDrawError);
    expect(() => drawPaper(bank, greedy, 'x')).toThrow('「职业道德」单选：需要 9 道，可用 4 道');
    expect(() => drawPaper(bank, greedy, 'x')).toThrow('「职业道德」判断：需要 1 道，可用 0 道');
  });

  it('draws a per-chapter test from the chosen chapter only, and insists on a chapter', () => {
    const perChapter = mockBlueprint({
      perChapter: true,
      parts: [{ title: '章节测验', points: 100, pool: {}, draw: { single: 6, multiple: 3, judge: 2 } }],
    });
    expect(() => drawPaper(bank, perChapter, 'x')).toThrow('需要指定章节');
    const paper = drawPaper(bank, perChapter, 'x', { chapter: 'documents' });
    expect(paper.chapter).toBe('documents');
    expect(paper.items).toHaveLength(11);
    expect(paper.items.every((item) => item.question.chapter === 'documents')).toBe(true);
  });

  it('stores as a layout without question text and restores to the same paper', () => {
    const paper = drawPaper(bank, blueprint, 'layout');
    const layout = layoutOf(paper);
    expect(JSON.stringify(layout)).not.toContain('会议议题');
    expect(restorePaper(bank, JSON.parse(JSON.stringify(layout)))).toEqual(paper);
    const removed = paper.items[0]?.questionId;
    expect(() => restorePaper(bank.filter((q) => q.id !== removed), layout)).toThrow(`${removed} 已不在题库中`);
  });
});

describe('allocate (largest remainder)', () => {
  it('splits seats in proportion, remainders breaking the rest', () => {
    expect(allocate([7, 2, 1], 4, createRandom('a'))).toEqual([3, 1, 0]);
    expect(allocate([50, 30, 20], 10, createRandom('a'))).toEqual([5, 3, 2]);
    expect(allocate([0, 4], 4, createRandom('a'))).toEqual([0, 4]);
  });

  it('never gives a stratum more than it has and always sums to n', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 1, maxLength: 12 }), fc.nat(), fc.string(), (sizes, k, seed) => {
        const total = sizes.reduce((s, x) => s + x, 0);
        const n = total === 0 ? 0 : k % (total + 1);
        const quotas = allocate(sizes, n, createRandom(seed));
        expect(quotas.reduce((s, x) => s + x, 0)).toBe(n);
        quotas.forEach((q, i) => {
          const exact = total === 0 ? 0 : (n * (sizes[i] ?? 0)) / total;
          expect(q).toBeGreaterThanOrEqual(Math.floor(exact));
          expect(q).toBeLessThanOrEqual(Math.ceil(exact));
        });
      }),
    );
  });
});

describe('drawPaper properties', () => {
  const scenario = fc.record({ bank: bankArbitrary, counts: countsArbitrary, seed: fc.string() });

  it('every drawn paper satisfies its blueprint; an unfillable one throws naming each shortfall', () => {
    fc.assert(
      fc.property(fc.oneof(scenario, fillableArbitrary), ({ bank, counts, seed }) => {
        const blueprint = twoPartBlueprint(counts);
        const shortfalls = findShortfalls(bank, blueprint.parts);
        if (shortfalls.length > 0) {
          let message = '';
          try {
            drawPaper(bank, blueprint, seed);
          } catch (error) {
            message = (error as Error).message;
          }
          for (const s of shortfalls) expect(message).toContain(describeShortfall(s));
          return;
        }
        const paper = drawPaper(bank, blueprint, seed);
        const byId = new Map(bank.map((q) => [q.id, q]));
        expect(new Set(paper.items.map((i) => i.questionId)).size).toBe(paper.items.length);
        blueprint.parts.forEach((part, p) => {
          for (const type of OBJECTIVE_TYPES) expect(countBy(paper, p, type)).toBe(part.draw[type]);
        });
        for (const item of paper.items) {
          const part = blueprint.parts[item.part];
          expect(part && inPool(byId.get(item.questionId) as QuizQuestion, part.pool)).toBe(true);
        }
      }),
    );
  });

  it('never repeats a question, even when part pools overlap', () => {
    fc.assert(
      fc.property(fillableArbitrary, ({ bank, counts, seed }) => {
        // The second part may draw from the whole bank, ethics questions included.
        const overlapping = mockBlueprint({
          parts: [
            { title: '职业道德', points: 10, pool: { tags: ['职业道德'] }, draw: counts.ethics },
            { title: '综合', points: 90, pool: {}, draw: counts.theory },
          ],
        });
        const paper = drawPaper(bank, overlapping, seed);
        expect(new Set(paper.items.map((i) => i.questionId)).size).toBe(paper.items.length);
        expect(paper.items).toHaveLength(totalDrawn(counts.ethics) + totalDrawn(counts.theory));
      }),
    );
  });

  it('allocates each type in proportion to its chapter × difficulty strata', () => {
    fc.assert(
      fc.property(fillableArbitrary, ({ bank, counts, seed }) => {
        const blueprint = twoPartBlueprint(counts);
        const paper = drawPaper(bank, blueprint, seed);
        blueprint.parts.forEach((part, p) => {
          for (const type of OBJECTIVE_TYPES) {
            const candidates = bank.filter((q) => q.type === type && inPool(q, part.pool));
            const strata = new Map<string, number>();
            for (const q of candidates) strata.set(`${q.chapter}/${q.difficulty}`, (strata.get(`${q.chapter}/${q.difficulty}`) ?? 0) + 1);
            for (const [key, size] of strata) {
              const drawn = paper.items.filter(
                (i) => i.part === p && i.question.type === type && `${i.question.chapter}/${i.question.difficulty}` === key,
              ).length;
              const exact = (part.draw[type] * size) / candidates.length;
              expect(drawn).toBeGreaterThanOrEqual(Math.floor(exact));
              expect(drawn).toBeLessThanOrEqual(Math.ceil(exact));
            }
          }
        });
      }),
    );
  });

  it('shuffling keeps correctness: choosing every remapped answer scores full marks', () => {
    fc.assert(
      fc.property(fillableArbitrary, fc.constantFrom<Blueprint['multiplePolicy']>('all-or-nothing', 'partial'), ({ bank, counts, seed }, policy) => {
        const blueprint = twoPartBlueprint(counts);
        const paper = drawPaper(bank, blueprint, seed);
        const byId = new Map(bank.map((q) => [q.id, q]));
        for (const item of paper.items) {
          const original = byId.get(item.questionId) as QuizQuestion;
          expect(item.question.answer.map((i) => item.question.options[i])).toEqual(
            expect.arrayContaining(original.answer.map((i) => original.options[i])),
          );
          expect(item.question.answer).toHaveLength(original.answer.length);
        }
        const responses = Object.fromEntries(paper.items.map((item, i) => [i, item.question.answer]));
        const score = scorePaper(paper, responses, policy);
        const drawnParts = paper.parts.filter((part) => part.count > 0);
        expect(score.total).toBe(drawnParts.reduce((sum, part) => sum + part.points, 0));
        expect(score.items.every((mark) => mark.correct)).toBe(true);
      }),
    );
  });
});
