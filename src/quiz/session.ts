/**
 * One timed attempt as a page holds it — the mock exam, a trainer's assignment, the skills paper —
 * saved after every step and merged with whatever another tab saved for the same attempt. The
 * store is passed in, so the whole save / merge / submit / time-up cycle is unit-tested against an
 * in-memory store; the browser's runner (features/attempt) only draws it and feeds it steps.
 */
import { mergeSteps, record, replay, settle, startAttempt, stepKey } from './attempt.ts';
import type { Attempt, AttemptRecord, AttemptState, AttemptStep, RejectReason } from './attempt.ts';
import { scoreAttempt } from './behaviours.ts';
import { layoutOf } from './draw.ts';
import type { PaperLayout } from './draw.ts';
import { loadAttempt, saveAttempt } from './progress-entries.ts';
import type { ItemMark, PaperScore } from './scoring.ts';
import type { KeyValueStore, StorageProblem } from './store.ts';
import { isWrittenPaper, scoreWritten, writtenLayoutOf } from './written.ts';
import type { AnyPaper, WrittenScore } from './written.ts';

/** The storable form of either kind of paper. */
export function layoutOfAny(paper: AnyPaper): PaperLayout {
  return isWrittenPaper(paper) ? writtenLayoutOf(paper) : layoutOf(paper);
}

export interface StepOutcome {
  /** Why the engine refused the step (nothing changed), or null. */
  rejected: RejectReason | null;
  /** Storage trouble while saving; the step still counts in this tab. */
  problems: StorageProblem[];
}

/** Puts a paper's marks into the review state kept in `store` (`storeMarks` in schedule.ts). */
export type MarksRecorder = (store: KeyValueStore, marks: readonly ItemMark[], now: number) => StorageProblem[];

export interface SessionOptions {
  /**
   * What puts the marks into the learner's review state (错题本, 今日复习) when the attempt ends,
   * or null. The mock exam passes `storeMarks`; a trainer's assignment does not, as the learner
   * may share the device — and so its page never loads the review scheduler.
   */
  recordMarks: MarksRecorder | null;
}

const MINUTE = 60_000;

export class AttemptSession<P extends AnyPaper = AnyPaper> {
  readonly id: string;
  readonly paper: P;
  readonly options: SessionOptions;
  #store: KeyValueStore;
  #attempt: Attempt;
  /** The paper's storable form: the paper never changes, so it is laid out once, not on every save. */
  #layout: PaperLayout;
  /** Set once this tab has put the paper's marks into the 错题本, so a retried save never adds them twice. */
  #marksRecorded = false;

  constructor(store: KeyValueStore, stored: AttemptRecord, paper: P, options: SessionOptions) {
    this.#store = store;
    this.id = stored.id;
    this.paper = paper;
    this.options = options;
    this.#layout = layoutOfAny(paper);
    this.#attempt = { steps: [...stored.steps], state: replay(stored.steps) };
    // An attempt that was already over when opened had its marks recorded by whoever ended it.
    this.#marksRecorded = this.#attempt.state.status === 'submitted';
  }

  /** Starts a new timed attempt on `paper` at `now` and saves it. */
  static begin<P extends AnyPaper>(store: KeyValueStore, id: string, paper: P, now: number, options: SessionOptions): { session: AttemptSession<P>; problems: StorageProblem[] } {
    const attempt = startAttempt({ behaviour: 'exam', itemCount: paper.items.length, timeLimitMs: paper.minutes * MINUTE }, now);
    const session = new AttemptSession(store, { id, layout: layoutOfAny(paper), steps: attempt.steps }, paper, options);
    return { session, problems: session.#save(now) };
  }

  get state(): AttemptState {
    return this.#attempt.state;
  }

  get steps(): readonly AttemptStep[] {
    return this.#attempt.steps;
  }

  get record(): AttemptRecord {
    return { id: this.id, layout: this.#layout, steps: this.#attempt.steps };
  }

  /** The score of an objective paper, once it is submitted. */
  get score(): PaperScore | null {
    return isWrittenPaper(this.paper) ? null : scoreAttempt(this.paper, this.state);
  }

  /** The self-marked score of a skills paper, once it is submitted (it changes as points are ticked). */
  get writtenScore(): WrittenScore | null {
    if (!isWrittenPaper(this.paper) || this.state.status !== 'submitted') return null;
    return scoreWritten(this.paper, this.state);
  }

  /** Records a step and saves at once. A refused step is neither kept nor saved. */
  apply(step: AttemptStep): StepOutcome {
    const result = record(this.#attempt, step);
    if (result.rejected !== null) return { rejected: result.rejected, problems: [] };
    this.#attempt = result.attempt;
    return { rejected: null, problems: this.#save(step.at) };
  }

  /**
   * Ends the attempt if its deadline has passed by `now` (the tab was closed or asleep): the
   * engine dates the end at the deadline. Returns null when nothing was due.
   */
  settle(now: number): StepOutcome | null {
    const steps = settle(this.#attempt.steps, now);
    if (steps.length === this.#attempt.steps.length) return null;
    this.#attempt = { steps, state: replay(steps) };
    return { rejected: null, problems: this.#save(now) };
  }

  /**
   * Takes in what another tab saved for this attempt (on a `storage` event). Returns whether
   * anything changed; this tab's own unsaved steps are kept, not overwritten.
   */
  pull(): { changed: boolean; problems: StorageProblem[] } {
    const stored = loadAttempt(this.#store, this.id);
    if (stored.value === null) return { changed: false, problems: stored.problem ? [stored.problem] : [] };
    const changed = this.#adopt(mergeSteps(this.#attempt.steps, stored.value.steps));
    // Ended in the other tab: that tab recorded the marks.
    if (this.state.status === 'submitted') this.#marksRecorded = true;
    return { changed, problems: [] };
  }

  /**
   * Saves (the engine merges with the stored copy) and adopts the merged steps. When this save is
   * the one that ends the attempt in storage, the marks go into the review state; an attempt some
   * other tab already ended was recorded by that tab. Marks are dated `now`, not at the deadline:
   * review records merge by last write, and an old date would lose to any newer practice record.
   */
  #save(now: number): StorageProblem[] {
    const endedHere = this.state.status === 'submitted' && !this.#marksRecorded;
    // Both tabs submitted, the other one first: the other one recorded the marks.
    const endedElsewhere = endedHere && this.#storedStatus() === 'submitted';
    const saved = saveAttempt(this.#store, this.record);
    const problems = [...saved.problems];
    if (saved.ok) this.#adopt(saved.saved.steps);
    if (this.state.status === 'submitted' && !this.#marksRecorded) {
      if (endedHere && !endedElsewhere && this.options.recordMarks) problems.push(...this.#recordMarks(now));
      // Otherwise the end came in with another tab's steps (recorded there), or marks are not kept.
      else this.#marksRecorded = true;
    }
    return problems;
  }

  #storedStatus(): AttemptState['status'] | null {
    const stored = loadAttempt(this.#store, this.id).value;
    return stored ? replay(stored.steps).status : null;
  }

  #recordMarks(now: number): StorageProblem[] {
    const score = this.score;
    const recordMarks = this.options.recordMarks;
    this.#marksRecorded = true;
    // Marked as done even if the review could not be written: retrying on every later save would
    // repeat a failing write, and the problem is shown to the learner.
    return score && recordMarks ? recordMarks(this.#store, score.items, now) : [];
  }

  #adopt(steps: AttemptStep[]): boolean {
    if (sameSteps(steps, this.#attempt.steps)) return false;
    this.#attempt = { steps, state: replay(steps) };
    return true;
  }
}

function sameSteps(a: readonly AttemptStep[], b: readonly AttemptStep[]): boolean {
  return a.length === b.length && a.every((step, i) => {
    const other = b[i];
    return other !== undefined && stepKey(step) === stepKey(other);
  });
}
