import { describe, expect, it } from 'vitest';
import { beijingDay, beijingTime, formatClock, formatDuration, formatPercent, formatPoints, formatSize } from '../../../src/ui/format.ts';

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

describe('numbers', () => {
  it('shows points with at most two decimals and no trailing zeros', () => {
    expect(formatPoints(72.5)).toBe('72.5');
    expect(formatPoints(90)).toBe('90');
    expect(formatPoints(4.4444)).toBe('4.44');
    expect(formatPoints(1234.5)).toBe('1234.5');
  });

  it('shows shares as percentages, whole or with one decimal, and — for none', () => {
    expect(formatPercent(0.724)).toBe('72%');
    expect(formatPercent(0.7255, 1)).toBe('72.6%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });

  it('shows sizes in 字节, KB and MB', () => {
    expect(formatSize(850)).toBe('850 字节');
    expect(formatSize(12 * 1024)).toBe('12 KB');
    expect(formatSize(53 * 1024 * 1024)).toBe('53 MB');
  });
});

describe('Beijing time', () => {
  it('is UTC+8 whatever the device zone', () => {
    const at = Date.UTC(2026, 11, 1, 16, 30);
    expect(beijingTime(at)).toBe('2026-12-02 00:30');
    expect(beijingDay(at)).toBe('2026-12-02');
  });
});
