/**
 * `<practice-session>`: the 练习 page. Reads the plan from the URL (or the setup form), loads the
 * chapter's bank, and asks one question at a time: practice behaviour for objective questions
 * (feedback as soon as an answer is in), recite for 背题模式, self-marked work for 案例分析.
 * Every answer is written to the review state at once, so the 错题本 and review schedule never
 * depend on finishing a run. Keys: 1–5/A–E choose, Enter submits a 多选, ←/→ move.
 */
import {
  emptyReview,
  feedbackFor,
  loadProgress,
  record,
  recordAnswer,
  saveCaseWork,
  saveReview,
  scoreAttempt,
  selfMark,
  setPinned,
  setStarred,
  startAttempt,
  startCase,
  wrongBook,
} from '../quiz/index.ts';
import type { Attempt, CaseItem, CaseWork, Paper, QuizQuestion, ReviewState, StorageProblem } from '../quiz/index.ts';
import { loadBank, loadCatalog, sectionUrl } from './content-loader.ts';
import type { CatalogChapter } from './content-loader.ts';
import { describeStorageProblem, deviceStore } from './device-store.ts';
import { renderCase } from './practice-case.ts';
import {
  describeTally,
  isPracticeMode,
  MODE_NAMES,
  optionForKey,
  planFromQuery,
  planToQuery,
  practiceCases,
  practicePaper,
  practiceQuestions,
  scopeProblem,
  scopeTitle,
  seedFromBytes,
  wrongBookNote,
} from './practice-plan.ts';
import type { PracticeMode, PracticePlan } from './practice-plan.ts';
import { LETTERS, renderFeedback, renderQuestion } from './question-view.ts';
import { el } from './dom.ts';

/** Typing is saved once the learner pauses, not on every keystroke. */
const TYPING_SAVE_MS = 600;

function newSeed(): string {
  return seedFromBytes(crypto.getRandomValues(new Uint8Array(6)));
}

function link(text: string, href: string): HTMLAnchorElement {
  const a = el('a', undefined, text);
  a.href = href;
  return a;
}

/** A toggle button whose name stays put while aria-pressed carries the state. */
function toggle(label: string, pressed: boolean, onToggle: (pressed: boolean) => void): HTMLButtonElement {
  const button = el('button', 'toggle');
  button.type = 'button';
  const icon = el('span', 'icon');
  icon.setAttribute('aria-hidden', 'true');
  const render = (on: boolean) => {
    button.setAttribute('aria-pressed', String(on));
    icon.textContent = on ? '★' : '☆';
  };
  button.append(icon, label);
  render(pressed);
  button.addEventListener('click', () => {
    const next = button.getAttribute('aria-pressed') !== 'true';
    render(next);
    onToggle(next);
  });
  return button;
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

interface ObjectiveRun {
  kind: 'objective';
  paper: Paper;
  attempt: Attempt;
  /** A 多选 choice not yet submitted, for the item on screen. */
  pending: number[];
  /** What each answer did to the 错题本, by item. */
  notes: Map<number, string>;
}

interface CaseRun {
  kind: 'case';
  items: CaseItem[];
  works: Map<string, CaseWork>;
}

class PracticeSession extends HTMLElement {
  #store = deviceStore();
  #chapters: CatalogChapter[] = [];
  #review: ReviewState = emptyReview();
  #plan: PracticePlan | null = null;
  #run: ObjectiveRun | CaseRun | null = null;
  #index = 0;
  /** Bumped per start, so a slow bank load for an abandoned plan is ignored. */
  #generation = 0;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #unsaved: CaseWork | null = null;

  #form!: HTMLFormElement;
  #setup!: HTMLDetailsElement;
  #summary!: HTMLElement;
  #chapter!: HTMLSelectElement;
  #section!: HTMLSelectElement;
  #notice!: HTMLElement;
  #session!: HTMLElement;
  #title!: HTMLElement;
  #tally!: HTMLElement;
  #stage!: HTMLElement;
  #prev!: HTMLButtonElement;
  #next!: HTMLButtonElement;
  #position!: HTMLElement;

  connectedCallback() {
    const need = <T extends Element>(selector: string, type: new () => T): T => {
      const node = this.querySelector(selector);
      if (!(node instanceof type)) throw new Error(`<practice-session> 缺少 ${selector}`);
      return node;
    };
    this.#form = need('form.setup-form', HTMLFormElement);
    this.#setup = need('details.setup', HTMLDetailsElement);
    this.#summary = need('details.setup > summary', HTMLElement);
    this.#chapter = need('select[name="chapter"]', HTMLSelectElement);
    this.#section = need('select[name="section"]', HTMLSelectElement);
    this.#notice = need('.storage-notice', HTMLElement);
    this.#session = need('.session', HTMLElement);
    this.#title = need('.session-title', HTMLElement);
    this.#tally = need('.tally', HTMLElement);
    this.#stage = need('.stage', HTMLElement);
    this.#prev = need('button.prev', HTMLButtonElement);
    this.#next = need('button.next', HTMLButtonElement);
    this.#position = need('.position', HTMLElement);

    this.#showProblems(this.#notPersisted());
    const catalog = loadCatalog().then(
      (loaded) => {
        this.#chapters = loaded.chapters;
        this.#fillSections(this.#section.value);
        this.#fromUrl();
      },
      (error: unknown) => this.#fail(`无法加载章节目录：${error instanceof Error ? error.message : String(error)}。请检查网络后刷新页面。`),
    );
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      const plan = this.#planFromForm();
      history.pushState(null, '', planToQuery(plan));
      void catalog.then(() => this.#start(plan, true));
    });
    this.#chapter.addEventListener('change', () => this.#fillSections(''));
    this.#prev.addEventListener('click', () => this.#go(this.#index - 1));
    this.#next.addEventListener('click', () => this.#go(this.#index + 1));
    this.#stage.addEventListener('keydown', (event) => this.#moveWithinOptions(event));
    document.addEventListener('keydown', (event) => this.#onKey(event));
    addEventListener('popstate', () => this.#fromUrl());
    addEventListener('pagehide', () => this.#flushCaseWork());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#flushCaseWork();
    });
  }

  // ----- setup -----

  #fillSections(selected: string) {
    const chapter = this.#chapters.find((c) => c.id === this.#chapter.value);
    const whole = new Option(chapter ? '整章（全部小节）' : '—', '');
    this.#section.replaceChildren(whole, ...(chapter?.sections ?? []).map((s) => new Option(s.title, s.id)));
    this.#section.disabled = !chapter;
    this.#section.value = selected;
    if (this.#section.value !== selected) this.#section.value = '';
  }

  #planFromForm(): PracticePlan {
    const data = new FormData(this.#form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' && value !== '' ? value : null;
    };
    const chapter = text('chapter');
    const mode = text('mode');
    const practiceMode: PracticeMode = isPracticeMode(mode) ? mode : 'order';
    return {
      chapter,
      section: chapter ? text('section') : null,
      mode: practiceMode,
      seed: practiceMode === 'random' ? newSeed() : null,
    };
  }

  #writeForm(plan: PracticePlan) {
    this.#chapter.value = plan.chapter ?? '';
    this.#fillSections(plan.section ?? '');
    const radio = this.#form.querySelector<HTMLInputElement>(`input[name="mode"][value="${plan.mode}"]`);
    if (radio) radio.checked = true;
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
    this.#notice.replaceChildren(el('p', undefined, message));
    this.#notice.hidden = false;
  }

  /** Without localStorage the device store keeps progress in memory: say so, as a storage problem. */
  #notPersisted(): StorageProblem[] {
    return this.#store.persistent ? [] : [{ kind: 'unavailable', key: '', message: '无法使用本地存储' }];
  }

  #showProblems(problems: readonly StorageProblem[]) {
    if (problems.length === 0) return;
    const messages = [...new Set(problems.map(describeStorageProblem))];
    this.#notice.replaceChildren(...messages.map((m) => el('p', undefined, m)));
    this.#notice.hidden = false;
  }

  // ----- starting a run -----

  async #start(plan: PracticePlan, moveFocus: boolean) {
    this.#flushCaseWork();
    const generation = ++this.#generation;
    this.#notice.hidden = true;
    this.#writeForm(plan);
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
      this.#fail(`题库加载失败：${error instanceof Error ? error.message : String(error)}。请检查网络后刷新页面。`);
      return;
    }
    if (generation !== this.#generation) return;
    this.#stage.removeAttribute('aria-busy');

    if (plan.mode === 'case') {
      const items = practiceCases(plan, bank.cases);
      const works = new Map<string, CaseWork>();
      for (const item of items) works.set(item.id, loaded.progress.cases[item.id] ?? startCase(item, Date.now()));
      this.#run = { kind: 'case', items, works };
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
    const same = (mode: PracticeMode) => planToQuery({ ...plan, mode, seed: null });
    const box = el('div', 'empty');
    const say = (text: string, ...links: HTMLAnchorElement[]) => {
      box.append(el('p', undefined, text));
      if (links.length) {
        const p = el('p', 'empty-actions');
        links.forEach((a, i) => p.append(...(i ? [' · ', a] : [a])));
        box.append(p);
      }
    };
    const inAChapter = plan.chapter !== null;
    switch (plan.mode) {
      case 'wrong':
        if (inAChapter && wrongTotal > 0) {
          say(`这个范围内没有错题；全部章节的错题本里还有 ${wrongTotal} 题。`, link('练习全部错题', planToQuery({ chapter: null, section: null, mode: 'wrong', seed: null })));
        } else {
          say('错题本为空：去练习或考试。答错的题会自动加入错题本。', link('顺序练习', same('order')), link('随机练习', same('random')), link('模拟考试', '/exam/'));
        }
        break;
      case 'starred':
        say('还没有收藏的题：练习时点“☆ 收藏”，就能把题加入这里。', link('顺序练习', same('order')), link('随机练习', same('random')));
        break;
      case 'due':
        say('今天没有要复习的题。练习过的题会按遗忘规律安排复习，到期后出现在这里。', link('随机练习', same('random')), link('错题本', same('wrong')));
        break;
      case 'case':
        say('这个范围没有案例分析题，换一个章节试试。', link('全部章节的案例分析', planToQuery({ chapter: null, section: null, mode: 'case', seed: null })));
        break;
      default:
        say('这个范围还没有题目，换一个章节或小节试试。');
    }
    this.#stage.replaceChildren(box);
    this.#tally.textContent = '';
    this.#setPager(false);
  }

  // ----- showing an item -----

  #count(): number {
    const run = this.#run;
    if (!run) return 0;
    return run.kind === 'case' ? run.items.length : run.paper.items.length;
  }

  #setPager(visible: boolean) {
    const count = this.#count();
    this.#prev.hidden = !visible;
    const keys = this.#session.querySelector<HTMLElement>('.keys');
    if (keys) keys.hidden = !visible;
    this.#next.hidden = !visible;
    this.#position.hidden = !visible;
    this.#prev.disabled = this.#index <= 0;
    this.#next.disabled = this.#index >= count - 1;
    const unit = this.#run?.kind === 'case' ? '个案例' : '题';
    this.#position.textContent = visible ? `第 ${this.#index + 1} / ${count} ${unit}` : '';
  }

  #sectionLink(chapterId: string, sectionId: string): { href: string; title: string } {
    const chapter = this.#chapters.find((c) => c.id === chapterId);
    const section = chapter?.sections.find((s) => s.id === sectionId);
    return { href: sectionUrl(chapterId, sectionId), title: section && chapter ? `${chapter.title} › ${section.title}` : sectionId };
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
    if (!run) return;
    if (run.kind === 'case') {
      let score = 0;
      let max = 0;
      let marked = 0;
      for (const item of run.items) {
        const work = run.works.get(item.id);
        if (!work?.revealed) continue;
        const mark = selfMark(item, work);
        marked++;
        score += mark.score;
        max += mark.max;
      }
      this.#tally.textContent = `已自评 ${marked} / ${run.items.length} 个案例 · 自评得分 ${score} / ${max} 分（自评，单独记录，不计入客观题正确率）`;
      return;
    }
    if (run.attempt.state.behaviour === 'recite') {
      this.#tally.textContent = `背题模式：共 ${run.paper.items.length} 题，直接显示答案和解析，不计分`;
      return;
    }
    const score = scoreAttempt(run.paper, run.attempt.state);
    const marks = score?.items ?? [];
    this.#tally.textContent = describeTally({
      answered: marks.filter((m) => m.answered).length,
      right: marks.filter((m) => m.correct).length,
      total: marks.length,
    });
  }

  #renderObjective(run: ObjectiveRun) {
    const index = this.#index;
    const item = run.paper.items[index];
    if (!item) return;
    const question = item.question;
    const state = run.attempt.state;
    const recite = state.behaviour === 'recite';
    const answered = state.responses[index];
    const feedback = feedbackFor(run.paper, state, index);
    const locked = recite || answered !== undefined;
    const chosen = recite ? (feedback?.answer ?? []) : (answered ?? run.pending);

    const box = el('div', 'item');
    const fieldset = renderQuestion(question, {
      number: index + 1,
      chosen,
      disabled: locked,
      onChange: (choice) => this.#choose(choice),
    });
    box.append(fieldset);

    const actions = el('div', 'item-actions');
    if (!locked && question.type === 'multiple') {
      const submit = el('button', 'primary submit', '提交本题');
      submit.type = 'button';
      submit.disabled = run.pending.length === 0;
      submit.addEventListener('click', () => this.#submit(run.pending));
      actions.append(submit);
    }
    const id = question.id;
    actions.append(
      toggle('收藏', this.#review.records[id]?.starred ?? false, (on) => {
        this.#review = setStarred(this.#review, id, on, Date.now());
        this.#saveReview();
      }),
    );
    if (this.#plan?.mode === 'wrong') {
      actions.append(
        toggle('保留在错题本', this.#review.records[id]?.pinned ?? false, (on) => {
          this.#review = setPinned(this.#review, id, on, Date.now());
          this.#saveReview();
        }),
      );
    }
    if (feedback && locked) {
      const shown = renderFeedback(fieldset, question, feedback, this.#sectionLink(question.chapter, question.section));
      shown.tabIndex = -1;
      const note = run.notes.get(index);
      if (note) shown.append(el('p', 'review-note', note));
      box.append(shown);
    }
    box.append(actions);
    this.#stage.replaceChildren(box);
    if (!recite && this.#answeredAll(run)) this.#stage.append(this.#finished(run));
  }

  #answeredAll(run: ObjectiveRun): boolean {
    return Object.keys(run.attempt.state.responses).length === run.paper.items.length;
  }

  #finished(run: ObjectiveRun): HTMLElement {
    const plan = this.#plan;
    const marks = scoreAttempt(run.paper, run.attempt.state)?.items ?? [];
    const right = marks.filter((m) => m.correct).length;
    const box = el('div', 'finished');
    box.append(el('p', undefined, `本轮 ${marks.length} 题已全部答完：答对 ${right} 题，正确率 ${Math.round((right / Math.max(1, marks.length)) * 100)}%。`));
    const actions = el('p', 'empty-actions');
    const again = el('button', undefined, '再练一轮');
    again.type = 'button';
    again.addEventListener('click', () => {
      if (!plan) return;
      const next = { ...plan, seed: plan.mode === 'random' ? newSeed() : null };
      history.pushState(null, '', planToQuery(next));
      void this.#start(next, true);
    });
    actions.append(again);
    if (plan && plan.mode !== 'wrong') actions.append(' · ', link('练习错题本', planToQuery({ ...plan, mode: 'wrong', seed: null })));
    actions.append(' · ', link('查看学习进度', '/progress/'));
    box.append(actions);
    return box;
  }

  #renderCase(run: CaseRun) {
    const item = run.items[this.#index];
    if (!item) return;
    const work = run.works.get(item.id) ?? startCase(item, Date.now());
    this.#stage.replaceChildren(
      renderCase(item, {
        number: this.#index + 1,
        total: run.items.length,
        work,
        sectionLink: this.#sectionLink(item.chapter, item.section),
        onChange: (next, typing) => {
          run.works.set(item.id, next);
          this.#unsaved = next;
          clearTimeout(this.#saveTimer);
          if (typing) this.#saveTimer = setTimeout(() => this.#flushCaseWork(), TYPING_SAVE_MS);
          else {
            this.#flushCaseWork();
            this.#renderTally();
          }
        },
      }),
    );
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
      this.#submit(choice);
      return;
    }
    run.pending = choice;
    const submit = this.#stage.querySelector<HTMLButtonElement>('button.submit');
    if (submit) submit.disabled = choice.length === 0;
  }

  #submit(choice: readonly number[]) {
    const run = this.#run;
    if (run?.kind !== 'objective' || choice.length === 0) return;
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
    clearTimeout(this.#saveTimer);
    const work = this.#unsaved;
    if (!work) return;
    this.#unsaved = null;
    const result = saveCaseWork(this.#store, work);
    this.#showProblems(result.problems);
  }

  // ----- keyboard -----

  /** Arrow keys move between options without answering: a radio would otherwise answer on every arrow press. */
  #moveWithinOptions(event: KeyboardEvent) {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.closest('fieldset.question')) return;
    const inputs = [...(target.closest('fieldset.question')?.querySelectorAll<HTMLInputElement>('input') ?? [])];
    const at = inputs.indexOf(target);
    const next = inputs[at + (event.key === 'ArrowDown' ? 1 : -1)];
    event.preventDefault();
    next?.focus();
  }

  #onKey(event: KeyboardEvent) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || this.#session.hidden || !this.#run) return;
    const target = event.target;
    // Keys belong to the session only when nothing else wants them: not the setup form, not a text field.
    if (target instanceof Node && target !== document.body && !this.#session.contains(target)) return;
    if (isTextEntry(target)) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      this.#go(this.#index + (event.key === 'ArrowRight' ? 1 : -1));
      return;
    }
    const question = this.#currentQuestion();
    const run = this.#run;
    if (!question || run.kind !== 'objective') return;
    const locked = run.attempt.state.behaviour === 'recite' || run.attempt.state.responses[this.#index] !== undefined;
    if (locked) return;
    if (event.key === 'Enter') {
      if (question.type !== 'multiple' || target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
      event.preventDefault();
      this.#submit(run.pending);
      return;
    }
    const option = optionForKey(event.key, Math.min(question.options.length, LETTERS.length));
    if (option === null) return;
    const input = this.#stage.querySelectorAll<HTMLInputElement>('fieldset.question input')[option];
    if (!input) return;
    event.preventDefault();
    // A click fires the same change event as a pointer would, so both paths answer the same way.
    input.click();
  }
}

customElements.define('practice-session', PracticeSession);
