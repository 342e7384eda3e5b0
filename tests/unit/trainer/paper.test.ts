import { describe, expect, it } from 'vitest';
import { PaperDrawError, record, scorePaper, startAttempt, type Blueprint, type Difficulty, type ObjectiveType, type QuizQuestion } from '../../../src/quiz/index.ts';
import {
  ASSIGNMENT_BLUEPRINT_ID,
  availableIn,
  countsBySection,
  chaptersFor,
  drawAssignmentPaper,
  mixTotal,
  paperFingerprint,
  paperSeed,
  passPoints,
  reportItems,
  resultOf,
  scopeBank,
  UnknownBlueprintError,
  computeClassReport,
  decodeResult,
  encodeResult,
  validateResult,
  type CountsByDifficulty,
} from '../../../src/quiz/trainer/index.ts';
import { sampleAssignment, T0 } from './fixtures.ts';

/** Per chapter, section and type: `perCell` questions at each difficulty. */
function gradedBank(perCell = 3): QuizQuestion[] {
  const bank: QuizQuestion[] = [];
  const types: ObjectiveType[] = ['single', 'multiple', 'judge'];
  for (const chapter of ['meetings', 'documents']) {
    for (const section of ['plan', 'venue']) {
      for (const type of types) {
        for (const difficulty of [1, 2, 3] as Difficulty[]) {
          for (let i = 0; i < perCell; i++) {
            const id = `${chapter}-${section}-${type}-${difficulty}-${i}`;
            bank.push({
              id,
              chapter,
              section,
              type,
              difficulty,
              stem: `题干 ${id}`,
              options: type === 'judge' ? ['正确', '错误'] : type === 'multiple' ? ['甲', '乙', '丙', '丁', '戊'] : ['甲', '乙', '丙', '丁'],
              answer: type === 'multiple' ? [0, 2, 3] : [i % 2],
              explanation: `解析 ${id}`,
              tags: chapter === 'documents' && section === 'plan' ? ['职业道德'] : [],
            });
          }
        }
      }
    }
  }
  return bank;
}

const bank = gradedBank();
const counts: Record<ObjectiveType, CountsByDifficulty> = { single: [2, 1, 1], multiple: [0, 2, 0], judge: [1, 0, 1] };
const spec = sampleAssignment({ modules: ['meetings'], mix: { counts }, passMark: 70 });

const blueprint: Blueprint = {
  id: 'mock',
  title: '模拟',
  description: '',
  minutes: 90,
  passMark: 60,
  multiplePolicy: 'all-or-nothing',
  perChapter: true,
  parts: [
    { title: '职业道德', points: 10, pool: { tags: ['职业道德'] }, draw: { single: 2, multiple: 1, judge: 0 } },
    { title: '理论知识', points: 90, pool: { excludeTags: ['职业道德'] }, draw: { single: 4, multiple: 2, judge: 2 } },
  ],
};

describe('the scope of an assignment', () => {
  it('keeps whole chapters and single sections, in id order whatever order the files loaded in', () => {
    const scoped = scopeBank([...bank].reverse(), ['meetings#venue', 'documents']);
    expect(new Set(scoped.map((q) => `${q.chapter}#${q.section}`))).toEqual(new Set(['meetings#venue', 'documents#plan', 'documents#venue']));
    expect(scoped.map((q) => q.id)).toEqual([...scoped.map((q) => q.id)].sort());
    expect(scopeBank(bank, [])).toHaveLength(bank.length);
  });

  it('names the chapter files to load, or all of them', () => {
    expect(chaptersFor({ modules: ['meetings#plan', 'documents', 'meetings'] })).toEqual(['meetings', 'documents']);
    expect(chaptersFor({ modules: [] })).toBeUndefined();
  });

  it('counts what the scope holds per type and difficulty', () => {
    const table = countsBySection(bank);
    expect(Object.keys(table)).toHaveLength(4);
    expect(availableIn(table, ['meetings#plan'])).toEqual({ single: [3, 3, 3], multiple: [3, 3, 3], judge: [3, 3, 3] });
    expect(availableIn(table, ['meetings', 'documents#venue'])).toEqual({ single: [9, 9, 9], multiple: [9, 9, 9], judge: [9, 9, 9] });
    expect(availableIn(table, [])).toEqual({ single: [12, 12, 12], multiple: [12, 12, 12], judge: [12, 12, 12] });
    // The table agrees with what a draw would see.
    expect(availableIn(table, ['documents']).single[0]).toBe(scopeBank(bank, ['documents']).filter((q) => q.type === 'single' && q.difficulty === 1).length);
  });
});

describe('drawing the paper of an assignment', () => {
  it('draws exactly the mix asked for, 单选 then 多选 then 判断, as one part of 100 points', () => {
    const paper = drawAssignmentPaper(spec, bank, [], null);
    const drawn = paper.items.map((i) => `${i.question.type}:${i.question.difficulty}`).sort();
    const wanted = Object.entries(counts).flatMap(([type, row]) => row.flatMap((n, d) => Array.from({ length: n }, () => `${type}:${d + 1}`))).sort();
    expect(drawn).toEqual(wanted);
    const types = paper.items.map((i) => i.question.type);
    expect(types).toEqual([...types].sort((a, b) => ['single', 'multiple', 'judge'].indexOf(a) - ['single', 'multiple', 'judge'].indexOf(b)));
    expect(paper.items.every((i) => i.question.chapter === 'meetings')).toBe(true);
    expect(paper.parts).toEqual([{ title: spec.title, points: 100, count: 8 }]);
    expect(paper.items.every((i) => i.part === 0)).toBe(true);
    expect(paper).toMatchObject({ blueprintId: ASSIGNMENT_BLUEPRINT_ID, passMark: 70, minutes: spec.minutes, multiplePolicy: spec.multiplePolicy });
    // The questions are the bank's, without the tags used to pool them by difficulty.
    expect(paper.items.every((i) => i.question.tags.length === 0)).toBe(true);
  });

  it('gives everyone the same shared paper, and each learner their own variant', () => {
    const ids = (p: ReturnType<typeof drawAssignmentPaper>) => p.items.map((i) => `${i.questionId}/${i.permutation.join('')}`);
    const shared = drawAssignmentPaper(spec, bank, [], '张三');
    expect(ids(drawAssignmentPaper(spec, [...bank].reverse(), [], '李四'))).toEqual(ids(shared));

    const variant = { ...spec, variant: 'per-learner' as const };
    const zhang = drawAssignmentPaper(variant, bank, [], '张三');
    expect(ids(drawAssignmentPaper(variant, [...bank].reverse(), [], ' 张三 '))).toEqual(ids(zhang));
    expect(ids(drawAssignmentPaper(variant, bank, [], '李四'))).not.toEqual(ids(zhang));
    // Names match as learnerKey matches them: full-width letters and case do not make another paper.
    expect(paperSeed(variant, 'Ａｎｎａ')).toBe(paperSeed(variant, 'anna'));
    expect(paperSeed(spec, '张三')).toBe(paperSeed(spec, null));
  });

  it('names the shortfall when the scope is too small', () => {
    const few: Record<ObjectiveType, CountsByDifficulty> = { single: [4, 0, 0], multiple: [0, 0, 0], judge: [0, 0, 0] };
    const greedy = { ...spec, modules: ['meetings#plan'], mix: { counts: few } };
    expect(() => drawAssignmentPaper(greedy, bank, [], null)).toThrow(PaperDrawError);
    expect(() => drawAssignmentPaper(greedy, bank, [], null)).toThrow('「易」单选：需要 4 道，可用 3 道');
  });

  it('draws a blueprint from the modules, with the assignment’s own time, policy and pass mark', () => {
    const bySpec = { ...spec, modules: ['documents'], mix: { blueprint: 'mock' }, passMark: 50, multiplePolicy: 'partial' as const };
    const paper = drawAssignmentPaper(bySpec, bank, [blueprint], null);
    expect(paper.items).toHaveLength(11);
    expect(paper.items.every((i) => i.question.chapter === 'documents')).toBe(true);
    expect(paper.parts.map((p) => p.points)).toEqual([10, 90]);
    expect(paper).toMatchObject({ chapter: null, passMark: 50, multiplePolicy: 'partial', minutes: spec.minutes });
    expect(mixTotal(bySpec, [blueprint])).toBe(11);
    expect(mixTotal(bySpec, [])).toBeNull();
    expect(() => drawAssignmentPaper(bySpec, bank, [], null)).toThrow(UnknownBlueprintError);
    const items = reportItems(paper);
    expect(items.slice(0, 3).map((i) => i.points)).toEqual([10 / 3, 10 / 3, 10 / 3]);
    expect(items.reduce((sum, i) => sum + i.points, 0)).toBeCloseTo(100);
  });

  it('converts a pass mark in percent to points, up to the cent', () => {
    expect(passPoints(60, 100)).toBe(60);
    expect(passPoints(60, 7)).toBe(4.2);
    expect(passPoints(33, 10)).toBe(3.3);
    expect(passPoints(0, 100)).toBe(0);
  });
});

describe('the fingerprint of a paper', () => {
  const paper = drawAssignmentPaper(spec, bank, [], null);
  const fingerprint = paperFingerprint(paper);

  it('is six code characters, the same for the same paper however the bank was loaded', () => {
    expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{6}$/);
    expect(paperFingerprint(drawAssignmentPaper(spec, [...bank].reverse(), [], null))).toBe(fingerprint);
  });

  it('changes when the questions, their order, their option order, their key or the points change', () => {
    const [first, second, ...rest] = paper.items;
    const variants = [
      { ...paper, items: [second!, first!, ...rest] },
      { ...paper, items: [{ ...first!, questionId: 'meetings-plan-single-1-9' }, second!, ...rest] },
      { ...paper, items: [{ ...first!, permutation: [...first!.permutation].reverse() }, second!, ...rest] },
      { ...paper, items: [{ ...first!, question: { ...first!.question, answer: [3] } }, second!, ...rest] },
      { ...paper, parts: [{ ...paper.parts[0]!, points: 90 }] },
      drawAssignmentPaper({ ...spec, variant: 'per-learner' }, bank, [], '张三'),
    ];
    for (const changed of variants) expect(paperFingerprint(changed)).not.toBe(fingerprint);
  });

  it('goes into the result code of an attempt on the paper', () => {
    let attempt = startAttempt({ behaviour: 'exam', itemCount: paper.items.length, timeLimitMs: 0 }, T0 * 1000);
    attempt = record(attempt, { kind: 'submit', at: T0 * 1000 + 60_000 }).attempt;
    expect(resultOf(spec, paper, attempt.state, '张三').fingerprint).toBe(fingerprint);
  });
});

describe('from a submitted attempt to a result code and back into the report', () => {
  const paper = drawAssignmentPaper({ ...spec, multiplePolicy: 'partial' }, bank, [], null);

  function takePaper(now: number, answers: (index: number) => number[]) {
    let attempt = startAttempt({ behaviour: 'exam', itemCount: paper.items.length, timeLimitMs: spec.minutes * 60_000 }, now);
    paper.items.forEach((_, index) => {
      attempt = record(attempt, { kind: 'answer', at: now + 1000 * (index + 1), item: index, choice: answers(index) }).attempt;
    });
    return record(attempt, { kind: 'submit', at: now + 600_000 }).attempt.state;
  }

  it('refuses an attempt that is not submitted', () => {
    const running = startAttempt({ behaviour: 'exam', itemCount: paper.items.length, timeLimitMs: 0 }, T0 * 1000);
    expect(() => resultOf(spec, paper, running.state, '张三')).toThrow('交卷');
  });

  it('records the score, the answers and the credit the learner’s paper gave, and survives a round trip', () => {
    const start = T0 * 1000 + 123;
    // Right on every item but the 多选, where one of three keys is chosen: a third of the credit.
    const state = takePaper(start, (i) => {
      const question = paper.items[i]!.question;
      return question.type === 'multiple' ? [question.answer[0]!] : question.answer;
    });
    const result = resultOf(spec, paper, state, ' 张三 ');
    const score = scorePaper(paper, state.responses);
    expect(result).toMatchObject({
      assignmentId: spec.id,
      learner: '张三',
      startedAt: T0,
      submittedAt: T0 + 600,
      score: { points: score.total, max: 100, passed: score.passed },
    });
    expect(result.credit.filter((c) => c === 1 / 3)).toHaveLength(2);
    expect(validateResult(result).ok).toBe(true);
    const decoded = decodeResult(encodeResult(result), spec.id);
    expect(decoded).toEqual({ ok: true, value: result });

    const report = computeClassReport({ assignment: spec, results: [result], paperFor: () => ({ ok: true, value: paper }) });
    expect(report.roster[0]).toMatchObject({ learner: '张三', points: score.total, secondsUsed: 600 });
    expect(report.items).toHaveLength(paper.items.length);
    expect(report.mostMissed[0]?.facility).toBeCloseTo(100 / 3);
  });
});
