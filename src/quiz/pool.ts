import { OBJECTIVE_TYPES, TYPE_NAMES, writtenDrawn } from './models.ts';
import type { Blueprint, BlueprintPart, DrawCounts, ObjectiveType, QuestionPool, QuizQuestion } from './models.ts';

/** Whether a question may be drawn for a part with this pool. */
export function inPool(question: Pick<QuizQuestion, 'chapter' | 'tags'>, pool: QuestionPool): boolean {
  if (pool.chapters && !pool.chapters.includes(question.chapter)) return false;
  if (pool.tags && !pool.tags.some((tag) => question.tags.includes(tag))) return false;
  if (pool.excludeTags?.some((tag) => question.tags.includes(tag))) return false;
  return true;
}

/** Narrows a blueprint to one chapter (for per-chapter tests). */
export function forChapter(blueprint: Blueprint, chapter: string): Blueprint {
  return {
    ...blueprint,
    parts: blueprint.parts.map((part) => ({ ...part, pool: { ...part.pool, chapters: [chapter] } })),
  };
}

/** What a blueprint lacks to be drawn without repeats, e.g. 「理论知识」多选：需要 20 道，题库只有 12 道. */
export interface Shortfall {
  part: string;
  type: ObjectiveType;
  needed: number;
  available: number;
}


export function describeShortfall(s: Shortfall): string {
  return `「${s.part}」${TYPE_NAMES[s.type]}：需要 ${s.needed} 道，可用 ${s.available} 道`;
}

/**
 * Checks that every part can be filled without repeating a question. Parts are filled in order
 * and a question used by an earlier part is no longer available to a later one, which is how
 * `drawPaper` fills them. For parts with disjoint pools (the usual case) this is exact; with
 * overlapping pools it may report a shortfall that a cleverer assignment would avoid.
 */
export function findShortfalls(bank: readonly QuizQuestion[], parts: readonly BlueprintPart[]): Shortfall[] {
  return shortfallsOf(bank, parts, OBJECTIVE_TYPES, (q) => q.type, (part, type) => part.draw[type]).map(({ kind, ...rest }) => ({ ...rest, type: kind }));
}

/**
 * What the parts need of each kind of item that the pools cannot give, filling the parts in order
 * as the draws do (an item serves one part only): the one count behind the objective and the
 * written shortfalls.
 */
export function shortfallsOf<K extends string, T extends Pick<QuizQuestion, 'id' | 'chapter' | 'tags'>>(
  items: readonly T[],
  parts: readonly BlueprintPart[],
  kinds: readonly K[],
  kindOf: (item: T) => K,
  needed: (part: BlueprintPart, kind: K) => number,
): { part: string; kind: K; needed: number; available: number }[] {
  const used = new Set<string>();
  const shortfalls: { part: string; kind: K; needed: number; available: number }[] = [];
  for (const part of parts) {
    for (const kind of kinds) {
      const count = needed(part, kind);
      if (count === 0) continue;
      const candidates = items.filter((item) => kindOf(item) === kind && !used.has(item.id) && inPool(item, part.pool));
      if (candidates.length < count) shortfalls.push({ part: part.title, kind, needed: count, available: candidates.length });
      for (const item of candidates.slice(0, count)) used.add(item.id);
    }
  }
  return shortfalls;
}

/** A blueprint the bank cannot fill; `message` names the paper and every shortfall, `details` the shortfalls alone. */
export class ShortfallError<S> extends Error {
  readonly shortfalls: S[];
  readonly details: string;
  constructor(title: string, shortfalls: S[], describe: (shortfall: S) => string) {
    const details = shortfalls.map(describe).join('；');
    super(`无法组卷「${title}」：${details}`);
    this.shortfalls = shortfalls;
    this.details = details;
  }
}

export function totalDrawn(draw: DrawCounts): number {
  return OBJECTIVE_TYPES.reduce((sum, type) => sum + draw[type], 0);
}

/** Every item a part draws: its questions and its written items (a blueprint draws one kind or the other). */
export function itemsDrawn(part: Pick<BlueprintPart, 'draw' | 'written'>): number {
  return totalDrawn(part.draw) + writtenDrawn(part);
}

export { OBJECTIVE_TYPES };
