/** The skills paper: drawing written items, writing, handing in, self-marking and the score. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AttemptSession,
  drawWrittenPaper,
  findWrittenShortfalls,
  isWrittenBlueprint,
  loadAttempt,
  pointTerms,
  restoreWrittenPaper,
  scoreWritten,
  seemsCovered,
  WrittenDrawError,
  writtenLayoutOf,
} from '../../../src/quiz/index.ts';
import type { CaseItem, WrittenPaper } from '../../../src/quiz/index.ts';
import { MemoryStore, MINUTE, skillsBlueprint, T0 } from './fixtures.ts';


function item(kind: 'case' | 'task', id: string, chapter: string, scores: number[][]): CaseItem {
  return {
    kind,
    id,
    chapter,
    section: 'first',
    difficulty: 2,
    scenario: '情景',
    parts: scores.map((points, p) => ({ prompt: `第${p + 1}问`, modelAnswer: '参考答案', points: points.map((score, i) => ({ text: `得分点${i + 1}`, score })) })),
    explanation: '解析',
    tags: [],
    ...(kind === 'task' ? { verb: '拟写', marks: scores.flat().reduce((a, b) => a + b, 0), materials: [] } : {}),
  };
}

const bank: CaseItem[] = [
  item('case', 'a-c01', 'a', [[2, 2], [3, 1]]),
  item('case', 'a-c02', 'a', [[4], [4]]),
  item('case', 'b-c01', 'b', [[1, 1, 1], [2]]),
  item('case', 'c-c01', 'c', [[5], [5]]),
  item('task', 'a-t01', 'a', [[4, 4, 4, 8]]),
  item('task', 'b-t01', 'b', [[5, 5, 5, 5]]),
  item('task', 'c-t01', 'c', [[10, 5, 5]]),
  item('task', 'c-t02', 'c', [[6, 6, 8]]),
];

const blueprint = skillsBlueprint;

describe('drawing the skills paper', () => {
  it('draws 2 cases and 3 tasks, each once, spread over chapters, the same for the same seed', () => {
    const paper = drawWrittenPaper(bank, blueprint, 'seed-1');
    expect(isWrittenBlueprint(blueprint)).toBe(true);
    expect(paper.items.map((i) => [i.part, i.written.kind])).toEqual([
      [0, 'case'],
      [0, 'case'],
      [1, 'task'],
      [1, 'task'],
      [1, 'task'],
    ]);
    const ids = paper.items.map((i) => i.questionId);
    expect(new Set(ids).size).toBe(5);
    const caseChapters = paper.items.filter((i) => i.part === 0).map((i) => i.written.chapter);
    expect(new Set(caseChapters).size).toBe(2);
    const taskChapters = paper.items.filter((i) => i.part === 1).map((i) => i.written.chapter);
    expect(new Set(taskChapters).size).toBe(3);
    expect(drawWrittenPaper(bank, blueprint, 'seed-1')).toEqual(paper);
    expect(paper.parts.map((p) => [p.title, p.points, p.count])).toEqual([
      ['案例分析', 50, 2],
      ['工作实务', 50, 3],
    ]);
  });

  it('names what is missing when the bank cannot fill it', () => {
    const few = bank.filter((i) => i.kind === 'case');
    expect(findWrittenShortfalls(few, blueprint)).toEqual([{ part: '工作实务', kind: 'task', needed: 3, available: 0 }]);
    expect(() => drawWrittenPaper(few, blueprint, 's')).toThrow(WrittenDrawError);
    expect(() => drawWrittenPaper(few, blueprint, 's')).toThrow('「工作实务」工作实务：需要 3 道，可用 0 道');
  });

  it('stores as a layout of slots and comes back from the bank, or says which items are gone', () => {
    const paper = drawWrittenPaper(bank, blueprint, 'seed-2');
    const layout = writtenLayoutOf(paper);
    expect(layout.kind).toBe('written');
    expect(restoreWrittenPaper(bank, layout)).toEqual(paper);
    const gone = paper.items[0]?.questionId ?? '';
    expect(() => restoreWrittenPaper(bank.filter((i) => i.id !== gone), layout)).toThrow(`${gone} 已不在题库中`);
  });
});

describe('taking and self-marking the skills paper', () => {
  it('keeps writing through a reload, then scores the ticked 得分点 after hand-in', () => {
    const store = new MemoryStore();
    const paper = drawWrittenPaper(bank, blueprint, 'seed-3');
    const { session } = AttemptSession.begin(store, 's1', paper, T0, { recordMarks: null });
    session.apply({ kind: 'write', at: T0 + MINUTE, item: 0, part: 0, text: '第一问的作答' });
    session.apply({ kind: 'write', at: T0 + 2 * MINUTE, item: 2, part: 0, text: '任务作答' });
    expect(session.writtenScore).toBeNull();

    const stored = loadAttempt(store, 's1').value;
    if (!stored) throw new Error('not stored');
    const reopened = new AttemptSession<WrittenPaper>(store, stored, restoreWrittenPaper(bank, stored.layout), { recordMarks: null });
    expect(reopened.state.texts).toEqual({ 0: ['第一问的作答'], 2: ['任务作答'] });
    reopened.apply({ kind: 'submit', at: T0 + 3 * MINUTE });
    expect(reopened.writtenScore?.total).toBe(0);
    // Tick every point of the first case: it earns its whole share, 25 of the 50 case points.
    paper.items[0]?.written.parts.forEach((part, p) => part.points.forEach((_, i) => reopened.apply({ kind: 'tick', at: T0 + 4 * MINUTE + i, item: 0, part: p, point: i, ticked: true })));
    const score = reopened.writtenScore;
    expect(score?.items[0]).toMatchObject({ score: 25, points: 25, written: true });
    expect(score?.parts[0]?.score).toBe(25);
    expect(score?.total).toBe(25);
    expect(score?.passed).toBe(false);
  });

  const paperArb = fc.constantFrom('p1', 'p2', 'p3', 'p4').map((seed) => drawWrittenPaper(bank, blueprint, seed));
  const ticksArb = (paper: WrittenPaper) =>
    fc.tuple(
      ...paper.items.map((slot) => fc.tuple(...slot.written.parts.map((part) => fc.subarray(part.points.map((_, i) => i))))),
    );

  it('always scores within 0–100, and ticking another point never lowers the score', () => {
    fc.assert(
      fc.property(
        paperArb.chain((paper) => fc.tuple(fc.constant(paper), ticksArb(paper), fc.nat(4), fc.nat(3))),
        ([paper, ticks, itemIndex, pointIndex]) => {
          const state = { texts: {}, ticks: Object.fromEntries(ticks.map((parts, i) => [i, parts])) as Record<number, number[][]> };
          const score = scoreWritten(paper, state);
          expect(score.total).toBeGreaterThanOrEqual(0);
          expect(score.total).toBeLessThanOrEqual(100);
          expect(score.maxTotal).toBe(100);
          // Add one more point, anywhere.
          const slot = paper.items[itemIndex % paper.items.length];
          const part = slot?.written.parts[0];
          if (!slot || !part) return;
          const point = pointIndex % part.points.length;
          const more = structuredClone(state.ticks);
          const parts = more[slot === undefined ? 0 : paper.items.indexOf(slot)] ?? [];
          parts[0] = [...new Set([...(parts[0] ?? []), point])].sort((a, b) => a - b);
          more[paper.items.indexOf(slot)] = parts;
          expect(scoreWritten(paper, { texts: {}, ticks: more }).total).toBeGreaterThanOrEqual(score.total);
        },
      ),
    );
  });

  it('gives full marks only for every point ticked, and ignores ticks naming no point', () => {
    const paper = drawWrittenPaper(bank, blueprint, 'p1');
    const all = Object.fromEntries(paper.items.map((slot, i) => [i, slot.written.parts.map((part) => part.points.map((_, j) => j))]));
    expect(scoreWritten(paper, { texts: {}, ticks: all })).toMatchObject({ total: 100, passed: true });
    expect(scoreWritten(paper, { texts: {}, ticks: { 0: [[99]] } }).total).toBe(0);
  });
});

describe('the self-marking hint', () => {
  it('looks for a point\'s keywords when it has them, else for its own content words', () => {
    expect(pointTerms({ text: '标题写明事由和文种', keywords: ['通知', '关于'] })).toEqual(['通知', '关于']);
    expect(pointTerms({ text: '指出未凭订货单、通知单核对交货单和货物' })).toEqual(expect.arrayContaining(['订货', '核对', '交货', '货物']));
    expect(pointTerms({ text: '指出未凭订货单、通知单核对交货单和货物' })).not.toContain('指出');
  });

  it('suggests a point when at least half its terms appear, never for an empty answer', () => {
    const point = { text: '写明会议时间和地点', keywords: ['时间', '地点'] };
    expect(seemsCovered(point, '会议时间：5月8日上午，地点：三楼会议室')).toBe(true);
    expect(seemsCovered(point, '时间另行通知')).toBe(true);
    expect(seemsCovered(point, '请大家准时参加')).toBe(false);
    expect(seemsCovered(point, '')).toBe(false);
    expect(seemsCovered({ text: '核对交货单与货物' }, '没有核对交货单，也没看货物')).toBe(true);
  });
});
