/**
 * Drawing a paper from a blueprint. A paper is a pure function of (bank, blueprint, seed, chapter):
 * the same inputs always give the same questions in the same order with the same option order.
 */
import type { Blueprint, BlueprintPart, MultiplePolicy, ObjectiveType, QuizQuestion } from './models.ts';
import { describeShortfall, forChapter, inPool, itemsDrawn, OBJECTIVE_TYPES, ShortfallError } from './pool.ts';
import type { Shortfall } from './pool.ts';
import { createRandom, pick, shuffle } from './random.ts';
import type { Random } from './random.ts';

/** A part as printed on the paper. */
export interface PaperPart {
  title: string;
  /** The part's raw score is scaled to this many points. */
  points: number;
  /** Number of questions drawn for the part. */
  count: number;
}

/** Where a paper question came from; enough to rebuild the paper from the bank. */
export interface PaperSlot {
  /** Index into `Paper.parts`. */
  part: number;
  /** The question's id in the bank. */
  questionId: string;
  /** `permutation[shown] = original`: the bank index of the option shown at each position. */
  permutation: number[];
}

/** A question on a paper: its slot and the question as shown, with `answer` in shown positions. */
export interface PaperItem extends PaperSlot {
  question: QuizQuestion;
}

/** What identifies a paper, without the question text (which stays in the bank). */
export interface PaperHeader {
  blueprintId: string;
  title: string;
  seed: string;
  /** The chapter of a per-chapter test, otherwise null. */
  chapter: string | null;
  /** Time limit in minutes; 0 is untimed. */
  minutes: number;
  passMark: number;
  multiplePolicy: MultiplePolicy;
  parts: PaperPart[];
}

export interface Paper extends PaperHeader {
  items: PaperItem[];
}

/**
 * A paper as stored with an attempt: slots instead of questions. Stored attempts keep this rather
 * than the seed alone because a content update between visits would redraw a different paper
 * under the learner's saved answers.
 */
export interface PaperLayout extends PaperHeader {
  /** `written` for the skills paper (written.ts); absent for objective papers. */
  kind?: 'objective' | 'written' | undefined;
  items: PaperSlot[];
}

export interface DrawOptions {
  /** Required for a per-chapter blueprint: the chapter the learner picked. */
  chapter?: string | undefined;
}

/** The blueprint cannot be filled from the bank; `message` names every shortfall. */
export class PaperDrawError extends ShortfallError<Shortfall> {
  constructor(title: string, shortfalls: Shortfall[]) {
    super(title, shortfalls, describeShortfall);
    this.name = 'PaperDrawError';
  }
}

/**
 * Draws a paper. Parts are filled in order and no question appears twice on a paper. Within a
 * part, each type's count is split across chapter × difficulty strata in proportion to their size
 * (largest remainder), so a paper mirrors the bank's spread instead of clustering by chance.
 */
export function drawPaper(
  bank: readonly QuizQuestion[],
  blueprint: Blueprint,
  seed: string,
  options: DrawOptions = {},
): Paper {
  const chapter = options.chapter ?? null;
  if (blueprint.perChapter && chapter === null) {
    throw new Error(`「${blueprint.title}」是按章节测验，抽题时需要指定章节`);
  }
  const parts = (chapter === null ? blueprint : forChapter(blueprint, chapter)).parts;
  const random = createRandom(seed);
  const used = new Set<string>();
  const shortfalls: Shortfall[] = [];
  const items: PaperItem[] = [];

  parts.forEach((part, partIndex) => {
    const strata = groupByStratum(bank, part, used);
    for (const type of OBJECTIVE_TYPES) {
      const needed = part.draw[type];
      if (needed === 0) continue;
      const groups = [...strata[type].values()];
      const available = groups.reduce((sum, group) => sum + group.length, 0);
      if (available < needed) {
        shortfalls.push({ part: part.title, type, needed, available });
        // Use them all up, as findShortfalls does, so later parts report the same shortfalls it would.
        for (const group of groups) for (const q of group) used.add(q.id);
        continue;
      }
      const quotas = allocate(groups.map((group) => group.length), needed, random);
      const chosen = groups.flatMap((group, i) => pick(group, quotas[i] ?? 0, random));
      // Strata were taken one after another; shuffle so the paper does not read chapter by chapter.
      for (const question of shuffle(chosen, random)) {
        used.add(question.id);
        const permutation = optionOrder(question, blueprint.shuffleOptions === true, random);
        items.push({ part: partIndex, questionId: question.id, permutation, question: arrange(question, permutation) });
      }
    }
  });

  if (shortfalls.length > 0) throw new PaperDrawError(blueprint.title, shortfalls);
  return { ...headerOf(blueprint, seed, chapter, parts), items };
}

/** The storable form of a paper. */
export function layoutOf(paper: Paper): PaperLayout {
  return {
    ...paper,
    items: paper.items.map(({ part, questionId, permutation }) => ({ part, questionId, permutation: [...permutation] })),
  };
}

/**
 * Rebuilds a paper from its layout and the current bank. Throws when a question has been removed
 * or its options changed in number, because the saved answers would then point at other options.
 */
export function restorePaper(bank: readonly QuizQuestion[], layout: PaperLayout): Paper {
  const byId = new Map(bank.map((q) => [q.id, q]));
  const problems: string[] = [];
  const items: PaperItem[] = [];
  for (const slot of layout.items) {
    const question = byId.get(slot.questionId);
    if (!question) problems.push(`${slot.questionId} 已不在题库中`);
    else if (!isPermutation(slot.permutation, question.options.length)) problems.push(`${slot.questionId} 的选项已变化`);
    else items.push({ ...slot, question: arrange(question, slot.permutation) });
  }
  if (problems.length > 0) throw new Error(`无法恢复试卷「${layout.title}」：${problems.join('；')}`);
  return { ...layout, items };
}

/** A paper's header from its blueprint, objective or written. */
export function headerOf(blueprint: Blueprint, seed: string, chapter: string | null, parts: BlueprintPart[]): PaperHeader {
  return {
    blueprintId: blueprint.id,
    title: blueprint.title,
    seed,
    chapter,
    minutes: blueprint.minutes,
    passMark: blueprint.passMark,
    multiplePolicy: blueprint.multiplePolicy,
    parts: parts.map((part) => ({ title: part.title, points: part.points, count: itemsDrawn(part) })),
  };
}

/** One pass over the bank: the part's unused candidates, per type, grouped by chapter × difficulty. */
function groupByStratum(
  bank: readonly QuizQuestion[],
  part: BlueprintPart,
  used: ReadonlySet<string>,
): Record<ObjectiveType, Map<string, QuizQuestion[]>> {
  const strata: Record<ObjectiveType, Map<string, QuizQuestion[]>> = {
    single: new Map(),
    multiple: new Map(),
    judge: new Map(),
  };
  for (const question of bank) {
    if (part.draw[question.type] === 0 || used.has(question.id) || !inPool(question, part.pool)) continue;
    const byStratum = strata[question.type];
    const key = `${question.chapter}\u0000${question.difficulty}`;
    const group = byStratum.get(key);
    if (group) group.push(question);
    else byStratum.set(key, [question]);
  }
  return strata;
}

/**
 * Splits `n` seats across groups in proportion to their sizes (Hamilton's largest remainder).
 * Integer arithmetic keeps equal remainders equal; ties go to a random group rather than the
 * first chapter in the bank. No group gets more seats than it has members.
 */
export function allocate(sizes: readonly number[], n: number, random: Random): number[] {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (n > total) throw new RangeError(`cannot allocate ${n} of ${total}`);
  if (total === 0) return sizes.map(() => 0);
  const quotas = sizes.map((size) => Math.floor((n * size) / total));
  const remainders = sizes.map((size) => (n * size) % total);
  let left = n - quotas.reduce((sum, q) => sum + q, 0);
  const indices = sizes.map((_, i) => i);
  const order = shuffle(indices, random).sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0));
  for (const i of order) {
    if (left === 0) break;
    quotas[i] = (quotas[i] ?? 0) + 1;
    left--;
  }
  return quotas;
}

/**
 * Options keep the bank's order unless the blueprint asks for a shuffle; 判断 always keeps
 * 正确/错误 in that order: learners expect it and a shuffled pair tests nothing.
 */
function optionOrder(question: QuizQuestion, shuffleOptions: boolean, random: Random): number[] {
  const identity = question.options.map((_, i) => i);
  return question.type === 'judge' || !shuffleOptions ? identity : shuffle(identity, random);
}

/** The question as shown under a permutation, with its answer remapped to shown positions. */
function arrange(question: QuizQuestion, permutation: readonly number[]): QuizQuestion {
  const shownAt: number[] = [];
  permutation.forEach((original, shown) => {
    shownAt[original] = shown;
  });
  return {
    ...question,
    options: permutation.map((original) => question.options[original] ?? ''),
    answer: question.answer.map((original) => shownAt[original] ?? -1).sort((a, b) => a - b),
  };
}

function isPermutation(values: readonly number[], length: number): boolean {
  return values.length === length && new Set(values).size === length && values.every((v) => Number.isInteger(v) && v >= 0 && v < length);
}
