import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, warningCrossed, warningText } from '../../../src/scripts/exam-clock.ts';

const MIN = 60_000;

describe('the countdown', () => {
  it('shows mm:ss without folding minutes into hours', () => {
    expect(formatClock(90 * MIN)).toBe('90:00');
    expect(formatClock(30 * MIN)).toBe('30:00');
    expect(formatClock(65_000)).toBe('01:05');
    expect(formatClock(9_000)).toBe('00:09');
  });

  it('rounds up, so 00:00 appears only when time is really up', () => {
    expect(formatClock(29 * MIN + 59_001)).toBe('30:00');
    expect(formatClock(1)).toBe('00:01');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(-5000)).toBe('00:00');
  });
});

describe('time used', () => {
  it('reads as seconds, minutes and hours in Chinese', () => {
    expect(formatDuration(42_000)).toBe('42 秒');
    expect(formatDuration(23 * MIN + 5_000)).toBe('23 分 05 秒');
    expect(formatDuration(90 * MIN)).toBe('1 小时 30 分 00 秒');
    expect(formatDuration(-1)).toBe('0 秒');
  });
});

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
