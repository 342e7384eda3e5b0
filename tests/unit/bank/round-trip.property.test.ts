/**
 * Export → import gives back the same questions, for random valid banks whose texts mix Chinese,
 * ASCII and everything that means something to GIFT, Aiken or a spreadsheet.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAiken } from '../../../src/bank/aiken.ts';
import { readCsv } from '../../../src/bank/csv.ts';
import { exportBank } from '../../../src/bank/export.ts';
import { readGift } from '../../../src/bank/gift.ts';
import type { BankSelection, ImportedQuestion } from '../../../src/bank/interchange.ts';
import { OPTION_LETTERS, QuestionSchema } from '../../../src/content/schemas/question.ts';
import type { Difficulty, QuizQuestion } from '../../../src/quiz/models.ts';
import { chapter } from './fixtures.ts';

const TOKENS = [
  ...'秘书会议印章文档接待（），。：；“”、！？',
  '（  ）',
  ...'aBzQ07 .)',
  ...'~=#{}:\\%[]/<>&@+-\'",;|｜\t',
  '\\n',
  '\n',
  '%50%',
  '%-100%',
  '[html]',
  '[markdown]',
  '[moodle]',
  '<b>',
  '&amp;',
  '->',
  '//',
  '####',
  '::',
  '$CATEGORY:',
  'T',
  'F',
  'ANSWER:',
  '=SUM(A1)',
];

const text = (minLength: number, tokens: readonly string[] = TOKENS) =>
  fc
    .array(fc.constantFrom(...tokens), { minLength: Math.ceil(minLength / 2), maxLength: minLength + 12 })
    .map((parts) => parts.join('').trim())
    .filter((s) => s.length >= minLength);

const oneLine = TOKENS.filter((t) => !t.includes('\n'));
const tag = fc.constantFrom('职业道德', '会议', 'a b', 'x]y', '礼仪-2');

function objective(lines: readonly string[]): fc.Arbitrary<Omit<QuizQuestion, 'id'>> {
  const common = {
    chapter: fc.constantFrom('demo', 'other'),
    section: fc.constantFrom('first', 'sec-2'),
    difficulty: fc.constantFrom<Difficulty>(1, 2, 3),
    stem: text(5, lines),
    explanation: text(30, lines),
    tags: fc.uniqueArray(tag, { maxLength: 2 }),
  };
  const options = (min: number, max: number) => fc.uniqueArray(text(1, lines), { minLength: min, maxLength: max });
  return fc.oneof(
    fc.record({ ...common, type: fc.constant('single' as const), options: options(4, 4), answer: fc.nat(3).map((i) => [i]) }),
    fc.record({
      ...common,
      type: fc.constant('multiple' as const),
      options: options(4, 5),
      answer: fc.uniqueArray(fc.nat(3), { minLength: 2, maxLength: 4 }).map((a) => a.sort((x, y) => x - y)),
    }),
    fc.record({ ...common, type: fc.constant('judge' as const), options: fc.constant<string[]>(['正确', '错误']), answer: fc.nat(1).map((i) => [i]) }),
  );
}

/** The question as the bank's YAML holds it, to check that the generated bank is a valid one. */
function asYaml(q: QuizQuestion) {
  const answer = q.type === 'judge' ? q.answer[0] === 0 : q.answer.map((i) => OPTION_LETTERS[i]).join('');
  return { id: q.id, section: q.section, type: q.type, difficulty: q.difficulty, stem: q.stem, ...(q.type === 'judge' ? {} : { options: q.options }), answer, explanation: q.explanation, tags: q.tags };
}

const bank = (lines: readonly string[] = TOKENS) =>
  fc
    .array(objective(lines), { maxLength: 8 })
    .map((list): BankSelection => ({
      chapters: [chapter('demo', '示例/章节：{一}', 1), chapter('other', 'other #2', 2)],
      // Our GIFT export groups questions by chapter, so generate them in that order.
      questions: list.map((q, i) => ({ ...q, id: `${q.chapter}-${String(i + 1).padStart(3, '0')}` })).sort((a, b) => a.chapter.localeCompare(b.chapter)),
      cases: [],
    }))
    .filter((b) => b.questions.every((q) => QuestionSchema.safeParse(asYaml(q)).success));

const shape = (q: QuizQuestion | ImportedQuestion) => ({ type: q.type, stem: q.stem, options: q.options, answer: q.answer, explanation: q.explanation });
const placed = (q: QuizQuestion | ImportedQuestion) => ({ id: q.id, section: q.section, difficulty: q.difficulty, tags: q.tags });

describe('export → import round trip (property)', () => {
  it('GIFT gives back every question, with its id, section, difficulty and tags', () => {
    fc.assert(
      fc.property(bank(), (b) => {
        const { questions, skipped } = readGift(exportBank('gift', b).text);
        expect(skipped).toEqual([]);
        expect(questions.map(shape)).toEqual(b.questions.map(shape));
        expect(questions.map(placed)).toEqual(b.questions.map(placed));
      }),
      { numRuns: 300 },
    );
  });

  it('CSV gives back every question, with its id, chapter, section, difficulty and tags', () => {
    fc.assert(
      fc.property(bank(), (b) => {
        const { questions, skipped } = readCsv(exportBank('csv', b).text);
        expect(skipped).toEqual([]);
        expect(questions.map(shape)).toEqual(b.questions.map(shape));
        expect(questions.map((q) => ({ ...placed(q), chapter: q.chapter }))).toEqual(b.questions.map((q) => ({ ...placed(q), chapter: q.chapter })));
      }),
    );
  });

  it('Aiken gives back every single choice (type, stem, options, answer; it has no explanations)', () => {
    fc.assert(
      fc.property(bank(oneLine), (b) => {
        const singles = b.questions.filter((q) => q.type === 'single');
        // A stem that reads as an option or ANSWER line cannot be written in Aiken (the export says so).
        fc.pre(singles.every((q) => !/^([A-Z][).]|ANSWER:)/.test(q.stem)));
        const { questions, skipped } = readAiken(exportBank('aiken', b).text);
        expect(skipped).toEqual([]);
        const core = (q: QuizQuestion | ImportedQuestion) => ({ type: q.type, stem: q.stem, options: q.options, answer: q.answer });
        expect(questions.map(core)).toEqual(singles.map(core));
      }),
    );
  });
});
