/**
 * `<trainer-runner>`: a learner takes an assignment. The link's fragment is decoded strictly (a
 * broken link gets its message and nothing else); the paper is drawn from the assignment's seed
 * (and the learner's name, for a variant per learner) and taken with the engine's exam behaviour:
 * timed from wall-clock timestamps and saved after every step, so a reload resumes with the right
 * time left. After submitting: the score, the review when the trainer allows it, and the result
 * code to send back. Everything from the link is shown with textContent.
 */
import { record, remainingMs, replay, settle, startAttempt, type Attempt, type AttemptStep } from '../quiz/attempt.ts';
import { feedbackFor } from '../quiz/behaviours.ts';
import { layoutOf, PaperDrawError, restorePaper, type Paper } from '../quiz/draw.ts';
import type { ObjectiveType } from '../quiz/models.ts';
import { scorePaper } from '../quiz/scoring.ts';
import { loadAttempt, saveAttempt } from '../quiz/progress-entries.ts';
import { decodeAssignment, dueDeadline, type AssignmentSpec } from '../quiz/trainer/assignment.ts';
import { encodeResult, learnerKey } from '../quiz/trainer/result.ts';
import { SITE_NAME } from '../site.ts';
import { loadBank, loadCatalog, sectionUrl, type Catalog } from '../ui/content.ts';
import { describeStorageProblem, deviceStore } from '../ui/device-store.ts';
import { renderQuestion, renderReviewed } from '../ui/question-view.ts';
import { bindCopy, download, el, link, qrCode, showFieldError } from './trainer-dom.ts';
import { moduleLabel, readingList } from './trainer-modules.ts';
import { checkAssignment, chaptersToLoad } from '../quiz/trainer/check.ts';
import { drawAssignmentPaper, mixTotal, resultOf, UnknownBlueprintError } from '../quiz/trainer/paper.ts';
import { loadRead, loadTaken, saveRead, saveTaken, type TakenAttempt } from './trainer-store.ts';
import {
  beijingTime,
  dueText,
  fileName,
  formatClock,
  formatDuration,
  formatPoints,
  isPastDue,
  learnerNameProblem,
  readFragment,
  rulesText,
  VARIANT_NAMES,
} from './trainer-text.ts';

const TYPE_HEADINGS: Record<ObjectiveType, string> = { single: '单项选择题', multiple: '多项选择题', judge: '判断题' };
const NUMERALS = '一二三四五六七八九十';
/** Warn as the clock runs down, once each. */
const WARN_AT_MS = [5 * 60_000, 60_000];

interface Running {
  taken: TakenAttempt;
  paper: Paper;
  attempt: Attempt;
}

class TrainerRunner extends HTMLElement {
  #spec: AssignmentSpec | null = null;
  #catalog: Catalog | null = null;
  #questions: Awaited<ReturnType<typeof loadBank>>['questions'] = [];
  #running: Running | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #warned = new Set<number>();

  connectedCallback() {
    // A different link in the same tab is a different assignment: start over from it.
    window.addEventListener('hashchange', () => location.reload());
    void this.#open();
  }

  #part<T extends HTMLElement>(selector: string): T {
    const node = this.querySelector<T>(selector);
    if (!node) throw new Error(`trainer-runner: missing ${selector}`);
    return node;
  }

  #fail(message: string): void {
    this.#part('.loading').hidden = true;
    const problem = this.#part('.problem');
    problem.textContent = message;
    problem.hidden = false;
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
    this.#showAssignment(spec);

    let catalog: Catalog;
    try {
      catalog = await loadCatalog();
      this.#questions = (await loadBank(chaptersToLoad(spec, catalog.chapters))).questions;
    } catch {
      this.#fail('题库没能加载：请检查网络后刷新页面。');
      return;
    }
    this.#catalog = catalog;
    this.#part('.loading').hidden = true;
    this.#showFacts(spec, mixTotal(spec, catalog.blueprints));
    this.#showReading(spec, catalog);
    // Everything the link names is checked against the site now, before anyone types a name.
    const check = checkAssignment(spec, catalog, this.#questions);
    const stale = this.#part('.stale');
    stale.replaceChildren(
      el('p', undefined, check.paper.ok ? '这个作业链接里有些内容本站已经没有了，试卷按还在的内容出题：' : '这份作业现在无法组卷，请告诉培训师（题库可能已经更新）：'),
      ...check.problems.map((problem) => el('p', undefined, problem)),
    );
    stale.hidden = check.problems.length === 0;

    const kv = deviceStore();
    const last = loadTaken(kv, spec.id).at(-1);
    if (last) {
      const stored = loadAttempt(kv, last.id);
      if (stored.problem) this.#storageProblem(describeStorageProblem(stored.problem));
      if (stored.value) {
        let paper: Paper;
        try {
          paper = restorePaper(this.#questions, stored.value.layout);
        } catch (error) {
          this.#fail(`无法恢复上次的作答：${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        const steps = settle(stored.value.steps, Date.now());
        this.#running = { taken: last, paper, attempt: { steps, state: replay(steps) } };
        if (steps.length !== stored.value.steps.length) this.#persist();
        if (this.#running.attempt.state.status === 'submitted') this.#showResult(false);
        else this.#showExam(false);
        return;
      }
    }
    // An attempt already begun resumes from its stored layout; a new one needs a paper.
    if (!check.paper.ok) return;
    this.#showStart(last?.learner ?? '');
  }

  #showAssignment(spec: AssignmentSpec): void {
    this.#part('.a-title').textContent = `作业：${spec.title}`;
    document.title = `${spec.title} · 作业 · ${SITE_NAME}`;
    this.#showFacts(spec, null);
    const note = this.#part('.note');
    note.textContent = spec.note;
    note.hidden = spec.note === '';
    this.#part('.assignment').hidden = false;
  }

  #showFacts(spec: AssignmentSpec, questions: number | null): void {
    const facts = this.#part<HTMLDListElement>('.facts');
    const rows: [string, string][] = [
      ['培训师', spec.trainer],
      ['截止', isPastDue(spec, Date.now()) ? `${dueText(spec)}（已过截止时间，仍可提交，但会标为逾期）` : dueText(spec)],
      ['要求', rulesText(spec, questions)],
      ['试卷', VARIANT_NAMES[spec.variant]],
      ['答案', spec.showAnswers ? '交卷后可以看到答案和解析' : '交卷后只显示成绩，不显示答案'],
    ];
    facts.replaceChildren(...rows.flatMap(([term, value]) => [el('dt', undefined, term), el('dd', undefined, value)]));
  }

  #showReading(spec: AssignmentSpec, catalog: Catalog): void {
    const box = this.#part('.reading-list');
    const status = this.#part('.reading-status');
    if (spec.modules.length === 0) {
      box.replaceChildren(el('p', undefined, '本作业覆盖全部章节。'), link('/', '去章节目录'));
      status.textContent = '';
      return;
    }
    const kv = deviceStore();
    const read = loadRead(kv, spec.id);
    const chapters = readingList(spec.modules, catalog.chapters);
    const total = chapters.reduce((sum, c) => sum + c.sections.length, 0);
    const update = () => {
      status.textContent = `建议作答前先读完下面的小节，读完一节勾一节（已读 ${[...read].filter((k) => chapters.some((c) => c.sections.some((s) => `${c.chapter}#${s.id}` === k))).length} / ${total}）。`;
    };
    const nodes = chapters.map((chapter) => {
      const part = el('div');
      const heading = el('h3');
      heading.append(link(`/chapters/${chapter.chapter}/`, chapter.whole ? `${chapter.title}（整章）` : chapter.title));
      const list = el('ul');
      for (const section of chapter.sections) {
        const key = `${chapter.chapter}#${section.id}`;
        const item = el('li');
        const label = el('label');
        const box = el('input');
        box.type = 'checkbox';
        box.checked = read.has(key);
        box.addEventListener('change', () => {
          if (box.checked) read.add(key);
          else read.delete(key);
          const saved = saveRead(kv, spec.id, read);
          if (!saved.ok) this.#storageProblem(saved.message);
          update();
        });
        label.append(box, el('span', undefined, section.title));
        const go = link(sectionUrl(chapter.chapter, section.id), '阅读');
        go.append(el('span', 'visually-hidden', `：${moduleLabel(key, catalog.chapters)}`));
        item.append(label, go);
        list.append(item);
      }
      part.append(heading, list);
      return part;
    });
    box.replaceChildren(...nodes);
    update();
  }

  #storageProblem(message: string): void {
    const notice = this.#part('.storage-notice');
    notice.textContent = message;
    notice.hidden = false;
  }

  #showStart(name: string): void {
    const spec = this.#spec;
    if (!spec) return;
    const section = this.#part('.start');
    const form = this.#part<HTMLFormElement>('.start-form');
    const input = this.#part<HTMLInputElement>('#tr-name');
    const hint = this.#part('#tr-start-hint');
    input.value = name;
    hint.textContent =
      (spec.minutes > 0 ? `点“开始作答”后开始计时 ${spec.minutes} 分钟，时间到会自动交卷。` : '不限时。') +
      (spec.variant === 'per-learner' ? '每人的试卷按姓名抽题，请填写真实姓名，交卷前不要更改。' : '');
    section.hidden = false;
    this.#part('.reading').hidden = false;
    this.#part('.exam').hidden = true;
    this.#part('.result').hidden = true;
    if (form.dataset['bound']) return;
    form.dataset['bound'] = '1';
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

  /**
   * The roster counts a learner's latest submission, so once the answers have been shown, taking
   * the paper again under the same name would be copying from them.
   */
  #retakeProblem(name: string): string | null {
    const spec = this.#spec;
    if (!spec?.showAnswers) return null;
    const key = learnerKey(name.trim());
    const kv = deviceStore();
    const submitted = loadTaken(kv, spec.id).some((taken) => {
      if (learnerKey(taken.learner) !== key) return false;
      const stored = loadAttempt(kv, taken.id).value;
      return stored !== null && replay(stored.steps).status === 'submitted';
    });
    return submitted ? '这个姓名已经在本设备上交过卷并看过答案，不能再做一次；如需重做，请联系培训师。' : null;
  }

  #start(learner: string): void {
    const spec = this.#spec;
    const catalog = this.#catalog;
    if (!spec || !catalog) return;
    let paper: Paper;
    try {
      paper = drawAssignmentPaper(spec, this.#questions, catalog.blueprints, learner);
    } catch (error) {
      if (error instanceof PaperDrawError || error instanceof UnknownBlueprintError) {
        this.#fail(`这份作业现在无法组卷（${error.message}）。请告诉培训师，题库可能已经更新。`);
        return;
      }
      throw error;
    }
    const taken: TakenAttempt = { id: `trainer-${spec.id}-${Date.now().toString(36)}`, learner };
    const attempt = startAttempt({ behaviour: 'exam', itemCount: paper.items.length, timeLimitMs: spec.minutes * 60_000 }, Date.now());
    this.#running = { taken, paper, attempt };
    const saved = saveTaken(deviceStore(), spec.id, taken);
    if (!saved.ok) this.#storageProblem(saved.message);
    this.#persist();
    this.#showExam(true);
  }

  /** Saves the attempt; steps another tab saved are merged in, and may have ended it. */
  #persist(): void {
    const running = this.#running;
    if (!running) return;
    const saved = saveAttempt(deviceStore(), { id: running.taken.id, layout: layoutOf(running.paper), steps: running.attempt.steps });
    if (!saved.ok) {
      this.#storageProblem(saved.problems.map(describeStorageProblem).join(' '));
      return;
    }
    if (saved.saved.steps.length !== running.attempt.steps.length) {
      running.attempt = { steps: saved.saved.steps, state: replay(saved.saved.steps) };
    }
  }

  #step(step: AttemptStep): void {
    const running = this.#running;
    if (!running) return;
    const result = record(running.attempt, step);
    if (result.rejected === 'time-up') return this.#timeUp();
    if (result.rejected !== null) return;
    running.attempt = result.attempt;
    this.#persist();
    if (running.attempt.state.status === 'submitted') this.#showResult(true);
    else this.#showProgress();
  }

  #showExam(focus: boolean): void {
    const running = this.#running;
    if (!running) return;
    const { paper, attempt } = running;
    this.#part('.start').hidden = true;
    this.#part('.result').hidden = true;
    // The reading list is for before the paper; during it, the paper comes first.
    this.#part('.reading').hidden = true;
    const exam = this.#part('.exam');
    exam.hidden = false;
    this.#part('#tr-exam-title').textContent = `作答（${running.taken.learner}）`;

    const container = this.#part('.questions');
    const nodes: HTMLElement[] = [];
    let group = '';
    let groups = 0;
    paper.items.forEach((item, index) => {
      const part = paper.parts[item.part];
      const key = `${item.part}:${item.question.type}`;
      if (key !== group) {
        group = key;
        const prefix = paper.parts.length > 1 && part ? `${part.title} · ` : '';
        nodes.push(el('h3', undefined, `${NUMERALS[groups] ?? groups + 1}、${prefix}${TYPE_HEADINGS[item.question.type]}`));
        groups++;
      }
      const fieldset = renderQuestion(item.question, {
        number: index + 1,
        chosen: attempt.state.responses[index] ?? [],
        disabled: false,
        onChange: (choice) => this.#step({ kind: 'answer', at: Date.now(), item: index, choice }),
        multiplePolicy: paper.multiplePolicy,
      });
      nodes.push(fieldset);
    });
    container.replaceChildren(...nodes);

    const submit = this.#part<HTMLButtonElement>('.submit');
    const confirm = this.#part('.confirm');
    confirm.hidden = true;
    if (!submit.dataset['bound']) {
      submit.dataset['bound'] = '1';
      submit.addEventListener('click', () => {
        const state = this.#running?.attempt.state;
        if (!state) return;
        const unanswered = state.itemCount - Object.keys(state.responses).length;
        this.#part('.confirm-text').textContent =
          unanswered > 0 ? `还有 ${unanswered} 题没有作答。交卷后不能再修改，确定交卷吗？` : '已全部作答。交卷后不能再修改，确定交卷吗？';
        confirm.hidden = false;
        this.#part('.confirm-text').focus();
      });
      this.#part('.confirm-submit').addEventListener('click', () => this.#step({ kind: 'submit', at: Date.now() }));
      this.#part('.cancel-submit').addEventListener('click', () => {
        confirm.hidden = true;
        submit.focus();
      });
    }
    this.#showProgress();
    this.#startClock();
    if (focus) this.#part('#tr-exam-title').focus();
  }

  #showProgress(): void {
    const state = this.#running?.attempt.state;
    if (!state) return;
    this.#part('.progress').textContent = `已答 ${Object.keys(state.responses).length} / ${state.itemCount} 题`;
  }

  #startClock(): void {
    clearInterval(this.#timer);
    const timer = this.#part('.timer');
    const alert = this.#part('.sr-alert');
    const tick = () => {
      const state = this.#running?.attempt.state;
      if (!state || state.status !== 'in-progress') return clearInterval(this.#timer);
      const left = remainingMs(state, Date.now());
      if (left === null) {
        timer.textContent = '不限时';
        return clearInterval(this.#timer);
      }
      timer.textContent = `剩余时间 ${formatClock(left)}`;
      timer.classList.toggle('is-low', left <= WARN_AT_MS[0]!);
      for (const at of WARN_AT_MS) {
        if (left <= at && left > 0 && !this.#warned.has(at)) {
          this.#warned.add(at);
          alert.textContent = `还剩 ${Math.round(at / 60_000)} 分钟，时间到会自动交卷。`;
        }
      }
      if (left === 0) this.#timeUp();
    };
    tick();
    this.#timer = setInterval(tick, 1000);
  }

  #timeUp(): void {
    const running = this.#running;
    if (!running) return;
    clearInterval(this.#timer);
    const steps = settle(running.attempt.steps, Date.now());
    running.attempt = { steps, state: replay(steps) };
    this.#persist();
    this.#showResult(true);
  }

  #showResult(focus: boolean): void {
    const running = this.#running;
    const spec = this.#spec;
    const catalog = this.#catalog;
    if (!running || !spec || !catalog) return;
    clearInterval(this.#timer);
    const { paper, attempt, taken } = running;
    const { state } = attempt;
    this.#part('.start').hidden = true;
    this.#part('.exam').hidden = true;
    this.#part('.questions').replaceChildren();
    this.#part('.reading').hidden = false;
    this.#part('.result').hidden = false;

    const score = scorePaper(paper, state.responses);
    const result = resultOf(spec, paper, state, taken.learner);
    let code = '';
    try {
      code = encodeResult(result);
    } catch {
      // The one way a real attempt fails the code's rules: a device clock set years wrong.
      this.#storageProblem(`无法生成结果码：这台设备的日期时间（${beijingTime(result.submittedAt)}）似乎不对。请把系统时间改正后刷新本页；如果仍然不行，请把本页成绩截图发给培训师。`);
    }
    const deadline = dueDeadline(spec);
    const late = deadline !== null && result.submittedAt >= deadline;

    this.#part('#tr-result-title').textContent = `成绩（${taken.learner}）`;
    this.#part('.score').textContent = `${formatPoints(score.total)} 分（满分 ${formatPoints(score.maxTotal)}）`;
    const verdict = this.#part('.outcome');
    verdict.replaceChildren(
      el('span', score.passed ? 'pass' : 'fail', score.passed ? '及格' : '未及格'),
      `（及格线 ${formatPoints(score.passMark)} 分）· 答对 ${score.items.filter((m) => m.correct).length} / ${score.items.length} 题`,
    );
    const facts = [
      `用时 ${formatDuration(result.submittedAt - result.startedAt)}`,
      `交卷时间 ${beijingTime(result.submittedAt)}（北京时间）`,
      state.endedBy === 'timeUp' ? '时间到，系统已自动交卷' : '',
      late ? '逾期提交' : '',
    ].filter(Boolean);
    this.#part('.result-facts').textContent = facts.join(' · ');

    const bySection = this.#part('.by-section');
    const list = el('ul');
    for (const tally of [...score.bySection].sort((a, b) => a.share - b.share)) {
      const [chapter = '', section = ''] = tally.key.split('#');
      const item = el('li');
      item.append(link(sectionUrl(chapter, section), moduleLabel(tally.key, catalog.chapters)), `：答对 ${tally.right} / ${tally.total} 题`);
      list.append(item);
    }
    bySection.replaceChildren(el('h3', undefined, '各小节答对情况（最需要复习的在前）'), list);

    const codeField = this.#part<HTMLTextAreaElement>('#tr-code');
    codeField.value = code;
    this.#part('.send').hidden = code === '';
    const status = this.#part('.copy-status');
    const copy = this.#part<HTMLButtonElement>('.copy-code');
    const save = this.#part<HTMLButtonElement>('.download-code');
    const showQr = this.#part<HTMLButtonElement>('.show-qr');
    const qrSlot = this.#part('.qr-slot');
    if (!copy.dataset['bound']) {
      copy.dataset['bound'] = '1';
      bindCopy(copy, () => ({ text: codeField.value, field: codeField }), status);
      save.addEventListener('click', () => {
        const learner = this.#running?.taken.learner ?? '';
        download(fileName(['结果码', spec.title, learner], 'txt'), `${codeField.value}\n`);
      });
      showQr.addEventListener('click', () => {
        const open = qrSlot.hidden;
        qrSlot.hidden = !open;
        showQr.setAttribute('aria-expanded', String(open));
        showQr.textContent = open ? '隐藏二维码' : '显示二维码';
        if (open && qrSlot.dataset['code'] !== codeField.value) {
          qrSlot.dataset['code'] = codeField.value;
          void qrCode(codeField.value, `结果码二维码（${this.#running?.taken.learner ?? ''}）`).then(
            (svg) => qrSlot.replaceChildren(svg),
            () => qrSlot.replaceChildren(el('p', undefined, '二维码生成失败，请复制结果码。')),
          );
        }
      });
      this.#part<HTMLButtonElement>('.again').addEventListener('click', () => {
        this.#part('.result').hidden = true;
        this.#showStart(spec.showAnswers ? '' : (this.#running?.taken.learner ?? ''));
        const again = this.#part('#tr-start-hint');
        again.textContent = `${again.textContent ?? ''}${
          spec.showAnswers ? '同一设备上的另一位学员可以在这里作答。' : '重新作答会生成新的结果码；培训师按每人最新一次提交登记成绩。'
        }`;
        this.#part('#tr-start-title').focus();
      });
    }

    this.#part('.again').textContent = spec.showAnswers ? '换一位学员在本设备作答' : '再做一次或换人作答';
    const review = this.#part('.review');
    if (!spec.showAnswers) {
      review.replaceChildren(el('p', undefined, '培训师设置为交卷后不显示答案和解析。'));
    } else {
      const nodes: HTMLElement[] = [el('h3', undefined, '答案与解析')];
      paper.items.forEach((item, index) => {
        const { chapter, section } = item.question;
        nodes.push(
          ...renderReviewed(
            item.question,
            { number: index + 1, chosen: state.responses[index] ?? [], multiplePolicy: paper.multiplePolicy },
            feedbackFor(paper, state, index),
            { href: sectionUrl(chapter, section), title: moduleLabel(`${chapter}#${section}`, catalog.chapters) },
          ),
        );
      });
      review.replaceChildren(...nodes);
    }
    if (focus) this.#part('#tr-result-title').focus();
  }
}

customElements.define('trainer-runner', TrainerRunner);
