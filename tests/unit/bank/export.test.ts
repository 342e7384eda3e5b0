import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportBank, selectBank } from '../../../src/bank/export.ts';
import { readGift } from '../../../src/bank/gift.ts';
import { EXPLANATION, sampleBank, validContent } from './fixtures.ts';

describe('GIFT export', () => {
  const { text, notes } = exportBank('gift', sampleBank);
  const blocks = text.trimEnd().split('\n\n');

  it('opens each chapter with a $CATEGORY line under 秘书实务学堂, a / in a title doubled', () => {
    expect(blocks.filter((b) => b.startsWith('$CATEGORY:'))).toEqual(['$CATEGORY: 秘书实务学堂/示例章节', '$CATEGORY: 秘书实务学堂/另一//章']);
  });

  it('writes a single choice with its id comment, ::id:: title, = and ~, and #### general feedback', () => {
    expect(blocks).toContain(
      [
        '// [id:demo-001] section:first difficulty:2 [tag:职业道德]',
        '::demo-001::会议议题与主题的关系是（  ）。{',
        '\t=议题是主题的细化',
        '\t~主题是议题的细化',
        '\t~二者相同',
        '\t~无关',
        `\t####${EXPLANATION}`,
        '}',
      ].join('\n'),
    );
  });

  it('weights the right options of a multiple choice to 100 and the wrong ones -100', () => {
    const two = blocks.find((b) => b.includes('::demo-002::'))!;
    expect(two).toMatch(/\t~%50%通知\n\t~%50%纪要\n\t~%-100%日记\n\t~%-100%便条\n/);
    const three = blocks.find((b) => b.includes('::demo-003::'))!;
    const weights = [...three.matchAll(/~%(-?[\d.]+)%/g)].map((m) => Number(m[1]));
    expect(weights).toEqual([33.33333, -100, 33.33333, -100, 33.33333]);
    expect(weights.filter((w) => w > 0).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 3);
  });

  it('writes a judge as {T} or {F} with the explanation as general feedback', () => {
    expect(blocks.find((b) => b.includes('::demo-004::'))).toMatch(/::demo-004::会议记录由秘书整理。\{T####.+\}$/);
    expect(blocks.find((b) => b.includes('::demo-005::'))).toMatch(/\{F####/);
  });

  it('escapes ~ = # { } : and backslashes and line breaks', () => {
    const block = blocks.find((b) => b.includes('::other-001::'))!;
    expect(block).toContain('::other-001::公式 a\\=b\\{c\\}\\~d\\#e\\:f 中（  ）。{');
    expect(block).toContain('\t~\\=SUM(A1)');
    expect(block).toContain('\t####正确答案'); // the real general feedback marker, then the escaped text
    expect(block).toContain('\\#\\#\\#\\#不是反馈\\\\n\n}');
  });

  it('skips cases and says how many', () => {
    expect(text).not.toContain('demo-c01');
    expect(notes).toEqual(['跳过 1 道案例分析题：GIFT 无法表达']);
  });

  it('writes a 工作实务 task as an essay, the model answer and 得分点 as general feedback', () => {
    const essay = blocks.find((b) => b.includes('::demo-t01::'))!;
    expect(essay).toMatch(/^\/\/ \[id:demo-t01\] section:second difficulty:2 \[tag:工作实务\]/);
    expect(essay).toContain('【会议安排】\\n项目\t内容\\n时间\t5 月 8 日 9\\:00');
    expect(essay).toContain('请以办公室名义拟写一份会议通知。{####参考答案：\\n关于召开示例会议的通知');
    expect(essay).toContain('得分点（共 6 分）：\\n1. 标题写明事由和文种（2 分）');
    expect(essay.endsWith('}')).toBe(true);
    // Moodle reads an empty answer block with general feedback as an essay question.
    expect(readGift(essay).skipped.map((s) => s.reason).join()).toMatch(/问答题（空答案块/);
  });

  it('reads back as the same questions', () => {
    const { questions, skipped } = readGift(text);
    // The one essay (the task) is not a question type this site imports back.
    expect(skipped.map((s) => s.reason)).toEqual(['问答题（空答案块 {}），本站不支持，已跳过']);
    expect(questions.map((q) => [q.id, q.type, q.stem, q.options, q.answer, q.explanation, q.section, q.difficulty, q.tags])).toEqual(
      sampleBank.questions.map((q) => [q.id, q.type, q.stem, q.options, q.answer, q.explanation, q.section, q.difficulty, q.tags]),
    );
  });
});

describe('Aiken export', () => {
  const { text, notes } = exportBank('aiken', sampleBank);

  it('writes single choice only: stem, A. options, ANSWER, a blank line between', () => {
    expect(text).toBe(
      '会议议题与主题的关系是（  ）。\nA. 议题是主题的细化\nB. 主题是议题的细化\nC. 二者相同\nD. 无关\nANSWER: A\n\n' +
        '公式 a=b{c}~d#e:f 中（  ）。\nA. =SUM(A1)\nB. -1\nC. +86 电话\nD. @某人\nANSWER: C\n',
    );
  });

  it('says what it left out', () => {
    expect(notes).toEqual([
      '跳过 2 道多选题：Aiken 只能表达单选题',
      '跳过 2 道判断题：Aiken 只能表达单选题',
      '跳过 1 道案例分析题：Aiken 只能表达单选题',
      '跳过 1 道工作实务题：Aiken 只能表达单选题',
      'Aiken 不能携带解析，导出的题目没有解析',
    ]);
  });
});

describe('CSV export', () => {
  const { text, notes } = exportBank('csv', sampleBank);
  const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;

  it('starts with the UTF-8 BOM and has the documented columns', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(rows[0]).toEqual(['id', 'chapter', 'section', 'type', 'difficulty', 'stem', 'option_A', 'option_B', 'option_C', 'option_D', 'option_E', 'answer', 'explanation', 'tags']);
    expect(rows).toHaveLength(1 + sampleBank.questions.length);
    expect(notes).toEqual(['跳过 1 道案例分析题：CSV 的列放不下情景、材料和小题', '跳过 1 道工作实务题：CSV 的列放不下情景、材料和小题']);
  });

  it('writes answers as letters, judges as 正确/错误, tags joined with ｜', () => {
    expect(rows.slice(1).map((r) => [r[0], r[3], r[11]])).toEqual([
      ['demo-001', 'single', 'A'],
      ['demo-002', 'multiple', 'AB'],
      ['demo-003', 'multiple', 'ACE'],
      ['demo-004', 'judge', '正确'],
      ['demo-005', 'judge', '错误'],
      ['other-001', 'single', 'C'],
    ]);
    expect(rows[1]?.[13]).toBe('职业道德');
    expect(rows[4]?.slice(6, 11)).toEqual(['', '', '', '', '']);
  });

  it('puts an apostrophe before cells a spreadsheet would run as formulas', () => {
    expect(rows[6]?.slice(6, 10)).toEqual(["'=SUM(A1)", "'-1", "'+86 电话", "'@某人"]);
  });
});

describe('JSON export and chapter selection', () => {
  it('writes the engine questions and the cases', () => {
    const data = JSON.parse(exportBank('json', sampleBank).text) as { questions: unknown[]; cases: unknown[] };
    expect(data.questions).toEqual(sampleBank.questions);
    expect(data.cases).toEqual(sampleBank.cases);
  });

  it('selects one chapter, and nothing for an unknown one', () => {
    const content = validContent();
    expect(selectBank(content)?.questions).toHaveLength(4);
    expect(selectBank(content, 'demo')?.cases.map((c) => c.kind)).toEqual(['case', 'task']);
    expect(selectBank(content, 'ghost')).toBeUndefined();
  });
});
