/**
 * `<progress-report>`: the 学习进度 page. Everything is computed on the device from what the device
 * store holds (review records, attempts, case work, 已学完 flags) and the question bank. Export and
 * import are <progress-backup>'s; after an import this page redraws.
 */
import { answerTimes, calendarDay, dueCards, latestAnswers, loadProgress, selfMark, starredQuestions, studyStreak, wrongBook } from '../../quiz/index.ts';
import type { CaseItem, Progress, QuizQuestion, StorageProblem } from '../../quiz/index.ts';
import { loadBank, loadCatalog, type CatalogChapter } from '../../ui/content.ts';
import { describeStorageProblems, deviceStore, NOT_PERSISTENT } from '../../ui/device-store.ts';
import { el, errorText, showNotices } from '../../ui/dom.ts';
import { formatDateTime, formatMonthDay, formatPercent, formatPoints } from '../../ui/format.ts';
import { masteryChartSvg, scoreChartSvg } from './charts.ts';
import { PROGRESS_CHANGED } from './progress-backup.ts';
import {
  chapterMastery,
  masteryChart,
  scoreChart,
  submittedExams,
  type ExamResult,
} from './stats.ts';

const localDay = (at: number) => calendarDay(at, new Date(at).getTimezoneOffset());

/** The learner's own figures, counted only over questions still in the bank. */
interface Counts {
  wrong: number;
  starred: number;
  due: number;
}

function countsOf(progress: Progress, bankIds: ReadonlySet<string>, now: number): Counts {
  const known = (records: readonly { questionId: string }[]) => records.filter((r) => bankIds.has(r.questionId)).length;
  return {
    wrong: known(wrongBook(progress.review)),
    starred: known(starredQuestions(progress.review)),
    due: known(dueCards(progress.review, now)),
  };
}

class ProgressReport extends HTMLElement {
  #store = deviceStore();
  #chapters: CatalogChapter[] = [];
  #questions: QuizQuestion[] = [];
  #cases: CaseItem[] = [];
  #bankIds = new Set<string>();

  connectedCallback() {
    document.addEventListener(PROGRESS_CHANGED, () => this.#render());
    void this.#load();
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.querySelector<T>(selector);
  }

  #showProblems(problems: readonly StorageProblem[], extra: readonly string[] = []) {
    const notice = this.#part('.storage-notice');
    if (notice) showNotices(notice, [...describeStorageProblems(problems), ...extra]);
  }

  async #load() {
    const status = this.#part('.loading');
    let failed: string[] = [];
    try {
      this.#chapters = (await loadCatalog()).chapters;
      // Chapter by chapter, so one missing bank file does not hide every other chapter's figures.
      const banks = await Promise.allSettled(this.#chapters.map((c) => loadBank([c.id])));
      failed = this.#chapters.filter((_, i) => banks[i]?.status === 'rejected').map((c) => c.title);
      for (const result of banks) {
        if (result.status !== 'fulfilled') continue;
        this.#questions.push(...result.value.questions);
        this.#cases.push(...result.value.cases);
      }
    } catch (error) {
      if (status) status.textContent = `无法加载章节目录：${errorText(error)}。请检查网络后刷新页面。`;
      return;
    }
    this.#bankIds = new Set(this.#questions.map((q) => q.id));
    const extra = failed.length ? [`以下章节的题库没有加载成功，它们的掌握度暂不显示：${failed.join('、')}。`] : [];
    this.#render(extra);
    if (status) status.textContent = '';
  }

  #render(extra: readonly string[] = []) {
    const { progress, problems } = loadProgress(this.#store);
    this.#showProblems(this.#store.persistent ? problems : [...problems, NOT_PERSISTENT], extra);
    const now = Date.now();
    this.#renderOverview(progress, now);
    this.#renderMastery(progress);
    void this.#renderExams(progress);
    this.#renderCases(progress);
  }


  #renderOverview(progress: Progress, now: number) {
    const counts = countsOf(progress, this.#bankIds, now);
    const days = answerTimes(progress.review, Object.values(progress.attempts)).map(localDay);
    const streak = studyStreak(days, localDay(now));
    const set = (name: string, text: string) => {
      const node = this.#part(`[data-figure="${name}"]`);
      if (node) node.textContent = text;
    };
    set('streak', `${streak.current} 天`);
    set('wrong', `${counts.wrong} 题`);
    set('starred', `${counts.starred} 题`);
    set('due', `${counts.due} 题`);
    const read = this.#chapters.filter((c) => progress.read[c.id]?.read).length;
    set('read', `${read} / ${this.#chapters.length} 章`);
    let detail: string;
    if (streak.activeDays === 0) detail = '还没有作答记录，今天就开始吧。';
    else if (streak.activeToday) detail = `今天已学习。最长连续 ${streak.longest} 天，共学习 ${streak.activeDays} 天。`;
    else if (streak.current > 0) detail = `今天还没有作答，答一题就能延续。最长连续 ${streak.longest} 天。`;
    else detail = `最长连续 ${streak.longest} 天，共学习 ${streak.activeDays} 天。今天答一题重新开始。`;
    set('streak-detail', detail);
  }

  #renderMastery(progress: Progress) {
    const byChapter = new Map<string, string[]>();
    for (const q of this.#questions) byChapter.set(q.chapter, [...(byChapter.get(q.chapter) ?? []), q.id]);
    const mastery = chapterMastery(
      this.#chapters.map((c) => ({ id: c.id, questionIds: byChapter.get(c.id) ?? [] })),
      latestAnswers(progress.review),
    );
    const rows = this.#chapters.map((chapter, i) => ({ chapter, mastery: mastery[i] }));
    for (const { chapter, mastery: m } of rows) {
      const row = this.#part(`tr[data-chapter="${chapter.id}"]`);
      if (!row || !m) continue;
      const cell = (name: string, text: string) => {
        const node = row.querySelector(`[data-cell="${name}"]`);
        if (node) node.textContent = text;
      };
      const flag = progress.read[chapter.id];
      cell('read', !flag?.read ? '未标记' : flag.updatedAt > 0 ? `✓ ${formatMonthDay(flag.updatedAt)}` : '✓ 已学完');
      cell('practised', m.questions ? `${m.practised}/${m.questions}` : '暂无题目');
      cell('mastery', m.share === null ? '未练习' : `${formatPercent(m.share)}（最近 ${m.counted} 题答对 ${m.right} 题）`);
    }
    const practisedRows = rows.filter((r) => r.mastery && r.mastery.questions > 0);
    const chart = masteryChart(practisedRows.map((r) => ({ label: r.chapter.title, share: r.mastery?.share ?? null })));
    const answered = practisedRows.filter((r) => r.mastery?.share != null);
    const description = answered.length
      ? `${answered.length} 章有作答：${answered.map((r) => `${r.chapter.title} ${formatPercent(r.mastery?.share ?? 0)}`).join('，')}；其余章节未练习。`
      : '还没有任何章节的作答记录。';
    this.#part('.mastery-chart')?.replaceChildren(masteryChartSvg(chart, 'mastery-chart', '各章掌握度（条形图）', description));
  }

  async #renderExams(progress: Progress) {
    const exams = submittedExams(Object.values(progress.attempts));
    // Scoring needs the paper-drawing code: it loads only when there is an exam to score.
    const scored = exams.length > 0 ? (await import('./exam-stats.ts')).scoreExams(exams, { questions: this.#questions, cases: this.#cases }) : null;
    const { theory: results, skills, unscorable } = scored ?? { theory: [], skills: [], unscorable: 0 };
    this.#renderSkills(skills);
    const chartBox = this.#part('.exam-chart');
    const table = this.#part<HTMLTableElement>('table.exam-table');
    const empty = this.#part('.exam-empty');
    const note = this.#part('.exam-note');
    if (!chartBox || !table || !empty || !note) return;
    note.textContent = unscorable ? `另有 ${unscorable} 次考试的题目已在题库更新中改动，无法重新计分，未列出。` : '';
    empty.hidden = results.length > 0;
    table.hidden = results.length === 0;
    chartBox.hidden = results.length === 0;
    if (results.length === 0) return;
    const passes = new Set(results.map((r) => (r.maxTotal ? (r.passMark / r.maxTotal) * 100 : 0)));
    const pass = passes.size === 1 ? [...passes][0] ?? null : null;
    const chart = scoreChart(results.map((r) => r.percent), pass);
    const last = results[results.length - 1];
    const best = Math.max(...results.map((r) => r.percent));
    const description = `共 ${results.length} 次模拟考试，按交卷先后排列；最近一次 ${Math.round(last?.percent ?? 0)} 分，最高 ${Math.round(best)} 分（均按百分制）${pass === null ? '' : `，及格线 ${Math.round(pass)} 分`}。`;
    chartBox.replaceChildren(scoreChartSvg(chart, 'exam-chart', '模拟考试成绩走势（折线图）', description));
    fillExamRows(table, results);
  }

  /** The skills papers, self-marked: listed apart, never mixed into the theory chart. */
  #renderSkills(skills: readonly ExamResult[]) {
    const table = this.#part<HTMLTableElement>('table.skills-table');
    const empty = this.#part('.skills-empty');
    if (!table || !empty) return;
    empty.hidden = skills.length > 0;
    table.hidden = skills.length === 0;
    fillExamRows(table, skills);
  }

  #renderCases(progress: Progress) {
    const list = this.#part('.case-list');
    const empty = this.#part('.case-empty');
    if (!list || !empty) return;
    const titles = new Map(this.#chapters.map((c) => [c.id, c.title]));
    const marked = this.#cases.flatMap((item) => {
      const work = progress.cases[item.id];
      return work?.revealed ? [{ item, mark: selfMark(item, work) }] : [];
    });
    empty.hidden = marked.length > 0;
    list.hidden = marked.length === 0;
    list.replaceChildren(
      ...marked.map(({ item, mark }) => {
        const excerpt = item.scenario.length > 40 ? `${item.scenario.slice(0, 40)}…` : item.scenario;
        return el('li', undefined, `${titles.get(item.chapter) ?? item.chapter}：自评 ${mark.score} / ${mark.max} 分 —— ${excerpt}`);
      }),
    );
  }
}

/** One row per paper: order, time handed in, paper, score, result. */
function fillExamRows(table: HTMLTableElement, results: readonly ExamResult[]): void {
  const body = table.tBodies[0] ?? table.createTBody();
  body.replaceChildren(
    ...results.map((r, i) => {
      const row = el('tr');
      row.append(
        el('td', undefined, String(i + 1)),
        el('td', undefined, formatDateTime(r.submittedAt)),
        el('td', undefined, r.title),
        el('td', undefined, `${formatPoints(r.total)}/${formatPoints(r.maxTotal)}`),
        el('td', r.passed ? 'passed' : 'failed', r.passed ? '及格' : '未及格'),
      );
      return row;
    }),
  );
}

customElements.define('progress-report', ProgressReport);
