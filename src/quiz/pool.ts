import { OBJECTIVE_TYPES, TYPE_NAMES } from './models.ts';
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
  const used = new Set<string>();
  const shortfalls: Shortfall[] = [];
  for (const part of parts) {
    for (const type of OBJECTIVE_TYPES) {
      const needed = part.draw[type];
      if (needed === 0) continue;
      const candidates = bank.filter((q) => q.type === type && !used.has(q.id) && inPool(q, part.pool));
      if (candidates.length < needed) shortfalls.push({ part: part.title, type, needed, available: candidates.length });
      for (const q of candidates.slice(0, needed)) used.add(q.id);
    }
  }
  return shortfalls;
}

export function totalDrawn(draw: DrawCounts): number {
  return OBJECTIVE_TYPES.reduce((sum, type) => sum + draw[type], 0);
}

export { OBJECTIVE_TYPES };
