/** Time as the mock exam shows and announces it. Pure: every function takes the times it needs. */

/**
 * The countdown, `mm:ss`. Minutes are not folded into hours (a 90-minute paper starts at 90:00),
 * and seconds round up so that 00:00 appears only when the time is really up.
 */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}

/** A duration in words, for time used: 「23 分 05 秒」, 「1 小时 02 分 00 秒」. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours} 小时 ${pad(minutes)} 分 ${pad(rest)} 秒`;
  if (minutes > 0) return `${minutes} 分 ${pad(rest)} 秒`;
  return `${rest} 秒`;
}

/** A moment in the learner's local time: 「2025/5/1 09:00」. */
export function formatDateTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
}

/** Minutes left at which screen readers hear a warning; the visible countdown itself stays silent. */
export const WARNING_MINUTES = [10, 5, 1] as const;

/**
 * The warning due when the time left went from `before` to `after` (ms): the smallest threshold
 * crossed, so a tab that slept through several hears only the latest. `before` null is the first
 * reading after a (re)load, which sets the baseline and announces nothing.
 */
export function warningCrossed(before: number | null, after: number): number | null {
  if (before === null) return null;
  let crossed: number | null = null;
  for (const minutes of WARNING_MINUTES) {
    const threshold = minutes * 60_000;
    if (before > threshold && after <= threshold) crossed = minutes;
  }
  return crossed;
}

export function warningText(minutes: number): string {
  return `注意：考试时间还剩 ${minutes} 分钟。`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
