/**
 * What an assignment holds, before any paper is drawn: the chapters it loads, the scope of its
 * modules, how many questions each section offers by type and difficulty, and how many items its
 * mix makes. The builder and the assignment list need only these, so they live apart from the
 * draws (`paper.ts`) and keep the trainer's page light.
 */
import { isWrittenBlueprint, OBJECTIVE_TYPES } from '../models.ts';
import { itemsDrawn } from '../pool.ts';
import type { Blueprint, CaseItem, ObjectiveType, QuizQuestion } from '../models.ts';
import type { AssignmentSpec } from './assignment.ts';

export { DIFFICULTIES, DIFFICULTY_NAMES } from '../models.ts';

/** The chapter a module names: `meetings` and `meetings#plan` both belong to `meetings`. */
export function moduleChapter(module: string): string {
  const hash = module.indexOf('#');
  return hash < 0 ? module : module.slice(0, hash);
}

/**
 * The chapter a written item's id names by the content's convention (`meetings-c01`,
 * `meetings-t02`: `<chapter>-c<NN>` or `<chapter>-t<NN>`), or null for an id that does not follow it.
 */
export function writtenItemChapter(id: string): string | null {
  return /^(.+)-[ct]\d+$/.exec(id)?.[1] ?? null;
}

/**
 * The chapters whose bank files the paper needs, in first-mentioned order; undefined means every
 * chapter (no modules: the whole bank). For chosen written items, the chapters their ids name;
 * every chapter if an id does not name one.
 */
export function chaptersFor(spec: Pick<AssignmentSpec, 'modules'> & Partial<Pick<AssignmentSpec, 'mix'>>): string[] | undefined {
  if (spec.mix !== undefined && 'written' in spec.mix) {
    const chapters = spec.mix.written.map(writtenItemChapter);
    return chapters.every((chapter) => chapter !== null) ? [...new Set(chapters)] : undefined;
  }
  if (spec.modules.length === 0) return undefined;
  return [...new Set(spec.modules.map(moduleChapter))];
}

/** Every item of the chapters an assignment loads: objective questions and written items. */
export interface AssignmentBank {
  questions: readonly QuizQuestion[];
  cases: readonly CaseItem[];
}

/**
 * The questions (or written items) an assignment may draw from, in id order. The order matters:
 * the draws walk the bank in order, and the learner's and the trainer's browser may load chapter
 * files in different orders, so both sort before drawing.
 */
export function scopeBank<T extends Pick<QuizQuestion, 'id' | 'chapter' | 'section'>>(bank: readonly T[], modules: readonly string[]): T[] {
  const wanted = new Set(modules);
  const inScope =
    modules.length === 0 ? [...bank] : bank.filter((q) => wanted.has(q.chapter) || wanted.has(`${q.chapter}#${q.section}`));
  return inScope.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Questions by type and difficulty: `[type][difficulty - 1]`. */
export type TypeCounts = Record<ObjectiveType, [number, number, number]>;

const noCounts = (): TypeCounts => ({ single: [0, 0, 0], multiple: [0, 0, 0], judge: [0, 0, 0] });

/**
 * How many questions of each type and difficulty each section (`chapter#section`) holds. The
 * builder gets this table from the build, so it can show what the chosen modules hold without
 * fetching the bank.
 */
export function countsBySection(bank: readonly QuizQuestion[]): Record<string, TypeCounts> {
  const table: Record<string, TypeCounts> = {};
  for (const q of bank) {
    const counts = (table[`${q.chapter}#${q.section}`] ??= noCounts());
    counts[q.type][(q.difficulty - 1) as 0 | 1 | 2]++;
  }
  return table;
}

/** What the modules hold, from `countsBySection`'s table; no modules is the whole bank. */
export function availableIn(table: Readonly<Record<string, TypeCounts>>, modules: readonly string[]): TypeCounts {
  const wanted = new Set(modules);
  const total = noCounts();
  for (const [section, counts] of Object.entries(table)) {
    if (modules.length > 0 && !wanted.has(section) && !wanted.has(moduleChapter(section))) continue;
    for (const type of OBJECTIVE_TYPES) for (let d = 0; d < 3; d++) total[type][d as 0 | 1 | 2] += counts[type][d as 0 | 1 | 2];
  }
  return total;
}

/**
 * Whether the assignment is a written paper (the skills paper's kind): chosen written items, or a
 * written blueprint. A blueprint this site lacks is not known to be written: drawing it throws.
 */
export function isWrittenAssignment(spec: Pick<AssignmentSpec, 'mix'>, blueprints: readonly Blueprint[]): boolean {
  if ('written' in spec.mix) return true;
  if (!('blueprint' in spec.mix)) return false;
  const id = spec.mix.blueprint;
  const blueprint = blueprints.find((b) => b.id === id);
  return blueprint !== undefined && isWrittenBlueprint(blueprint);
}

/** How many items the paper holds: questions of an objective paper, or written items; null for a blueprint this site lacks. */
export function mixTotal(spec: Pick<AssignmentSpec, 'mix'>, blueprints: readonly Blueprint[]): number | null {
  if ('written' in spec.mix) return spec.mix.written.length;
  if ('counts' in spec.mix) {
    const { counts } = spec.mix;
    return OBJECTIVE_TYPES.reduce((sum, type) => sum + counts[type].reduce((s, n) => s + n, 0), 0);
  }
  const id = spec.mix.blueprint;
  const blueprint = blueprints.find((b) => b.id === id);
  if (!blueprint) return null;
  return blueprint.parts.reduce((sum, part) => sum + itemsDrawn(part), 0);
}
