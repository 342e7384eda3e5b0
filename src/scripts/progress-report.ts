/**
 * `<progress-report>`: the 学习进度 page. Everything is computed on the device from the stored
 * progress (review records, attempts, case work), the 已学完 flags and the question bank; export
 * and import move it to another browser as one JSON file.
 */
import { dueCards, exportProgress, importProgress, loadProgress, selfMark, starredQuestions, wrongBook } from '../quiz/index.ts';
import type { CaseItem, Progress, QuizQuestion, StorageProblem } from '../quiz/index.ts';
import { loadBank, loadCatalog } from './content-loader.ts';
import type { CatalogChapter } from './content-loader.ts';
import { describeStorageProblem, deviceStore } from './device-store.ts';
import { masteryChartSvg, scoreChartSvg } from './progress-charts.ts';
import {
  answerTimes,
  calendarDay,
  chapterMastery,
  examResults,
  latestAnswers,
  masteryChart,
  scoreChart,
  studyStreak,
} from './progress-stats.ts';
import { READ_KEY_PREFIX } from './read-flags.ts';
import { el } from './dom.ts';

const localDay = (at: number) => calendarDay(at, new Date(at).getTimezoneOffset());
const dateTime = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const monthDay = new Intl.DateTimeFormat('zh-CN', { month: 'numeric', day: 'numeric' });
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The learner's own figures, counted only over questions still in the bank. */
interface Counts {
  wrong: number;
  starred: number;
  due: number;
  practised: number;
  exams: number;
  cases: number;
}

function countsOf(progress: Progress, bankIds: ReadonlySet<string>, now: number): Counts {
  const known = (records: readonly { questionId: string }[]) => records.filter((r) => bankIds.has(r.questionId)).length;
  return {
    wrong: known(wrongBook(progress.review)),
    starred: known(starredQuestions(progress.review)),
    due: known(dueCards(progress.review, now)),
    practised: latestAnswers(progress.review).filter((a) => bankIds.has(a.questionId)).length,
    exams: Object.keys(progress.attempts).length,
    cases: Object.keys(progress.cases).length,
  };
}

class ProgressReport extends HTMLElement {
  #store = deviceStore();
  #chapters: CatalogChapter[] = [];
  #questions: QuizQuestion[] = [];
  #cases: CaseItem[] = [];
  #bankIds = new Set<string>();

  connectedCallback() {
    const exportButton = this.querySelector<HTMLButtonElement>('button.export');
    const importInput = this.querySelector<HTMLInputElement>('input.import');
    exportButton?.addEventListener('click', () => this.#export());
    importInput?.addEventListener('change', () => {
      const file = importInput.files?.[0];
      if (file) void this.#import(file).finally(() => (importInput.value = ''));
    });
    void this.#load();
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.querySelector<T>(selector);
  }

  #showProblems(problems: readonly StorageProblem[], extra: readonly string[] = []) {
    const notice = this.#part('.storage-notice');
    if (!notice) return;
    const messages = [...new Set([...problems.map(describeStorageProblem), ...extra])];
    notice.replaceChildren(...messages.map((m) => el('p', undefined, m)));
    notice.hidden = messages.length === 0;
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
      if (status) status.textContent = `无法加载章节目录：${error instanceof Error ? error.message : String(error)}。请检查网络后刷新页面。`;
      return;
    }
    this.#bankIds = new Set(this.#questions.map((q) => q.id));
    const extra = failed.length ? [`以下章节的题库没有加载成功，它们的掌握度暂不显示：${failed.join('、')}。`] : [];
    this.#render(extra);
    if (status) status.textContent = '';
  }

  #render(extra: readonly string[] = []) {
    const { progress, problems } = loadProgress(this.#store);
    const persistent = this.#store.persistent ? [] : [describeStorageProblem({ kind: 'unavailable', key: '', message: '无法使用本地存储' })];
    this.#showProblems(problems, [...extra, ...persistent]);
    const now = Date.now();
    this.#renderOverview(progress, now);
    this.#renderMastery(progress);
    this.#renderExams(progress);
    this.#renderCases(progress);
  }

  #readAt(chapter: string): string | null {
    try {
      return this.#store.getItem(READ_KEY_PREFIX + chapter);
    } catch {
      return null;
    }
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
    const read = this.#chapters.filter((c) => this.#readAt(c.id) !== null).length;
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
      const readAt = this.#readAt(chapter.id);
      const readDate = readAt ? new Date(readAt) : null;
      cell('read', readAt === null ? '未标记' : readDate && !Number.isNaN(readDate.getTime()) ? `✓ ${monthDay.format(readDate)}` : '✓ 已学完');
      cell('practised', m.questions ? `${m.practised}/${m.questions}` : '暂无题目');
      cell('mastery', m.share === null ? '未练习' : `${percent(m.share)}（最近 ${m.counted} 题答对 ${m.right} 题）`);
    }
    const practisedRows = rows.filter((r) => r.mastery && r.mastery.questions > 0);
    const chart = masteryChart(practisedRows.map((r) => ({ label: r.chapter.title, share: r.mastery?.share ?? null })));
    const answered = practisedRows.filter((r) => r.mastery?.share != null);
    const description = answered.length
      ? `${answered.length} 章有作答：${answered.map((r) => `${r.chapter.title} ${percent(r.mastery?.share ?? 0)}`).join('，')}；其余章节未练习。`
      : '还没有任何章节的作答记录。';
    this.#part('.mastery-chart')?.replaceChildren(masteryChartSvg(chart, 'mastery-chart', '各章掌握度（条形图）', description));
  }

  #renderExams(progress: Progress) {
    const { results, unscorable } = examResults(Object.values(progress.attempts), this.#questions);
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
    const body = table.tBodies[0] ?? table.createTBody();
    body.replaceChildren(
      ...results.map((r, i) => {
        const row = el('tr');
        row.append(
          el('td', undefined, String(i + 1)),
          el('td', undefined, dateTime.format(new Date(r.submittedAt))),
          el('td', undefined, r.title),
          el('td', undefined, `${r.total}/${r.maxTotal}`),
          el('td', r.passed ? 'passed' : 'failed', r.passed ? '及格' : '未及格'),
        );
        return row;
      }),
    );
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

  #export() {
    const status = this.#part('.backup-status');
    const { json, problems } = exportProgress(this.#store, Date.now());
    this.#showProblems(problems);
    const blob = new Blob([json], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = el('a');
    a.href = url;
    const day = new Date();
    const stamp = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    a.download = `mishu-progress-${stamp}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    const entries = Object.keys((JSON.parse(json) as { entries: Record<string, unknown> }).entries).length;
    if (status) status.textContent = `已导出 ${entries} 条记录到文件 ${a.download}。`;
  }

  async #import(file: File) {
    const status = this.#part('.backup-status');
    let text: string;
    try {
      text = await file.text();
    } catch {
      if (status) status.textContent = '无法读取这个文件。';
      return;
    }
    const now = Date.now();
    const before = countsOf(loadProgress(this.#store).progress, this.#bankIds, now);
    const result = importProgress(this.#store, text);
    const after = countsOf(loadProgress(this.#store).progress, this.#bankIds, now);
    const change = (label: string, key: keyof Counts, unit: string) => `${label} ${before[key]} → ${after[key]} ${unit}`;
    const summary =
      result.imported === 0
        ? '没有导入任何记录。'
        : `已从 ${file.name} 合并 ${result.imported} 条记录：${[
            change('错题本', 'wrong', '题'),
            change('收藏', 'starred', '题'),
            change('练过的题', 'practised', '题'),
            change('考试记录', 'exams', '次'),
            change('案例', 'cases', '个'),
          ].join('，')}。同一条记录以较新的为准，重复导入不会重复计算。`;
    if (status) {
      status.replaceChildren(el('p', undefined, summary), ...result.problems.map((p) => el('p', undefined, describeStorageProblem(p))));
    }
    this.#render();
  }
}

customElements.define('progress-report', ProgressReport);
