import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { computeClassReport } from '../../../src/quiz/trainer/index.ts';
import { itemStatsCsv, rosterCsv } from '../../../src/quiz/trainer/csv.ts';
import { creditPaper, creditResult, T0 } from './fixtures.ts';

const paper = creditPaper([
  { id: 'meetings-001', chapter: 'meetings', section: 'plan', points: 1 },
  { id: 'meetings-002', chapter: 'meetings', section: 'minutes', points: 1 },
]);

function result(learner: string, credit: number[], submittedAt: number) {
  return { ...creditResult(learner, credit, submittedAt, paper), startedAt: submittedAt - 1530 };
}

const report = computeClassReport({
  assignment: { due: '2026-01-01' },
  results: [
    result('=HYPERLINK("http://evil.example","点我")', [1, 0], T0 + 3600),
    result('+86 张三', [0, 1], T0 + 7200),
    result('@李四', [1, 1], T0 + 86_400),
    result('-王五', [0, 0], T0 + 600),
  ],
  paperFor: () => paper,
});

function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1)).data;
}

describe('roster CSV', () => {
  const rows = parse(rosterCsv(report));

  it('has Chinese headers and one row per learner', () => {
    expect(rows[0]).toEqual([
      '姓名',
      '得分',
      '满分',
      '得分率(%)',
      '是否及格',
      '用时(分钟)',
      '交卷时间(北京时间)',
      '是否逾期',
      '提交次数',
      '计分依据',
      '结果码自报得分',
      '需核实',
    ]);
    expect(rows).toHaveLength(5);
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const learners = rows.slice(1).map((row) => row[0]);
    expect(learners).toContain(`'=HYPERLINK("http://evil.example","点我")`);
    expect(learners).toContain(`'+86 张三`);
    expect(learners).toContain(`'@李四`);
    expect(learners).toContain(`'-王五`);
    expect(learners.every((name) => name !== undefined && /^'/.test(name))).toBe(true);
  });

  it('writes times in Beijing time and marks late work', () => {
    const li = rows.find((row) => row[0] === `'@李四`)!;
    expect(li).toEqual([`'@李四`, '2', '2', '100', '及格', '25.5', '2026-01-02 08:00', '逾期', '1', '按作答复核', '2/2', '']);
  });

  it('counts the re-score, and writes the claim and what is flagged beside it', () => {
    const forged = { ...result('赵六', [0, 0], T0 + 600), score: { points: 2, max: 2, passed: true } };
    const rows = parse(rosterCsv(computeClassReport({ assignment: { due: null }, results: [forged], paperFor: () => paper })));
    expect(rows[1]).toEqual([
      '赵六',
      '0',
      '2',
      '0',
      '不及格',
      '25.5',
      '2026-01-01 08:10',
      '',
      '1',
      '按作答复核',
      '2/2',
      '结果码自报 2/2 分（及格），按作答复核为 0/2 分（不及格）',
    ]);
  });
});

describe('item statistics CSV', () => {
  it('keeps numbers as numbers, negative ones included', () => {
    const rows = parse(itemStatsCsv(report));
    expect(rows[0]).toEqual([
      '题号',
      '题目编号',
      '章节',
      '作答人数',
      '难度系数/通过率(%)',
      '标准差(%)',
      '区分度(%)',
      '区分效率(%)',
    ]);
    // Item 1: x = 1 0 1 0, rest = 0 1 1 0 → DI 0; item 2: x = 0 1 1 0, rest = 1 0 1 0 → DI 0.
    expect(rows[1]).toEqual(['1', 'meetings-001', 'meetings#plan', '4', '50', '57.7', '0', '0']);
    const negative = computeClassReport({
      assignment: { due: null },
      results: [result('甲', [1, 0], T0), result('乙', [0, 1], T0), result('丙', [1, 0], T0)],
      paperFor: () => paper,
    });
    const itemRows = parse(itemStatsCsv(negative));
    expect(itemRows[1]![6]).toBe('-100');
  });
});
