/**
 * From an assignment to its paper, and from a finished attempt back to a result code. The
 * learner's page, the print view and the trainer's report all call these, so they agree on the
 * paper. A paper is a pure function of (bank, assignment, learner): the trainer never sees the
 * learners' papers, they redraw them — and re-score the answers on them (`verify.ts`).
 *
 * A paper is objective (questions with options) or written (the skills paper's 案例分析 and 工作实务,
 * self-marked against 得分点; issue 14). `drawAssignment` draws either; `drawAssignmentPaper` is the
 * objective draw it dispatches to.
 *
 * What an assignment holds before a paper is drawn (its chapters, counts and totals) is `mix.ts`.
 */
import type { AttemptState } from '../attempt.ts';
import { drawPaper, layoutOf, restorePaper, type Paper } from '../draw.ts';
import { DIFFICULTIES, DIFFICULTY_NAMES, isWrittenBlueprint, OBJECTIVE_TYPES } from '../models.ts';
import type { Blueprint, BlueprintPart, CaseItem, Difficulty, ObjectiveType, QuizQuestion } from '../models.ts';
import { scorePaper } from '../scoring.ts';
import { drawWrittenPaper, isWrittenPaper, scoreWritten, type AnyPaper, type WrittenPaper } from '../written.ts';
import type { AssignmentSpec } from './assignment.ts';
import { crc32, toBase64Url } from './codec.ts';
import { scopeBank, type AssignmentBank } from './mix.ts';
import type { AnyResultCode, ResultCode, WrittenResultCode } from './result.ts';

/** Marks a paper drawn for an assignment, so that other pages listing attempts can tell it apart. */
export const ASSIGNMENT_BLUEPRINT_ID = 'trainer-assignment';

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

/** The assignment chose written items that this version of the site does not have. */
export class MissingWrittenItemsError extends Error {
  readonly ids: readonly string[];
  constructor(ids: readonly string[]) {
    super(`作业指定的案例分析或工作实务本站已经没有了（题目编号 ${ids.join('、')}），无法组卷`);
    this.name = 'MissingWrittenItemsError';
    this.ids = ids;
  }
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
 * Draws the paper of an assignment, objective or written, for a learner (`null`: the shared paper,
 * as printed). Throws PaperDrawError or WrittenDrawError when the scope has too few items,
 * UnknownBlueprintError for a blueprint this site lacks, MissingWrittenItemsError for chosen items
 * it lacks.
 */
export function drawAssignment(spec: AssignmentSpec, bank: AssignmentBank, blueprints: readonly Blueprint[], learner: string | null): AnyPaper {
  if ('written' in spec.mix) return drawChosenItems(spec, spec.mix.written, bank.cases);
  const blueprint = 'blueprint' in spec.mix ? findBlueprint(blueprints, spec.mix.blueprint) : null;
  if (blueprint === null || !isWrittenBlueprint(blueprint)) return drawAssignmentPaper(spec, bank.questions, blueprints, learner);
  // A written blueprint is scoped by modules like an objective one, and varies per learner the same way.
  const paper = drawWrittenPaper(scopeBank(bank.cases, spec.modules), assignmentBlueprint(spec, blueprint), paperSeed(spec, learner));
  return { ...paper, blueprintId: ASSIGNMENT_BLUEPRINT_ID };
}

/** A blueprint as the assignment sets it: its title, time limit, 多选 rule, and pass mark as a share of the blueprint's points. */
function assignmentBlueprint(spec: AssignmentSpec, blueprint: Blueprint): Blueprint {
  const max = blueprint.parts.reduce((sum, part) => sum + part.points, 0);
  return { ...blueprint, minutes: spec.minutes, multiplePolicy: spec.multiplePolicy, perChapter: false, title: spec.title, passMark: passPoints(spec.passMark, max) };
}

/**
 * Chosen written items as one paper, in the trainer's order, one part of 100 points, each item an
 * equal share (as the skills paper weighs the items of a part, whatever their 得分点 add up to).
 * Nothing is drawn, so every learner gets the same paper whatever the variant.
 */
function drawChosenItems(spec: AssignmentSpec, ids: readonly string[], cases: readonly CaseItem[]): WrittenPaper {
  const byId = new Map(cases.map((item) => [item.id, item]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new MissingWrittenItemsError(missing);
  return {
    kind: 'written',
    blueprintId: ASSIGNMENT_BLUEPRINT_ID,
    title: spec.title,
    seed: paperSeed(spec, null),
    chapter: null,
    minutes: spec.minutes,
    passMark: passPoints(spec.passMark, 100),
    multiplePolicy: spec.multiplePolicy,
    parts: [{ title: spec.title, points: 100, count: ids.length }],
    items: ids.map((id) => ({ part: 0, questionId: id, permutation: [], written: byId.get(id)! })),
  };
}

function findBlueprint(blueprints: readonly Blueprint[], id: string): Blueprint {
  const blueprint = blueprints.find((b) => b.id === id);
  if (!blueprint) throw new UnknownBlueprintError(id);
  return blueprint;
}

/**
 * Draws the objective paper of an assignment for a learner (`null`: the shared paper, as printed).
 * Throws PaperDrawError when the scope has too few questions, UnknownBlueprintError for a
 * blueprint this site lacks, and a TypeError for a written assignment (`drawAssignment` draws those).
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

  if ('written' in spec.mix) throw new TypeError('这份作业是书面作答的专业能力试卷：请用 drawAssignment 组卷');
  if ('blueprint' in spec.mix) {
    const blueprint = findBlueprint(blueprints, spec.mix.blueprint);
    if (isWrittenBlueprint(blueprint)) throw new TypeError('这份作业是书面作答的专业能力试卷：请用 drawAssignment 组卷');
    return { ...drawPaper(scoped, assignmentBlueprint(spec, blueprint), seed), blueprintId: ASSIGNMENT_BLUEPRINT_ID };
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

/** What the class report needs to know about one item of a paper. */
export interface ReportItem {
  /** Question id; the same question on different papers has the same id. */
  id: string;
  chapter: string;
  /** Section id within the chapter. */
  section: string;
  /** What the item is worth on this paper: its weight in the total for the rest-of-test score. */
  points: number;
}

/** What the class report needs to know about each item of a paper: its question and its weight. */
export function reportItems(paper: AnyPaper): ReportItem[] {
  const content: Pick<QuizQuestion, 'chapter' | 'section'>[] = isWrittenPaper(paper) ? paper.items.map((item) => item.written) : paper.items.map((item) => item.question);
  return paper.items.map((item, i) => {
    const part = paper.parts[item.part];
    return {
      id: item.questionId,
      chapter: content[i]!.chapter,
      section: content[i]!.section,
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
 *
 * A written paper's fingerprint covers its items in order and each 得分点's score, part by part:
 * what the self-marked score is computed from. A reworded 得分点 keeps it.
 */
export function paperFingerprint(paper: AnyPaper): string {
  const parts = paper.parts.map((part) => `${part.points}/${part.count}`);
  const items = isWrittenPaper(paper)
    ? paper.items.map((item) => `${item.questionId}:${item.written.parts.map((part) => part.points.map((point) => point.score).join(',')).join('/')}`)
    : paper.items.map((item) => `${item.questionId}:${item.permutation.join(',')}:${item.question.answer.join(',')}`);
  const text = `${isWrittenPaper(paper) ? 'written|' : ''}${parts.join(';')}|${items.join(';')}`;
  const crc = crc32(new TextEncoder().encode(text));
  return toBase64Url(Uint8Array.of(crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff));
}

/** A written item's 得分点 in one list, part after part: what a result code numbers them by. */
export function flatPoints(item: CaseItem): { part: number; point: number; text: string; score: number }[] {
  return item.parts.flatMap((part, p) => part.points.map((point, i) => ({ part: p, point: i, text: point.text, score: point.score })));
}

/** Ticks per part (`AttemptState.ticks[item]`) as ascending numbers into `flatPoints`; ticks naming no point are dropped. */
export function flattenTicks(item: CaseItem, ticks: readonly (readonly number[])[] | undefined): number[] {
  const flat: number[] = [];
  let offset = 0;
  item.parts.forEach((part, p) => {
    const chosen = new Set(ticks?.[p] ?? []);
    part.points.forEach((_, i) => {
      if (chosen.has(i)) flat.push(offset + i);
    });
    offset += part.points.length;
  });
  return flat;
}

/** Numbers into `flatPoints` back as ticks per part; `unknown` lists those the item does not have. */
export function splitTicks(item: CaseItem, flat: readonly number[]): { ticks: number[][]; unknown: number[] } {
  const ticks = item.parts.map((): number[] => []);
  const unknown: number[] = [];
  const places = flatPoints(item);
  for (const n of flat) {
    const place = places[n];
    if (place === undefined) unknown.push(n);
    else ticks[place.part]!.push(place.point);
  }
  return { ticks, unknown };
}

function attemptTimes(state: AttemptState): { startedAt: number; submittedAt: number } {
  if (state.status !== 'submitted' || state.startedAt === null || state.submittedAt === null) {
    throw new Error('只有交卷后的作答才有结果码');
  }
  const startedAt = Math.floor(state.startedAt / 1000);
  return { startedAt, submittedAt: Math.max(startedAt, Math.floor(state.submittedAt / 1000)) };
}

/** What every result code starts with: who, when, the score as the learner's page computed it, the paper's fingerprint. */
function resultHead(
  spec: Pick<AssignmentSpec, 'id'>,
  paper: AnyPaper,
  state: AttemptState,
  learner: string,
  score: { total: number; maxTotal: number; passed: boolean },
): Omit<ResultCode, 'answers' | 'credit'> {
  return {
    assignmentId: spec.id,
    learner: learner.trim(),
    ...attemptTimes(state),
    score: { points: score.total, max: score.maxTotal, passed: score.passed },
    fingerprint: paperFingerprint(paper),
  };
}

/**
 * The result code of a submitted attempt. Times go in whole seconds. On an objective paper: the
 * answers as shown on the learner's paper and the credit per item as the paper scored it. On a
 * written paper: see `writtenResultOf`.
 */
export function resultOf(spec: Pick<AssignmentSpec, 'id'>, paper: Paper, state: AttemptState, learner: string): ResultCode;
export function resultOf(spec: Pick<AssignmentSpec, 'id'>, paper: WrittenPaper, state: AttemptState, learner: string): WrittenResultCode;
export function resultOf(spec: Pick<AssignmentSpec, 'id'>, paper: AnyPaper, state: AttemptState, learner: string): AnyResultCode;
export function resultOf(spec: Pick<AssignmentSpec, 'id'>, paper: AnyPaper, state: AttemptState, learner: string): AnyResultCode {
  if (isWrittenPaper(paper)) return writtenResultOf(spec, paper, state, learner);
  const score = scorePaper(paper, state.responses);
  return {
    ...resultHead(spec, paper, state, learner, score),
    answers: paper.items.map((_, i) => [...(state.responses[i] ?? [])]),
    credit: score.items.map((mark) => mark.credit),
  };
}

/**
 * The result code of a submitted written paper: the self-marked score as it stands now (ticks may
 * still change after hand-in, so build the code when it is shown), and per item the 得分点 ticked
 * and whether anything was written. The texts stay on the learner's device: a code must fit a chat
 * message (the answers file, `writtenAnswersText`, carries them).
 */
export function writtenResultOf(spec: Pick<AssignmentSpec, 'id'>, paper: WrittenPaper, state: AttemptState, learner: string): WrittenResultCode {
  const score = scoreWritten(paper, state);
  return {
    ...resultHead(spec, paper, state, learner, score),
    written: paper.items.map((slot, i) => ({ ticked: flattenTicks(slot.written, state.ticks[i]), wrote: score.items[i]?.written ?? false })),
  };
}
