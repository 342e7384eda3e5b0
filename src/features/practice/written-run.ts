/**
 * A practice run of written items (案例分析, 工作实务): each item's work is kept per item, saved once the
 * learner pauses typing (and at once on reveal or a tick, on leaving the item, and when the page is
 * hidden), and self-marked against the 得分点 once the model answers are shown.
 */
import { saveCaseWork, selfMark, startCase } from '../../quiz/index.ts';
import type { CaseItem, CaseWork, KeyValueStore, StorageProblem } from '../../quiz/index.ts';
import { renderCase } from './case-view.ts';
import { describeCaseTally } from './plan.ts';

/** Typing is saved once the learner pauses, not on every keystroke. */
const TYPING_SAVE_MS = 600;

export interface WrittenRunEvents {
  onProblems: (problems: readonly StorageProblem[]) => void;
  /** A reveal or a tick changed the self-marked totals. */
  onChanged: () => void;
  /** The learner finished marking an item: its 得分点 go into the review records. */
  onMarked: (item: CaseItem, work: CaseWork) => void;
}

export class WrittenRun {
  readonly kind = 'case';
  readonly items: readonly CaseItem[];
  #works: Map<string, CaseWork>;
  #store: KeyValueStore;
  #events: WrittenRunEvents;
  #unsaved: CaseWork | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(items: readonly CaseItem[], stored: Readonly<Record<string, CaseWork>>, store: KeyValueStore, events: WrittenRunEvents) {
    this.items = items;
    this.#store = store;
    this.#events = events;
    const now = Date.now();
    this.#works = new Map(items.map((item) => [item.id, stored[item.id] ?? startCase(item, now)]));
  }

  get count(): number {
    return this.items.length;
  }

  /** Item `index`, ready to write in or to mark. */
  render(index: number, sectionLink: { href: string; title: string }): HTMLElement | null {
    const item = this.items[index];
    if (!item) return null;
    return renderCase(item, {
      number: index + 1,
      total: this.items.length,
      work: this.#works.get(item.id) ?? startCase(item, Date.now()),
      sectionLink,
      onChange: (next, typing) => {
        this.#works.set(item.id, next);
        this.#unsaved = next;
        clearTimeout(this.#timer);
        if (typing) this.#timer = setTimeout(() => this.flush(), TYPING_SAVE_MS);
        else {
          this.flush();
          this.#events.onChanged();
        }
      },
      onMarked: (work) => {
        this.flush();
        this.#events.onMarked(item, work);
      },
    });
  }

  /** Saves what is typed but not yet saved. */
  flush(): void {
    clearTimeout(this.#timer);
    const work = this.#unsaved;
    if (!work) return;
    this.#unsaved = null;
    this.#events.onProblems(saveCaseWork(this.#store, work).problems);
  }

  tally(): string {
    const marks = this.items.flatMap((item) => {
      const work = this.#works.get(item.id);
      return work?.revealed ? [selfMark(item, work)] : [];
    });
    return describeCaseTally(marks, this.items.length);
  }
}
