/**
 * What the home page's 今日 card says, from what is stored on the device and nothing else: where
 * to continue (an exam in progress, the section last read), what is due, the 错题本, chapters read,
 * the streak, and the inputs of the exam-date plan. No DOM and no clock: `now` is passed in.
 */
import { answerTimes, calendarDay, DAY_MS, dueCards, isAssignmentAttempt, itemOfPointReview, POINT_REVIEW_PREFIX, remainingMs, replay, studyStreak, wrongBook } from '../../quiz/index.ts';
import type { PlanChapter, PlanInput, Progress } from '../../quiz/index.ts';

export interface TodayChapter {
  id: string;
  title: string;
  minutes: number;
}

export interface OpenExam {
  id: string;
  title: string;
  /** Time left, or null when untimed. */
  remainingMs: number | null;
}

export interface TodaySummary {
  /** The newest exam still being taken (not a trainer's assignment). */
  openExam: OpenExam | null;
  lastRead: { chapter: string; section: string } | null;
  /** Objective questions due today, and written items with a 得分点 due. */
  due: number;
  dueWritten: number;
  wrong: number;
  read: number;
  chapters: number;
  streak: number;
  /** Nothing stored yet: the card shows only the invitation to plan. */
  empty: boolean;
}

const isQuestion = (id: string) => !id.startsWith(POINT_REVIEW_PREFIX);

export function todaySummary(progress: Progress, chapters: readonly TodayChapter[], now: number, offsetMinutes: number): TodaySummary {
  const attempts = Object.values(progress.attempts);
  let openExam: OpenExam | null = null;
  let newest = -Infinity;
  for (const record of attempts) {
    if (isAssignmentAttempt(record.id)) continue;
    const state = replay(record.steps);
    if (state.behaviour !== 'exam' || state.status !== 'in-progress' || (state.startedAt ?? 0) <= newest) continue;
    const remaining = remainingMs(state, now);
    // Past its deadline it is over, whatever the steps say; the exam page will settle it.
    if (remaining === 0) continue;
    newest = state.startedAt ?? 0;
    const chapter = chapters.find((c) => c.id === record.layout.chapter);
    openExam = { id: record.id, title: chapter ? `${record.layout.title} · ${chapter.title}` : record.layout.title, remainingMs: remaining };
  }
  const due = dueCards(progress.review, now);
  const dueWritten = new Set(due.map((r) => itemOfPointReview(r.questionId)).filter((id) => id !== null)).size;
  const ids = new Set(chapters.map((c) => c.id));
  const read = Object.values(progress.read).filter((flag) => flag.read && ids.has(flag.chapter)).length;
  const days = answerTimes(progress.review, attempts).map((at) => calendarDay(at, offsetMinutes));
  const streak = studyStreak(days, calendarDay(now, offsetMinutes)).current;
  const wrong = wrongBook(progress.review).filter((r) => isQuestion(r.questionId)).length;
  const lastRead = progress.lastRead && ids.has(progress.lastRead.chapter) ? { chapter: progress.lastRead.chapter, section: progress.lastRead.section } : null;
  return {
    openExam,
    lastRead,
    due: due.filter((r) => isQuestion(r.questionId)).length,
    dueWritten,
    wrong,
    read,
    chapters: chapters.length,
    streak,
    empty: openExam === null && lastRead === null && read === 0 && attempts.length === 0 && Object.keys(progress.review.records).length === 0,
  };
}

/** The plan's inputs from what is stored: read flags, chapter tests taken, a mock in the last week. */
export function planInput(progress: Progress, chapters: readonly TodayChapter[], summary: TodaySummary, today: string, now: number): PlanInput | null {
  const settings = progress.plan;
  if (!settings) return null;
  const tested = new Set<string>();
  let recentMock = false;
  for (const record of Object.values(progress.attempts)) {
    if (isAssignmentAttempt(record.id)) continue;
    const state = replay(record.steps);
    if (state.status !== 'submitted') continue;
    if (record.layout.blueprintId === 'chapter-test' && record.layout.chapter) tested.add(record.layout.chapter);
    if (record.layout.blueprintId === 'secretary-theory' && (state.submittedAt ?? 0) >= now - 7 * DAY_MS) recentMock = true;
  }
  const planChapters: PlanChapter[] = chapters.map((c) => ({
    id: c.id,
    title: c.title,
    minutes: c.minutes,
    read: progress.read[c.id]?.read ?? false,
    tested: tested.has(c.id),
  }));
  return {
    today,
    examDate: settings.examDate,
    minutesPerDay: settings.minutesPerDay,
    chapters: planChapters,
    dueToday: summary.due + summary.dueWritten,
    wrongBook: summary.wrong,
    recentMock,
  };
}
