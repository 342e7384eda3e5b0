/**
 * One mock-exam attempt as the exam page holds it: the engine's attempt, saved after every step
 * and merged with whatever another tab saved for the same attempt. No DOM: the store is passed in,
 * so the whole save/merge/submit cycle is unit-tested against an in-memory store.
 */
import {
  layoutOf,
  loadAttempt,
  loadProgress,
  mergeSteps,
  record,
  recordMarks,
  replay,
  saveAttempt,
  saveReview,
  scoreAttempt,
  settle,
  startAttempt,
  stepKey,
} from '../quiz/index.ts';
import type { Attempt, AttemptRecord, AttemptState, AttemptStep, KeyValueStore, Paper, PaperScore, RejectReason, StorageProblem } from '../quiz/index.ts';

export interface StepOutcome {
  /** Why the engine refused the step (nothing changed), or null. */
  rejected: RejectReason | null;
  /** Storage trouble while saving; the step still counts in this tab. */
  problems: StorageProblem[];
}

const MINUTE = 60_000;

export class ExamSession {
  readonly id: string;
  readonly paper: Paper;
  #store: KeyValueStore;
  #attempt: Attempt;
  /** Set once this tab has put the paper's marks into the 错题本, so a retried save never adds them twice. */
  #marksRecorded = false;

  constructor(store: KeyValueStore, stored: AttemptRecord, paper: Paper) {
    this.#store = store;
    this.id = stored.id;
    this.paper = paper;
    this.#attempt = { steps: [...stored.steps], state: replay(stored.steps) };
  }

  /** Starts a new timed exam on `paper` at `now` and saves it. */
  static begin(store: KeyValueStore, id: string, paper: Paper, now: number): { session: ExamSession; problems: StorageProblem[] } {
    const attempt = startAttempt({ behaviour: 'exam', itemCount: paper.items.length, timeLimitMs: paper.minutes * MINUTE }, now);
    const session = new ExamSession(store, { id, layout: layoutOf(paper), steps: attempt.steps }, paper);
    return { session, problems: session.#save(now) };
  }

  get state(): AttemptState {
    return this.#attempt.state;
  }

  get record(): AttemptRecord {
    return { id: this.id, layout: layoutOf(this.paper), steps: this.#attempt.steps };
  }

  /** The score, once the exam is submitted. */
  get score(): PaperScore | null {
    return scoreAttempt(this.paper, this.state);
  }

  /** Records a step and saves at once. A refused step is neither kept nor saved. */
  apply(step: AttemptStep): StepOutcome {
    const result = record(this.#attempt, step);
    if (result.rejected !== null) return { rejected: result.rejected, problems: [] };
    this.#attempt = result.attempt;
    return { rejected: null, problems: this.#save(step.at) };
  }

  /**
   * Submits the exam if its deadline has passed by `now` (the tab was closed or asleep): the
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
    return { changed: this.#adopt(mergeSteps(this.#attempt.steps, stored.value.steps)), problems: [] };
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
      if (endedHere && !endedElsewhere) problems.push(...this.#recordMarks(now));
      // Otherwise the end came in with another tab's steps, merged by this save: already recorded there.
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
    if (!score) return [];
    const { progress, problems } = loadProgress(this.#store);
    const saved = saveReview(this.#store, recordMarks(progress.review, score.items, now));
    // Marked as done even if the review could not be written: retrying on every later save would
    // repeat a failing write, and the problem is shown to the learner.
    this.#marksRecorded = true;
    return [...problems.filter((p) => p.key === 'mishu:review'), ...saved.problems];
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
