/**
 * When a timed attempt warns that time is running out. Pure: every function takes the times it
 * needs. The countdown's digits come from the UI kit's `formatClock`.
 */

/** Minutes left at which screen readers hear a warning; the visible countdown itself stays silent. */
export const WARNING_MINUTES = [10, 5, 1] as const;

/** The countdown turns red this close to the end. */
export const SHORT_MS = 5 * 60_000;

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
