/**
 * The exam screen's behaviour, driven by <exam-room>: one question at a time, the 答题卡, the
 * countdown (silent, with spoken warnings at 10, 5 and 1 minutes), keyboard shortcuts and the
 * submit confirmation. Every change goes through the ExamSession, which saves it at once.
 */
import { remainingMs } from '../quiz/index.ts';
import type { AttemptStep, StorageProblem } from '../quiz/index.ts';
import { formatClock, warningCrossed, warningText } from './exam-clock.ts';
import { shortcutFor } from './exam-keys.ts';
import type { ExamSession } from './exam-session.ts';
import { itemStatus, statusLabel, statusSymbols, submitWarning, toggleChoice, unfinished } from './exam-sheet.ts';
import { renderQuestion } from './question-view.ts';

export interface DeskEvents {
  /** The attempt is over (submitted here, by the clock, or in another tab). */
  onEnded: () => void;
  onProblems: (problems: StorageProblem[]) => void;
}

/** The countdown turns red this close to the end. */
const SHORT_MS = 5 * 60_000;

export function ref<T extends Element = HTMLElement>(root: ParentNode, name: string): T {
  const node = root.querySelector<T>(`[data-ref="${name}"]`);
  if (!node) throw new Error(`exam page markup lacks [data-ref="${name}"]`);
  return node;
}

export class ExamDesk {
  #root: HTMLElement;
  #session: ExamSession;
  #events: DeskEvents;
  /** The question on screen. Kept per tab: another tab moving around does not move this one. */
  #viewing: number;
  #lastRemaining: number | null = null;
  #timer: number | undefined;
  #sheetButtons: HTMLButtonElement[] = [];
  #cleanup: (() => void)[] = [];

  #slot: HTMLElement;
  #clock: HTMLElement;
  #announcer: HTMLElement;
  #flag: HTMLButtonElement;
  #prev: HTMLButtonElement;
  #next: HTMLButtonElement;
  #confirm: HTMLDialogElement;

  constructor(root: HTMLElement, session: ExamSession, title: string, events: DeskEvents) {
    this.#root = root;
    this.#session = session;
    this.#events = events;
    this.#viewing = session.state.current;
    this.#slot = ref(root, 'question');
    this.#clock = ref(root, 'clock');
    this.#announcer = ref(root, 'announcer');
    this.#flag = ref(root, 'flag');
    this.#prev = ref(root, 'prev');
    this.#next = ref(root, 'next');
    this.#confirm = ref(root, 'confirm');
    ref(root, 'desk-title').textContent = title;
    this.#announcer.textContent = '';
    this.#buildSheet();
  }

  /** Shows the attempt and starts the clock and the shortcuts. */
  open(): void {
    this.#listen(this.#prev, 'click', () => this.#go(this.#viewing - 1));
    this.#listen(this.#next, 'click', () => this.#go(this.#viewing + 1));
    this.#listen(this.#flag, 'click', () => this.#toggleFlag());
    this.#listen(ref(this.#root, 'submit'), 'click', () => this.#askToSubmit());
    this.#listen(this.#confirm, 'close', () => {
      if (this.#confirm.returnValue === 'submit') this.#record({ kind: 'submit', at: Date.now() });
    });
    this.#listen(document, 'keydown', (event) => this.#onKey(event as KeyboardEvent));
    // A laptop waking from sleep: check the clock at once rather than on the next tick.
    this.#listen(document, 'visibilitychange', () => this.#tick());
    this.#timer = window.setInterval(() => this.#tick(), 1000);
    this.#showQuestion();
    this.#tick();
  }

  /** Stops the clock and the listeners; the screen is being left. */
  close(): void {
    window.clearInterval(this.#timer);
    for (const undo of this.#cleanup) undo();
    this.#cleanup = [];
    if (this.#confirm.open) this.#confirm.close();
  }

  /** Another tab changed the attempt: show the merged answers without moving this tab's question. */
  refresh(): void {
    if (this.#session.state.status === 'submitted') {
      this.#events.onEnded();
      return;
    }
    this.#syncChoice();
    this.#updateStatus();
  }

  #listen(target: EventTarget, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler);
    this.#cleanup.push(() => target.removeEventListener(type, handler));
  }

  #buildSheet(): void {
    const { paper } = this.#session;
    const container = ref(this.#root, 'sheet');
    container.replaceChildren();
    this.#sheetButtons = [];
    let list: HTMLOListElement | null = null;
    let part = -1;
    paper.items.forEach((item, index) => {
      if (item.part !== part || list === null) {
        part = item.part;
        const count = paper.items.filter((other) => other.part === part).length;
        if (paper.parts.length > 1) {
          const heading = document.createElement('h4');
          heading.textContent = `${paper.parts[part]?.title ?? ''}（第 ${index + 1}–${index + count} 题）`;
          container.append(heading);
        }
        list = document.createElement('ol');
        container.append(list);
      }
      const button = document.createElement('button');
      button.type = 'button';
      const number = document.createElement('span');
      number.textContent = String(index + 1);
      const marks = document.createElement('span');
      marks.className = 'sheet-marks';
      marks.setAttribute('aria-hidden', 'true');
      button.append(number, marks);
      button.addEventListener('click', () => this.#go(index));
      const li = document.createElement('li');
      li.append(button);
      list.append(li);
      this.#sheetButtons.push(button);
    });
  }

  #showQuestion(): void {
    const { paper, state } = this.#session;
    const item = paper.items[this.#viewing];
    if (!item) return;
    const hadFocus = this.#slot.contains(document.activeElement);
    const fieldset = renderQuestion(item.question, {
      number: this.#viewing + 1,
      chosen: state.responses[this.#viewing] ?? [],
      disabled: false,
      onChange: (choice) => this.#record({ kind: 'answer', at: Date.now(), item: this.#viewing, choice }),
      multiplePolicy: paper.multiplePolicy,
    });
    this.#slot.replaceChildren(fieldset);
    const part = paper.parts[item.part];
    ref(this.#root, 'part-title').textContent = `${paper.parts.length > 1 && part ? `${part.title} · ` : ''}第 ${this.#viewing + 1} 题，共 ${paper.items.length} 题`;
    // Focus was on an option of the question just replaced: keep it in the question area.
    if (hadFocus) this.#slot.focus();
    this.#updateStatus();
  }

  /** Sheet buttons, flag, counts and the ends of prev/next, from the current state. */
  #updateStatus(): void {
    const { state } = this.#session;
    this.#sheetButtons.forEach((button, index) => {
      const status = itemStatus(state, index, this.#viewing);
      button.setAttribute('aria-label', statusLabel(index + 1, status));
      button.classList.toggle('is-answered', status.answered);
      button.classList.toggle('is-flagged', status.flagged);
      if (status.current) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
      const marks = button.lastElementChild;
      if (marks) marks.textContent = statusSymbols(status);
    });
    this.#flag.setAttribute('aria-pressed', String(state.flags.includes(this.#viewing)));
    // aria-disabled rather than disabled, so a focused button keeps focus at either end.
    this.#prev.setAttribute('aria-disabled', String(this.#viewing === 0));
    this.#next.setAttribute('aria-disabled', String(this.#viewing === state.itemCount - 1));
    const { unanswered } = unfinished(state);
    ref(this.#root, 'answered-count').textContent = `已答 ${state.itemCount - unanswered} / ${state.itemCount} 题`;
  }

  /** Checks the options of the question on screen as the state says, without rebuilding it. */
  #syncChoice(): void {
    const chosen = this.#session.state.responses[this.#viewing] ?? [];
    this.#slot.querySelectorAll<HTMLInputElement>('input').forEach((input) => {
      input.checked = chosen.includes(Number(input.value));
    });
  }

  #go(item: number): void {
    if (item < 0 || item >= this.#session.state.itemCount || item === this.#viewing) return;
    this.#viewing = item;
    this.#record({ kind: 'navigate', at: Date.now(), item });
    this.#showQuestion();
  }

  #toggleFlag(): void {
    const flagged = this.#session.state.flags.includes(this.#viewing);
    this.#record({ kind: flagged ? 'unflag' : 'flag', at: Date.now(), item: this.#viewing });
    this.#updateStatus();
  }

  #record(step: AttemptStep): void {
    const outcome = this.#session.apply(step);
    this.#events.onProblems(outcome.problems);
    if (outcome.rejected === 'time-up') this.#tick();
    else if (this.#session.state.status === 'submitted') this.#events.onEnded();
    else this.#updateStatus();
  }

  #askToSubmit(): void {
    ref(this.#root, 'confirm-text').textContent = submitWarning(unfinished(this.#session.state));
    this.#confirm.returnValue = '';
    this.#confirm.showModal();
  }

  #onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || this.#confirm.open || this.#root.hidden) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const shortcut = shortcutFor(event, target);
    if (!shortcut) return;
    // Inside the site's search dialog or any other dialog, keys belong to it.
    if (target?.closest('dialog')) return;
    event.preventDefault();
    switch (shortcut.kind) {
      case 'move':
        this.#go(this.#viewing + shortcut.by);
        return;
      case 'flag':
        this.#toggleFlag();
        return;
      case 'choose': {
        const question = this.#session.paper.items[this.#viewing]?.question;
        if (!question) return;
        const chosen = this.#session.state.responses[this.#viewing] ?? [];
        const choice = toggleChoice(question.type, question.options.length, chosen, shortcut.option);
        if (choice === null) return;
        this.#record({ kind: 'answer', at: Date.now(), item: this.#viewing, choice });
        this.#syncChoice();
      }
    }
  }

  #tick(): void {
    const now = Date.now();
    const remaining = remainingMs(this.#session.state, now);
    if (remaining === null) {
      this.#clock.textContent = '不限时';
      return;
    }
    this.#clock.textContent = formatClock(remaining);
    this.#clock.parentElement?.classList.toggle('is-short', remaining <= SHORT_MS);
    const warning = warningCrossed(this.#lastRemaining, remaining);
    if (warning !== null) this.#announcer.textContent = warningText(warning);
    this.#lastRemaining = remaining;
    if (remaining === 0 && this.#session.state.status === 'in-progress') {
      const settled = this.#session.settle(now);
      if (settled) this.#events.onProblems(settled.problems);
      this.#events.onEnded();
    }
  }
}
