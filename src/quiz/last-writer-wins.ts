/**
 * Merging two copies of a record written in different tabs (or brought in by an import): the later
 * write wins. Equal times are broken by content, so the result does not depend on which copy is
 * merged into which, and merging a copy with itself changes nothing.
 */
export function lastWriterWins<T extends { updatedAt: number }>(a: T, b: T): T {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}
