/**
 * The skills paper (专业能力): written items — 案例分析 and 工作实务 — drawn from a blueprint,
 * answered in writing through the same attempt as every timed paper (`write` steps), and
 * self-marked after hand-in (`tick` steps) against each item's 得分点. Nobody else marks it, so
 * the score is the learner's own: every item counts its share of its part's points by the share
 * of 得分点 ticked, scaled to the paper's 100.
 */
import type { AttemptState } from './attempt.ts';
import { allocate, headerOf, type Paper, type PaperHeader, type PaperLayout, type PaperSlot } from './draw.ts';
import { isWrittenBlueprint, TYPE_NAMES, WRITTEN_KINDS, type Blueprint, type CaseItem, type WrittenKind } from './models.ts';

export { isWrittenBlueprint, WRITTEN_KINDS };
import { forChapter, inPool, ShortfallError, shortfallsOf } from './pool.ts';
import { createRandom, pick, shuffle } from './random.ts';


/** A written item on a paper, with its slot (permutation is empty: nothing to reorder). */
export interface WrittenPaperItem extends PaperSlot {
  written: CaseItem;
}

export interface WrittenPaper extends PaperHeader {
  kind: 'written';
  items: WrittenPaperItem[];
}

/** Any timed paper: objective questions, or the skills paper's written items. */
export type AnyPaper = Paper | WrittenPaper;

export function isWrittenPaper(paper: AnyPaper): paper is WrittenPaper {
  return 'kind' in paper && paper.kind === 'written';
}


/** What a written blueprint lacks: 「案例分析」案例分析：需要 2 道，可用 1 道. */
export interface WrittenShortfall {
  part: string;
  kind: WrittenKind;
  needed: number;
  available: number;
}

export function findWrittenShortfalls(items: readonly CaseItem[], blueprint: Pick<Blueprint, 'parts'>): WrittenShortfall[] {
  return shortfallsOf(items, blueprint.parts, WRITTEN_KINDS, (item) => item.kind, (part, kind) => part.written?.[kind] ?? 0);
}

export function describeWrittenShortfall(s: WrittenShortfall): string {
  return `「${s.part}」${TYPE_NAMES[s.kind]}：需要 ${s.needed} 道，可用 ${s.available} 道`;
}

export class WrittenDrawError extends ShortfallError<WrittenShortfall> {
  constructor(title: string, shortfalls: WrittenShortfall[]) {
    super(title, shortfalls, describeWrittenShortfall);
    this.name = 'WrittenDrawError';
  }
}

/**
 * Draws a skills paper. Within a part, items are spread over chapters (one chapter's items are a
 * group; seats go to groups in proportion to their size with random ties), so two 案例分析 on one
 * paper come from two chapters whenever the pool allows. The same seed draws the same paper.
 */
export function drawWrittenPaper(items: readonly CaseItem[], blueprint: Blueprint, seed: string, options: { chapter?: string | undefined } = {}): WrittenPaper {
  const chapter = options.chapter ?? null;
  const parts = (chapter === null ? blueprint : forChapter(blueprint, chapter)).parts;
  const shortfalls = findWrittenShortfalls(items, { parts });
  if (shortfalls.length > 0) throw new WrittenDrawError(blueprint.title, shortfalls);
  const random = createRandom(seed);
  const used = new Set<string>();
  const drawn: WrittenPaperItem[] = [];
  parts.forEach((part, partIndex) => {
    for (const kind of WRITTEN_KINDS) {
      const needed = part.written?.[kind] ?? 0;
      if (needed === 0) continue;
      const byChapter = new Map<string, CaseItem[]>();
      for (const item of items) {
        if (item.kind !== kind || used.has(item.id) || !inPool(item, part.pool)) continue;
        byChapter.set(item.chapter, [...(byChapter.get(item.chapter) ?? []), item]);
      }
      const groups = [...byChapter.values()];
      // One seat per chapter first: allocate over groups of size one, then fill from the rest.
      const firstRound = allocate(groups.map(() => 1), Math.min(needed, groups.length), random);
      const chosen = groups.flatMap((group, i) => pick(group, firstRound[i] ?? 0, random));
      const rest = shuffle(groups.flat().filter((item) => !chosen.includes(item)), random).slice(0, needed - chosen.length);
      for (const item of shuffle([...chosen, ...rest], random)) {
        used.add(item.id);
        drawn.push({ part: partIndex, questionId: item.id, permutation: [], written: item });
      }
    }
  });
  return { kind: 'written', ...headerOf(blueprint, seed, chapter, parts), items: drawn };
}

/** The storable form of a written paper: slots, marked as written. */
export function writtenLayoutOf(paper: WrittenPaper): PaperLayout {
  const { items, ...header } = paper;
  return { ...header, kind: 'written', items: items.map(({ part, questionId }) => ({ part, questionId, permutation: [] })) };
}

/** Rebuilds a written paper from its layout; throws, naming them, when items are gone or changed. */
export function restoreWrittenPaper(bank: readonly CaseItem[], layout: PaperLayout): WrittenPaper {
  const byId = new Map(bank.map((item) => [item.id, item]));
  const missing = layout.items.filter((slot) => !byId.has(slot.questionId)).map((slot) => slot.questionId);
  if (missing.length > 0) throw new Error(`无法恢复试卷「${layout.title}」：${missing.join('、')} 已不在题库中`);
  const { items, ...header } = layout;
  return { ...header, kind: 'written', items: items.map((slot) => ({ ...slot, written: byId.get(slot.questionId) as CaseItem })) };
}

/** One item's self-marked result. */
export interface WrittenItemMark {
  index: number;
  itemId: string;
  part: number;
  /** Raw points ticked and available, summed over the item's parts. */
  ticked: number;
  max: number;
  /** The item's points on the paper (its share of the part), and what the ticks earn of them. */
  points: number;
  score: number;
  /** Something was written in at least one part. */
  written: boolean;
}

export interface WrittenScore {
  total: number;
  maxTotal: number;
  passMark: number;
  passed: boolean;
  parts: { key: string; points: number; score: number }[];
  items: WrittenItemMark[];
}

const toCents = (x: number) => Math.round(x * 100) / 100;

/** Raw points of the ticked 得分点 of an item, ignoring ticks that name no point (a changed item). */
export function tickedPoints(item: CaseItem, ticks: readonly (readonly number[])[] | undefined): { ticked: number; max: number } {
  let ticked = 0;
  let max = 0;
  item.parts.forEach((part, p) => {
    const chosen = new Set(ticks?.[p] ?? []);
    part.points.forEach((point, i) => {
      max += point.score;
      if (chosen.has(i)) ticked += point.score;
    });
  });
  return { ticked, max };
}

/** What an item is worth on its paper: an equal share of its part's points. */
export function itemPoints(paper: Pick<WrittenPaper, 'parts' | 'items'>, index: number): number {
  const slot = paper.items[index];
  if (!slot) return 0;
  const count = paper.items.filter((other) => other.part === slot.part).length;
  return (paper.parts[slot.part]?.points ?? 0) / Math.max(1, count);
}

/**
 * The self-marked score of a submitted written paper: each item is worth an equal share of its
 * part's points, and earns that share in proportion to the 得分点 ticked. Always within
 * 0–maxTotal, and ticking another point never lowers it.
 */
export function scoreWritten(paper: WrittenPaper, state: Pick<AttemptState, 'ticks' | 'texts'>): WrittenScore {
  const items = paper.items.map((slot, index): WrittenItemMark => {
    const { ticked, max } = tickedPoints(slot.written, state.ticks[index]);
    const points = itemPoints(paper, index);
    return {
      index,
      itemId: slot.questionId,
      part: slot.part,
      ticked,
      max,
      points,
      score: max > 0 ? (points * ticked) / max : 0,
      written: (state.texts[index] ?? []).some((text) => text.trim() !== ''),
    };
  });
  const parts = paper.parts.map((part, p) => ({
    key: part.title,
    points: part.points,
    score: Math.min(part.points, toCents(items.filter((m) => m.part === p).reduce((sum, m) => sum + m.score, 0))),
  }));
  const maxTotal = paper.parts.reduce((sum, part) => sum + part.points, 0);
  const total = Math.min(maxTotal, toCents(parts.reduce((sum, part) => sum + part.score, 0)));
  return { total, maxTotal, passMark: paper.passMark, passed: total >= paper.passMark, parts, items };
}
