import { describe, expect, it } from 'vitest';
import { assignmentAttemptId, drawPaper, drawWrittenPaper, emptyReview, layoutOf, record, recordAnswer, setStarred, startAttempt, writtenLayoutOf } from '../../../../src/quiz/index.ts';
import type { AttemptRecord, Paper, ReviewState } from '../../../../src/quiz/index.ts';
import {
  chapterMastery,
  MASTERY_WINDOW,
  masteryChart,
  scoreChart,
  submittedExams,
} from '../../../../src/features/progress/stats.ts';
import { answerTimes, calendarDay, latestAnswers, studyStreak } from '../../../../src/quiz/index.ts';
import { DAY, MINUTE, mockBlueprint, skillsBlueprint, smallBank, T0 } from '../../quiz/fixtures.ts';
import { writtenBank } from '../../trainer/fixtures.ts';
import { scoreExams } from '../../../../src/features/progress/exam-stats.ts';


function answer(review: ReviewState, id: string, correct: boolean, at: number): ReviewState {
  return recordAnswer(review, id, correct, at);
}

describe('latest answers', () => {
  it('takes each question’s last answer from its review record, ignoring records never answered', () => {
    let review = answer(emptyReview(), 'a', false, T0);
    review = answer(review, 'a', true, T0 + MINUTE);
    review = answer(review, 'b', true, T0 + 2 * MINUTE);
    review = answer(review, 'b', false, T0 + 3 * MINUTE);
    review = setStarred(review, 'c', true, T0);
    expect(latestAnswers(review).sort((x, y) => x.questionId.localeCompare(y.questionId))).toEqual([
      { questionId: 'a', correct: true, at: T0 + MINUTE },
      { questionId: 'b', correct: false, at: T0 + 3 * MINUTE },
    ]);
  });
});

describe('mastery per chapter', () => {
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`);

  it('is the share right among the chapter’s most recently answered questions', () => {
    const meetings = ids('meetings', 30);
    const answers = meetings.slice(0, 25).map((questionId, i) => ({ questionId, correct: i >= 5, at: T0 + i * MINUTE }));
    const [m, d] = chapterMastery(
      [
        { id: 'meetings', questionIds: meetings },
        { id: 'documents', questionIds: ids('documents', 10) },
      ],
      answers,
    );
    // 25 answered; the 5 oldest (all wrong) fall outside the window of 20, so all 20 counted are right.
    expect(m).toEqual({ chapter: 'meetings', questions: 30, practised: 25, counted: MASTERY_WINDOW, right: 20, share: 1 });
    expect(d).toEqual({ chapter: 'documents', questions: 10, practised: 0, counted: 0, right: 0, share: null });
  });

  it('counts a question once, by its latest answer, and ignores answers to questions of other chapters', () => {
    let review = answer(emptyReview(), 'meetings-001', false, T0);
    review = answer(review, 'meetings-001', true, T0 + MINUTE);
    review = answer(review, 'meetings-002', false, T0 + 2 * MINUTE);
    review = answer(review, 'gone-001', true, T0 + 3 * MINUTE);
    const [m] = chapterMastery([{ id: 'meetings', questionIds: ['meetings-001', 'meetings-002', 'meetings-003'] }], latestAnswers(review), 20);
    expect(m).toMatchObject({ practised: 2, counted: 2, right: 1, share: 0.5 });
  });
});

describe('study streak', () => {
  it('maps instants to local calendar days', () => {
    // 2025-05-01 23:30 in Beijing (UTC+8, offset -480) is still 1 May there, but 15:30 UTC.
    const lateEvening = Date.UTC(2025, 4, 1, 15, 30);
    expect(calendarDay(lateEvening, -480)).toBe(calendarDay(Date.UTC(2025, 4, 1, 0, 0), 0));
    expect(calendarDay(lateEvening + 60 * MINUTE, -480)).toBe(calendarDay(Date.UTC(2025, 4, 2, 0, 0), 0));
  });

  it('counts consecutive days up to today, or up to yesterday while today is still open', () => {
    expect(studyStreak([10, 11, 12], 12)).toEqual({ current: 3, longest: 3, activeToday: true, activeDays: 3 });
    expect(studyStreak([10, 11, 12], 13)).toEqual({ current: 3, longest: 3, activeToday: false, activeDays: 3 });
    expect(studyStreak([10, 11, 12], 14)).toMatchObject({ current: 0, longest: 3 });
    expect(studyStreak([1, 2, 3, 4, 8, 9, 9, 10], 10)).toEqual({ current: 3, longest: 4, activeToday: true, activeDays: 7 });
    expect(studyStreak([], 10)).toEqual({ current: 0, longest: 0, activeToday: false, activeDays: 0 });
  });

  it('takes answer times from review records and attempt answer steps', () => {
    let review = answer(emptyReview(), 'a', false, T0);
    review = answer(review, 'a', true, T0 + DAY);
    let attempt = startAttempt({ behaviour: 'exam', itemCount: 2, timeLimitMs: 0 }, T0 + 5 * DAY);
    attempt = record(attempt, { kind: 'answer', at: T0 + 5 * DAY + MINUTE, item: 0, choice: [1] }).attempt;
    const stored: AttemptRecord = { id: 'x', layout: layoutOf(examPaper()), steps: attempt.steps };
    expect(answerTimes(review, [stored]).sort()).toEqual([T0, T0 + DAY, T0 + 5 * DAY + MINUTE]);
  });
});

function examPaper(seed = 'exam-1'): Paper {
  return drawPaper(smallBank(), mockBlueprint(), seed);
}

/** An exam attempt answering every item right, or only the first `right` items. */
function examRecord(id: string, paper: Paper, at: number, right: number, submit = true): AttemptRecord {
  let attempt = startAttempt({ behaviour: 'exam', itemCount: paper.items.length, timeLimitMs: 0 }, at);
  paper.items.forEach((item, index) => {
    const choice = index < right ? item.question.answer : [item.question.answer[0] === 0 ? 1 : 0];
    attempt = record(attempt, { kind: 'answer', at: at + index + 1, item: index, choice }).attempt;
  });
  if (submit) attempt = record(attempt, { kind: 'submit', at: at + MINUTE }).attempt;
  return { id, layout: layoutOf(paper), steps: attempt.steps };
}

describe('mock-exam results', () => {
  it('replays and scores submitted exams, oldest first, skipping practice and unfinished ones', () => {
    const paper = examPaper();
    const bank = smallBank();
    const all = paper.items.length;
    let practice = startAttempt({ behaviour: 'practice', itemCount: all, timeLimitMs: 0 }, T0);
    practice = record(practice, { kind: 'submit', at: T0 + 1 }).attempt;
    const records = [
      examRecord('later', paper, T0 + 2 * DAY, all),
      examRecord('earlier', paper, T0, 0),
      examRecord('open', paper, T0 + DAY, all, false),
      { id: 'practice', layout: layoutOf(paper), steps: practice.steps },
    ];
    const { theory: results, unscorable } = scoreExams(submittedExams(records), { questions: bank, cases: [] });
    expect(unscorable).toBe(0);
    expect(results.map((r) => r.id)).toEqual(['earlier', 'later']);
    expect(results[0]).toMatchObject({ total: 0, passed: false, percent: 0, submittedAt: T0 + MINUTE });
    expect(results[1]).toMatchObject({ title: '理论知识模拟', total: 100, maxTotal: 100, passMark: 60, passed: true, percent: 100 });
  });

  it('lists skills papers apart, scored by the 得分点 ticked, and leaves out a trainer\'s assignments', () => {
    const paper = drawWrittenPaper(writtenBank, skillsBlueprint, 'skills-1');
    let attempt = startAttempt({ behaviour: 'exam', itemCount: paper.items.length, timeLimitMs: 0 }, T0);
    attempt = record(attempt, { kind: 'submit', at: T0 + MINUTE }).attempt;
    // Every point of the first item ticked: that item's share of its part, nothing else.
    paper.items[0]?.written.parts.forEach((part, p) =>
      part.points.forEach((_, point) => {
        attempt = record(attempt, { kind: 'tick', at: T0 + 2 * MINUTE, item: 0, part: p, point, ticked: true }).attempt;
      }),
    );
    const skills = { id: 'skills', layout: writtenLayoutOf(paper), steps: attempt.steps };
    const theory = examRecord('theory', examPaper(), T0, 0);
    const assignment = examRecord(assignmentAttemptId('abcdefgh', T0), examPaper(), T0, 0);
    const records = [skills, theory, assignment];
    expect(submittedExams(records).map((exam) => exam.record.id)).toEqual(['skills', 'theory']);
    const scored = scoreExams(submittedExams(records), { questions: smallBank(), cases: writtenBank });
    expect(scored.theory.map((r) => r.id)).toEqual(['theory']);
    expect(scored.skills).toEqual([expect.objectContaining({ id: 'skills', total: 25, maxTotal: 100, passed: false, percent: 25 })]);
    expect(scored.unscorable).toBe(0);
  });

  it('counts an exam whose questions left the bank as unscorable instead of failing', () => {
    const paper = examPaper();
    const first = paper.items[0]?.questionId;
    const bank = smallBank().filter((q) => q.id !== first);
    expect(scoreExams(submittedExams([examRecord('e', paper, T0, 3)]), { questions: bank, cases: [] })).toEqual({ theory: [], skills: [], unscorable: 1 });
  });
});

describe('chart geometry', () => {
  it('spaces exam results evenly and maps 0–100 onto the plot, with a pass line', () => {
    const chart = scoreChart([0, 50, 100], 60, 360, 200);
    expect(chart.plot).toEqual({ left: 36, right: 348, top: 12, bottom: 172 });
    expect(chart.points.map((p) => [p.x, p.y])).toEqual([
      [36, 172],
      [192, 92],
      [348, 12],
    ]);
    expect(chart.path).toBe('M36 172 L192 92 L348 12');
    expect(chart.passY).toBe(76);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('centres a single result, draws no line for it, and clamps out-of-range values', () => {
    const chart = scoreChart([120], null);
    expect(chart.points).toEqual([{ x: 192, y: 12, value: 120, label: '1' }]);
    expect(chart.path).toBe('');
    expect(chart.passY).toBeNull();
  });

  it('thins x labels to about ten, always labelling the last result', () => {
    const labels = scoreChart(Array.from({ length: 25 }, (_, i) => i * 4), null).points.map((p) => p.label).filter(Boolean);
    expect(labels).toEqual(['1', '4', '7', '10', '13', '16', '19', '22', '25']);
  });

  it('gives each chapter a row with its label above a bar as wide as its mastery', () => {
    const chart = masteryChart(
      [
        { label: '会议组织与管理', share: 0.75 },
        { label: '文书处理与档案', share: null },
      ],
      360,
    );
    expect(chart.height).toBe(92);
    expect(chart.bars).toEqual([
      { label: '会议组织与管理', textY: 16, barY: 22, barWidth: 270, valueText: '75%' },
      { label: '文书处理与档案', textY: 60, barY: 66, barWidth: 0, valueText: '未练习' },
    ]);
  });
});
