/**
 * How numbers and times read, in one place for the whole site: the engine's own sentences (the
 * class report's flags, the inbox, the CSV export) format through here, and the UI kit
 * (src/ui/format.ts) re-exports these beside the formats that need the learner's locale. So a
 * score or a time never reads two ways. No DOM and no clock.
 */

const points = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false });

/** Points to at most two decimals, without trailing zeros: 72.5, 90, 33.33. */
export function formatPoints(value: number): string {
  return points.format(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A duration in words, for time used: 「45 秒」「23 分 05 秒」「1 小时 02 分 00 秒」. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours} 小时 ${pad(minutes)} 分 ${pad(rest)} 秒`;
  if (minutes > 0) return `${minutes} 分 ${pad(rest)} 秒`;
  return `${rest} 秒`;
}

/** A calendar day in milliseconds (the site's day counts are in UTC or Beijing time: no daylight saving). */
export const DAY_MS = 86_400_000;

/** Beijing is UTC+8 all year: trainers' due dates and result times are in Beijing time. */
export const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** `YYYY-MM-DD HH:mm` in Beijing time, whatever the machine's zone. */
export function beijingTime(epochMs: number): string {
  return new Date(epochMs + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The date in Beijing, `YYYY-MM-DD`. */
export function beijingDay(epochMs: number): string {
  return beijingTime(epochMs).slice(0, 10);
}
