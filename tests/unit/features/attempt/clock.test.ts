import { describe, expect, it } from 'vitest';
import { warningCrossed, warningText } from '../../../../src/features/attempt/clock.ts';

const MIN = 60_000;

describe('spoken time warnings', () => {
  it('announces at 10, 5 and 1 minutes left, once each', () => {
    expect(warningCrossed(10 * MIN + 500, 10 * MIN - 500)).toBe(10);
    expect(warningCrossed(10 * MIN - 500, 10 * MIN - 1500)).toBeNull();
    expect(warningCrossed(5 * MIN + 1, 5 * MIN)).toBe(5);
    expect(warningCrossed(MIN + 900, MIN - 100)).toBe(1);
    expect(warningCrossed(20 * MIN, 19 * MIN)).toBeNull();
  });

  it('says nothing on the first reading after a reload, even with little time left', () => {
    expect(warningCrossed(null, 3 * MIN)).toBeNull();
  });

  it('gives only the latest warning when a sleeping tab skipped several', () => {
    expect(warningCrossed(12 * MIN, 30_000)).toBe(1);
    expect(warningCrossed(12 * MIN, 4 * MIN)).toBe(5);
  });

  it('is called once a second for a whole exam and speaks exactly three times', () => {
    const spoken: number[] = [];
    let before: number | null = null;
    for (let left = 30 * MIN; left >= 0; left -= 1000) {
      const warning = warningCrossed(before, left);
      if (warning !== null) spoken.push(warning);
      before = left;
    }
    expect(spoken).toEqual([10, 5, 1]);
    expect(warningText(5)).toContain('5 分钟');
  });
});
