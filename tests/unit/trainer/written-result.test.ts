/**
 * Issue 14: the result code of a written paper carries the self-marked score and the 得分点
 * ticked — not the texts — in version 3; objective results stay version 2, byte for byte.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreWritten, type WrittenPaper } from '../../../src/quiz/index.ts';
import {
  addCodes,
  createCodec,
  decodeResult,
  drawAssignment,
  emptyInbox,
  encodeResult,
  findCodes,
  flatPoints,
  flattenTicks,
  paperFingerprint,
  resultOf,
  splitTicks,
  validateResult,
  WRITTEN_RESULT_LIMITS,
  writtenResultOf,
  type WrittenResultCode,
} from '../../../src/quiz/trainer/index.ts';
import { sampleAssignment, sampleResult, skillsBlueprint, T0, takeWritten, writtenBank, writtenItem } from './fixtures.ts';

const spec = sampleAssignment({ modules: ['meetings', 'documents'], mix: { blueprint: 'skills-paper' }, minutes: 120 });
const paper = drawAssignment(spec, { questions: [], cases: writtenBank }, [skillsBlueprint], null) as WrittenPaper;
const points = paper.items.map((slot) => flatPoints(slot.written).length);

/** Every other point of every item ticked, every item written but the last. */
const state = takeWritten(
  paper,
  paper.items.map((slot, i) => ({
    texts: i === paper.items.length - 1 ? [] : slot.written.parts.map((_, p) => `第 ${i + 1} 题第 ${p + 1} 问的作答`),
    ticks: slot.written.parts.map((part) => part.points.map((_, j) => j).filter((j) => j % 2 === 0)),
  })),
);

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A code made with an encoder of one's own: any payload under the version 3 header. */
function forged(wire: Record<string, unknown>): string {
  return createCodec({ kind: 'result', formats: [{ version: 3, validate: (value: unknown) => ({ ok: true as const, value }) }] }).encode(wire);
}
const wire = { a: spec.id, n: '张三', s: T0, t: T0 + 600, p: 50, m: 100, y: false, f: 'AAAAAA', w: '5.0', e: '10' };

describe('the result of a written paper', () => {
  const result = resultOf(spec, paper, state, ' 张三 ');

  it('holds the self-marked score, the fingerprint, and per item the points ticked and whether anything was written', () => {
    const score = scoreWritten(paper, state);
    expect(result).toEqual({
      assignmentId: spec.id,
      learner: '张三',
      startedAt: T0,
      submittedAt: T0 + 2400,
      score: { points: score.total, max: 100, passed: score.passed },
      fingerprint: paperFingerprint(paper),
      written: paper.items.map((slot, i) => ({
        ticked: flatPoints(slot.written).flatMap((place, n) => (place.point % 2 === 0 ? [n] : [])),
        wrote: i < paper.items.length - 1,
      })),
    });
    expect(writtenResultOf(spec, paper, state, '张三')).toEqual(result);
    expect('answers' in result).toBe(false);
  });

  it('numbers the points through the parts, and maps them back', () => {
    const item = writtenItem('case', 'x-c01', [[2, 2], [3, 1, 1], [2]]);
    expect(flattenTicks(item, [[1], [0, 2], [0]])).toEqual([1, 2, 4, 5]);
    expect(flattenTicks(item, [[1, 7], [], [0]])).toEqual([1, 5]); // a tick naming no point is dropped
    expect(splitTicks(item, [1, 2, 4, 5, 6, 9])).toEqual({ ticks: [[1], [0, 2], [0]], unknown: [6, 9] });
  });

  it('changes the fingerprint when an item, the order or a point’s score changes, not its wording', () => {
    const fingerprint = paperFingerprint(paper);
    const [first, second, ...rest] = paper.items;
    const rescored = { ...first!, written: { ...first!.written, parts: [{ ...first!.written.parts[0]!, points: [{ text: 'x', score: 9 }] }, ...first!.written.parts.slice(1)] } };
    const reworded = { ...first!, written: { ...first!.written, parts: first!.written.parts.map((part) => ({ ...part, points: part.points.map((p) => ({ ...p, text: `${p.text}（改）` })) })) } };
    expect(paperFingerprint({ ...paper, items: [second!, first!, ...rest] })).not.toBe(fingerprint);
    expect(paperFingerprint({ ...paper, items: [rescored, second!, ...rest] })).not.toBe(fingerprint);
    expect(paperFingerprint({ ...paper, items: [reworded, second!, ...rest] })).toBe(fingerprint);
    expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{6}$/);
  });

  it('goes into a version 3 code that reads back exactly, and stays short', () => {
    const code = encodeResult(result);
    expect(code.slice(0, 2)).toBe('A1'); // bytes 0x03 0x52: version 3, kind R
    expect(decodeResult(code, spec.id)).toEqual({ ok: true, value: result });
    expect(findCodes(`张三：${code}，谢谢老师`)).toEqual([code]);
    // The skills paper: 5 items, about six 得分点 each.
    expect(points).toEqual([6, 6, 6, 6, 6]);
    const everything = { ...result, written: result.written.map((_, i) => ({ ticked: Array.from({ length: points[i]! }, (_, n) => n), wrote: true })) };
    console.info(`written result code, 5 items of ${points.join('/')} 得分点: ${code.length} characters (every point ticked: ${encodeResult(everything).length})`);
    expect(code.length).toBeLessThan(160);
    expect(encodeResult(everything).length).toBeLessThan(160);
  });

  it('is refused before hand-in, as an objective result is', () => {
    const writing = { ...state, status: 'in-progress' as const, submittedAt: null };
    expect(() => resultOf(spec, paper, writing, '张三')).toThrow('只有交卷后的作答才有结果码');
  });

  it('is counted by the inbox as 自评', () => {
    const { report } = addCodes(emptyInbox(spec), `张三 ${encodeResult(result)}`, spec);
    expect(report).toMatchObject([{ status: 'accepted', learner: '张三', message: `已收到：张三，自评 ${result.score.points}/100 分` }]);
  });
});

describe('objective results keep version 2', () => {
  // Made by the site before issue 14 (commit 7c4c878) for sampleResult(sampleAssignment().id).
  const V2_CODE = 'AlKm5vBVT4MYaJxekVhkmFYONfjpngVPdnTCjDczNzIyNweZCLYGxLU0AnGB1pnpmUItRLMlrUDXwMAAapehkYlFppGBhWEK1NZIg8jI0kgDIKlUCwA';

  it('are written byte for byte as before, and read back as before', () => {
    const objective = sampleResult(sampleAssignment().id);
    expect(encodeResult(objective)).toBe(V2_CODE);
    expect(decodeResult(V2_CODE)).toEqual({ ok: true, value: objective });
  });

  it('a site that knows only versions 1 and 2 says a written code is from a newer site', () => {
    const anything = (version: number) => ({ version, validate: (value: unknown) => ({ ok: true as const, value }) });
    const older = createCodec({ kind: 'result', formats: [anything(1), anything(2)] });
    expect(older.decode(encodeResult(resultOf(spec, paper, state, '张三')))).toEqual({
      ok: false,
      error: { code: 'version', message: '无法识别的结果码版本（v3）：可能来自更新版本的网站，或已损坏' },
    });
  });
});

describe('validating a written result', () => {
  const valid = resultOf(spec, paper, state, '张三');
  const withItem = (ticked: number[]): WrittenResultCode => ({ ...valid, written: [{ ticked, wrote: true }, ...valid.written.slice(1)] });

  it.each<[string, WrittenResultCode, RegExp]>([
    ['ticks out of order', withItem([3, 1]), /第 1 题所勾得分点应为 0–63 的升序序号/],
    ['a tick twice', withItem([1, 1]), /升序序号/],
    ['a 65th point', withItem([64]), /0–63/],
    ['a negative point', withItem([-1]), /0–63/],
    ['a fractional point', withItem([1.5]), /0–63/],
    ['no items', { ...valid, written: [] }, /题数应在 1 到 40 之间/],
    ['41 items', { ...valid, written: Array.from({ length: 41 }, () => ({ ticked: [], wrote: false })) }, /题数应在 1 到 40 之间/],
    ['no fingerprint', { ...valid, fingerprint: null }, /结果缺少试卷指纹/],
    ['a submission before the start', { ...valid, startedAt: valid.submittedAt + 1 }, /交卷时间早于开始时间/],
    ['a score above the maximum', { ...valid, score: { points: 101, max: 100, passed: true } }, /得分应在 0 到 100 之间/],
  ])('rejects %s, and will not encode it', (_, result, problem) => {
    const checked = validateResult(result);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error.join('；')).toMatch(problem);
    expect(() => encodeResult(result)).toThrow(TypeError);
  });

  it('accepts the limits: 40 items of 64 points, all ticked', () => {
    const largest = { ...valid, written: Array.from({ length: WRITTEN_RESULT_LIMITS.items }, () => ({ ticked: Array.from({ length: 64 }, (_, n) => n), wrote: true })) };
    expect(validateResult(largest)).toEqual({ ok: true, value: largest });
    expect(decodeResult(encodeResult(largest))).toEqual({ ok: true, value: largest });
  });
});

describe('strict decoding of a version 3 code', () => {
  it('reads a well-formed forged code', () => {
    expect(decodeResult(forged(wire))).toMatchObject({ ok: true, value: { written: [{ ticked: [0, 2], wrote: true }, { ticked: [], wrote: false }] } });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a mask with a leading zero', { ...wire, w: '05.0' }, '所勾得分点应为逐题所勾得分点的记录（每题最多 64 个得分点）'],
    ['a mask past 64 points', { ...wire, w: `1${'0'.repeat(13)}.0` }, '所勾得分点应为逐题所勾得分点的记录（每题最多 64 个得分点）'],
    ['an empty item', { ...wire, w: '5..0', e: '100' }, '所勾得分点应为逐题所勾得分点的记录（每题最多 64 个得分点）'],
    ['a letter outside base 32', { ...wire, w: '5.w' }, '所勾得分点应为逐题所勾得分点的记录（每题最多 64 个得分点）'],
    ['counts that disagree', { ...wire, e: '101' }, '所勾得分点与作答情况的题数不一致'],
    ['a written flag that is not 0 or 1', { ...wire, e: '12' }, '作答情况应为逐题是否作答的记录'],
    ['41 items', { ...wire, w: Array(41).fill('1').join('.'), e: '1'.repeat(41) }, '题数不能超过 40'],
    ['a huge list', { ...wire, w: Array(5000).fill('1').join('.'), e: '1'.repeat(5000) }, '题数不能超过 40'],
    ['no fingerprint', { ...wire, f: '' }, '试卷指纹应为 6 位指纹'],
    ['objective answers in a written code', { ...wire, k: '1', c: 'Y' }, '结果含有 2 项本站不认识的内容（可能来自更新版本的网站）'],
    ['a missing field', (({ e: _e, ...rest }) => rest)(wire), '结果缺少：作答情况'],
  ])('refuses %s, in Chinese', (_, payload, message) => {
    const decoded = decodeResult(forged(payload));
    expect(decoded).toMatchObject({ ok: false, error: { code: 'schema' } });
    if (!decoded.ok) expect(decoded.error.message).toContain(message);
  });
});

describe('a property', () => {
  const written = fc.array(
    fc.record({ ticked: fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: 64 }).map((t) => t.sort((a, b) => a - b)), wrote: fc.boolean() }),
    { minLength: 1, maxLength: WRITTEN_RESULT_LIMITS.items },
  );
  const resultArb = fc
    .record({
      assignmentId: fc.string({ unit: fc.constantFrom(...ID_ALPHABET), minLength: 8, maxLength: 8 }),
      learner: fc.constantFrom('张三', '欧阳 小雪', 'Anna', '王'),
      startedAt: fc.integer({ min: T0, max: T0 + 10 ** 7 }),
      used: fc.integer({ min: 0, max: 10 ** 5 }),
      share: fc.integer({ min: 0, max: 10_000 }),
      passed: fc.boolean(),
      fingerprint: fc.string({ unit: fc.constantFrom(...'ABCxyz019_-'), minLength: 6, maxLength: 6 }),
      written,
    })
    .map(({ startedAt, used, share, passed, ...rest }): WrittenResultCode => ({ ...rest, startedAt, submittedAt: startedAt + used, score: { points: share / 100, max: 100, passed } }));

  it('a written result code decodes to the same ticks, flags and score', () => {
    fc.assert(
      fc.property(resultArb, (result) => {
        expect(decodeResult(encodeResult(result), result.assignmentId)).toEqual({ ok: true, value: result });
      }),
      { numRuns: 300 },
    );
  });

  it('a written code changed once (a character replaced, deleted or inserted, or cut short) is refused or reads as the original', () => {
    const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const damaged = resultArb.chain((result) => {
      const code = encodeResult(result);
      const at = fc.nat({ max: code.length - 1 });
      const char = fc.constantFrom(...BASE64URL);
      const changed = fc.oneof(
        fc.tuple(at, char).map(([i, c]) => code.slice(0, i) + c + code.slice(i + 1)),
        at.map((i) => code.slice(0, i) + code.slice(i + 1)),
        fc.tuple(at, char).map(([i, c]) => code.slice(0, i) + c + code.slice(i)),
        at.map((i) => code.slice(0, i)),
      );
      return fc.tuple(fc.constant(result), changed.filter((c) => c !== code));
    });
    fc.assert(
      fc.property(damaged, ([result, changed]) => {
        const decoded = decodeResult(changed);
        if (decoded.ok) expect(decoded.value).toEqual(result);
        else expect(decoded.error.message).toMatch(/结果码/);
      }),
      { numRuns: 1000 },
    );
  });
});
