/**
 * `<trainer-runner>`: a learner takes an assignment. The link's fragment is decoded strictly (a
 * broken link gets its message and nothing else) and checked against the site before anyone types
 * a name. The paper is drawn from the assignment's seed (and the learner's name, for a paper per
 * learner) and taken on the site's one attempt runner, `<attempt-desk>`, exactly as the mock exam
 * is: clock and warnings, saved at every step, merged with another tab, time-up. After submitting:
 * the score, the result code to send back, and the answers when the trainer allows them.
 * Everything from the link is shown with textContent.
 */
import { AttemptSession, assignmentAttemptId, isWrittenPaper, loadAttempt, replay, restorePaper, restoreWrittenPaper, touchesAttempt } from '../../quiz/index.ts';
import type { AnyPaper, AttemptRecord, StorageProblem } from '../../quiz/index.ts';
import {
  checkAssignment,
  chaptersToLoad,
  decodeAssignment,
  drawAssignment,
  isWrittenAssignment,
  learnerKey,
  mixTotal,
  VARIANT_NAMES,
  type AssignmentSpec,
} from '../../quiz/trainer/index.ts';
import { SITE_NAME } from '../../site.ts';
import { loadBank, loadCatalog, type Bank, type Catalog } from '../../ui/content.ts';
import { describeStorageProblems, deviceStore, NOT_PERSISTENT } from '../../ui/device-store.ts';
import { el, errorText, ref, showFieldError } from '../../ui/dom.ts';
import type { AttemptDesk } from '../attempt/attempt-desk.ts';
import type { ItemView } from '../attempt/item-view.ts';
import { renderReadingList } from './reading-list.ts';
import { loadTaken, saveTaken, type TakenAttempt } from './learner-store.ts';
import { dueText, isPastDue, learnerNameProblem, readFragment, rulesText } from './text.ts';

type Screen = 'start' | 'desk' | 'result';

/** An assignment is the trainer's to mark: its answers do not feed the learner's 错题本. */
const SESSION_OPTIONS = { recordMarks: null };

class TrainerRunner extends HTMLElement {
  #store = deviceStore();
  #spec: AssignmentSpec | null = null;
  #catalog: Catalog | null = null;
  #bank: Bank = { questions: [], cases: [] };
  #taken: TakenAttempt | null = null;
  #session: AttemptSession | null = null;
  /** A skills paper: its reference answers are shown after hand-in whatever `showAnswers` says. */
  #written = false;

  get #desk(): AttemptDesk {
    return ref<AttemptDesk>(this, 'desk');
  }

  connectedCallback(): void {
    // A different link in the same tab is a different assignment: start over from it.
    window.addEventListener('hashchange', () => location.reload());
    window.addEventListener('storage', (event) => this.#onStorage(event));
    if (!this.#store.persistent) this.#notify([NOT_PERSISTENT]);
    this.#bindStartForm();
    ref(this, 'again').addEventListener('click', () => this.#again());
    void this.#open();
  }

  #fail(message: string): void {
    ref(this, 'loading').hidden = true;
    const problem = ref(this, 'problem');
    problem.textContent = message;
    problem.hidden = false;
  }

  #notify(problems: readonly StorageProblem[]): void {
    this.#notifyText(describeStorageProblems(problems).join(' '));
  }

  #notifyText(message: string): void {
    if (message === '') return;
    const notice = ref(this, 'storage-notice');
    notice.textContent = message;
    notice.hidden = false;
  }

  /** Shows one screen; the desk, if it was open, stops its clock and shortcuts first. */
  #show(screen: Screen): void {
    const desk = this.#desk;
    // Until the learner starts, the desk's code has not loaded and the element has no methods.
    if (!desk.hidden && 'close' in desk) desk.close();
    for (const section of this.querySelectorAll<HTMLElement>('[data-screen]')) section.hidden = section.dataset['screen'] !== screen;
    // The reading list is for before the paper: hidden during it, folded away under the result.
    const reading = ref<HTMLDetailsElement>(this, 'reading');
    reading.hidden = screen === 'desk';
    reading.open = screen === 'start';
  }

  async #open(): Promise<void> {
    const { code } = readFragment(location.hash);
    if (code === null || code === '') {
      this.#fail('没有找到作业：请打开培训师发来的完整作业链接（链接中 #a= 后面的部分不能缺少）。');
      return;
    }
    const decoded = decodeAssignment(code);
    if (!decoded.ok) {
      this.#fail(`这个作业链接打不开：${decoded.error.message}。请向培训师重新要一次链接，或从聊天记录中完整复制。`);
      return;
    }
    const spec = decoded.value;
    this.#spec = spec;
    this.#showAssignment(spec, null);

    let catalog: Catalog;
    try {
      catalog = await loadCatalog();
      this.#bank = await loadBank(chaptersToLoad(spec, catalog.chapters));
    } catch (error) {
      this.#fail(`题库没能加载：${errorText(error)}。请检查网络后刷新页面。`);
      return;
    }
    this.#catalog = catalog;
    ref(this, 'loading').hidden = true;
    this.#written = isWrittenAssignment(spec, catalog.blueprints);
    this.#showAssignment(spec, mixTotal(spec, catalog.blueprints), this.#written);
    renderReadingList(ref(this, 'reading-list'), ref(this, 'reading-status'), spec, catalog, this.#store, (message) => this.#notifyText(message));
    // Everything the link names is checked against the site now, before anyone types a name.
    const check = checkAssignment(spec, catalog, this.#bank);
    const stale = ref(this, 'stale');
    stale.replaceChildren(
      el('p', undefined, check.paper.ok ? '这个作业链接里有些内容本站已经没有了，试卷按还在的内容出题：' : '这份作业现在无法组卷，请告诉培训师（题库可能已经更新）：'),
      ...check.problems.map((problem) => el('p', undefined, problem)),
    );
    stale.hidden = check.problems.length === 0;

    const last = loadTaken(this.#store, spec.id).at(-1);
    if (last && this.#resume(last)) return;
    // An attempt already begun resumes from its stored layout; a new one needs a paper.
    if (check.paper.ok) this.#showStart(last?.learner ?? '', '');
  }

  /** Reopens the device's last attempt at this assignment; false when there is none to reopen. */
  #resume(taken: TakenAttempt): boolean {
    const stored = loadAttempt(this.#store, taken.id);
    if (stored.problem) this.#notify([stored.problem]);
    if (!stored.value) return false;
    let session: AttemptSession;
    try {
      session = new AttemptSession(this.#store, stored.value, this.#restore(stored.value), SESSION_OPTIONS);
    } catch (error) {
      this.#fail(`无法恢复上次的作答：${errorText(error)}`);
      return true;
    }
    this.#taken = taken;
    // Closed past its time limit: submitted as of the limit, and shown as such.
    const settled = session.settle(Date.now());
    if (settled) this.#notify(settled.problems);
    if (session.state.status === 'submitted') void this.#showResult(session, false);
    else void this.#enterDesk(session);
    return true;
  }

  #restore(record: AttemptRecord): AnyPaper {
    return record.layout.kind === 'written' ? restoreWrittenPaper(this.#bank.cases, record.layout) : restorePaper(this.#bank.questions, record.layout);
  }

  #showAssignment(spec: AssignmentSpec, items: number | null, written = false): void {
    ref(this, 'a-title').textContent = `作业：${spec.title}`;
    document.title = `${spec.title} · 作业 · ${SITE_NAME}`;
    const rows: [string, string][] = [
      ['培训师', spec.trainer],
      ['截止', isPastDue(spec, Date.now()) ? `${dueText(spec)}（已过截止时间，仍可提交，但会标为逾期）` : dueText(spec)],
      ['要求', rulesText(spec, items, written)],
      ['试卷', VARIANT_NAMES[spec.variant]],
      ['答案', written ? '交卷后显示参考答案和得分点，用来自评' : spec.showAnswers ? '交卷后可以看到答案和解析' : '交卷后只显示成绩，不显示答案'],
    ];
    ref(this, 'facts').replaceChildren(...rows.flatMap(([term, value]) => [el('dt', undefined, term), el('dd', undefined, value)]));
    const note = ref(this, 'note');
    note.textContent = spec.note;
    note.hidden = spec.note === '';
    ref(this, 'assignment').hidden = false;
  }

  // ── Start ───────────────────────────────────────────────────────────

  #bindStartForm(): void {
    const form = ref<HTMLFormElement>(this, 'start-form');
    const input = ref<HTMLInputElement>(this, 'name');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const problem = learnerNameProblem(input.value) ?? this.#retakeProblem(input.value);
      showFieldError(form, input, problem ? [problem] : []);
      if (problem) {
        input.focus();
        return;
      }
      this.#start(input.value.trim());
    });
  }

  #showStart(name: string, extra: string): void {
    const spec = this.#spec;
    if (!spec) return;
    this.#show('start');
    this.#session = null;
    ref<HTMLInputElement>(this, 'name').value = name;
    ref(this, 'start-hint').textContent =
      (spec.minutes > 0 ? `点“开始作答”后开始计时 ${spec.minutes} 分钟，时间到会自动交卷。` : '不限时。') +
      (spec.variant === 'per-learner' ? '每人的试卷按姓名抽题，请填写真实姓名，交卷前不要更改。' : '') +
      extra;
  }

  /**
   * The roster counts a learner's latest submission, so once the answers have been shown, taking
   * the paper again under the same name would be copying from them.
   */
  #retakeProblem(name: string): string | null {
    const spec = this.#spec;
    if (!spec || !this.#answersShown(spec)) return null;
    const key = learnerKey(name.trim());
    const submitted = loadTaken(this.#store, spec.id).some((taken) => {
      if (learnerKey(taken.learner) !== key) return false;
      const stored = loadAttempt(this.#store, taken.id).value;
      return stored !== null && replay(stored.steps).status === 'submitted';
    });
    return submitted ? '这个姓名已经在本设备上交过卷并看过答案，不能再做一次；如需重做，请联系培训师。' : null;
  }

  #start(learner: string): void {
    const spec = this.#spec;
    const catalog = this.#catalog;
    if (!spec || !catalog) return;
    let paper: AnyPaper;
    try {
      paper = drawAssignment(spec, this.#bank, catalog.blueprints, learner);
    } catch (error) {
      this.#fail(`这份作业现在无法组卷（${errorText(error)}）。请告诉培训师，题库可能已经更新。`);
      return;
    }
    const taken: TakenAttempt = { id: assignmentAttemptId(spec.id, Date.now()), learner };
    const saved = saveTaken(this.#store, spec.id, taken);
    if (!saved.ok) this.#notifyText(saved.message);
    const { session, problems } = AttemptSession.begin(this.#store, taken.id, paper, Date.now(), SESSION_OPTIONS);
    this.#notify(problems);
    this.#taken = taken;
    void this.#enterDesk(session);
  }

  #answersShown(spec: AssignmentSpec): boolean {
    return spec.showAnswers || this.#written;
  }

  #again(): void {
    const spec = this.#spec;
    if (!spec) return;
    const shown = this.#answersShown(spec);
    this.#showStart(
      shown ? '' : (this.#taken?.learner ?? ''),
      shown ? '同一设备上的另一位学员可以在这里作答。' : '重新作答会生成新的结果码；培训师按每人最新一次提交登记成绩。',
    );
    ref(this, 'start-title').focus();
  }

  // ── The paper and the result ────────────────────────────────────────

  async #enterDesk(session: AttemptSession): Promise<void> {
    const spec = this.#spec;
    const taken = this.#taken;
    if (!spec || !taken) return;
    // The desk loads when the paper starts, not with the page; a skills paper's text areas only for one.
    let view: ItemView;
    try {
      await import('../attempt/attempt-desk.ts');
      view = isWrittenPaper(session.paper) ? (await import('../attempt/written-items.ts')).writtenItems : (await import('../attempt/item-view.ts')).objectiveItems;
    } catch (error) {
      this.#notifyText(`答题页面没能加载（${errorText(error)}）：请检查网络后刷新本页，作答会从上次保存的地方继续。`);
      return;
    }
    this.#show('desk');
    this.#session = session;
    this.#desk.open(session, {
      view,
      title: `${spec.title}（${taken.learner}）`,
      onEnded: () => void this.#showResult(session, true),
      onProblems: (problems) => this.#notify(problems),
    });
  }

  /** The result screen loads with its first use: the result codec, the review, self-marking. */
  async #showResult(session: AttemptSession, moveFocus: boolean): Promise<void> {
    const spec = this.#spec;
    const catalog = this.#catalog;
    const taken = this.#taken;
    if (!spec || !catalog || !taken) return;
    this.#show('result');
    this.#session = session;
    let screen: typeof import('./runner-result.ts');
    try {
      screen = await import('./runner-result.ts');
    } catch (error) {
      this.#notifyText(`成绩页面没能加载（${errorText(error)}）：作答已保存在本设备上，请检查网络后刷新本页。`);
      return;
    }
    screen.renderResult(ref(this, 'result'), { spec, catalog, learner: taken.learner, session, onProblems: (problems) => this.#notify(problems) }, moveFocus);
  }

  /** Another tab saved this attempt after hand-in (its 得分点 ticks): show the result as it now stands. The desk merges its own. */
  #onStorage(event: StorageEvent): void {
    const session = this.#session;
    if (!session || !this.#desk.hidden || !touchesAttempt(event.key, session.id)) return;
    const { changed, problems } = session.pull();
    this.#notify(problems);
    if (changed && session.state.status === 'submitted') void this.#showResult(session, false);
  }
}

customElements.define('trainer-runner', TrainerRunner);
