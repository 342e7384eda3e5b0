import { describe, expect, it } from 'vitest';
import { emptyReview, pointReviewId, recordAnswer, startAttempt } from '../../../../src/quiz/index.ts';
import type { Progress } from '../../../../src/quiz/index.ts';
import { planInput, todaySummary } from '../../../../src/features/home/today.ts';

const T0 = Date.UTC(2026, 11, 2, 1, 0);
const DAY = 86_400_000;
const chapters = [
  { id: 'meetings', title: '会议组织与管理', minutes: 40 },
  { id: 'office', title: '办公室日常事务', minutes: 35 },
];
const empty = (): Progress => ({ review: emptyReview(), attempts: {}, cases: {}, read: {}, lastRead: null, plan: null });
const layout = (blueprintId: string, chapter: string | null) => ({ blueprintId, title: '章节测验', seed: 's', chapter, minutes: 20, passMark: 60, multiplePolicy: 'all-or-nothing' as const, parts: [], items: [] });

describe('the 今日 card', () => {
  it('shows nothing but the plan invitation to a learner with nothing stored', () => {
    expect(todaySummary(empty(), chapters, T0, 0)).toMatchObject({ empty: true, openExam: null, lastRead: null, due: 0, wrong: 0, read: 0 });
  });

  it('offers the exam in progress with its time left and the section last read', () => {
    const progress = empty();
    const exam = startAttempt({ behaviour: 'exam', itemCount: 25, timeLimitMs: 20 * 60_000 }, T0 - 5 * 60_000);
    progress.attempts['e1'] = { id: 'e1', layout: layout('chapter-test', 'meetings'), steps: exam.steps };
    const trainer = startAttempt({ behaviour: 'exam', itemCount: 5, timeLimitMs: 0 }, T0);
    progress.attempts['trainer-x'] = { id: 'trainer-x', layout: layout('assignment', null), steps: trainer.steps };
    progress.lastRead = { chapter: 'office', section: 'mail', updatedAt: T0 };
    const summary = todaySummary(progress, chapters, T0, 0);
    expect(summary.openExam).toEqual({ id: 'e1', title: '章节测验 · 会议组织与管理', remainingMs: 15 * 60_000 });
    expect(summary.lastRead).toEqual({ chapter: 'office', section: 'mail' });
    expect(summary.empty).toBe(false);
    // Past its deadline the exam is over, not "in progress".
    expect(todaySummary(progress, chapters, T0 + DAY, 0).openExam).toBeNull();
  });

  it('counts due questions and due written items apart, the 错题本 without 得分点, chapters read and the streak', () => {
    const progress = empty();
    let review = recordAnswer(emptyReview(), 'meetings-001', false, T0 - 2 * DAY);
    review = recordAnswer(review, 'office-002', true, T0 - DAY);
    review = recordAnswer(review, pointReviewId('office-t01', 0, 2), false, T0 - 2 * DAY);
    review = recordAnswer(review, pointReviewId('office-t01', 0, 3), false, T0 - 2 * DAY);
    progress.review = review;
    progress.read = { meetings: { chapter: 'meetings', read: true, updatedAt: T0 }, office: { chapter: 'office', read: false, updatedAt: T0 } };
    const summary = todaySummary(progress, chapters, T0, 0);
    expect(summary.wrong).toBe(1);
    expect(summary.due).toBeGreaterThanOrEqual(1);
    expect(summary.dueWritten).toBe(1);
    expect(summary.read).toBe(1);
    // Studied yesterday and the day before, not yet today: the streak still counts to yesterday.
    expect(summary.streak).toBe(2);
  });

  it('feeds the plan what is done: read flags, chapter tests taken, a recent mock', () => {
    const progress = empty();
    expect(planInput(progress, chapters, todaySummary(progress, chapters, T0, 0), '2026-12-02', T0)).toBeNull();
    progress.plan = { examDate: '2026-12-20', minutesPerDay: 60, createdAt: T0, updatedAt: T0 };
    progress.read = { meetings: { chapter: 'meetings', read: true, updatedAt: T0 } };
    let test = startAttempt({ behaviour: 'exam', itemCount: 1, timeLimitMs: 0 }, T0 - DAY);
    test = { ...test, steps: [...test.steps, { kind: 'submit', at: T0 - DAY + 1000 }] };
    progress.attempts['t1'] = { id: 't1', layout: layout('chapter-test', 'office'), steps: test.steps };
    const input = planInput(progress, chapters, todaySummary(progress, chapters, T0, 0), '2026-12-02', T0);
    expect(input?.chapters.map((c) => [c.id, c.read, c.tested])).toEqual([
      ['meetings', true, false],
      ['office', false, true],
    ]);
    expect(input).toMatchObject({ examDate: '2026-12-20', minutesPerDay: 60, recentMock: false });
  });
});
