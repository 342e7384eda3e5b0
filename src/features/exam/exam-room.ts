/**
 * `<exam-room>`: the mock exam page. The URL says what to show — `/exam/` (optionally
 * `?blueprint=<id>&chapter=<id>`) the start screen, `?attempt=<id>` an attempt — so reloading or
 * reopening the tab comes back to the same place, and the attempt itself comes back from storage.
 */
import {
  AttemptSession,
  drawPaper,
  drawWrittenPaper,
  isWrittenBlueprint,
  isWrittenPaper,
  loadAttempt,
  loadProgress,
  remainingMs,
  restorePaper,
  restoreWrittenPaper,
  storeMarks,
  touchesAttempt,
} from '../../quiz/index.ts';
import type { AnyPaper, Paper, PaperLayout, StorageProblem, WrittenPaper } from '../../quiz/index.ts';
import { loadBank, loadCatalog, sectionLink, type Catalog } from '../../ui/content.ts';
import { describeStorageProblems, deviceStore, NOT_PERSISTENT } from '../../ui/device-store.ts';
import { addNotices, el, errorText, link, paragraph, randomHex, ref } from '../../ui/dom.ts';
import { formatClock, formatDateTime, formatDuration, formatPoints } from '../../ui/format.ts';
import '../attempt/attempt-desk.ts';
import type { AttemptDesk } from '../attempt/attempt-desk.ts';
import { objectiveItems } from '../attempt/item-view.ts';
import { writtenItems } from '../attempt/written-items.ts';
import { examHistory, paperName, timeUsed, type ExamEntry } from './history.ts';
import { renderResults } from './results.ts';
import { renderSkillsResults } from './skills-results.ts';

type Screen = 'start' | 'desk' | 'results' | 'skills-results';

/** The mock exam's answers feed the 错题本 and 今日复习. */
const SESSION_OPTIONS = { recordMarks: storeMarks };

/** The bank a paper needs: one chapter for a per-chapter test, otherwise every chapter. */
async function bankFor(chapter: string | null) {
  return (await loadBank(chapter === null ? undefined : [chapter])).questions;
}

/** The paper an attempt was taken on, rebuilt from its layout and the current bank. */
async function restore(layout: PaperLayout): Promise<AnyPaper> {
  if (layout.kind === 'written') return restoreWrittenPaper((await loadBank()).cases, layout);
  return restorePaper(await bankFor(layout.chapter), layout);
}

class ExamRoom extends HTMLElement {
  #store = deviceStore();
  #shown: Screen = 'start';
  #historyRun = 0;

  get #desk(): AttemptDesk {
    return ref<AttemptDesk>(this, 'desk');
  }

  connectedCallback(): void {
    if (!this.#store.persistent) this.#notify([NOT_PERSISTENT]);
    this.#setUpStartForm();
    window.addEventListener('popstate', () => void this.#route());
    window.addEventListener('storage', (event) => this.#onStorage(event));
    void this.#route();
  }

  async #route(): Promise<void> {
    const params = new URLSearchParams(location.search);
    const id = params.get('attempt');
    if (id === null) {
      this.#showStart(params);
      return;
    }
    try {
      await this.#openAttempt(id);
    } catch (error) {
      this.#notifyText(`无法打开这次考试：${errorText(error)}`);
      this.#showStart(new URLSearchParams());
    }
  }

  /** Switches screens; the desk, if it was open, stops its clock and shortcuts first. */
  #show(screen: Screen): void {
    if (!this.#desk.hidden) this.#desk.close();
    this.#shown = screen;
    for (const section of this.querySelectorAll<HTMLElement>('[data-screen]')) section.hidden = section.dataset['screen'] !== screen;
  }

  #screen(name: Screen): HTMLElement {
    const section = this.querySelector<HTMLElement>(`[data-screen="${name}"]`);
    if (!section) throw new Error(`exam page markup lacks the ${name} screen`);
    return section;
  }

  // ── Notices ──────────────────────────────────────────────────────────

  #notify(problems: readonly StorageProblem[]): void {
    addNotices(ref(this, 'notices'), describeStorageProblems(problems));
  }

  /** Shows a message once; in-memory answers are never touched by a failed save, only reported. */
  #notifyText(text: string): void {
    addNotices(ref(this, 'notices'), [text]);
  }

  // ── Start screen ────────────────────────────────────────────────────

  #setUpStartForm(): void {
    const start = this.#screen('start');
    const form = ref<HTMLFormElement>(start, 'start-form');
    const pick = ref(start, 'chapter-pick');
    const syncChapterPick = () => {
      const checked = form.querySelector<HTMLInputElement>('input[name="blueprint"]:checked');
      pick.hidden = !checked?.hasAttribute('data-per-chapter');
    };
    form.addEventListener('change', syncChapterPick);
    syncChapterPick();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const blueprint = data.get('blueprint');
      const chapter = data.get('chapter');
      if (typeof blueprint === 'string') void this.#begin(blueprint, typeof chapter === 'string' ? chapter : null);
    });
  }

  #showStart(params: URLSearchParams): void {
    this.#show('start');
    const start = this.#screen('start');
    const form = ref<HTMLFormElement>(start, 'start-form');
    const wanted = params.get('blueprint');
    const radio = [...form.querySelectorAll<HTMLInputElement>('input[name="blueprint"]')].find((input) => input.value === wanted);
    if (radio) radio.checked = true;
    const chapter = params.get('chapter');
    const select = form.querySelector('select');
    if (select && chapter && [...select.options].some((option) => option.value === chapter)) select.value = chapter;
    form.dispatchEvent(new Event('change'));
    void this.#renderHistory();
  }

  async #begin(blueprintId: string, chapter: string | null): Promise<void> {
    const status = ref(this.#screen('start'), 'start-status');
    status.textContent = '正在组卷……';
    try {
      const catalog = await loadCatalog();
      const blueprint = catalog.blueprints.find((b) => b.id === blueprintId);
      if (!blueprint) throw new Error(`没有名为 ${blueprintId} 的试卷`);
      const pickedChapter = blueprint.perChapter ? chapter : null;
      const seed = randomHex(8);
      const paper: AnyPaper = isWrittenBlueprint(blueprint)
        ? drawWrittenPaper((await loadBank()).cases, blueprint, seed)
        : drawPaper(await bankFor(pickedChapter), blueprint, seed, { chapter: pickedChapter ?? undefined });
      const id = `${Date.now().toString(36)}-${randomHex(4)}`;
      const { session, problems } = AttemptSession.begin(this.#store, id, paper, Date.now(), SESSION_OPTIONS);
      this.#notify(problems);
      status.textContent = '';
      history.pushState(null, '', `/exam/?attempt=${encodeURIComponent(id)}`);
      this.#enterDesk(session, catalog);
    } catch (error) {
      status.textContent = `无法开始考试：${errorText(error)}`;
    }
  }

  /** Past attempts, newest first; attempts whose time ran out while the page was closed are submitted now. */
  async #renderHistory(): Promise<void> {
    const run = ++this.#historyRun;
    const start = this.#screen('start');
    const container = ref(start, 'history');
    const resume = ref(start, 'resume-notice');
    const { progress, problems } = loadProgress(this.#store);
    this.#notify(problems);
    const entries = examHistory(progress.attempts);
    if (entries.length === 0) {
      resume.hidden = true;
      container.replaceChildren(paragraph('还没有考试记录。选一份试卷，点“开始考试”吧。', 'meta'));
      return;
    }
    let catalog: Catalog;
    try {
      catalog = await loadCatalog();
    } catch (error) {
      container.replaceChildren(paragraph(`无法加载试卷信息：${errorText(error)}`, 'notice'));
      return;
    }
    const rows = await Promise.all(entries.map(async (entry) => ({ entry, ...(await this.#historyRow(entry, catalog)) })));
    if (run !== this.#historyRun || this.#shown !== 'start') return;
    // The skills paper is kept apart from the theory papers: its score is the learner's own marking.
    const groups: [string, typeof rows][] = [
      ['理论知识', rows.filter((row) => row.entry.record.layout.kind !== 'written')],
      ['专业能力（自评）', rows.filter((row) => row.entry.record.layout.kind === 'written')],
    ];
    container.replaceChildren(
      ...groups
        .filter(([, list]) => list.length > 0)
        .flatMap(([heading, list]) => {
          const ol = el('ol');
          ol.append(...list.map((row) => row.li));
          return [el('h3', 'history-group', heading), ol];
        }),
    );

    const open = rows.find((row) => row.resumable);
    resume.hidden = !open;
    if (open) resume.replaceChildren(...open.resumeNotice);
  }

  async #historyRow(entry: ExamEntry, catalog: Catalog): Promise<{ li: HTMLLIElement; resumable: boolean; resumeNotice: Node[] }> {
    const chapterTitles = new Map(catalog.chapters.map((c) => [c.id, c.title]));
    const { record } = entry;
    const name = paperName(record.layout, chapterTitles);
    const href = `/exam/?attempt=${encodeURIComponent(record.id)}`;
    const li = el('li');
    const title = paragraph(name, 'history-title');
    const factsLine = paragraph('', 'history-facts');
    li.append(title, factsLine);
    let session: AttemptSession;
    try {
      session = new AttemptSession(this.#store, record, await restore(record.layout), SESSION_OPTIONS);
    } catch (error) {
      // The bank could not be fetched (offline, not cached yet) or no longer holds the paper's questions.
      factsLine.textContent = `${formatDateTime(entry.state.startedAt ?? 0)} · 暂时无法显示这次考试：${errorText(error)}`;
      return { li, resumable: false, resumeNotice: [] };
    }
    const settled = session.settle(Date.now());
    if (settled) this.#notify(settled.problems);
    const { state } = session;
    const facts = [formatDateTime(state.startedAt ?? 0)];
    const score = session.score ?? session.writtenScore;
    if (score) {
      facts.push(`${isWrittenPaper(session.paper) ? '自评 ' : ''}${formatPoints(score.total)} / ${formatPoints(score.maxTotal)} 分`);
      const used = timeUsed(state);
      if (used !== null) facts.push(`用时 ${formatDuration(used)}${state.endedBy === 'timeUp' ? '（时间到自动交卷）' : ''}`);
      factsLine.textContent = `${facts.join(' · ')} · `;
      factsLine.append(el('span', score.passed ? 'pass' : 'fail', score.passed ? '及格 ✓' : '不及格 ✗'));
      li.append(link(href, isWrittenPaper(session.paper) ? '查看作答与自评' : '查看成绩与解析', { context: `${name}，${facts[0]}` }));
      return { li, resumable: false, resumeNotice: [] };
    }
    const remaining = remainingMs(state, Date.now());
    facts.push(remaining === null ? '作答中' : `作答中，剩余 ${formatClock(remaining)}`);
    factsLine.textContent = facts.join(' · ');
    li.append(link(href, '继续作答', { context: `${name}，${facts[0]}` }));
    const notice = [document.createTextNode(`你有一场未交卷的考试：${name}（${facts[1]}）。`), link(href, '继续作答')];
    return { li, resumable: true, resumeNotice: notice };
  }

  // ── An attempt ──────────────────────────────────────────────────────

  async #openAttempt(id: string): Promise<void> {
    const stored = loadAttempt(this.#store, id);
    if (stored.problem) this.#notify([stored.problem]);
    if (!stored.value) {
      this.#notifyText('本设备上没有找到这次考试的记录；可以从下面重新选择试卷。');
      this.#showStart(new URLSearchParams());
      return;
    }
    const [catalog, paper] = await Promise.all([loadCatalog(), restore(stored.value.layout)]);
    const session = new AttemptSession(this.#store, stored.value, paper, SESSION_OPTIONS);
    if (session.state.behaviour !== 'exam') throw new Error('这不是一次模拟考试的记录');
    // Closed past its deadline: submitted as of the deadline, and shown as such.
    const settled = session.settle(Date.now());
    if (settled) this.#notify(settled.problems);
    if (session.state.status === 'submitted') this.#showResults(session, catalog, false);
    else this.#enterDesk(session, catalog);
  }

  #enterDesk(session: AttemptSession, catalog: Catalog): void {
    this.#show('desk');
    this.#desk.open(session, {
      view: isWrittenPaper(session.paper) ? writtenItems : objectiveItems,
      title: paperName(session.paper, new Map(catalog.chapters.map((c) => [c.id, c.title]))),
      onEnded: () => this.#showResults(session, catalog, true),
      onProblems: (problems) => this.#notify(problems),
    });
  }

  #showResults(session: AttemptSession, catalog: Catalog, moveFocus: boolean): void {
    if (isWrittenPaper(session.paper)) {
      this.#showSkillsResults(session as AttemptSession<WrittenPaper>, catalog, moveFocus);
      return;
    }
    this.#show('results');
    const results = this.#screen('results');
    renderResults(results, session as AttemptSession<Paper>, catalog);
    if (moveFocus) ref(results, 'results-title').focus();
  }

  #showSkillsResults(session: AttemptSession<WrittenPaper>, catalog: Catalog, moveFocus: boolean): void {
    this.#show('skills-results');
    const results = this.#screen('skills-results');
    renderSkillsResults(results, session, {
      title: paperName(session.paper, new Map(catalog.chapters.map((c) => [c.id, c.title]))),
      onProblems: (problems) => this.#notify(problems),
      sectionLink: (chapter, section) => sectionLink(catalog.chapters, chapter, section),
    });
    if (moveFocus) ref(results, 'skills-title').focus();
  }

  /** Another tab saved an attempt: the history list on the start screen follows (the desk merges its own). */
  #onStorage(event: StorageEvent): void {
    if (this.#shown === 'start' && touchesAttempt(event.key)) void this.#renderHistory();
  }
}

customElements.define('exam-room', ExamRoom);
