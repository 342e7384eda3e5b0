/**
 * An attempt is an ordered list of steps; its state is derived by replaying them (Moodle's question
 * attempt steps). Nothing else is stored, which makes resume, review, regrade and merging the work
 * of two browser tabs fall out of one function. Steps are plain JSON with wall-clock timestamps.
 */
import { BEHAVIOURS, isBehaviourName } from './behaviours.ts';
import type { BehaviourName } from './behaviours.ts';
import type { PaperLayout } from './draw.ts';
import { isCount } from './primitives.ts';

export interface StartStep {
  kind: 'start';
  at: number;
  behaviour: BehaviourName;
  itemCount: number;
  /** 0 is untimed. */
  timeLimitMs: number;
}

/** Chooses options for an item, replacing any earlier choice; an empty choice clears it. */
export interface AnswerStep {
  kind: 'answer';
  at: number;
  item: number;
  choice: number[];
}

export interface ItemStep {
  kind: 'flag' | 'unflag' | 'navigate';
  at: number;
  item: number;
}

/** Writes the answer to one part of a written item (案例分析, 工作实务), replacing what was there. */
export interface WriteStep {
  kind: 'write';
  at: number;
  item: number;
  part: number;
  text: string;
}

/**
 * Self-marking after submission: the learner ticks (or unticks) a 得分点 of one part of a written
 * item. Nobody else marks the skills paper, so ticks come only once the paper is handed in.
 */
export interface TickStep {
  kind: 'tick';
  at: number;
  item: number;
  part: number;
  point: number;
  ticked: boolean;
}

/** A written answer's longest part, in characters: far above any real answer, a bound on storage. */
export const MAX_ANSWER_CHARS = 20_000;
/** Written items have at most this many parts (a 案例分析 has two to four). */
export const MAX_WRITTEN_PARTS = 8;

export interface EndStep {
  /** `submit` by the learner; `timeUp` when the deadline passed (see `settle`). */
  kind: 'submit' | 'timeUp';
  at: number;
}

export type AttemptStep = StartStep | AnswerStep | ItemStep | WriteStep | TickStep | EndStep;
export type StepKind = AttemptStep['kind'];

export type AttemptStatus = 'not-started' | 'in-progress' | 'submitted';

/** Why a step was not applied. Rejected steps stay in the list; they simply change nothing. */
export type RejectReason =
  | 'not-started'
  | 'already-started'
  | 'invalid-step'
  | 'no-such-item'
  | 'submitted'
  | 'time-up'
  | 'too-early'
  | 'untimed'
  | 'not-answerable'
  | 'locked'
  /** A tick before the paper is handed in. */
  | 'not-submitted';

export interface Rejection {
  /** Index of the step in the replayed list. */
  step: number;
  kind: StepKind;
  reason: RejectReason;
}

export interface AttemptState {
  status: AttemptStatus;
  behaviour: BehaviourName | null;
  itemCount: number;
  /** The item on screen. */
  current: number;
  /** Chosen options per item index, ascending; unanswered items are absent. */
  responses: Record<number, number[]>;
  /** Written answers per item index, one text per part; items never written are absent. */
  texts: Record<number, string[]>;
  /** Self-marked 得分点 per item index and part, ascending point indices. */
  ticks: Record<number, number[][]>;
  /** Flagged item indices, ascending. */
  flags: number[];
  startedAt: number | null;
  /** Null when untimed. */
  deadline: number | null;
  /** For an attempt ended by the clock, the deadline itself, not when the tab noticed. */
  submittedAt: number | null;
  endedBy: 'submit' | 'timeUp' | null;
  rejected: Rejection[];
}

/** Steps and the state they replay to, kept together so recording a step is O(1). */
export interface Attempt {
  steps: AttemptStep[];
  state: AttemptState;
}

/** An attempt as stored: its id, the paper it is on, and its steps. */
export interface AttemptRecord {
  id: string;
  layout: PaperLayout;
  steps: AttemptStep[];
}

/** Mutable working copy used while replaying; flags as a set for O(1) toggling. */
type Draft = Omit<AttemptState, 'flags'> & { flags: Set<number> };

function emptyDraft(): Draft {
  return {
    status: 'not-started',
    behaviour: null,
    itemCount: 0,
    current: 0,
    responses: {},
    texts: {},
    ticks: {},
    flags: new Set(),
    startedAt: null,
    deadline: null,
    submittedAt: null,
    endedBy: null,
    rejected: [],
  };
}

function toDraft(state: AttemptState): Draft {
  const responses: Record<number, number[]> = {};
  for (const [item, choice] of Object.entries(state.responses)) responses[Number(item)] = [...choice];
  const texts: Record<number, string[]> = {};
  for (const [item, parts] of Object.entries(state.texts)) texts[Number(item)] = [...parts];
  const ticks: Record<number, number[][]> = {};
  for (const [item, parts] of Object.entries(state.ticks)) ticks[Number(item)] = parts.map((points) => [...points]);
  return { ...state, responses, texts, ticks, flags: new Set(state.flags), rejected: [...state.rejected] };
}

function toState(draft: Draft): AttemptState {
  return { ...draft, flags: [...draft.flags].sort((a, b) => a - b) };
}

function reasonToReject(draft: Draft, step: AttemptStep): RejectReason | null {
  if (!Number.isFinite(step.at)) return 'invalid-step';
  if (step.kind === 'start') {
    if (draft.status !== 'not-started') return 'already-started';
    const valid = isBehaviourName(step.behaviour) && isCount(step.itemCount) && isCount(step.timeLimitMs);
    return valid ? null : 'invalid-step';
  }
  if (draft.status === 'not-started') return 'not-started';
  const late = draft.deadline !== null && step.at > draft.deadline;
  switch (step.kind) {
    case 'navigate':
      return isItem(draft, step.item) ? null : 'no-such-item';
    case 'submit':
      return draft.status === 'submitted' ? 'submitted' : null;
    case 'timeUp':
      if (draft.status === 'submitted') return 'submitted';
      if (draft.deadline === null) return 'untimed';
      return step.at < draft.deadline ? 'too-early' : null;
    case 'tick':
      if (!isItem(draft, step.item)) return 'no-such-item';
      if (draft.status !== 'submitted') return 'not-submitted';
      return isPart(step.part) && isCount(step.point) && typeof step.ticked === 'boolean' ? null : 'invalid-step';
    case 'write':
    case 'flag':
    case 'unflag':
    case 'answer': {
      if (!isItem(draft, step.item)) return 'no-such-item';
      if (draft.status === 'submitted') return 'submitted';
      if (late) return 'time-up';
      if (step.kind !== 'answer' && step.kind !== 'write') return null;
      const behaviour = draft.behaviour === null ? null : BEHAVIOURS[draft.behaviour];
      if (!behaviour?.acceptsAnswers) return 'not-answerable';
      if (step.kind === 'write') return isPart(step.part) && typeof step.text === 'string' && step.text.length <= MAX_ANSWER_CHARS ? null : 'invalid-step';
      if (!Array.isArray(step.choice) || !step.choice.every(isCount)) return 'invalid-step';
      return behaviour.locksAnswered && draft.responses[step.item] !== undefined ? 'locked' : null;
    }
  }
}

function isItem(draft: Draft, item: number): boolean {
  return isCount(item) && item < draft.itemCount;
}

function isPart(part: number): boolean {
  return isCount(part) && part < MAX_WRITTEN_PARTS;
}

/** Applies a step already judged acceptable. */
function applyTo(draft: Draft, step: AttemptStep): void {
  switch (step.kind) {
    case 'start':
      draft.status = 'in-progress';
      draft.behaviour = step.behaviour;
      draft.itemCount = step.itemCount;
      draft.startedAt = step.at;
      draft.deadline = step.timeLimitMs > 0 ? step.at + step.timeLimitMs : null;
      return;
    case 'answer': {
      const choice = [...new Set(step.choice)].sort((a, b) => a - b);
      if (choice.length === 0) delete draft.responses[step.item];
      else draft.responses[step.item] = choice;
      return;
    }
    case 'write': {
      const parts = draft.texts[step.item] ?? [];
      while (parts.length <= step.part) parts.push('');
      parts[step.part] = step.text;
      draft.texts[step.item] = parts;
      return;
    }
    case 'tick': {
      const parts = draft.ticks[step.item] ?? [];
      while (parts.length <= step.part) parts.push([]);
      const rest = (parts[step.part] ?? []).filter((p) => p !== step.point);
      parts[step.part] = step.ticked ? [...rest, step.point].sort((a, b) => a - b) : rest;
      draft.ticks[step.item] = parts;
      return;
    }
    case 'flag':
      draft.flags.add(step.item);
      return;
    case 'unflag':
      draft.flags.delete(step.item);
      return;
    case 'navigate':
      draft.current = step.item;
      return;
    case 'submit':
    case 'timeUp': {
      // A submit that arrives after the deadline (a slow tab, a sleeping laptop) ends the
      // attempt at the deadline: answers the clock did not allow are not counted.
      const late = draft.deadline !== null && (step.kind === 'timeUp' || step.at > draft.deadline);
      draft.status = 'submitted';
      draft.submittedAt = late ? draft.deadline : step.at;
      draft.endedBy = late ? 'timeUp' : 'submit';
      return;
    }
  }
}

/** The state an ordered list of steps leads to. Never throws; unusable steps are listed in `rejected`. */
export function replay(steps: readonly AttemptStep[]): AttemptState {
  const draft = emptyDraft();
  steps.forEach((step, index) => {
    const reason = reasonToReject(draft, step);
    if (reason === null) applyTo(draft, step);
    else draft.rejected.push({ step: index, kind: step.kind, reason });
  });
  return toState(draft);
}

export interface RecordResult {
  attempt: Attempt;
  /** Why the step was refused; a refused step is not stored. */
  rejected: RejectReason | null;
}

/** Begins an attempt at `now`. */
export function startAttempt(setup: Omit<StartStep, 'kind' | 'at'>, now: number): Attempt {
  const step: StartStep = { kind: 'start', at: now, ...setup };
  return { steps: [step], state: replay([step]) };
}

/**
 * Appends a step if the attempt accepts it. Timestamps are made strictly increasing (a step never
 * sorts before the one recorded before it, even if the system clock moved back), so merging
 * another tab's steps by time keeps this tab's order.
 */
export function record(attempt: Attempt, step: AttemptStep): RecordResult {
  const last = attempt.steps[attempt.steps.length - 1];
  const at = last === undefined ? step.at : Math.max(step.at, last.at + 1);
  const timed: AttemptStep = { ...step, at };
  const draft = toDraft(attempt.state);
  const reason = reasonToReject(draft, timed);
  if (reason !== null) return { attempt, rejected: reason };
  applyTo(draft, timed);
  return { attempt: { steps: [...attempt.steps, timed], state: toState(draft) }, rejected: null };
}

/** Milliseconds left at `now`; null when untimed or not started, 0 once over. */
export function remainingMs(state: AttemptState, now: number): number | null {
  if (state.deadline === null || state.status === 'not-started') return null;
  if (state.status === 'submitted') return 0;
  return Math.max(0, state.deadline - now);
}

/**
 * Ends an exam whose deadline passed while nobody was watching (tab closed, laptop asleep): appends
 * a `timeUp` step dated at the deadline. Returns the steps unchanged when nothing is due.
 */
export function settle(steps: readonly AttemptStep[], now: number): AttemptStep[] {
  const state = replay(steps);
  if (state.status !== 'in-progress' || state.deadline === null || now < state.deadline) return [...steps];
  return mergeSteps(steps, [{ kind: 'timeUp', at: state.deadline }]);
}

/**
 * Identity of a step: its full content. Two identical steps (same kind, time and payload) are the
 * same event, so content identity needs no ids and replaying a duplicate would change nothing.
 */
export function stepKey(step: AttemptStep): string {
  return JSON.stringify(step, Object.keys(step).sort());
}

/**
 * Union of two tabs' steps for the same attempt, ordered by time (ties by content, so the result is
 * the same whichever tab merges first). Neither tab's steps are lost; replay then decides which
 * still count, e.g. an answer written in one tab after the other submitted is rejected.
 */
export function mergeSteps(a: readonly AttemptStep[], b: readonly AttemptStep[]): AttemptStep[] {
  const byKey = new Map<string, AttemptStep>();
  for (const step of [...a, ...b]) {
    const key = stepKey(step);
    if (!byKey.has(key)) byKey.set(key, step);
  }
  return [...byKey]
    .sort(([keyA, stepA], [keyB, stepB]) => stepA.at - stepB.at || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .map(([, step]) => step);
}

/** Two stored copies of one attempt: steps merged, the first copy's layout kept (they are equal for a real attempt). */
export function mergeAttemptRecords(a: AttemptRecord, b: AttemptRecord): AttemptRecord {
  return { id: a.id, layout: a.layout, steps: mergeSteps(a.steps, b.steps) };
}

/** The engine attempts a learner makes on an assignment are named `trainer-<assignment>-<time>`. */
const ASSIGNMENT_ATTEMPT_PREFIX = 'trainer-';

/** The id of a new attempt on an assignment, made at `now` (epoch ms). */
export function assignmentAttemptId(assignmentId: string, now: number): string {
  return `${ASSIGNMENT_ATTEMPT_PREFIX}${assignmentId}-${now.toString(36)}`;
}

/**
 * Whether a stored attempt was made on a trainer's assignment: it belongs to the assignment's page,
 * not to the learner's own exam history and progress.
 */
export function isAssignmentAttempt(attemptId: string): boolean {
  return attemptId.startsWith(ASSIGNMENT_ATTEMPT_PREFIX);
}
