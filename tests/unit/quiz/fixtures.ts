/** Shared test data: a small readable bank, a bank generator for property tests, an in-memory store. */
import fc from 'fast-check';
import type { Blueprint, Difficulty, DrawCounts, KeyValueStore, ObjectiveType, QuizQuestion } from '../../../src/quiz/index.ts';

let counter = 0;

/** A question with sensible defaults; options and answer follow the type unless given. */
export function question(fields: Partial<QuizQuestion> & { type?: ObjectiveType } = {}): QuizQuestion {
  const type = fields.type ?? 'single';
  counter += 1;
  return {
    id: fields.id ?? `q-${counter}`,
    chapter: 'meetings',
    section: 'plan',
    type,
    difficulty: 1,
    stem: '会议议题与会议主题的关系是（  ）。',
    options: type === 'judge' ? ['正确', '错误'] : type === 'multiple' ? ['甲', '乙', '丙', '丁', '戊'] : ['甲', '乙', '丙', '丁'],
    answer: type === 'multiple' ? [0, 2, 3] : [1],
    explanation: '议题是对主题的细化，B 把二者关系颠倒了。',
    tags: [],
    ...fields,
  };
}

/**
 * Two chapters, every type, a few 职业道德 questions: enough for a small mock exam with an ethics
 * part (2 单选 + 1 多选) and a theory part (3 单选 + 2 多选 + 2 判断).
 */
export function smallBank(): QuizQuestion[] {
  const bank: QuizQuestion[] = [];
  const chapters = ['meetings', 'documents'];
  for (const chapter of chapters) {
    for (let i = 1; i <= 4; i++) {
      bank.push(question({ id: `${chapter}-s${i}`, chapter, section: i % 2 ? 'plan' : 'venue', type: 'single', difficulty: ((i % 3) + 1) as Difficulty }));
    }
    for (let i = 1; i <= 2; i++) bank.push(question({ id: `${chapter}-m${i}`, chapter, section: 'plan', type: 'multiple', difficulty: 2 }));
    for (let i = 1; i <= 2; i++) bank.push(question({ id: `${chapter}-j${i}`, chapter, section: 'venue', type: 'judge', answer: [i % 2] }));
    for (let i = 1; i <= 2; i++) bank.push(question({ id: `${chapter}-e${i}`, chapter, section: 'ethics', type: 'single', tags: ['职业道德'] }));
    bank.push(question({ id: `${chapter}-em`, chapter, section: 'ethics', type: 'multiple', tags: ['职业道德'] }));
  }
  return bank;
}

export function mockBlueprint(fields: Partial<Blueprint> = {}): Blueprint {
  return {
    id: 'mock',
    title: '理论知识模拟',
    description: '测试用',
    minutes: 90,
    passMark: 60,
    multiplePolicy: 'all-or-nothing',
    perChapter: false,
    // The shuffling path is the one with answers to remap; the default (off) has its own test.
    shuffleOptions: true,
    parts: [
      { title: '职业道德', points: 10, pool: { tags: ['职业道德'] }, draw: { single: 2, multiple: 1, judge: 0 } },
      { title: '理论知识', points: 90, pool: { excludeTags: ['职业道德'] }, draw: { single: 3, multiple: 2, judge: 2 } },
    ],
    ...fields,
  };
}

const CHAPTERS = ['meetings', 'documents', 'reception', 'archives'];

/** Random banks: ids unique, options and answers consistent with the type. */
export const bankArbitrary: fc.Arbitrary<QuizQuestion[]> = fc
  .array(
    fc.record({
      chapter: fc.constantFrom(...CHAPTERS),
      type: fc.constantFrom<ObjectiveType>('single', 'multiple', 'judge'),
      difficulty: fc.constantFrom<Difficulty>(1, 2, 3),
      ethics: fc.boolean(),
      seed: fc.nat(),
    }),
    { maxLength: 120 },
  )
  .map((rows) =>
    rows.map((row, i) => {
      const optionCount = row.type === 'judge' ? 2 : row.type === 'multiple' ? 4 + (row.seed % 2) : 4;
      const answer =
        row.type === 'multiple'
          ? Array.from({ length: optionCount }, (_, k) => k).filter((k) => (row.seed >> k) & 1 || k === 0 || k === 1)
          : [row.seed % optionCount];
      return question({
        id: `g-${i}`,
        chapter: row.chapter,
        section: `s${row.seed % 3}`,
        type: row.type,
        difficulty: row.difficulty,
        options: Array.from({ length: optionCount }, (_, k) => (row.type === 'judge' ? ['正确', '错误'][k] ?? '' : `选项${i}-${k}`)),
        answer,
        tags: row.ethics ? ['职业道德'] : [],
      });
    }),
  );

/** Draw counts for a two-part blueprint with disjoint pools (ethics / everything else). */
export const countsArbitrary = fc.record({
  ethics: fc.record({ single: fc.nat(6), multiple: fc.nat(4), judge: fc.nat(3) }),
  theory: fc.record({ single: fc.nat(20), multiple: fc.nat(8), judge: fc.nat(8) }),
});

/** A bank with counts it can always fill: each count at most what the part's pool holds. */
export const fillableArbitrary = bankArbitrary.chain((bank) => {
  const available = (ethics: boolean, type: ObjectiveType) =>
    bank.filter((q) => q.type === type && q.tags.includes('职业道德') === ethics).length;
  const counts = (ethics: boolean) =>
    fc.record({
      single: fc.nat(available(ethics, 'single')),
      multiple: fc.nat(available(ethics, 'multiple')),
      judge: fc.nat(available(ethics, 'judge')),
    });
  return fc.record({ bank: fc.constant(bank), counts: fc.record({ ethics: counts(true), theory: counts(false) }), seed: fc.string() });
});

export function twoPartBlueprint(counts: { ethics: DrawCounts; theory: DrawCounts }): Blueprint {
  return mockBlueprint({
    parts: [
      { title: '职业道德', points: 10, pool: { tags: ['职业道德'] }, draw: counts.ethics },
      { title: '理论知识', points: 90, pool: { excludeTags: ['职业道德'] }, draw: counts.theory },
    ],
  });
}

/** localStorage stand-in. `quotaChars` makes setItem fail like a full browser store. */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  quotaChars = Infinity;

  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const used = [...this.data].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quotaChars) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  keys(): string[] {
    return [...this.data.keys()];
  }
}

/** A fixed moment the engine tests start from, and the units they count in. */
export const T0 = Date.UTC(2025, 4, 1, 9, 0);
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** The skills paper as the content defines it (src/content/exams/skills-paper.yaml). */
export const skillsBlueprint: Blueprint = {
  id: 'skills-paper',
  title: '秘书专业能力模拟卷',
  description: '',
  minutes: 120,
  passMark: 60,
  multiplePolicy: 'all-or-nothing',
  perChapter: false,
  parts: [
    { title: '案例分析', points: 50, pool: {}, draw: { single: 0, multiple: 0, judge: 0 }, written: { case: 2, task: 0 } },
    { title: '工作实务', points: 50, pool: {}, draw: { single: 0, multiple: 0, judge: 0 }, written: { case: 0, task: 3 } },
  ],
};
