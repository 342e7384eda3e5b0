/**
 * `<practice-session>`: the 练习 page. Reads the plan from the URL (or the setup form), loads the
 * chapter's bank, and asks one question at a time: practice behaviour for objective questions
 * (feedback as soon as an answer is in), recite for 背题模式, self-marked work for 案例分析.
 * Every answer is written to the review state at once, so the 错题本 and review schedule never
 * depend on finishing a run. Keys (the UI kit's shortcuts): 1–5/A–E choose, Enter submits a 多选,
 * ←/→ move.
 */
import {
  emptyReview,
  feedbackFor,
  loadProgress,
  pointOutcomes,
  record,
  saveReview,
  scoreAttempt,
  setPinned,
  setStarred,
  startAttempt,
  wrongBook,
} from '../../quiz/index.ts';
import type { QuizQuestion, ReviewState, StorageProblem } from '../../quiz/index.ts';
import { loadBank, loadCatalog, sectionLink, type CatalogChapter } from '../../ui/content.ts';
import { describeStorageProblems, deviceStore, NOT_PERSISTENT } from '../../ui/device-store.ts';
import { el, errorText, ref, showNotices } from '../../ui/dom.ts';
import { shortcutFor, watchKeyboardUse } from '../../ui/keys.ts';
import { moveWithinOptions } from '../../ui/question-view.ts';
import { practiceItem } from './item-view.ts';
import { objectiveTally, type ObjectiveRun } from './objective-run.ts';
import { emptyState, finishedBox } from './run-messages.ts';
import type { WrittenRun } from './written-run.ts';
import { PracticeSetup } from './setup-form.ts';
import {
  isWrittenMode,
  MODE_NAMES,
  planFromQuery,
  planToQuery,
  practiceCases,
  practicePaper,
  practiceQuestions,
  scopeProblem,
  scopeTitle,
  seedFromBytes,
  wrongBookNote,
} from './plan.ts';
import type { PracticePlan } from './plan.ts';

function newSeed(): string {
  return seedFromBytes(crypto.getRandomValues(new Uint8Array(6)));
}


class PracticeSession extends HTMLElement {
  #store = deviceStore();
  /** Started at once, resolved long before the first answer; see scheduler.ts. */
  #scheduler = import('./scheduler.ts');
  #chapters: CatalogChapter[] = [];
  #review: ReviewState = emptyReview();
  #plan: PracticePlan | null = null;
  #run: ObjectiveRun | WrittenRun | null = null;
  #index = 0;
  /** Bumped per start, so a slow bank load for an abandoned plan is ignored. */
  #generation = 0;

  #form!: PracticeSetup;
  #setup!: HTMLDetailsElement;
  #summary!: HTMLElement;
  #notice!: HTMLElement;
  #session!: HTMLElement;
  #title!: HTMLElement;
  #tally!: HTMLElement;
  #stage!: HTMLElement;
  #prev!: HTMLButtonElement;
  #next!: HTMLButtonElement;
  #position!: HTMLElement;

  connectedCallback() {
    this.#form = new PracticeSetup(this);
    this.#setup = ref(this, 'setup');
    this.#summary = ref(this, 'setup-summary');
    this.#notice = ref(this, 'notice');
    this.#session = ref(this, 'session');
    this.#title = ref(this, 'session-title');
    this.#tally = ref(this, 'tally');
    this.#stage = ref(this, 'stage');
    this.#prev = ref(this, 'prev');
    this.#next = ref(this, 'next');
    this.#position = ref(this, 'position');
    watchKeyboardUse();

    this.#showProblems(this.#notPersisted());
    const catalog = loadCatalog().then(
      (loaded) => {
        this.#chapters = loaded.chapters;
        this.#form.chapters = loaded.chapters;
        this.#fromUrl();
      },
      (error: unknown) => this.#fail(`无法加载章节目录：${errorText(error)}。请检查网络后刷新页面。`),
    );
    this.#form.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const plan = this.#form.read(newSeed);
      history.pushState(null, '', planToQuery(plan));
      void catalog.then(() => this.#start(plan, true));
    });
    this.#prev.addEventListener('click', () => this.#go(this.#index - 1));
    this.#next.addEventListener('click', () => this.#go(this.#index + 1));
    this.#stage.addEventListener('keydown', moveWithinOptions);
    document.addEventListener('keydown', (event) => this.#onKey(event));
    addEventListener('popstate', () => this.#fromUrl());
    addEventListener('pagehide', () => this.#flushCaseWork());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#flushCaseWork();
    });
  }

  #fromUrl() {
    const parsed = planFromQuery(location.search);
    if (parsed.kind === 'none') {
      this.#stop();
      return;
    }
    if (parsed.kind === 'invalid') {
      this.#stop();
      this.#fail(`${parsed.message}。请在下面重新选择范围和模式。`);
      return;
    }
    let plan = parsed.plan;
    if (plan.mode === 'random' && plan.seed === null) {
      plan = { ...plan, seed: newSeed() };
      history.replaceState(null, '', planToQuery(plan));
    }
    void this.#start(plan, false);
  }

  #stop() {
    this.#flushCaseWork();
    this.#generation++;
    this.#plan = null;
    this.#run = null;
    this.#session.hidden = true;
    this.#setup.open = true;
    this.#summary.textContent = '选择练习范围和模式';
  }

  #fail(message: string) {
    showNotices(this.#notice, [message]);
  }

  /** Without localStorage the device store keeps progress in memory: say so, as a storage problem. */
  #notPersisted(): StorageProblem[] {
    return this.#store.persistent ? [] : [NOT_PERSISTENT];
  }

  #showProblems(problems: readonly StorageProblem[]) {
    if (problems.length > 0) showNotices(this.#notice, describeStorageProblems(problems));
  }

  // ----- starting a run -----

  async #start(plan: PracticePlan, moveFocus: boolean) {
    this.#flushCaseWork();
    const generation = ++this.#generation;
    this.#notice.hidden = true;
    this.#form.write(plan);
    const problem = scopeProblem(plan, this.#chapters);
    if (problem) {
      this.#stop();
      this.#fail(`${problem}。请在下面重新选择范围。`);
      return;
    }
    const scope = scopeTitle(plan, this.#chapters);
    this.#plan = plan;
    this.#run = null;
    this.#index = 0;
    this.#setup.open = false;
    this.#summary.textContent = `练习设置：${scope} · ${MODE_NAMES[plan.mode]}（展开可更换）`;
    this.#session.hidden = false;
    this.#title.textContent = `${scope} · ${MODE_NAMES[plan.mode]}`;
    this.#tally.textContent = '';
    this.#stage.setAttribute('aria-busy', 'true');
    this.#stage.replaceChildren(el('p', 'loading', '正在加载题目…'));
    this.#setPager(false);
    if (moveFocus) this.#title.focus();

    const loaded = loadProgress(this.#store);
    this.#review = loaded.progress.review;
    this.#showProblems([...loaded.problems, ...this.#notPersisted()]);

    let bank;
    try {
      bank = await loadBank(plan.chapter ? [plan.chapter] : undefined);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#stage.removeAttribute('aria-busy');
      this.#stage.replaceChildren();
      this.#fail(`题库加载失败：${errorText(error)}。请检查网络后刷新页面。`);
      return;
    }
    if (generation !== this.#generation) return;
    this.#stage.removeAttribute('aria-busy');

    if (isWrittenMode(plan.mode)) {
      const items = practiceCases(plan, bank.cases, this.#review, Date.now());
      // Written practice (案例分析, 工作实务) loads its own code only when chosen.
      const { WrittenRun } = await import('./written-run.ts');
      if (generation !== this.#generation) return;
      this.#run = new WrittenRun(items, loaded.progress.cases, this.#store, {
        onProblems: (problems) => this.#showProblems(problems),
        onChanged: () => this.#renderTally(),
        onMarked: (item, work) => {
          const now = Date.now();
          void this.#scheduler.then(({ recordAnswer }) => {
            for (const { id, covered } of pointOutcomes(item, work)) this.#review = recordAnswer(this.#review, id, covered, now);
            this.#saveReview();
          });
        },
      });
      if (items.length === 0) this.#empty(plan, 0);
      else this.#render();
      return;
    }
    const questions = practiceQuestions(plan, bank.questions, this.#review, Date.now());
    if (questions.length === 0) {
      this.#empty(plan, wrongBook(this.#review).length);
      return;
    }
    const paper = practicePaper(`${scope} · ${MODE_NAMES[plan.mode]}`, plan.chapter, questions);
    const behaviour = plan.mode === 'recite' ? 'recite' : 'practice';
    const attempt = startAttempt({ behaviour, itemCount: questions.length, timeLimitMs: 0 }, Date.now());
    this.#run = { kind: 'objective', paper, attempt, pending: [], notes: new Map() };
    this.#render();
  }

  /** What to do when a mode has nothing to ask. */
  #empty(plan: PracticePlan, wrongTotal: number) {
    this.#stage.replaceChildren(emptyState(plan, wrongTotal));
    this.#tally.textContent = '';
    this.#setPager(false);
  }

  // ----- showing an item -----

  #count(): number {
    const run = this.#run;
    if (!run) return 0;
    return run.kind === 'case' ? run.count : run.paper.items.length;
  }

  #setPager(visible: boolean) {
    const count = this.#count();
    this.#prev.hidden = !visible;
    ref(this, 'keys').hidden = !visible;
    this.#next.hidden = !visible;
    this.#position.hidden = !visible;
    this.#prev.disabled = this.#index <= 0;
    this.#next.disabled = this.#index >= count - 1;
    const unit = this.#run?.kind === 'case' ? '个' : '题';
    this.#position.textContent = visible ? `第 ${this.#index + 1} / ${count} ${unit}` : '';
  }

  #sectionLink(chapterId: string, sectionId: string): { href: string; title: string } {
    return sectionLink(this.#chapters, chapterId, sectionId);
  }

  #go(index: number) {
    if (index < 0 || index >= this.#count()) return;
    this.#flushCaseWork();
    this.#index = index;
    const run = this.#run;
    if (run?.kind === 'objective') {
      run.attempt = record(run.attempt, { kind: 'navigate', at: Date.now(), item: index }).attempt;
      run.pending = [];
    }
    this.#render();
  }

  #render() {
    const run = this.#run;
    if (!run) return;
    if (run.kind === 'case') this.#renderCase(run);
    else this.#renderObjective(run);
    this.#setPager(true);
    this.#renderTally();
  }

  #renderTally() {
    const run = this.#run;
    if (run) this.#tally.textContent = run.kind === 'case' ? run.tally() : objectiveTally(run);
  }

  #renderObjective(run: ObjectiveRun) {
    const index = this.#index;
    const question = run.paper.items[index]?.question;
    if (!question) return;
    const state = run.attempt.state;
    const id = question.id;
    const record = this.#review.records[id];
    const box = practiceItem(question, {
      number: index + 1,
      recite: state.behaviour === 'recite',
      answered: state.responses[index],
      pending: run.pending,
      feedback: feedbackFor(run.paper, state, index),
      note: run.notes.get(index) ?? '',
      sectionLink: this.#sectionLink(question.chapter, question.section),
      starred: record?.starred ?? false,
      pinned: this.#plan?.mode === 'wrong' ? (record?.pinned ?? false) : null,
      onChoose: (choice) => this.#choose(choice),
      onSubmit: () => void this.#submit(run.pending),
      onStar: (on) => {
        this.#review = setStarred(this.#review, id, on, Date.now());
        this.#saveReview();
      },
      onPin: (on) => {
        this.#review = setPinned(this.#review, id, on, Date.now());
        this.#saveReview();
      },
    });
    this.#stage.replaceChildren(box);
    if (state.behaviour !== 'recite' && this.#answeredAll(run)) this.#stage.append(this.#finished(run));
  }

  #answeredAll(run: ObjectiveRun): boolean {
    return Object.keys(run.attempt.state.responses).length === run.paper.items.length;
  }

  #finished(run: ObjectiveRun): HTMLElement {
    const plan = this.#plan;
    const marks = scoreAttempt(run.paper, run.attempt.state)?.items ?? [];
    return finishedBox(plan, marks.filter((m) => m.correct).length, marks.length, () => {
      if (!plan) return;
      const next = { ...plan, seed: plan.mode === 'random' ? newSeed() : null };
      history.pushState(null, '', planToQuery(next));
      void this.#start(next, true);
    });
  }

  #renderCase(run: WrittenRun) {
    const item = run.items[this.#index];
    const view = item ? run.render(this.#index, this.#sectionLink(item.chapter, item.section)) : null;
    if (view) this.#stage.replaceChildren(view);
  }

  // ----- answering -----

  #currentQuestion(): QuizQuestion | null {
    const run = this.#run;
    return run?.kind === 'objective' ? (run.paper.items[this.#index]?.question ?? null) : null;
  }

  #choose(choice: number[]) {
    const run = this.#run;
    const question = this.#currentQuestion();
    if (run?.kind !== 'objective' || !question) return;
    if (question.type !== 'multiple') {
      void this.#submit(choice);
      return;
    }
    run.pending = choice;
    const submit = this.#stage.querySelector<HTMLButtonElement>('button.submit');
    if (submit) submit.disabled = choice.length === 0;
  }

  async #submit(choice: readonly number[]) {
    const run = this.#run;
    if (run?.kind !== 'objective' || choice.length === 0) return;
    const { recordAnswer } = await this.#scheduler;
    if (run !== this.#run) return;
    const index = this.#index;
    const now = Date.now();
    const result = record(run.attempt, { kind: 'answer', at: now, item: index, choice: [...choice] });
    if (result.rejected !== null) return;
    run.attempt = result.attempt;
    run.pending = [];
    const item = run.paper.items[index];
    const verdict = feedbackFor(run.paper, run.attempt.state, index)?.verdict;
    if (item && verdict) {
      const before = this.#review.records[item.questionId];
      this.#review = recordAnswer(this.#review, item.questionId, verdict.correct, now);
      this.#saveReview();
      run.notes.set(index, wrongBookNote(before, this.#review.records[item.questionId]));
    }
    const focusHere = document.activeElement === document.body || this.#stage.contains(document.activeElement);
    this.#render();
    if (focusHere) this.#stage.querySelector<HTMLElement>('.feedback')?.focus();
  }

  #saveReview() {
    const result = saveReview(this.#store, this.#review);
    // A failed save keeps the answer on screen and in memory; the notice says it was not stored.
    if (result.ok) this.#review = result.saved;
    this.#showProblems(result.problems);
  }

  #flushCaseWork() {
    if (this.#run?.kind === 'case') this.#run.flush();
  }

  // ----- keyboard -----

  #onKey(event: KeyboardEvent) {
    if (event.defaultPrevented || this.#session.hidden || !this.#run) return;
    const target = event.target;
    // Keys belong to the session only when nothing else wants them: not the setup form, not a dialog.
    if (target instanceof Node && target !== document.body && !this.#session.contains(target)) return;
    const shortcut = shortcutFor(event, target instanceof HTMLElement ? target : null);
    if (!shortcut || shortcut.kind === 'flag') return;
    if (shortcut.kind === 'move') {
      event.preventDefault();
      this.#go(this.#index + shortcut.by);
      return;
    }
    const question = this.#currentQuestion();
    const run = this.#run;
    if (!question || run.kind !== 'objective') return;
    const locked = run.attempt.state.behaviour === 'recite' || run.attempt.state.responses[this.#index] !== undefined;
    if (locked) return;
    if (shortcut.kind === 'submit') {
      if (question.type !== 'multiple') return;
      event.preventDefault();
      void this.#submit(run.pending);
      return;
    }
    const input = this.#stage.querySelectorAll<HTMLInputElement>('fieldset.question input')[shortcut.option];
    if (!input) return;
    event.preventDefault();
    // A click fires the same change event as a pointer would, so both paths answer the same way.
    input.click();
  }
}

customElements.define('practice-session', PracticeSession);
