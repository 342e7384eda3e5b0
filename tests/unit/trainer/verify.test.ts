/**
 * Issue 13, item 2: the class report re-scores every code on its redrawn paper and flags what
 * does not add up. Walkthroughs of the cheap forgeries the issue found, then a property: an
 * honest claim is never flagged, a changed one always is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClassReport, dueDeadline, verifyResult, type ResultCode } from '../../../src/quiz/trainer/index.ts';
import { scorePaper } from '../../../src/quiz/scoring.ts';
import { creditPaper, creditResult, T0 } from './fixtures.ts';

const redrawn = creditPaper([
  { id: 'meetings-001', chapter: 'meetings', section: 'plan', points: 25 },
  { id: 'meetings-002', chapter: 'meetings', section: 'plan', points: 25 },
  { id: 'meetings-003', chapter: 'meetings', section: 'minutes', points: 25 },
  { id: 'documents-001', chapter: 'documents', section: 'format', points: 25 },
]);
const paper = redrawn.value;
/** Created at T0, 30 minutes, due 2026-01-10 (the deadline is 2026-01-10 16:00 UTC). */
const assignment = { due: '2026-01-10', minutes: 30, createdAt: T0 };
const honest = creditResult('张三', [1, 0.5, 0, 1], T0 + 3600, redrawn);

const kinds = (result: ResultCode, paperFor = redrawn as Parameters<typeof verifyResult>[2]) => verifyResult(assignment, result, paperFor).flags.map((f) => f.kind);

describe('re-scoring', () => {
  it('leaves an honest code alone and counts its answers', () => {
    expect(verifyResult(assignment, honest, redrawn)).toEqual({
      score: { points: 62.5, max: 100, passed: true },
      scoredBy: 'answers',
      credit: [1, 0.5, 0, 1],
      flags: [],
    });
  });

  it('scores a forged 100/100 with every answer empty as 0, and says what was claimed', () => {
    const forged = { ...honest, answers: [[], [], [], []], score: { points: 100, max: 100, passed: true } };
    expect(verifyResult(assignment, forged, redrawn)).toMatchObject({
      score: { points: 0, max: 100, passed: false },
      flags: [{ kind: 'claim', message: '结果码自报 100/100 分（及格），按作答复核为 0/100 分（不及格）' }],
    });
  });

  it('does not let a code claim 及格 with no points', () => {
    const forged = { ...honest, answers: [[4], [4], [4], [4]], score: { points: 0, max: 100, passed: true } };
    expect(verifyResult(assignment, forged, redrawn)).toMatchObject({
      score: { passed: false },
      flags: [{ kind: 'claim', message: '结果码自报 0/100 分（及格），按作答复核为 0/100 分（不及格）' }],
    });
  });

  it('re-scores a code from another version of the paper, and says the paper differs', () => {
    const other = { ...honest, fingerprint: 'zzzzzz' };
    expect(verifyResult(assignment, other, redrawn)).toMatchObject({
      scoredBy: 'answers',
      flags: [{ kind: 'paper', message: expect.stringMatching(/^试卷与学员作答时的不一致：题库可能在布置作业后改过/) }],
    });
    // A forger who also breaks the fingerprint is still re-scored: the claim never counts when the paper can be drawn.
    expect(kinds({ ...other, score: { points: 100, max: 100, passed: true } })).toEqual(['paper', 'claim']);
  });

  it('says a version 1 code (no fingerprint) may differ because the bank changed', () => {
    const v1 = { ...honest, fingerprint: null, score: { points: 80, max: 100, passed: true } };
    expect(verifyResult(assignment, v1, redrawn).flags).toEqual([
      { kind: 'claim', message: '结果码自报 80/100 分（及格），按作答复核为 62.5/100 分（及格）（旧版结果码没有试卷指纹，也可能是题库改过）' },
    ]);
    expect(kinds({ ...honest, fingerprint: null })).toEqual([]);
  });

  it('falls back to the claim, flagged, only when the paper cannot be redrawn or has another length', () => {
    const missing = verifyResult(assignment, honest, { ok: false, error: '作业使用的试卷蓝本在本站已不存在' });
    expect(missing).toMatchObject({ score: honest.score, scoredBy: 'claim', credit: null });
    expect(missing.flags).toEqual([{ kind: 'unchecked', message: '无法复核：作业使用的试卷蓝本在本站已不存在。名单中的分数是结果码自报的' }]);
    const short = { ...honest, answers: [[0]], credit: [1] };
    expect(verifyResult(assignment, short, redrawn)).toMatchObject({ scoredBy: 'claim', flags: [{ kind: 'unchecked' }] });
  });
});

describe('times', () => {
  it('flags a submission before the start', () => {
    const backwards = { ...honest, startedAt: honest.submittedAt + 60 };
    expect(verifyResult(assignment, backwards, redrawn).flags).toEqual([
      { kind: 'before-start', message: '交卷时间 2026-01-01 09:00 早于开始时间 2026-01-01 09:01' },
    ]);
  });

  it('flags a start before the assignment was made, allowing five minutes of clock difference', () => {
    expect(kinds({ ...honest, startedAt: T0 - 300, submittedAt: T0 + 600 })).toEqual([]);
    expect(verifyResult(assignment, { ...honest, startedAt: T0 - 301, submittedAt: T0 + 600 }, redrawn).flags).toEqual([
      { kind: 'before-created', message: '开始作答的时间 2026-01-01 07:54 早于作业布置的时间 2026-01-01 08:00' },
    ]);
    // A spec that does not say when it was made is not held to it.
    expect(verifyResult({ due: null }, { ...honest, startedAt: T0 - 10_000, submittedAt: T0 }, redrawn).flags.map((f) => f.kind)).not.toContain('before-created');
  });

  it('flags more time than the limit allows, with a minute of grace', () => {
    const start = T0 + 60;
    expect(kinds({ ...honest, startedAt: start, submittedAt: start + 30 * 60 + 60 })).toEqual([]);
    expect(verifyResult(assignment, { ...honest, startedAt: start, submittedAt: start + 30 * 60 + 61 }, redrawn).flags).toEqual([
      { kind: 'overtime', message: '用时 31 分 01 秒，超过限时 30 分钟' },
    ]);
    expect(verifyResult({ ...assignment, minutes: 0 }, { ...honest, startedAt: start, submittedAt: start + 86_400 }, redrawn).flags).toEqual([]);
  });

  it('marks a submission at or after the deadline as late', () => {
    const deadline = dueDeadline(assignment)!;
    expect(kinds({ ...honest, startedAt: deadline - 600, submittedAt: deadline - 1 })).toEqual([]);
    expect(verifyResult(assignment, { ...honest, startedAt: deadline - 600, submittedAt: deadline }, redrawn).flags).toEqual([
      { kind: 'late', message: '逾期：2026-01-11 00:00 交卷，截止时间是 2026-01-10 24:00（北京时间）' },
    ]);
  });
});

describe('the class report', () => {
  it('counts re-scores, keeps the claims, and counts the flagged in the summary', () => {
    const forged = { ...creditResult('李四', [0, 0, 0, 0], T0 + 3600, redrawn), score: { points: 100, max: 100, passed: true } };
    const late = creditResult('王五', [1, 1, 1, 1], dueDeadline(assignment)! + 60, redrawn);
    const report = computeClassReport({ assignment, results: [honest, forged, late], paperFor: () => redrawn });
    expect(report.roster.map((row) => [row.learner, row.points, row.passed, row.claimed.points, row.flags.map((f) => f.kind)])).toEqual([
      ['李四', 0, false, 100, ['claim']],
      ['王五', 100, true, 100, ['late']],
      ['张三', 62.5, true, 62.5, []],
    ]);
    expect(report.summary).toMatchObject({ passRate: (2 / 3) * 100, late: 1, flagged: 1, flags: { claim: 1, late: 1, overtime: 0 } });
    // Item statistics use the re-scored credit: the forger's claimed 100 does not lift any item.
    expect(report.items[0]!.facility).toBeCloseTo((100 * 2) / 3);
  });
});

describe('a property', () => {
  it('an honest claim is never flagged; any other claim always is', () => {
    const answers = fc.array(fc.subarray([0, 1, 2, 3, 4]), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(answers, fc.integer({ min: -10_000, max: 10_000 }), fc.boolean(), (chosen, shift, flip) => {
        const scored = scorePaper(paper, Object.fromEntries(chosen.map((c, i) => [i, c])));
        const claim = { points: scored.total, max: 100, passed: scored.passed };
        const result = { ...honest, answers: chosen, score: claim };
        expect(kinds(result)).toEqual([]);
        fc.pre(shift !== 0 || flip);
        const changed = { points: Math.min(100, Math.max(0, claim.points + shift / 100)), max: 100, passed: flip ? !claim.passed : claim.passed };
        fc.pre(changed.points !== claim.points || changed.passed !== claim.passed);
        expect(kinds({ ...result, score: changed })).toEqual(['claim']);
      }),
      { numRuns: 500 },
    );
  });
});
