/**
 * Seeded randomness. The engine never calls `Math.random`: a paper must be reproducible from its
 * seed, so that an attempt can be resumed, reviewed and regraded, and every test is repeatable.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Hashes a string into four 32-bit words (cyrb128). sfc32 needs 128 bits of state, and seeds are
 * short human-readable strings such as `mock-2024-05-01`, so each word must depend on every char.
 */
function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: small, fast, and good enough for shuffling; not for anything secret. */
export function createRandom(seed: string): Random {
  let [a, b, c, d] = hashSeed(seed);
  const next: Random = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs still resemble the hash; discarding a few is the usual remedy.
  for (let i = 0; i < 12; i++) next();
  return next;
}

function swap<T>(items: T[], i: number, j: number): void {
  const held = items[i] as T;
  items[i] = items[j] as T;
  items[j] = held;
}

/** A shuffled copy (Fisher–Yates); the input is left as it is. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) swap(out, i, Math.floor(random() * (i + 1)));
  return out;
}

/**
 * `count` distinct items chosen uniformly, in random order. Stops the Fisher–Yates walk after
 * `count` steps, so drawing 10 from a stratum of 1,000 costs 10 swaps rather than 1,000.
 */
export function pick<T>(items: readonly T[], count: number, random: Random): T[] {
  if (!Number.isInteger(count) || count < 0 || count > items.length) {
    throw new RangeError(`cannot pick ${count} of ${items.length} items`);
  }
  const out = items.slice();
  for (let i = 0; i < count; i++) swap(out, i, i + Math.floor(random() * (out.length - i)));
  out.length = count;
  return out;
}
