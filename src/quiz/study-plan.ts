/**
 * The exam-date plan: from the day of the exam, the minutes a learner can give each day and what
 * they have already done, a day-by-day plan to the exam — unread chapters spread over the days,
 * each followed by its chapter test, the day's due reviews, a full mock exam in the last week and
 * a final pass over the 错题本. Pure: the caller passes today's date and the learner's state, so the
 * plan is simply recomputed whenever the learner falls behind or gets ahead.
 *
 * Days are calendar dates `YYYY-MM-DD` in the learner's own calendar; the exam day itself is not a
 * study day.
 */
import { DAY_MS } from './format.ts';

/** Minutes of the papers the plan books (the blueprints' time limits). */
export const PLAN_MINUTES = { chapterTest: 20, quickQuiz: 30, fullMock: 90 } as const;

/** Time kept for 今日复习 on a day with due cards, and for the last 错题本 pass. */
const REVIEW_MINUTES = { perCard: 0.5, min: 5, max: 20 } as const;
const WRONG_BOOK_MINUTES = { perQuestion: 1, min: 10 } as const;
/** Reading sessions shorter than this are not worth starting. */
const MIN_SESSION = 10;

export interface PlanChapter {
  id: string;
  title: string;
  /** Estimated reading minutes. */
  minutes: number;
  /** Marked 已学完. */
  read: boolean;
  /** A chapter test on this chapter has been submitted. */
  tested: boolean;
}

export interface PlanInput {
  /** Today, `YYYY-MM-DD`. */
  today: string;
  examDate: string;
  minutesPerDay: number;
  /** In course order. */
  chapters: readonly PlanChapter[];
  /** Cards due for review today. */
  dueToday: number;
  /** Questions in the 错题本. */
  wrongBook: number;
  /** A full mock exam was submitted in the last seven days before today. */
  recentMock: boolean;
}

export type PlanTask =
  | { kind: 'read'; chapter: string; title: string; minutes: number; /** 1-based session of a chapter read over several days. */ part: number; parts: number }
  | { kind: 'chapter-test'; chapter: string; title: string; minutes: number }
  | { kind: 'review'; minutes: number }
  | { kind: 'mock'; blueprint: 'secretary-theory' | 'quick-quiz'; minutes: number }
  | { kind: 'wrong-book'; minutes: number };

export interface PlanDay {
  date: string;
  tasks: PlanTask[];
  minutes: number;
}

export type StudyPlan =
  | {
      ok: true;
      /** Days until the exam (1 = the exam is tomorrow). */
      daysLeft: number;
      days: PlanDay[];
      /** Chapters still to read, and minutes of work left to fit before the exam. */
      chaptersLeft: number;
      minutesLeft: number;
    }
  | { ok: false; reason: 'past' | 'today'; message: string }
  | { ok: false; reason: 'not-enough-time'; message: string; daysLeft: number; minutesNeeded: number; minutesPerDayNeeded: number };


function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Minutes of due reviews for a day with `cards` due. */
export function reviewMinutes(cards: number): number {
  if (cards <= 0) return 0;
  return Math.min(REVIEW_MINUTES.max, Math.max(REVIEW_MINUTES.min, Math.ceil(cards * REVIEW_MINUTES.perCard)));
}

/** A slot of work that must happen on one day (a paper, a review) or can be split (reading). */
interface Work {
  task: PlanTask;
  /** Reading may continue over several days; a paper may not. */
  splittable: boolean;
}

export function planStudy(input: PlanInput): StudyPlan {
  const today = dayNumber(input.today);
  const exam = dayNumber(input.examDate);
  if (!Number.isFinite(today) || !Number.isFinite(exam)) return { ok: false, reason: 'past', message: '考试日期无效，请重新选择。' };
  if (exam < today) return { ok: false, reason: 'past', message: '这个考试日期已经过去了，请设置下一次考试的日期。' };
  if (exam === today) return { ok: false, reason: 'today', message: '考试就在今天：不再排计划了，祝考试顺利！考前可以看一眼错题本。' };
  const budget = Math.floor(input.minutesPerDay);
  const daysLeft = exam - today;
  const mockBlueprint = budget >= PLAN_MINUTES.fullMock ? 'secretary-theory' : 'quick-quiz';
  const mockMinutes = mockBlueprint === 'secretary-theory' ? PLAN_MINUTES.fullMock : PLAN_MINUTES.quickQuiz;

  // Work on known days first: today's reviews, the mock in the last week, the 错题本 on the last
  // day and a few review minutes on the other days; then reading and chapter tests fill the rest.
  const days: PlanDay[] = Array.from({ length: daysLeft }, (_, i) => ({ date: dateOf(today + i), tasks: [], minutes: 0 }));
  const add = (day: PlanDay, task: PlanTask) => {
    day.tasks.push(task);
    day.minutes += task.minutes;
  };
  const review = Math.min(reviewMinutes(input.dueToday), budget);
  if (review > 0 && days[0]) add(days[0], { kind: 'review', minutes: review });
  const last = days.at(-1);
  // Reading and chapter tests, in course order; then the mock if none was taken in the last week.
  const work: Work[] = [];
  for (const chapter of input.chapters) {
    if (!chapter.read) work.push({ task: { kind: 'read', chapter: chapter.id, title: chapter.title, minutes: Math.max(1, chapter.minutes), part: 1, parts: 1 }, splittable: true });
    if (!chapter.tested) work.push({ task: { kind: 'chapter-test', chapter: chapter.id, title: chapter.title, minutes: PLAN_MINUTES.chapterTest }, splittable: false });
  }
  const needsMock = !input.recentMock;
  const minutesLeft = work.reduce((sum, w) => sum + w.task.minutes, 0) + (needsMock ? mockMinutes : 0);

  // The mock goes on the latest day of the last week (before the 错题本 day when possible) with room for it.
  if (needsMock) {
    const lastWeek = days.slice(Math.max(0, days.length - 7));
    const order = [...lastWeek].reverse();
    const slot = order.find((day) => day !== last && budget - day.minutes >= mockMinutes) ?? order.find((day) => budget - day.minutes >= mockMinutes);
    if (!slot) return shortOfTime(input, daysLeft, days, work, mockMinutes);
    add(slot, { kind: 'mock', blueprint: mockBlueprint, minutes: mockMinutes });
  }
  const wrongMinutes = input.wrongBook > 0 ? Math.max(WRONG_BOOK_MINUTES.min, Math.ceil(input.wrongBook * WRONG_BOOK_MINUTES.perQuestion)) : 0;
  if (last && wrongMinutes > 0 && budget - last.minutes >= WRONG_BOOK_MINUTES.min) add(last, { kind: 'wrong-book', minutes: Math.min(wrongMinutes, budget - last.minutes) });
  // Later days: cards fall due as the learner practises; keep a few minutes for them where there is room.
  if (budget >= REVIEW_MINUTES.min + MIN_SESSION) {
    for (const day of days.slice(1)) if (budget - day.minutes >= REVIEW_MINUTES.min) add(day, { kind: 'review', minutes: REVIEW_MINUTES.min });
  }

  // Fill days from today, in order: reading may be split into sessions, a paper needs room for all of it.
  let dayIndex = 0;
  const sessions = new Map<string, PlanTask[]>();
  for (const item of work) {
    let remaining = item.task.minutes;
    while (remaining > 0) {
      const day = days[dayIndex];
      if (!day) return shortOfTime(input, daysLeft, days, work, needsMock ? mockMinutes : 0);
      const room = budget - day.minutes;
      const fits = item.splittable ? room >= Math.min(remaining, MIN_SESSION) : room >= remaining;
      if (!fits || room <= 0) {
        dayIndex++;
        continue;
      }
      const minutes = item.splittable ? Math.min(room, remaining) : remaining;
      const task: PlanTask = { ...item.task, minutes } as PlanTask;
      add(day, task);
      if (task.kind === 'read') sessions.set(task.chapter, [...(sessions.get(task.chapter) ?? []), task]);
      remaining -= minutes;
    }
  }
  // Number the reading sessions of chapters read over several days: 1/3, 2/3, 3/3.
  for (const list of sessions.values()) {
    list.forEach((task, index) => {
      if (task.kind === 'read') {
        task.part = index + 1;
        task.parts = list.length;
      }
    });
  }
  return { ok: true, daysLeft, days, chaptersLeft: input.chapters.filter((c) => !c.read).length, minutesLeft };
}

/** Not everything fits: say how many minutes a day would. */
function shortOfTime(input: PlanInput, daysLeft: number, days: readonly PlanDay[], work: readonly Work[], mockMinutes: number): StudyPlan {
  const fixed = days.reduce((sum, day) => sum + day.tasks.filter((t) => t.kind !== 'mock').reduce((n, t) => n + t.minutes, 0), 0);
  const minutesNeeded = work.reduce((sum, w) => sum + w.task.minutes, 0) + mockMinutes + fixed;
  const perDay = Math.max(Math.ceil(minutesNeeded / daysLeft), ...work.filter((w) => !w.splittable).map((w) => w.task.minutes + REVIEW_MINUTES.min), mockMinutes);
  return {
    ok: false,
    reason: 'not-enough-time',
    daysLeft,
    minutesNeeded,
    minutesPerDayNeeded: perDay,
    message: `离考试还有 ${daysLeft} 天，每天 ${input.minutesPerDay} 分钟排不下剩下的内容（约 ${minutesNeeded} 分钟）。每天至少需要 ${perDay} 分钟，或者把考试日期往后推。`,
  };
}
