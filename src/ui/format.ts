/**
 * Every number, time and date the site shows, formatted in one place: two copies drift, and
 * learners see it (a score of 72.5 on one page and 72.53 on the next). Points, durations and
 * Beijing times are the engine's (src/quiz/format.ts, which its own sentences use too); the rest
 * is here. No DOM, no clock: callers pass the times in.
 */
export { beijingDay, beijingTime, formatDuration, formatPoints } from '../quiz/index.ts';

const oneDecimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1, useGrouping: false });

/** A share in [0, 1] as a whole percentage (「72%」), or with `digits` decimals; 「—」 when there is none. */
export function formatPercent(share: number | null, digits: 0 | 1 = 0): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const value = share * 100;
  return `${digits === 1 ? oneDecimal.format(value) : String(Math.round(value))}%`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The countdown, `mm:ss`. Minutes are not folded into hours (a 90-minute paper starts at 90:00,
 * as the real exam's clock shows it), and seconds round up so that 00:00 appears only when the
 * time is really up.
 */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}

const localDateTime = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
const localMonthDay = new Intl.DateTimeFormat('zh-CN', { month: 'numeric', day: 'numeric' });

/** A moment in the learner's local time: 「2025/5/1 09:00」. */
export function formatDateTime(epochMs: number): string {
  return localDateTime.format(new Date(epochMs));
}

/** A day in the learner's local time: 「5月1日」. */
export function formatMonthDay(epochMs: number): string {
  return localMonthDay.format(new Date(epochMs));
}

/** A local calendar day as `YYYY-MM-DD` (for file names and the study plan). */
export function localDay(epochMs: number): string {
  const day = new Date(epochMs);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** A size in characters or bytes as a learner reads it: 「850 字节」「12 KB」「1.2 MB」. */
export function formatSize(size: number): string {
  if (size >= 1024 * 1024) return `${oneDecimal.format(size / 1024 / 1024)} MB`;
  if (size >= 1024) return `${Math.round(size / 1024)} KB`;
  return `${size} 字节`;
}
