import { describe, expect, it } from 'vitest';
import { createRandom, pick, shuffle } from '../../../src/quiz/index.ts';

describe('seeded randomness', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRandom('mock-2024');
    const b = createRandom('mock-2024');
    const c = createRandom('mock-2025');
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('shuffles a copy, keeping every element', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = shuffle(items, createRandom('s'));
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(shuffled).not.toEqual(items);
  });

  it('picks distinct items and refuses to pick more than there are', () => {
    const picked = pick(['a', 'b', 'c', 'd', 'e'], 3, createRandom('p'));
    expect(picked).toHaveLength(3);
    expect(new Set(picked).size).toBe(3);
    expect(pick(['a'], 0, createRandom('p'))).toEqual([]);
    expect(() => pick(['a', 'b'], 3, createRandom('p'))).toThrow(RangeError);
  });

  it('picks each item about equally often', () => {
    const random = createRandom('uniform');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) {
      const [chosen] = pick([0, 1, 2, 3], 1, random);
      counts[chosen ?? 0] = (counts[chosen ?? 0] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(880);
    for (const count of counts) expect(count).toBeLessThan(1120);
  });
});
