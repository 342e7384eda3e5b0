/**
 * Property tests: codes round-trip exactly, and whatever is pasted — random text or a valid code
 * with a character flipped, deleted or inserted, or cut short, or a well-formed code around any
 * payload, a deflate bomb included — is either refused with a message or decodes to exactly the
 * original value. Decoding never throws.
 */
import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCodec,
  decodeAssignment,
  decodeResult,
  encodeAssignment,
  encodeResult,
  validateAssignment,
  type AssignmentSpec,
  type Result,
  type ResultCode,
} from '../../../src/quiz/trainer/index.ts';
import { CODE_KINDS, MAX_CODE_CHARS } from '../../../src/quiz/trainer/codec.ts';
import { INFLATE_CAP, SAFE_MARGIN } from '../../../src/quiz/trainer/inflate.ts';
import { codeWithPayload, T0 } from './fixtures.ts';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** One-line text as users type it: Chinese, Latin, digits, punctuation, an emoji; trimmed. */
function text(min: number, max: number, multiline = false): fc.Arbitrary<string> {
  const units = ['秘', '书', '会', '议', '王', '张', 'a', 'Z', '7', ' ', '，', '。', '=', '"', '\\', '😀', '·', '＃'];
  return fc
    .string({ unit: fc.constantFrom(...units, ...(multiline ? ['\n'] : [])), minLength: min, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => [...s].length >= min);
}

const slug = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/);
const countsRow = fc.tuple(
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: 0, max: 20 }),
);

const assignmentArb: fc.Arbitrary<AssignmentSpec> = fc.record({
  id: fc.string({ unit: fc.constantFrom(...ID_ALPHABET), minLength: 8, maxLength: 8 }),
  title: text(1, 60),
  trainer: text(1, 30),
  note: text(0, 300, true),
  modules: fc.uniqueArray(
    fc.oneof(
      slug,
      fc.tuple(slug, slug).map(([c, s]) => `${c}#${s}`),
    ),
    { maxLength: 10 },
  ),
  mix: fc.oneof(
    slug.map((blueprint) => ({ blueprint })),
    fc
      .record({ single: countsRow, multiple: countsRow, judge: countsRow })
      .filter((c) => [...c.single, ...c.multiple, ...c.judge].some((n) => n > 0))
      .map((counts) => ({ counts })),
  ),
  minutes: fc.integer({ min: 0, max: 600 }),
  passMark: fc.integer({ min: 0, max: 100 }),
  multiplePolicy: fc.constantFrom('all-or-nothing' as const, 'partial' as const),
  due: fc.option(
    fc
      .date({ min: new Date('2020-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    { nil: null },
  ),
  variant: fc.constantFrom('shared' as const, 'per-learner' as const),
  showAnswers: fc.boolean(),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  createdAt: fc.integer({ min: T0 - 10 ** 8, max: T0 + 10 ** 8 }),
});

/** Chosen options ascending, as a bitmask would give them back. */
const answer = fc.subarray([0, 1, 2, 3, 4]);
const credit = fc.integer({ min: 0, max: 60 }).map((k) => k / 60);

const resultArb: fc.Arbitrary<ResultCode> = fc
  .record({
    assignmentId: fc.string({ unit: fc.constantFrom(...ID_ALPHABET), minLength: 8, maxLength: 8 }),
    learner: text(1, 30),
    startedAt: fc.integer({ min: T0 - 10 ** 8, max: T0 + 10 ** 8 }),
    used: fc.integer({ min: 0, max: 10 ** 6 }),
    max: fc.integer({ min: 1, max: 1000 }).map((m) => m / 4),
    share: fc.integer({ min: 0, max: 100 }),
    passed: fc.boolean(),
    fingerprint: fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: 6, maxLength: 6 }),
    items: fc.array(fc.tuple(answer, credit), { minLength: 1, maxLength: 200 }),
  })
  .map(({ assignmentId, learner, startedAt, used, max, share, passed, fingerprint, items }) => ({
    assignmentId,
    learner,
    startedAt,
    submittedAt: startedAt + used,
    score: { points: (max * share) / 100, max, passed },
    fingerprint,
    answers: items.map(([a]) => a),
    credit: items.map(([, c]) => c),
  }));

/** A valid code changed once: a character replaced, deleted or inserted, or the end cut off. */
function mutated(code: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: code.length - 1 });
  const char = fc.constantFrom(...BASE64URL);
  return fc
    .oneof(
      fc.tuple(at, char).map(([i, c]) => code.slice(0, i) + c + code.slice(i + 1)),
      at.map((i) => code.slice(0, i) + code.slice(i + 1)),
      fc.tuple(fc.nat({ max: code.length }), char).map(([i, c]) => code.slice(0, i) + c + code.slice(i)),
      at.map((i) => code.slice(0, i)),
    )
    .filter((changed) => changed !== code);
}

function refusedOrExact<T>(decoded: Result<T>, original: T): boolean {
  if (!decoded.ok) {
    expect(decoded.error.message.length).toBeGreaterThan(4);
    return true;
  }
  expect(decoded.value).toEqual(original);
  return true;
}

// Thousands of runs each: give them time on a busy machine.
describe('round trips', { timeout: 60_000 }, () => {
  it('an assignment decodes to exactly what was encoded', () => {
    fc.assert(
      fc.property(assignmentArb, (spec) => {
        expect(validateAssignment(spec)).toEqual({ ok: true, value: spec });
        expect(decodeAssignment(encodeAssignment(spec))).toEqual({ ok: true, value: spec });
      }),
      { numRuns: 300 },
    );
  });

  it('a result decodes to exactly what was encoded', () => {
    fc.assert(
      fc.property(resultArb, (result) => {
        expect(decodeResult(encodeResult(result), result.assignmentId)).toEqual({ ok: true, value: result });
      }),
      { numRuns: 300 },
    );
  });
});

describe('damaged and random input', { timeout: 60_000 }, () => {
  it('random text is refused with a message, never thrown on', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength: 600 }),
          fc.string({ unit: 'binary' }),
        ),
        (input) => {
          for (const decoded of [decodeAssignment(input), decodeResult(input), decodeResult(input, 'k3m9x2qp')]) {
            expect(decoded.ok).toBe(false);
            if (!decoded.ok) expect(decoded.error.message).toMatch(/\S{4}/);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a mutated assignment code is refused or decodes to the original', () => {
    fc.assert(
      fc.property(
        assignmentArb.chain((spec) => fc.tuple(fc.constant(spec), mutated(encodeAssignment(spec)))),
        ([spec, changed]) => refusedOrExact(decodeAssignment(changed), spec),
      ),
      { numRuns: 1000 },
    );
  });

  it('a mutated result code is refused or decodes to the original', () => {
    fc.assert(
      fc.property(
        resultArb.chain((result) => fc.tuple(fc.constant(result), mutated(encodeResult(result)))),
        ([result, changed]) => refusedOrExact(decodeResult(changed, result.assignmentId), result),
      ),
      { numRuns: 1000 },
    );
  });

  it('every single-character change to one result code is caught', () => {
    const result = fc.sample(resultArb, { numRuns: 1, seed: 42 })[0]!;
    const code = encodeResult(result);
    let caught = 0;
    for (let i = 0; i < code.length; i++) {
      for (const c of BASE64URL) {
        if (c === code[i]) continue;
        const decoded = decodeResult(code.slice(0, i) + c + code.slice(i + 1));
        if (!decoded.ok) caught++;
      }
    }
    expect(caught).toBe(code.length * 63);
  });

  it('result codes that carry arbitrary or nearly valid JSON are checked field by field', () => {
    // A codec that encodes anything, to reach the result validator with well-formed codes.
    const anything = createCodec({ kind: 'result', formats: [{ version: 2, validate: (value: unknown) => ({ ok: true, value }) }] });
    const field = <T>(valid: fc.Arbitrary<T>) => fc.oneof(valid, fc.jsonValue());
    const nearlyValid = fc.record({
      a: field(fc.constant('k3m9x2qp')),
      n: field(fc.constant('张三')),
      s: field(fc.constant(T0)),
      t: field(fc.constant(T0 + 60)),
      p: field(fc.constant(1.5)),
      m: field(fc.constant(2)),
      y: field(fc.boolean()),
      f: field(fc.constant('AbC-_9')),
      k: field(fc.constant('a1')),
      c: field(fc.constant('Y0')),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearlyValid), (value) => {
        const decoded = decodeResult(anything.encode(value));
        if (decoded.ok) expect(decodeResult(encodeResult(decoded.value))).toEqual(decoded);
        else expect(decoded.error.code).toBe('schema');
      }),
      { numRuns: 1000 },
    );
  });

  it('validators refuse arbitrary JSON without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(validateAssignment(value).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('well-formed codes around any payload', { timeout: 60_000 }, () => {
  /** Bytes that deflate to at most a few KB but may inflate to a megabyte; `size` when known. */
  const payload = fc.oneof(
    fc.uint8Array({ maxLength: 4000 }).map((bytes) => ({ bytes, size: null })),
    fc
      .tuple(fc.uint8Array({ minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1024 * 1024 }))
      .map(([pattern, size]) => {
        const data = new Uint8Array(size);
        for (let i = 0; i < size; i++) data[i] = pattern[i % pattern.length]!;
        return { bytes: deflateSync(data, { level: 9 }), size };
      }),
    fc.jsonValue().map((value) => {
      const json = new TextEncoder().encode(JSON.stringify(value) ?? '');
      return { bytes: deflateSync(json), size: json.length };
    }),
  );

  it('decode without throwing, and refuse whatever would inflate past the cap', () => {
    fc.assert(
      fc.property(payload, fc.constantFrom(CODE_KINDS.result.byte, CODE_KINDS.assignment.byte), fc.integer({ min: 1, max: 2 }), ({ bytes, size }, kind, version) => {
        const code = codeWithPayload(bytes, { kind, version });
        fc.pre(code.length <= MAX_CODE_CHARS);
        for (const decoded of [decodeResult(code), decodeAssignment(code)]) {
          if (!decoded.ok) expect(decoded.error.message).toMatch(/\S{4}/);
          const readable = decoded.ok || !['version', 'wrong-kind'].includes(decoded.error.code);
          if (readable && size !== null && size > INFLATE_CAP) expect(decoded).toMatchObject({ ok: false, error: { code: 'too-long' } });
          if (readable && size !== null && size <= INFLATE_CAP - SAFE_MARGIN) expect(decoded).not.toMatchObject({ error: { code: 'too-long' } });
        }
      }),
      { numRuns: 300 },
    );
  });
});
