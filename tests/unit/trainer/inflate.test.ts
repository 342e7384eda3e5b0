/**
 * Issue 13, item 4: inflating stops at a cap. Whatever the input — valid deflate, a deflate bomb,
 * a damaged bomb, random bytes, stored blocks — `inflateCapped` never throws and never inflates
 * more than the cap, and anything comfortably under the cap comes back whole.
 */
import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INFLATE_CAP, SAFE_MARGIN, inflateCapped, type Inflated } from '../../../src/quiz/trainer/inflate.ts';

const encoder = new TextEncoder();

/** `size` bytes repeating `pattern`: compresses to almost nothing, like a bomb. */
function repeated(pattern: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = pattern[i % pattern.length]!;
  return out;
}

const level = fc.constantFrom(0 as const, 1 as const, 6 as const, 9 as const);
const pattern = fc.uint8Array({ minLength: 1, maxLength: 8 });

/** Deflated data that inflates to between 64 KiB and 512 KiB (the cap stops all of them alike). */
const bomb = fc
  .tuple(pattern, fc.integer({ min: INFLATE_CAP + 1, max: 512 * 1024 }), fc.constantFrom(1 as const, 6 as const, 9 as const))
  .map(([p, size, l]) => deflateSync(repeated(p, size), { level: l }));

/** A bomb with a few bytes changed: still mostly valid deflate, often still huge. */
const damagedBomb = fc
  .tuple(bomb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }))
  .map(([data, changes]) => {
    const copy = Uint8Array.from(data);
    for (const [at, value] of changes) copy[at % copy.length] = value;
    return copy;
  });

function inflatedBytes(result: Inflated): number {
  return result.ok ? result.bytes.length : result.inflated;
}

// Property runs deflate large inputs to make their bombs: give them time on a busy machine.
describe('inflateCapped', { timeout: 60_000 }, () => {
  it('gives back exactly what was deflated, with or without a dictionary', () => {
    const dictionary = encoder.encode('{"a":"","n":"","k":"","c":""}');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8192 }), level, fc.boolean(), (data, l, withDictionary) => {
        const options = withDictionary ? { dictionary } : {};
        const inflated = inflateCapped(deflateSync(data, { ...options, level: l }), options);
        expect(inflated).toEqual({ ok: true, bytes: data });
      }),
      { numRuns: 200 },
    );
  });

  it('inflates anything up to the cap less its safety margin in full', () => {
    fc.assert(
      fc.property(pattern, fc.integer({ min: 0, max: INFLATE_CAP - SAFE_MARGIN }), level, (p, size, l) => {
        const data = repeated(p, size);
        const inflated = inflateCapped(deflateSync(data, { level: l }));
        expect(inflated.ok).toBe(true);
        if (inflated.ok) expect(inflated.bytes.length).toBe(size);
      }),
      { numRuns: 100 },
    );
    // The largest size that must still inflate, at deflate's best ratio.
    const edge = repeated(Uint8Array.of(32), INFLATE_CAP - SAFE_MARGIN);
    expect(inflateCapped(deflateSync(edge, { level: 9 }))).toMatchObject({ ok: true });
  });

  it('refuses a bomb without inflating more than the cap', () => {
    fc.assert(
      fc.property(bomb, (data) => {
        const inflated = inflateCapped(data);
        expect(inflated).toMatchObject({ ok: false, reason: 'too-large' });
        expect(inflatedBytes(inflated)).toBeLessThanOrEqual(INFLATE_CAP);
      }),
      { numRuns: 40 },
    );
  });

  it('never throws and never passes the cap, whatever the input and whatever the cap', () => {
    const input = fc.oneof(fc.uint8Array({ maxLength: 6000 }), bomb, damagedBomb);
    const cap = fc.integer({ min: 1, max: 3 * INFLATE_CAP });
    fc.assert(
      fc.property(input, cap, (data, limit) => {
        const inflated = inflateCapped(data, { cap: limit });
        expect(inflatedBytes(inflated)).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 100 },
    );
  });

  it('holds stored (uncompressed) blocks to the cap too', () => {
    const data = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) & 0xff);
    const inflated = inflateCapped(deflateSync(data, { level: 0 }));
    expect(inflated).toMatchObject({ ok: false, reason: 'too-large' });
    expect(inflatedBytes(inflated)).toBeLessThanOrEqual(INFLATE_CAP);
  });

  it('tells damaged data from data that is too large', () => {
    expect(inflateCapped(Uint8Array.of(0xff, 0xff, 0xff))).toEqual({ ok: false, reason: 'corrupt', inflated: 0 });
    const whole = deflateSync(encoder.encode('会议组织与管理'.repeat(20)));
    expect(inflateCapped(whole.subarray(0, whole.length - 3))).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('stops a 5 MiB bomb within its first few hundred bytes of input', () => {
    const fiveMiB = deflateSync(repeated(Uint8Array.of(32), 5 * 1024 * 1024), { level: 9 });
    // Work is what gets inflated, and that is capped; the time is logged for the record only.
    let refused = 0;
    const start = performance.now();
    for (let i = 0; i < 400; i++) {
      const inflated = inflateCapped(fiveMiB);
      if (!inflated.ok && inflated.inflated <= INFLATE_CAP) refused++;
    }
    console.info(`400 × 5 MiB bombs (${fiveMiB.length} bytes each) refused in ${Math.round(performance.now() - start)} ms`);
    expect(refused).toBe(400);
  });
});
