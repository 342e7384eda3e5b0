/**
 * `<today-card>`: the home page's 今日 card for a returning learner — continue where they left off,
 * what is due, the 错题本, chapters read, the streak — and the exam-date plan: the learner sets the
 * exam day and daily minutes, and sees the days left and today's tasks. The plan is recomputed
 * from what is stored each time the page opens, so it follows the learner when they fall behind or
 * get ahead. Shows nothing but the plan invitation to someone with nothing stored yet.
 */
import { loadProgress, loadStudyPlan, planStudy, saveStudyPlan } from '../../quiz/index.ts';
import type { PlanDay, PlanTask, Progress } from '../../quiz/index.ts';
import { loadCatalog, sectionUrl } from '../../ui/content.ts';
import { describeStorageProblems, deviceStore } from '../../ui/device-store.ts';
import { el, link, paragraph, ref } from '../../ui/dom.ts';
import { formatClock, localDay } from '../../ui/format.ts';
import { planInput, todaySummary, type TodayChapter, type TodaySummary } from './today.ts';

const TASK_NAMES: Record<PlanTask['kind'], string> = {
  read: '阅读',
  'chapter-test': '章节测验',
  review: '今日复习',
  mock: '模拟考试',
  'wrong-book': '错题本总复习',
};

function taskLink(task: PlanTask): HTMLElement {
  switch (task.kind) {
    case 'read':
      return link(`/chapters/${task.chapter}/`, `阅读《${task.title}》${task.parts > 1 ? `（第 ${task.part}/${task.parts} 次）` : ''}`);
    case 'chapter-test':
      return link(`/exam/?blueprint=chapter-test&chapter=${task.chapter}`, `章节测验：${task.title}`);
    case 'review':
      return link('/practice/?mode=due', TASK_NAMES.review);
    case 'mock':
      return link(`/exam/?blueprint=${task.blueprint}`, task.blueprint === 'secretary-theory' ? '理论知识模拟卷（90 分钟）' : '30 分钟快速测验');
    case 'wrong-book':
      return link('/practice/?mode=wrong', TASK_NAMES['wrong-book']);
  }
}

function taskList(day: PlanDay): HTMLElement {
  const list = el('ul', 'plan-tasks');
  for (const task of day.tasks) {
    const li = el('li');
    li.append(taskLink(task), el('span', 'meta', ` 约 ${task.minutes} 分钟`));
    list.append(li);
  }
  return list;
}

const dayNames = new Intl.DateTimeFormat('zh-CN', { month: 'numeric', day: 'numeric', weekday: 'short', timeZone: 'UTC' });

class TodayCard extends HTMLElement {
  #chapters: TodayChapter[] = [];

  connectedCallback() {
    this.#chapters = JSON.parse(ref(this, 'chapters').textContent ?? '[]') as TodayChapter[];
    const form = ref<HTMLFormElement>(this, 'plan-form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#savePlan(form);
    });
    this.#render();
  }

  #render() {
    const store = deviceStore();
    const { progress, problems } = loadProgress(store);
    const now = Date.now();
    const summary = todaySummary(progress, this.#chapters, now, new Date().getTimezoneOffset());
    const notice = ref(this, 'notice');
    notice.textContent = describeStorageProblems(problems).join(' ');
    notice.hidden = problems.length === 0;
    this.#renderStatus(summary);
    this.#renderPlan(progress, summary, now);
    this.hidden = false;
  }

  #renderStatus(summary: TodaySummary) {
    const box = ref(this, 'status');
    box.hidden = summary.empty;
    if (summary.empty) return;
    const continues: HTMLElement[] = [];
    if (summary.openExam) {
      const exam = summary.openExam;
      const left = exam.remainingMs === null ? '' : `（剩余 ${formatClock(exam.remainingMs)}）`;
      continues.push(paragraph('', 'continue'));
      continues.at(-1)?.append('有一场考试没交卷：', link(`/exam/?attempt=${encodeURIComponent(exam.id)}`, `继续作答 ${exam.title}${left}`));
    }
    if (summary.lastRead) {
      const { chapter, section } = summary.lastRead;
      const title = this.#chapters.find((c) => c.id === chapter)?.title ?? '';
      const a = link(sectionUrl(chapter, section), `继续学习：${title}`);
      const p = paragraph('', 'continue');
      p.append(a);
      continues.push(p);
      // The section's name needs the catalog; the link works without it.
      void loadCatalog().then(
        (catalog) => {
          const found = catalog.chapters.find((c) => c.id === chapter)?.sections.find((s) => s.id === section);
          if (found) a.textContent = `继续学习：${title} › ${found.title}`;
        },
        () => undefined,
      );
    }
    ref(this, 'continue').replaceChildren(...continues);
    const figure = (name: string, text: string) => (ref(this, name).textContent = text);
    figure('due', summary.dueWritten > 0 ? `${summary.due} 题 + ${summary.dueWritten} 道写作` : `${summary.due} 题`);
    figure('wrong', `${summary.wrong} 题`);
    figure('read', `${summary.read} / ${summary.chapters} 章`);
    figure('streak', `${summary.streak} 天`);
  }

  #renderPlan(progress: Progress, summary: TodaySummary, now: number) {
    const today = localDay(now);
    const input = planInput(progress, this.#chapters, summary, today, now);
    const out = ref(this, 'plan');
    const setup = ref<HTMLDetailsElement>(this, 'plan-setup');
    const form = ref<HTMLFormElement>(this, 'plan-form');
    const date = ref<HTMLInputElement>(this, 'plan-date');
    date.min = today;
    if (progress.plan) {
      date.value = progress.plan.examDate;
      ref<HTMLSelectElement>(this, 'plan-minutes').value = String(progress.plan.minutesPerDay);
    }
    ref(this, 'plan-summary').textContent = progress.plan ? '修改考试日期或每天的学习时间' : '有考试日期？设置后每天告诉你学什么';
    if (!input) {
      out.replaceChildren();
      setup.open = false;
      return;
    }
    const plan = planStudy(input);
    if (!plan.ok) {
      out.replaceChildren(paragraph(plan.message, plan.reason === 'today' ? 'countdown' : 'notice'));
      setup.open = plan.reason !== 'today';
      return;
    }
    setup.open = false;
    form.dataset['saved'] = '1';
    const [first, ...rest] = plan.days;
    const countdown = paragraph('', 'countdown');
    countdown.append('距离考试还有 ', el('strong', undefined, String(plan.daysLeft)), ` 天（${input.examDate}）`);
    const nodes: HTMLElement[] = [countdown];
    if (first) nodes.push(el('h3', undefined, `今天（约 ${first.minutes} 分钟）`), first.tasks.length ? taskList(first) : paragraph('今天没有安排：休息一下，或者做一组随机练习。', 'meta'));
    if (rest.length > 0) {
      const later = el('details', 'plan-later');
      later.append(el('summary', undefined, `之后 ${rest.length} 天的安排`));
      for (const day of rest) {
        later.append(el('h4', undefined, `${dayNames.format(new Date(`${day.date}T00:00:00Z`))}（约 ${day.minutes} 分钟）`), taskList(day));
      }
      nodes.push(later);
    }
    nodes.push(paragraph(`还有 ${plan.chaptersLeft} 章没读完。计划按你每次打开时的进度重新排：落下了会自动往后挪，提前完成就往前赶。`, 'meta'));
    out.replaceChildren(...nodes);
  }

  #savePlan(form: HTMLFormElement) {
    const data = new FormData(form);
    const examDate = String(data.get('examDate') ?? '');
    const minutesPerDay = Number(data.get('minutes'));
    const error = ref(this, 'plan-error');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(examDate)) {
      error.textContent = '请选择考试日期。';
      return;
    }
    const now = Date.now();
    const existing = loadStudyPlan(deviceStore()).settings;
    const saved = saveStudyPlan(deviceStore(), { examDate, minutesPerDay, createdAt: existing?.createdAt ?? now, updatedAt: now });
    error.textContent = saved.ok ? '' : describeStorageProblems(saved.problems).join(' ');
    this.#render();
    ref(this, 'plan').querySelector<HTMLElement>('.countdown')?.focus();
  }
}

customElements.define('today-card', TodayCard);
