import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readAiken } from '../../../src/bank/aiken.ts';
import { readCsv } from '../../../src/bank/csv.ts';
import { exportBank } from '../../../src/bank/export.ts';
import { fixturePath, question, sampleBank } from './fixtures.ts';

const core = (q: { type: string; stem: string; options: string[]; answer: number[] }) => [q.type, q.stem, q.options, q.answer];

describe('Aiken', () => {
  it('round-trips the single choices', () => {
    const { questions, skipped } = readAiken(exportBank('aiken', sampleBank).text);
    expect(skipped).toEqual([]);
    expect(questions.map(core)).toEqual(sampleBank.questions.filter((q) => q.type === 'single').map(core));
  });

  it('leaves out a single choice whose stem would read as an option line', () => {
    const bank = { ...sampleBank, questions: [question({ id: 'demo-009', type: 'single', stem: 'A. 开头的题干（  ）。', answer: [0] })] };
    const { text, notes } = exportBank('aiken', bank);
    expect(text).toBe('');
    expect(notes).toContain('跳过 1 道单选题：题干或选项跨行，或题干像选项行/ANSWER 行，Aiken 无法表达');
  });

  it('reads the fixture: A. and A) options, and reports incomplete questions by line', () => {
    const { questions, skipped } = readAiken(readFileSync(fixturePath('aiken/sample.txt'), 'utf8'));
    expect(questions.map((q) => [q.line, q.stem, q.answer])).toEqual([
      [1, '衡量接待规格的高低，主要看的是（  ）。', [1]],
      [8, '接待规格中最为常用的是（  ）。', [2]],
    ]);
    expect(questions[1]?.options).toEqual(['高规格接待', '低规格接待', '对等接待', '视情况而定']);
    expect(skipped).toEqual([
      { line: 15, reason: expect.stringMatching(/没有 ANSWER 行/) },
      { line: 19, reason: '答案“E”不在选项 A–D 之中，已跳过' },
    ]);
  });

  it('reports an option or ANSWER line that comes before any question', () => {
    expect(readAiken('A. 甲\nANSWER: A').skipped.map((s) => s.line)).toEqual([1, 2]);
  });
});

describe('CSV', () => {
  it('round-trips every objective question, tags and metadata included', () => {
    const { questions, skipped } = readCsv(exportBank('csv', sampleBank).text);
    expect(skipped).toEqual([]);
    const full = (q: (typeof sampleBank.questions)[number] | (typeof questions)[number]) => [...core(q), q.explanation, q.id, q.chapter, q.section, q.difficulty, q.tags];
    expect(questions.map(full)).toEqual(sampleBank.questions.map(full));
  });

  it('has the BOM, and its Chinese reads back as UTF-8 bytes', () => {
    const { text } = exportBank('csv', sampleBank);
    const bytes = Buffer.from(text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    expect(decoded).toContain('会议议题与主题的关系是（  ）。');
  });

  it('guards formula cells and undoes the guard on import, leaving other apostrophes alone', () => {
    const bank = {
      ...sampleBank,
      questions: [question({ id: 'demo-010', type: 'single', stem: "'引号开头的题干（  ）。", options: ['=1+1', '+1', "'=已有引号", "'普通引号"], answer: [0], explanation: '@解析'.repeat(10) })],
    };
    const { text } = exportBank('csv', bank);
    const row = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data[1]!;
    expect(row.slice(5, 10)).toEqual(["''引号开头的题干（  ）。", "'=1+1", "'+1", "''=已有引号", "''普通引号"]);
    expect(row[12]?.startsWith("'@")).toBe(true);
    const back = readCsv(text).questions[0]!;
    expect(back.stem).toBe("'引号开头的题干（  ）。");
    expect(back.options).toEqual(['=1+1', '+1', "'=已有引号", "'普通引号"]);
    expect(back.explanation).toBe('@解析'.repeat(10));
  });

  it('reads a hand-made file: no BOM, Chinese type names, A,B,D answers, 对 for true, skipped rows by line', () => {
    const { questions, skipped } = readCsv(readFileSync(fixturePath('csv/hand-made.csv'), 'utf8'));
    expect(questions.map((q) => [q.line, q.type, q.answer])).toEqual([
      [2, 'single', [0]],
      [3, 'multiple', [0, 1, 3]],
      [4, 'judge', [0]],
    ]);
    expect(questions[0]?.tags).toEqual(['办公室', '5S']);
    expect(questions[1]?.options[3]).toBe('=采购前先比价');
    expect(skipped.map((s) => [s.line, s.reason])).toEqual([
      [5, '题型“填空”无法识别（应为 single、multiple 或 judge），已跳过'],
      [6, '选项不连续：option_B 为空，但后面还有选项，已跳过'],
    ]);
  });

  it('counts lines of rows whose cells span lines', () => {
    const csv = 'type,stem,option_A,option_B,answer\n' + 'single,"第一行\n第二行（  ）",甲,乙,A\n' + '\n' + 'judge,陈述,,,错误\n' + 'single,,甲,乙,A\n';
    const { questions, skipped } = readCsv(csv);
    expect(questions.map((q) => [q.line, q.stem])).toEqual([
      [2, '第一行\n第二行（  ）'],
      [5, '陈述'],
    ]);
    expect(skipped).toEqual([{ line: 6, reason: '题干为空，已跳过' }]);
  });

  it('does not mistake cells like "constructor" for a type or a verdict', () => {
    const { skipped } = readCsv('type,stem,answer\nconstructor,题干（  ）,A\njudge,陈述,constructor\n');
    expect(skipped.map((s) => s.line)).toEqual([2, 3]);
  });

  it('skips the whole file when a required column is missing', () => {
    expect(readCsv('题目,答案\n甲,A\n')).toEqual({ questions: [], skipped: [{ line: 1, reason: expect.stringMatching(/缺少必需的列：type、stem、answer/) }] });
  });
});
