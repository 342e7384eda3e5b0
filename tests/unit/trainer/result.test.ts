import { describe, expect, it } from 'vitest';
import {
  assignmentLink,
  decodeResult,
  encodeResult,
  validateResult,
  type ResultCode,
} from '../../../src/quiz/trainer/index.ts';
import { forgedResultCode, sampleAssignment, sampleResult, T0 } from './fixtures.ts';

const assignment = sampleAssignment();

describe('result codes', () => {
  it('round-trip answers, partial credit and the score exactly', () => {
    const result: ResultCode = {
      assignmentId: assignment.id,
      learner: '欧阳 小雪',
      startedAt: T0,
      submittedAt: T0 + 1799,
      score: { points: 3.4, max: 5, passed: true },
      fingerprint: 'Zx9_-a',
      answers: [[0], [], [1, 3, 4], [0, 1, 2, 3, 4], [1]],
      credit: [1, 0, 2 / 3, 0.2, 0.75],
    };
    const code = encodeResult(result);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeResult(code, assignment.id)).toEqual({ ok: true, value: result });
    expect(decodeResult(code)).toEqual({ ok: true, value: result });
  });

  it('keeps a 125-item result short', () => {
    const code = encodeResult(sampleResult(assignment.id, '司马相如', 125));
    console.info(`125-item result code: ${code.length} characters`);
    expect(code.length).toBeLessThan(400);
  });

  it('reports a code from another assignment', () => {
    const code = encodeResult(sampleResult('zzzzzzzz', '李四'));
    const decoded = decodeResult(code, assignment.id);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error.code).toBe('wrong-assignment');
    expect(decoded.error.message).toMatch(/^这是另一份作业的结果码/);
  });

  it('reports an assignment link pasted as a result code', () => {
    expect(decodeResult(assignmentLink(assignment), assignment.id)).toEqual({
      ok: false,
      error: { code: 'wrong-kind', message: '这是作业链接，不是结果码' },
    });
  });

  it('reads a code inside a link', () => {
    const result = sampleResult(assignment.id);
    expect(decodeResult(`https://mishu.example.cn/trainer/inbox/#r=${encodeResult(result)}`, assignment.id)).toEqual({
      ok: true,
      value: result,
    });
  });
});

describe('versions', () => {
  /** Made by the site before result codes carried a fingerprint (version 1), for `sampleResult(id, '张三')`. */
  const V1_CODE = 'AVKhyV7WR4OYZJxekVhkmFYONfHpngVPdnTCzDUzNzIyNwcZBTYfxLU0AnGB9pjpmUJtQjPe0MjEItPIwMIwBWpRpEFkZGmkAZBUqgUA';

  it('still reads a version 1 code, which has no fingerprint', () => {
    expect(assignment.id).toBe('3gxar1fw');
    expect(decodeResult(V1_CODE, assignment.id)).toEqual({
      ok: true,
      value: { ...sampleResult(assignment.id, '张三', 10, T0 + 3600), fingerprint: null },
    });
  });

  it('writes version 2, with the fingerprint', () => {
    const result = sampleResult(assignment.id);
    const code = encodeResult(result);
    expect(code.slice(0, 2)).toBe('Al'); // bytes 0x02 0x52: version 2, kind R
    expect(decodeResult(code, assignment.id)).toEqual({ ok: true, value: result });
  });

  it('reads a code submitted before it started (the report flags it) but never writes one', () => {
    const backwards = { ...sampleResult(assignment.id), startedAt: T0 + 7200 };
    expect(decodeResult(forgedResultCode(backwards), assignment.id)).toEqual({ ok: true, value: backwards });
    expect(() => encodeResult(backwards)).toThrow(/交卷时间早于开始时间/);
  });

  it('never writes a code without a fingerprint', () => {
    expect(validateResult({ ...sampleResult(assignment.id), fingerprint: null })).toMatchObject({ ok: false, error: ['结果缺少试卷指纹'] });
    expect(() => encodeResult({ ...sampleResult(assignment.id), fingerprint: 'too long' })).toThrow(/试卷指纹应为 6 位指纹/);
  });
});

describe('validateResult', () => {
  const valid = sampleResult(assignment.id);

  it.each<[string, Partial<ResultCode>, RegExp]>([
    ['credit that is not a multiple of 1/60', { credit: [0.3333, ...valid.credit.slice(1)] }, /1\/60/],
    ['credit above 1', { credit: [1.5, ...valid.credit.slice(1)] }, /得分比例/],
    ['options out of order', { answers: [[2, 1], ...valid.answers.slice(1)] }, /升序/],
    ['a sixth option', { answers: [[5], ...valid.answers.slice(1)] }, /0–4/],
    ['mismatched lengths', { credit: valid.credit.slice(1) }, /题数不一致/],
    ['an empty paper', { answers: [], credit: [] }, /作答应为作答记录/],
    ['submitting before starting', { startedAt: valid.submittedAt + 1 }, /交卷时间早于开始时间/],
    ['more points than the maximum', { score: { points: 11, max: 10, passed: true } }, /得分应在 0 到 10 之间/],
    ['an empty name', { learner: '' }, /姓名不能为空/],
    ['a long name', { learner: '名'.repeat(31) }, /姓名不能超过 30 个字/],
  ])('rejects %s', (_, change, problem) => {
    const checked = validateResult({ ...valid, ...change });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error.join('；')).toMatch(problem);
    expect(() => encodeResult({ ...valid, ...change })).toThrow(TypeError);
  });

  it('accepts a valid result', () => {
    expect(validateResult(valid)).toEqual({ ok: true, value: valid });
  });
});
