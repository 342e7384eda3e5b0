/**
 * From an assignment to its paper, and from a finished attempt back to a result code. The
 * learner's page, the print view and the trainer's report all call these, so they agree on the
 * paper. A paper is a pure function of (bank, assignment, learner): the trainer never sees the
 * learners' papers, they redraw them — and re-score the answers on them (`verify.ts`).
 *
 * Browser scripts import this module directly rather than the trainer index: the index also
 * re-exports the CSV export (papaparse), which the bundler would then keep on every page.
 */
import type { AttemptState } from '../attempt.ts';
import { drawPaper, layoutOf, restorePaper, type Paper } from '../draw.ts';
import type { Blueprint, BlueprintPart, Difficulty, ObjectiveType, QuizQuestion } from '../models.ts';
import { OBJECTIVE_TYPES } from '../pool.ts';
import { scorePaper } from '../scoring.ts';
import type { AssignmentSpec } from './assignment.ts';
import { crc32, toBase64Url } from './codec.ts';
import type { ResultCode } from './result.ts';
import type { ReportItem } from './stats.ts';

/** Marks a paper drawn for an assignment, so that other pages listing attempts can tell it apart. */
export const ASSIGNMENT_BLUEPRINT_ID = 'trainer-assignment';

export const DIFFICULTIES: readonly Difficulty[] = [1, 2, 3];
export const DIFFICULTY_NAMES: Record<Difficulty, string> = { 1: '易', 2: '中', 3: '难' };

/** The chapter a module names: `meetings` and `meetings#plan` both belong to `meetings`. */
export function moduleChapter(module: string): string {
  const hash = module.indexOf('#');
  return hash < 0 ? module : module.slice(0, hash);
}

/**
 * The chapters whose bank files the paper needs, in first-mentioned order; undefined means every
 * chapter (no modules: the whole bank).
 */
export function chaptersFor(spec: Pick<AssignmentSpec, 'modules'>): string[] | undefined {
  if (spec.modules.length === 0) return undefined;
  return [...new Set(spec.modules.map(moduleChapter))];
}

/**
 * The questions an assignment may draw from, in id order. The order matters: drawPaper walks the
 * bank in order, and the learner's and the trainer's browser may load chapter files in different
 * orders, so both sort before drawing.
 */
export function scopeBank(bank: readonly QuizQuestion[], modules: readonly string[]): QuizQuestion[] {
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
 * The seed a learner's paper is drawn from: the assignment's, plus the learner's name for a
 * variant per learner. The name goes in as `learnerKey` read it when per-learner papers were
 * introduced (NFKC, lower case, runs of space as one) and stays that way: a later change to how
 * learners are matched must not redraw papers already taken.
 */
export function paperSeed(spec: Pick<AssignmentSpec, 'id' | 'seed' | 'variant'>, learner: string | null): string {
  const base = `${spec.id}:${spec.seed}`;
  if (spec.variant !== 'per-learner' || learner === null) return base;
  return `${base}:${learner.trim().normalize('NFKC').toLowerCase().replace(/\s+/g, ' ')}`;
}

/** The assignment names a blueprint that this version of the site does not have. */
export class UnknownBlueprintError extends Error {
  constructor(id: string) {
    super(`作业使用的试卷蓝本本站已经没有了（蓝本编号 ${id}），无法组卷`);
    this.name = 'UnknownBlueprintError';
  }
}

// A tag no content can carry (tags are validated words), used to pool questions by difficulty.
const difficultyTag = (d: Difficulty) => `\u0000difficulty-${d}`;

/**
 * Draws the paper of an assignment for a learner (`null`: the shared paper, as printed).
 * Throws PaperDrawError when the scope has too few questions, UnknownBlueprintError for a
 * blueprint this site lacks.
 *
 * A mix by type and difficulty is drawn as one blueprint part per difficulty (the engine pools by
 * tag, so each question is tagged with its difficulty for the draw), then laid out again as one
 * part of 100 points with 单选, 多选, 判断 in that order, as a paper reads.
 */
export function drawAssignmentPaper(
  spec: AssignmentSpec,
  bank: readonly QuizQuestion[],
  blueprints: readonly Blueprint[],
  learner: string | null,
): Paper {
  const scoped = scopeBank(bank, spec.modules);
  const seed = paperSeed(spec, learner);
  const settings = { minutes: spec.minutes, multiplePolicy: spec.multiplePolicy, perChapter: false } as const;

  if ('blueprint' in spec.mix) {
    const id = spec.mix.blueprint;
    const blueprint = blueprints.find((b) => b.id === id);
    if (!blueprint) throw new UnknownBlueprintError(id);
    const max = blueprint.parts.reduce((sum, part) => sum + part.points, 0);
    const paper = drawPaper(scoped, { ...blueprint, ...settings, title: spec.title, passMark: passPoints(spec.passMark, max) }, seed);
    return { ...paper, blueprintId: ASSIGNMENT_BLUEPRINT_ID };
  }

  const { counts } = spec.mix;
  const parts: BlueprintPart[] = DIFFICULTIES.map((d) => {
    const i = (d - 1) as 0 | 1 | 2;
    return {
      title: DIFFICULTY_NAMES[d],
      points: 1,
      pool: { tags: [difficultyTag(d)] },
      draw: { single: counts.single[i], multiple: counts.multiple[i], judge: counts.judge[i] },
    };
  }).filter((part) => OBJECTIVE_TYPES.some((type) => part.draw[type] > 0));
  const tagged = scoped.map((q) => ({ ...q, tags: [difficultyTag(q.difficulty)] }));
  const blueprint: Blueprint = {
    id: ASSIGNMENT_BLUEPRINT_ID,
    title: spec.title,
    description: '',
    ...settings,
    passMark: spec.passMark,
    parts,
  };
  const drawn = layoutOf(drawPaper(tagged, blueprint, seed));
  const typeOrder = (type: ObjectiveType) => OBJECTIVE_TYPES.indexOf(type);
  const typeOf = new Map(scoped.map((q) => [q.id, q.type]));
  const items = drawn.items
    .map((slot, index) => ({ slot, index, order: typeOrder(typeOf.get(slot.questionId) ?? 'single') }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map(({ slot }) => ({ ...slot, part: 0 }));
  return restorePaper(scoped, {
    ...drawn,
    blueprintId: ASSIGNMENT_BLUEPRINT_ID,
    passMark: spec.passMark,
    parts: [{ title: spec.title, points: 100, count: items.length }],
    items,
  });
}

/** A pass mark in percent as points of a paper worth `max`, rounded up to the cent scores are kept in. */
export function passPoints(percent: number, max: number): number {
  // The epsilon absorbs floating-point noise a hair above a whole cent; max() turns -0 into 0.
  return Math.max(0, Math.ceil(percent * max - 1e-9)) / 100;
}

/** Questions of a mix by type and difficulty. */
export function mixTotal(spec: Pick<AssignmentSpec, 'mix'>, blueprints: readonly Blueprint[]): number | null {
  if ('counts' in spec.mix) {
    const { counts } = spec.mix;
    return OBJECTIVE_TYPES.reduce((sum, type) => sum + counts[type].reduce((s, n) => s + n, 0), 0);
  }
  const id = spec.mix.blueprint;
  const blueprint = blueprints.find((b) => b.id === id);
  if (!blueprint) return null;
  return blueprint.parts.reduce((sum, part) => sum + OBJECTIVE_TYPES.reduce((s, type) => s + part.draw[type], 0), 0);
}

/** What the class report needs to know about each item of a paper: its question and its weight. */
export function reportItems(paper: Paper): ReportItem[] {
  return paper.items.map((item) => {
    const part = paper.parts[item.part];
    return {
      id: item.questionId,
      chapter: item.question.chapter,
      section: item.question.section,
      points: part && part.count > 0 ? part.points / part.count : 1,
    };
  });
}

/**
 * A short fingerprint of a paper as the learner saw it: the questions in order, each with its
 * option order and its key, and the parts' points. A result code carries it, so that the trainer's
 * redraw — made from the bank on the trainer's device, perhaps after the bank was edited — can
 * tell when it is no longer the paper the learner answered, instead of silently scoring the
 * answers against other questions. CRC-32 in six characters: it catches accidents, not forgers.
 */
export function paperFingerprint(paper: Pick<Paper, 'items' | 'parts'>): string {
  const items = paper.items.map((item) => `${item.questionId}:${item.permutation.join(',')}:${item.question.answer.join(',')}`);
  const parts = paper.parts.map((part) => `${part.points}/${part.count}`);
  const crc = crc32(new TextEncoder().encode(`${parts.join(';')}|${items.join(';')}`));
  return toBase64Url(Uint8Array.of(crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff));
}

/**
 * The result code of a submitted attempt. Times go in whole seconds; the answers as shown on the
 * learner's paper; the credit per item as the paper scored it.
 */
export function resultOf(
  spec: Pick<AssignmentSpec, 'id'>,
  paper: Paper,
  state: AttemptState,
  learner: string,
): ResultCode {
  if (state.status !== 'submitted' || state.startedAt === null || state.submittedAt === null) {
    throw new Error('只有交卷后的作答才有结果码');
  }
  const score = scorePaper(paper, state.responses);
  const startedAt = Math.floor(state.startedAt / 1000);
  return {
    assignmentId: spec.id,
    learner: learner.trim(),
    startedAt,
    submittedAt: Math.max(startedAt, Math.floor(state.submittedAt / 1000)),
    score: { points: score.total, max: score.maxTotal, passed: score.passed },
    fingerprint: paperFingerprint(paper),
    answers: paper.items.map((_, i) => [...(state.responses[i] ?? [])]),
    credit: score.items.map((mark) => mark.credit),
  };
}
