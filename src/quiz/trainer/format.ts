/**
 * How the trainer's numbers and times read, in one place: the pages, the CSV export and the
 * engine's own sentences (the report's flags, the inbox's messages) all format through here, so
 * that a score or a time never reads two ways. No DOM, no locale of the machine: times are
 * Beijing time, as due dates are (`BEIJING_UTC_OFFSET_SECONDS`).
 */
import { BEIJING_UTC_OFFSET_SECONDS } from './assignment.ts';

/** `YYYY-MM-DD HH:mm` in Beijing time, whatever the machine's zone. */
export function beijingTime(epochSeconds: number): string {
  return new Date((epochSeconds + BEIJING_UTC_OFFSET_SECONDS) * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 1 小时 5 分, 12 分 30 秒, 45 秒. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h} 小时 ${m} 分`;
  if (m > 0) return rest > 0 ? `${m} 分 ${rest} 秒` : `${m} 分钟`;
  return `${rest} 秒`;
}

/** Points to at most two decimals, without trailing zeros: 72.5, 60, 33.33. */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}
