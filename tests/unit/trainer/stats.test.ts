import { describe, expect, it } from 'vitest';
import { syntheticClass } from '../../../src/quiz/trainer/bench.ts';
import { computeClassReport, reportItems, type ReportItem } from '../../../src/quiz/trainer/index.ts';
import { creditPaper, creditResult, T0 } from './fixtures.ts';

const items: ReportItem[] = [
  { id: 'meetings-001', chapter: 'meetings', section: 'plan', points: 1 },
  { id: 'meetings-002', chapter: 'meetings', section: 'plan', points: 1 },
  { id: 'meetings-003', chapter: 'meetings', section: 'minutes', points: 1 },
  { id: 'documents-001', chapter: 'documents', section: 'format', points: 1 },
];

const paper = creditPaper(items);
const result = (learner: string, credit: number[], submittedAt = T0 + 3600, on = paper) => creditResult(learner, credit, submittedAt, on);

/** Five learners × four items, worked by hand below. */
const matrix = [
  [1, 1, 1, 1],
  [1, 1, 0, 1],
  [1, 0, 1, 0],
  [1, 0, 0, 0],
  [1, 1, 0, 0],
];
const names = ['甲', '乙', '丙', '丁', '戊'];
const report = computeClassReport({
  assignment: { due: '2026-01-01' },
  results: matrix.map((row, i) => result(names[i]!, row)),
  paperFor: () => paper,
});

describe('item statistics', () => {
  it('gives an item everyone got right facility 100 and no discrimination', () => {
    expect(report.items[0]).toEqual({
      position: 1,
      questionId: 'meetings-001',
      section: 'meetings#plan',
      responses: 5,
      facility: 100,
      sd: 0,
      discrimination: null,
      efficiency: null,
    });
  });

  it('matches the hand-computed discrimination index and efficiency', () => {
    // Item 2: scores x = 1 1 0 0 1, rest of test r = 3 2 2 1 1 (mean 0.6 and 1.8).
    // cov = (0.4·1.2 + 0.4·0.2 − 0.6·0.2 + 0.6·0.8 − 0.4·0.8) / 4 = 0.6 / 4 = 0.15
    // var x = 1.2 / 4 = 0.3, var r = 2.8 / 4 = 0.7, so DI = 100 · 0.15 / √0.21 = 100 · √(3/28).
    // Sorted pairing (0 0 1 1 1 with 1 1 2 2 3) gives cov max = 1.6 / 4 = 0.4, so DE = 37.5.
    const item2 = report.items[1]!;
    expect(item2.facility).toBeCloseTo(60, 10);
    expect(item2.sd).toBeCloseTo(100 * Math.sqrt(0.3), 10);
    expect(item2.discrimination).toBeCloseTo(100 * Math.sqrt(3 / 28), 10); // 32.73
    expect(item2.efficiency).toBeCloseTo(37.5, 10);

    // Item 3: x = 1 0 1 0 0, r = 3 3 1 1 2: the item is unrelated to the rest.
    expect(report.items[2]!.discrimination).toBeCloseTo(0, 10);
    expect(report.items[2]!.efficiency).toBeCloseTo(0, 10);

    // Item 4: x = 1 1 0 0 0, r = 3 2 2 1 2: cov 0.25, var x 0.3, var r 0.5 → DI = 100 · √(5/12);
    // the best pairing is the actual one, so DE = 100.
    expect(report.items[3]!.discrimination).toBeCloseTo(100 * Math.sqrt(5 / 12), 10); // 64.55
    expect(report.items[3]!.efficiency).toBeCloseTo(100, 10);
  });

  it('lists the most-missed questions first and error rates by section', () => {
    expect(report.mostMissed.map((i) => i.questionId)).toEqual([
      'meetings-003',
      'documents-001',
      'meetings-002',
      'meetings-001',
    ]);
    expect(report.sections).toEqual([
      { section: 'documents#format', questions: 1, responses: 5, errorRate: 60 },
      { section: 'meetings#minutes', questions: 1, responses: 5, errorRate: 60 },
      { section: 'meetings#plan', questions: 2, responses: 10, errorRate: 20 },
    ]);
  });

  it('weights partial credit and points in the rest-of-test score', () => {
    const weighted = creditPaper(items.map((item, i) => ({ ...item, points: i === 3 ? 4 : 1 })));
    const partial = computeClassReport({
      assignment: { due: null },
      results: [result('甲', [1, 0.5, 1, 1], T0, weighted), result('乙', [0, 0.5, 1, 0.25], T0, weighted), result('丙', [1, 0, 0, 0.5], T0, weighted)],
      paperFor: () => weighted,
    });
    expect(partial.items[1]!.facility).toBeCloseTo(100 / 3, 10);
    // Item 1: x = 1 0 1, rest = 0.5+1+4, 0.5+1+1, 0+0+2 = 5.5 2.5 2 → corr by hand = 0.596…
    const x = [1, 0, 1];
    const r = [5.5, 2.5, 2];
    expect(partial.items[0]!.discrimination).toBeCloseTo(100 * pearson(x, r), 10);
  });
});

describe('roster and distribution', () => {
  it('shows each learner once, with the latest attempt and how many there were', () => {
    const late = computeClassReport({
      assignment: { due: '2026-01-01' }, // ends 2026-01-01 16:00 UTC
      results: [
        result('王五', [1, 0, 0, 0], T0 + 3600),
        result('李四', [1, 1, 1, 0], T0 + 16 * 3600 - 1),
        result('王五', [1, 1, 1, 1], T0 + 16 * 3600),
      ],
      paperFor: () => paper,
    });
    const clean = { scoredBy: 'answers', secondsUsed: 1200, flags: [] };
    expect(late.roster).toEqual([
      {
        ...clean,
        learner: '李四',
        points: 3,
        max: 4,
        percent: 75,
        passed: true,
        claimed: { points: 3, max: 4, passed: true },
        submittedAt: T0 + 57_599,
        late: false,
        attempts: 1,
      },
      {
        ...clean,
        learner: '王五',
        points: 4,
        max: 4,
        percent: 100,
        passed: true,
        claimed: { points: 4, max: 4, passed: true },
        submittedAt: T0 + 57_600,
        late: true,
        attempts: 2,
        flags: [{ kind: 'late', message: '逾期：2026-01-02 00:00 交卷，截止时间是 2026-01-01 24:00（北京时间）' }],
      },
    ]);
    expect(late.summary).toEqual({
      learners: 2,
      meanPercent: 87.5,
      medianPercent: 87.5,
      passRate: 100,
      late: 1,
      flagged: 0,
      flags: { claim: 0, paper: 0, unchecked: 0, 'before-start': 0, 'before-created': 0, overtime: 0, late: 1 },
    });
    // The first attempt does not count towards item statistics either.
    expect(late.items[3]!.facility).toBe(50);
  });

  it('puts scores in 10-point bins, with 100 in the last', () => {
    // Parts worth 9.99, 0.01, 47, 2.9, 0.1, 39 and 1 points: the first k add up to each score.
    const parts = [9.99, 0.01, 47, 2.9, 0.1, 39, 1];
    const hundred = creditPaper(parts.map((points, i) => ({ id: `q-${i}`, chapter: 'meetings', section: 'plan', points })));
    const scores = [0, 9.99, 10, 57, 59.9, 60, 99, 100];
    const binned = computeClassReport({
      assignment: { due: null },
      results: scores.map((_, k) => result(`学员${k}`, parts.map((_, i) => (i < k ? 1 : 0)), T0, hundred)),
      paperFor: () => hundred,
    });
    expect(binned.roster.map((row) => row.points).sort((a, b) => a - b)).toEqual(scores);
    expect(binned.distribution.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 2, 1, 0, 0, 2]);
    expect(binned.distribution[9]).toEqual({ from: 90, to: 100, count: 2 });
  });

  it('copes with no results', () => {
    const empty = computeClassReport({ assignment: { due: null }, results: [], paperFor: () => paper });
    expect(empty.summary).toMatchObject({ learners: 0, meanPercent: null, medianPercent: null, passRate: null, late: 0, flagged: 0 });
    expect(empty.items.map((i) => i.facility)).toEqual([]);
    expect(empty.distribution).toHaveLength(10);
  });

  it('leaves a result for another paper out of the item statistics, and says why', () => {
    const mixed = computeClassReport({
      assignment: { due: null },
      results: [result('甲', [1, 1, 1, 1]), { ...result('乙', [1, 1]), fingerprint: null }],
      paperFor: () => paper,
    });
    expect(mixed.roster).toHaveLength(2);
    expect(mixed.excluded).toEqual([
      { learner: '乙', reason: '无法复核：结果有 2 题，按作业重建的试卷有 4 题，不是同一份试卷。名单中的分数是结果码自报的' },
    ]);
    expect(mixed.roster.find((row) => row.learner === '乙')).toMatchObject({ scoredBy: 'claim', points: 2, flags: [{ kind: 'unchecked' }] });
    expect(mixed.summary.flagged).toBe(1);
    expect(mixed.items[0]!.responses).toBe(1);
  });

  it('matches questions by id across per-learner papers', () => {
    const [a, b, c, d] = items as [ReportItem, ReportItem, ReportItem, ReportItem];
    const papers: Record<string, ReturnType<typeof creditPaper>> = { 甲: creditPaper([a, b]), 乙: creditPaper([b, c]), 丙: creditPaper([d, a]) };
    const perLearner = computeClassReport({
      assignment: { due: null },
      results: [result('甲', [1, 0], T0, papers['甲']), result('乙', [1, 1], T0, papers['乙']), result('丙', [0, 0], T0, papers['丙'])],
      paperFor: (r) => papers[r.learner]!,
    });
    expect(perLearner.items.map((i) => [i.questionId, i.responses, i.facility])).toEqual([
      ['meetings-001', 2, 50],
      ['meetings-002', 2, 50],
      ['meetings-003', 1, 100],
      ['documents-001', 1, 0],
    ]);
    expect(perLearner.items[2]!.sd).toBeNull();
  });
});

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('a synthetic class', () => {
  const input = syntheticClass(7, 60, 30);
  const synthetic = computeClassReport(input);

  it('agrees with a direct, two-pass computation of every statistic', () => {
    const redrawn = input.paperFor(input.results[0]!);
    if (!redrawn.ok) throw new Error(redrawn.error);
    const paper30 = reportItems(redrawn.value);
    const totals = input.results.map((r) => r.credit.reduce((s, c, i) => s + c * paper30[i]!.points, 0));
    paper30.forEach((item, i) => {
      const x = input.results.map((r) => r.credit[i]!);
      const rest = totals.map((total, l) => total - x[l]! * item.points);
      const stats = synthetic.items[i]!;
      expect(stats.facility).toBeCloseTo((100 * x.reduce((s, v) => s + v, 0)) / x.length, 9);
      expect(stats.discrimination).toBeCloseTo(100 * pearson(x, rest), 9);
      const mx = x.reduce((s, v) => s + v, 0) / x.length;
      const mr = rest.reduce((s, v) => s + v, 0) / rest.length;
      const sx = [...x].sort((p, q) => p - q);
      const sr = [...rest].sort((p, q) => p - q);
      const cov = x.reduce((s, v, l) => s + (v - mx) * (rest[l]! - mr), 0);
      const covMax = sx.reduce((s, v, l) => s + (v - mx) * (sr[l]! - mr), 0);
      expect(stats.efficiency).toBeCloseTo((100 * cov) / covMax, 9);
    });
  });

  it('finds that items discriminate in a class with a spread of ability', () => {
    const mean = synthetic.items.reduce((s, i) => s + (i.discrimination ?? 0), 0) / synthetic.items.length;
    expect(mean).toBeGreaterThan(20);
  });
});

// Speed is measured by `npm run bench` (classReportMs), not asserted here.
describe('the benchmark class', () => {
  it('reports every learner and item of a 300 × 125 class', () => {
    const report = computeClassReport(syntheticClass(1, 300, 125));
    expect(report.roster).toHaveLength(300);
    expect(report.items).toHaveLength(125);
    expect(report.items.every((item) => item.facility !== null && item.facility >= 0 && item.facility <= 100)).toBe(true);
    // Honest codes: every score is the re-score, and nothing is flagged.
    expect(report.roster.every((row) => row.scoredBy === 'answers' && row.flags.length === 0)).toBe(true);
  });
});
