/**
 * `<attempt-desk>`: the one runner of every timed paper — the mock exam, a trainer's assignment,
 * the skills paper. One item at a time, the 答题卡 (a side panel on wide screens, a bottom sheet
 * on phones), the countdown with spoken warnings at 10, 5 and 1 minutes, the shortcuts, the
 * submit confirmation and time-up. Every change goes through the engine's AttemptSession, which
 * saves it at once; another tab's saves are merged in as they arrive. The page that opens the desk
 * only decides what happens before and after.
 */
import { remainingMs, touchesAttempt } from '../../quiz/index.ts';
import type { AttemptSession, AttemptStep, StorageProblem } from '../../quiz/index.ts';
import { ref } from '../../ui/dom.ts';
import { formatClock } from '../../ui/format.ts';
import { shortcutFor, watchKeyboardUse } from '../../ui/keys.ts';
import { SHORT_MS, warningCrossed, warningText } from './clock.ts';
import { itemStatus, statusLabel, statusSymbols, submitWarning, unfinished } from './sheet.ts';
import { objectiveItems, type ItemView } from './item-view.ts';

export interface DeskEvents {
  /** The attempt is over (submitted here, by the clock, or in another tab). */
  onEnded: () => void;
  onProblems: (problems: readonly StorageProblem[]) => void;
}

export interface DeskOptions extends DeskEvents {
  /** The paper's name, the desk's heading. */
  title: string;
  /** How items are shown and answered; objective questions unless given. */
  view?: ItemView;
}

/** Below this width the 答题卡 is a bottom sheet opened from the bar. */
const PHONE_QUERY = '(max-width: 55.99rem)';

export class AttemptDesk extends HTMLElement {
  #session: AttemptSession | null = null;
  #options: DeskOptions | null = null;
  #view: ItemView = objectiveItems;
  /** The item on screen. Kept per tab: another tab moving around does not move this one. */
  #viewing = 0;
  #lastRemaining: number | null = null;
  #timer: number | undefined;
  #sheetButtons: HTMLButtonElement[] = [];
  #cleanup: (() => void)[] = [];

  get #confirm(): HTMLDialogElement {
    return ref<HTMLDialogElement>(this, 'confirm');
  }

  get #sheetDialog(): HTMLDialogElement {
    return ref<HTMLDialogElement>(this, 'sheet-dialog');
  }

  /** Shows the attempt and starts the clock and the shortcuts. */
  open(session: AttemptSession, options: DeskOptions): void {
    this.close();
    this.#session = session;
    this.#options = options;
    this.#view = options.view ?? objectiveItems;
    this.#viewing = Math.min(session.state.current, Math.max(0, session.state.itemCount - 1));
    this.#lastRemaining = null;
    ref(this, 'desk-title').textContent = options.title;
    ref(this, 'announcer').textContent = '';
    this.hidden = false;
    this.#buildSheet();
    watchKeyboardUse();
    this.#listen(ref(this, 'prev'), 'click', () => this.#go(this.#viewing - 1));
    this.#listen(ref(this, 'next'), 'click', () => this.#go(this.#viewing + 1));
    this.#listen(ref(this, 'flag'), 'click', () => this.#toggleFlag());
    this.#listen(ref(this, 'submit'), 'click', () => this.#askToSubmit());
    this.#listen(ref(this, 'sheet-toggle'), 'click', () => this.#openSheet());
    this.#listen(this.#sheetDialog, 'close', () => ref(this, 'sheet-home').append(ref(this, 'sheet-panel')));
    this.#listen(this.#confirm, 'close', () => {
      if (this.#confirm.returnValue === 'submit') this.#record({ kind: 'submit', at: Date.now() });
    });
    this.#listen(document, 'keydown', (event) => this.#onKey(event as KeyboardEvent));
    // Another tab saved this attempt: merge its steps and show them (or the end, if it handed in).
    this.#listen(window, 'storage', (event) => {
      if (!touchesAttempt((event as StorageEvent).key, session.id)) return;
      const { changed, problems } = session.pull();
      options.onProblems(problems);
      if (changed) this.refresh();
    });
    // A laptop waking from sleep: check the clock at once rather than on the next tick.
    this.#listen(document, 'visibilitychange', () => this.#tick());
    this.#timer = window.setInterval(() => this.#tick(), 1000);
    document.documentElement.dataset['immersive'] = 'desk';
    this.#showItem();
    this.#tick();
    // The first question, not the page above it, is what a phone should show after 开始考试.
    this.scrollIntoView({ block: 'start' });
    ref(this, 'desk-title').focus({ preventScroll: true });
  }

  /** Stops the clock and the listeners; the screen is being left. */
  close(): void {
    window.clearInterval(this.#timer);
    for (const undo of this.#cleanup) undo();
    this.#cleanup = [];
    if (this.#confirm.open) this.#confirm.close();
    if (this.#sheetDialog.open) this.#sheetDialog.close();
    ref(this, 'sheet-home').append(ref(this, 'sheet-panel'));
    delete document.documentElement.dataset['immersive'];
    this.#session = null;
    this.hidden = true;
  }

  /** Another tab changed the attempt: show the merged answers without moving this tab's item. */
  refresh(): void {
    const session = this.#session;
    if (!session) return;
    if (session.state.status === 'submitted') {
      this.#ended();
      return;
    }
    this.#view.sync(ref(this, 'question'), session, this.#viewing);
    this.#updateStatus();
  }

  #listen(target: EventTarget, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler);
    this.#cleanup.push(() => target.removeEventListener(type, handler));
  }

  #buildSheet(): void {
    const session = this.#session;
    if (!session) return;
    const { paper } = session;
    const container = ref(this, 'sheet');
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
      button.addEventListener('click', () => {
        if (this.#sheetDialog.open) this.#sheetDialog.close();
        this.#go(index);
        ref(this, 'question').focus({ preventScroll: true });
      });
      const li = document.createElement('li');
      li.append(button);
      list.append(li);
      this.#sheetButtons.push(button);
    });
  }

  #openSheet(): void {
    if (!matchMedia(PHONE_QUERY).matches) {
      this.#sheetButtons[this.#viewing]?.focus();
      return;
    }
    this.#sheetDialog.append(ref(this, 'sheet-panel'));
    this.#sheetDialog.showModal();
    this.#sheetButtons[this.#viewing]?.focus();
  }

  #showItem(): void {
    const session = this.#session;
    if (!session) return;
    const slot = ref(this, 'question');
    const item = session.paper.items[this.#viewing];
    if (!item) return;
    const hadFocus = slot.contains(document.activeElement);
    slot.replaceChildren(this.#view.render(session, this.#viewing, (step) => this.#record(step)));
    const { paper } = session;
    const part = paper.parts[item.part];
    ref(this, 'part-title').textContent = `${paper.parts.length > 1 && part ? `${part.title} · ` : ''}第 ${this.#viewing + 1} 题，共 ${paper.items.length} 题`;
    // Focus was on an option of the item just replaced: keep it in the item area.
    if (hadFocus) slot.focus();
    this.#updateStatus();
  }

  /** Sheet buttons, flag, counts and the ends of prev/next, from the current state. */
  #updateStatus(): void {
    const session = this.#session;
    if (!session) return;
    const { state } = session;
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
    ref(this, 'flag').setAttribute('aria-pressed', String(state.flags.includes(this.#viewing)));
    // aria-disabled rather than disabled, so a focused button keeps focus at either end.
    ref(this, 'prev').setAttribute('aria-disabled', String(this.#viewing === 0));
    ref(this, 'next').setAttribute('aria-disabled', String(this.#viewing === state.itemCount - 1));
    const answered = state.itemCount - unfinished(state).unanswered;
    ref(this, 'answered-count').textContent = `已答 ${answered} / ${state.itemCount} 题`;
    ref(this, 'sheet-count').textContent = `${answered}/${state.itemCount}`;
  }

  #go(item: number): void {
    const session = this.#session;
    if (!session || item < 0 || item >= session.state.itemCount || item === this.#viewing) return;
    this.#viewing = item;
    this.#record({ kind: 'navigate', at: Date.now(), item });
    this.#showItem();
  }

  #toggleFlag(): void {
    const session = this.#session;
    if (!session) return;
    const flagged = session.state.flags.includes(this.#viewing);
    this.#record({ kind: flagged ? 'unflag' : 'flag', at: Date.now(), item: this.#viewing });
    this.#updateStatus();
  }

  #record(step: AttemptStep): void {
    const session = this.#session;
    const options = this.#options;
    if (!session || !options) return;
    const outcome = session.apply(step);
    options.onProblems(outcome.problems);
    if (outcome.rejected === 'time-up') this.#tick();
    else if (session.state.status === 'submitted') this.#ended();
    else this.#updateStatus();
  }

  #ended(): void {
    const options = this.#options;
    this.close();
    options?.onEnded();
  }

  #askToSubmit(): void {
    const session = this.#session;
    if (!session) return;
    ref(this, 'confirm-text').textContent = submitWarning(unfinished(session.state));
    this.#confirm.returnValue = '';
    this.#confirm.showModal();
  }

  #onKey(event: KeyboardEvent): void {
    const session = this.#session;
    if (!session || event.defaultPrevented || this.#confirm.open || this.#sheetDialog.open || this.hidden) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const shortcut = shortcutFor(event, target);
    if (!shortcut || shortcut.kind === 'submit') return;
    // Inside the site's search dialog or any other dialog, keys belong to it.
    if (target?.closest('dialog')) return;
    if (shortcut.kind === 'choose') {
      const choice = this.#view.choose?.(session, this.#viewing, shortcut.option);
      if (!choice) return;
      event.preventDefault();
      this.#record({ kind: 'answer', at: Date.now(), item: this.#viewing, choice });
      this.#view.sync(ref(this, 'question'), session, this.#viewing);
      return;
    }
    event.preventDefault();
    if (shortcut.kind === 'move') this.#go(this.#viewing + shortcut.by);
    else this.#toggleFlag();
  }

  #tick(): void {
    const session = this.#session;
    const options = this.#options;
    if (!session || !options) return;
    const now = Date.now();
    const clock = ref(this, 'clock');
    const remaining = remainingMs(session.state, now);
    if (remaining === null) {
      clock.textContent = '不限时';
      return;
    }
    clock.textContent = formatClock(remaining);
    clock.parentElement?.classList.toggle('is-short', remaining <= SHORT_MS);
    const warning = warningCrossed(this.#lastRemaining, remaining);
    if (warning !== null) ref(this, 'announcer').textContent = warningText(warning);
    this.#lastRemaining = remaining;
    if (remaining === 0 && session.state.status === 'in-progress') {
      const settled = session.settle(now);
      if (settled) options.onProblems(settled.problems);
      this.#ended();
    }
  }
}

customElements.define('attempt-desk', AttemptDesk);
