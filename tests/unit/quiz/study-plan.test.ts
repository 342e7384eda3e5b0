import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planStudy, PLAN_MINUTES, type PlanChapter, type PlanInput } from '../../../src/quiz/study-plan.ts';

const chapter = (id: string, minutes: number, done: Partial<PlanChapter> = {}): PlanChapter => ({ id, title: `第${id}章`, minutes, read: false, tested: false, ...done });
const base: PlanInput = {
  today: '2026-12-02',
  examDate: '2026-12-20',
  minutesPerDay: 60,
  chapters: [chapter('a', 25), chapter('b', 40), chapter('c', 15)],
  dueToday: 12,
  wrongBook: 8,
  recentMock: false,
};

function planned(input: PlanInput) {
  const plan = planStudy(input);
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

describe('the exam-date plan', () => {
  it('spreads unread chapters over the days, each followed by its chapter test', () => {
    const plan = planned(base);
    expect(plan.daysLeft).toBe(18);
    expect(plan.days).toHaveLength(18);
    expect(plan.days[0]?.date).toBe('2026-12-02');
    expect(plan.days.at(-1)?.date).toBe('2026-12-19');
    const order = plan.days.flatMap((d) => d.tasks).filter((t) => t.kind === 'read' || t.kind === 'chapter-test').map((t) => `${t.kind}:${'chapter' in t ? t.chapter : ''}`);
    expect(order).toEqual(['read:a', 'chapter-test:a', 'read:b', 'chapter-test:b', 'read:c', 'chapter-test:c']);
  });

  it('books today\'s due reviews, a full mock in the last week and the 错题本 on the last day', () => {
    const plan = planned({ ...base, minutesPerDay: 120 });
    expect(plan.days[0]?.tasks[0]).toEqual({ kind: 'review', minutes: 6 });
    const mock = plan.days.findIndex((d) => d.tasks.some((t) => t.kind === 'mock'));
    expect(mock).toBeGreaterThanOrEqual(plan.days.length - 7);
    expect(plan.days[mock]?.tasks.find((t) => t.kind === 'mock')).toMatchObject({ blueprint: 'secretary-theory', minutes: PLAN_MINUTES.fullMock });
    expect(plan.days.at(-1)?.tasks.some((t) => t.kind === 'wrong-book')).toBe(true);
  });

  it('books the 30-minute quiz instead when a day cannot hold the 90-minute mock', () => {
    const plan = planned({ ...base, minutesPerDay: 45 });
    expect(plan.days.flatMap((d) => d.tasks).find((t) => t.kind === 'mock')).toMatchObject({ blueprint: 'quick-quiz', minutes: 30 });
  });

  it('reads a chapter longer than a day over several sessions, numbered', () => {
    const plan = planned({ ...base, minutesPerDay: 30, chapters: [chapter('long', 70)], dueToday: 0, wrongBook: 0 });
    const sessions = plan.days.flatMap((d) => d.tasks).filter((t) => t.kind === 'read');
    expect(sessions.map((t) => t.minutes).reduce((a, b) => a + b, 0)).toBe(70);
    expect(sessions.map((t) => (t.kind === 'read' ? `${t.part}/${t.parts}` : ''))).toEqual(sessions.map((_, i) => `${i + 1}/${sessions.length}`));
  });

  it('re-plans from what is done: read and tested chapters drop out, a recent mock is not repeated', () => {
    const plan = planned({ ...base, chapters: [chapter('a', 25, { read: true, tested: true }), chapter('b', 40, { read: true }), chapter('c', 15)], recentMock: true });
    const kinds = plan.days.flatMap((d) => d.tasks).map((t) => `${t.kind}${'chapter' in t ? `:${t.chapter}` : ''}`);
    expect(kinds.filter((k) => k !== 'review' && k !== 'wrong-book')).toEqual(['chapter-test:b', 'read:c', 'chapter-test:c']);
    expect(plan.chaptersLeft).toBe(1);
  });

  it('says so clearly for a past date, for today, and when the time is too short', () => {
    expect(planStudy({ ...base, examDate: '2026-11-30' })).toMatchObject({ ok: false, reason: 'past', message: expect.stringContaining('已经过去') });
    expect(planStudy({ ...base, examDate: '2026-12-02' })).toMatchObject({ ok: false, reason: 'today' });
    const short = planStudy({ ...base, examDate: '2026-12-04', minutesPerDay: 20 });
    expect(short).toMatchObject({ ok: false, reason: 'not-enough-time', daysLeft: 2 });
    if (!short.ok && short.reason === 'not-enough-time') {
      expect(short.minutesPerDayNeeded).toBeGreaterThan(20);
      expect(short.message).toContain('每天至少需要');
    }
  });
});

describe('the plan, for any learner', () => {
  const input = fc.record({
    daysAhead: fc.integer({ min: -3, max: 60 }),
    minutesPerDay: fc.integer({ min: 10, max: 240 }),
    chapters: fc.array(fc.record({ minutes: fc.integer({ min: 5, max: 60 }), read: fc.boolean(), tested: fc.boolean() }), { maxLength: 14 }),
    dueToday: fc.nat(200),
    wrongBook: fc.nat(300),
    recentMock: fc.boolean(),
  });

  it('never gives a day more minutes than the learner has, schedules every chapter before the exam, or says why not', () => {
    fc.assert(
      fc.property(input, (p) => {
        const today = Date.UTC(2026, 11, 2);
        const exam = new Date(today + p.daysAhead * 86_400_000).toISOString().slice(0, 10);
        const chapters = p.chapters.map((c, i) => chapter(`c${i}`, c.minutes, { read: c.read, tested: c.tested }));
        const plan = planStudy({ today: '2026-12-02', examDate: exam, minutesPerDay: p.minutesPerDay, chapters, dueToday: p.dueToday, wrongBook: p.wrongBook, recentMock: p.recentMock });
        if (p.daysAhead <= 0) {
          expect(plan).toMatchObject({ ok: false, reason: p.daysAhead < 0 ? 'past' : 'today' });
          return;
        }
        // Plenty of room (days of 90 minutes or more, the work under half of what is left after reviews
        // and the 错题本) must always give a plan: the packing never gives up early.
        const work = chapters.reduce((n, c) => n + (c.read ? 0 : c.minutes) + (c.tested ? 0 : PLAN_MINUTES.chapterTest), 0) + PLAN_MINUTES.fullMock;
        const room = p.daysAhead * (p.minutesPerDay - 20) - Math.max(10, p.wrongBook);
        if (p.minutesPerDay >= 90 && work * 2 <= room) expect(plan.ok).toBe(true);
        if (!plan.ok) {
          expect(plan.reason).toBe('not-enough-time');
          if (plan.reason === 'not-enough-time') expect(plan.minutesPerDayNeeded).toBeGreaterThan(0);
          return;
        }
        expect(plan.days).toHaveLength(p.daysAhead);
        for (const day of plan.days) {
          expect(day.date < exam).toBe(true);
          expect(day.minutes).toBeLessThanOrEqual(p.minutesPerDay);
          expect(day.minutes).toBe(day.tasks.reduce((n, t) => n + t.minutes, 0));
          for (const task of day.tasks) expect(task.minutes).toBeGreaterThan(0);
        }
        const tasks = plan.days.flatMap((d) => d.tasks);
        for (const c of chapters) {
          const read = tasks.filter((t) => t.kind === 'read' && t.chapter === c.id).reduce((n, t) => n + t.minutes, 0);
          expect(read).toBe(c.read ? 0 : c.minutes);
          const tests = tasks.filter((t) => t.kind === 'chapter-test' && t.chapter === c.id);
          expect(tests).toHaveLength(c.tested ? 0 : 1);
          // A chapter test comes after the last session of its reading.
          const lastRead = tasks.map((t) => t.kind === 'read' && t.chapter === c.id).lastIndexOf(true);
          const test = tasks.findIndex((t) => t.kind === 'chapter-test' && t.chapter === c.id);
          if (lastRead >= 0 && test >= 0) expect(test).toBeGreaterThan(lastRead);
        }
        expect(tasks.filter((t) => t.kind === 'mock')).toHaveLength(p.recentMock ? 0 : 1);
      }),
      { numRuns: 300 },
    );
  });
});
