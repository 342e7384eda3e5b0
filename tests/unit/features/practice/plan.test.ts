import { describe, expect, it } from 'vitest';
import { emptyReview, feedbackFor, record, recordAnswer, setPinned, setStarred, startAttempt } from '../../../../src/quiz/index.ts';
import type { CaseItem, QuizQuestion } from '../../../../src/quiz/index.ts';
import { describeCaseTally, describeTally, planFromQuery, planToQuery, scopeProblem, scopeTitle } from '../../../../src/features/practice/plan.ts';
import { practiceCases, practicePaper, practiceQuestions, seedFromBytes, wrongBookNote } from '../../../../src/features/practice/plan.ts';
import type { PracticePlan } from '../../../../src/features/practice/plan.ts';

const T0 = Date.UTC(2025, 4, 1, 9, 0);

function question(id: string, fields: Partial<QuizQuestion> = {}): QuizQuestion {
  return {
    id,
    chapter: 'meetings',
    section: 'plan',
    type: 'single',
    difficulty: 1,
    stem: `题干 ${id}`,
    options: ['甲', '乙', '丙', '丁'],
    answer: [1],
    explanation: '所以选 B。',
    tags: [],
    ...fields,
  };
}

const bank: QuizQuestion[] = [
  question('meetings-001'),
  question('meetings-002', { section: 'venue' }),
  question('meetings-003', { type: 'multiple', options: ['甲', '乙', '丙', '丁', '戊'], answer: [0, 2] }),
  question('documents-001', { chapter: 'documents', section: 'format' }),
  question('documents-002', { chapter: 'documents', section: 'format', type: 'judge', options: ['正确', '错误'], answer: [0] }),
];

const chapters = [
  { id: 'meetings', title: '会议组织与管理', sections: [{ id: 'plan', title: '会议方案' }, { id: 'venue', title: '会场布置' }] },
  { id: 'documents', title: '文书处理与档案', sections: [{ id: 'format', title: '公文格式' }] },
];

const plan = (fields: Partial<PracticePlan> = {}): PracticePlan => ({ chapter: null, section: null, mode: 'order', seed: null, ...fields });

describe('the plan in the URL', () => {
  it('reads chapter, section and mode, and defaults the mode to 顺序练习', () => {
    expect(planFromQuery('?chapter=meetings&section=plan&mode=wrong')).toEqual({
      kind: 'plan',
      plan: plan({ chapter: 'meetings', section: 'plan', mode: 'wrong' }),
    });
    expect(planFromQuery('?chapter=meetings')).toEqual({ kind: 'plan', plan: plan({ chapter: 'meetings' }) });
    expect(planFromQuery('')).toEqual({ kind: 'none' });
    expect(planFromQuery('?chapter=&section=&mode=')).toEqual({ kind: 'none' });
  });

  it('keeps a seed only for 随机练习', () => {
    expect(planFromQuery('?mode=random&seed=abc')).toMatchObject({ plan: { mode: 'random', seed: 'abc' } });
    expect(planFromQuery('?mode=order&seed=abc')).toMatchObject({ plan: { mode: 'order', seed: null } });
  });

  it('refuses an unknown mode and a section without its chapter', () => {
    expect(planFromQuery('?mode=exam')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('exam') });
    expect(planFromQuery('?section=plan')).toMatchObject({ kind: 'invalid' });
  });

  it('round-trips through planToQuery, leaving out what is empty', () => {
    const plans = [plan(), plan({ chapter: 'meetings', section: 'venue', mode: 'recite' }), plan({ chapter: 'documents', mode: 'random', seed: '0a1b' })];
    for (const p of plans) expect(planFromQuery(planToQuery(p))).toEqual({ kind: 'plan', plan: p });
    expect(planToQuery(plan({ mode: 'case' }))).toBe('?mode=case');
  });

  it('names the scope, and says when a chapter or section does not exist', () => {
    expect(scopeTitle(plan(), chapters)).toBe('全部章节');
    expect(scopeTitle(plan({ chapter: 'meetings', section: 'venue' }), chapters)).toBe('会议组织与管理 › 会场布置');
    expect(scopeProblem(plan({ chapter: 'meetings', section: 'venue' }), chapters)).toBeNull();
    expect(scopeProblem(plan({ chapter: 'nowhere' }), chapters)).toContain('nowhere');
    expect(scopeProblem(plan({ chapter: 'meetings', section: 'format' }), chapters)).toContain('format');
  });
});

describe('the questions each mode asks', () => {
  const ids = (questions: QuizQuestion[]) => questions.map((q) => q.id);

  it('顺序练习 and 背题模式 keep bank order within the chapter or section', () => {
    expect(ids(practiceQuestions(plan({ chapter: 'meetings' }), bank, emptyReview(), T0))).toEqual(['meetings-001', 'meetings-002', 'meetings-003']);
    expect(ids(practiceQuestions(plan({ chapter: 'meetings', section: 'venue', mode: 'recite' }), bank, emptyReview(), T0))).toEqual(['meetings-002']);
    expect(practiceQuestions(plan(), bank, emptyReview(), T0)).toHaveLength(bank.length);
  });

  it('随机练习 shuffles the same way for the same seed', () => {
    const a = ids(practiceQuestions(plan({ mode: 'random', seed: 's1' }), bank, emptyReview(), T0));
    expect(ids(practiceQuestions(plan({ mode: 'random', seed: 's1' }), bank, emptyReview(), T0))).toEqual(a);
    expect([...a].sort()).toEqual(ids(bank).sort());
    const seeds = ['s2', 's3', 's4', 's5'].map((seed) => ids(practiceQuestions(plan({ mode: 'random', seed }), bank, emptyReview(), T0)).join());
    expect(seeds.some((order) => order !== a.join())).toBe(true);
  });

  it('错题本 takes the latest mistake first, within the scope, skipping ids no longer in the bank', () => {
    let review = recordAnswer(emptyReview(), 'meetings-002', false, T0);
    review = recordAnswer(review, 'documents-001', false, T0 + 1000);
    review = recordAnswer(review, 'gone-001', false, T0 + 2000);
    expect(ids(practiceQuestions(plan({ mode: 'wrong' }), bank, review, T0 + 3000))).toEqual(['documents-001', 'meetings-002']);
    expect(ids(practiceQuestions(plan({ chapter: 'meetings', mode: 'wrong' }), bank, review, T0 + 3000))).toEqual(['meetings-002']);
  });

  it('收藏 lists starred questions and 今日复习 the cards now due', () => {
    let review = setStarred(emptyReview(), 'meetings-003', true, T0);
    review = recordAnswer(review, 'meetings-001', false, T0);
    expect(ids(practiceQuestions(plan({ mode: 'starred' }), bank, review, T0))).toEqual(['meetings-003']);
    // A wrong answer is due again the next day (no same-day learning steps); nothing is due before it.
    expect(ids(practiceQuestions(plan({ mode: 'due' }), bank, review, T0 - 1))).toEqual([]);
    expect(ids(practiceQuestions(plan({ mode: 'due' }), bank, review, T0 + 24 * 3600_000))).toEqual(['meetings-001']);
  });

  it('案例分析 asks case items only', () => {
    const item: CaseItem = { kind: 'case', id: 'meetings-c01', chapter: 'meetings', section: 'plan', difficulty: 2, scenario: '…', parts: [], explanation: '', tags: [] };
    expect(practiceQuestions(plan({ mode: 'case' }), bank, emptyReview(), T0)).toEqual([]);
    expect(practiceCases(plan({ mode: 'case', chapter: 'meetings' }), [item])).toEqual([item]);
    expect(practiceCases(plan({ mode: 'case', chapter: 'documents' }), [item])).toEqual([]);
    expect(practiceCases(plan({ mode: 'order' }), [item])).toEqual([]);
  });
});

describe('the practice paper', () => {
  it('keeps option order, so explanations that name letters stay right, and grades all-or-nothing', () => {
    const questions = bank.slice(0, 3);
    const paper = practicePaper('会议 · 顺序练习', 'meetings', questions);
    expect(paper.items.map((i) => i.question)).toEqual(questions);
    expect(paper.items[2]?.permutation).toEqual([0, 1, 2, 3, 4]);
    let attempt = startAttempt({ behaviour: 'practice', itemCount: 3, timeLimitMs: 0 }, T0);
    attempt = record(attempt, { kind: 'answer', at: T0 + 1, item: 2, choice: [0] }).attempt;
    expect(feedbackFor(paper, attempt.state, 2)).toMatchObject({ answer: [0, 2], verdict: { correct: false, credit: 0 } });
    // Practice locks an answered item: the answer has been shown.
    expect(record(attempt, { kind: 'answer', at: T0 + 2, item: 2, choice: [0, 2] }).rejected).toBe('locked');
  });
});

describe('what the learner is told', () => {
  it('sums the self-marked cases of a run, and says they are apart from the objective rate', () => {
    expect(describeCaseTally([{ score: 4, max: 6 }, { score: 2, max: 5 }], 3)).toBe('已自评 2 / 3 个案例 · 自评得分 6 / 11 分（自评，单独记录，不计入客观题正确率）');
    expect(describeCaseTally([], 2)).toBe('已自评 0 / 2 个案例 · 自评得分 0 / 0 分（自评，单独记录，不计入客观题正确率）');
  });

  it('says how an answer moved the question in or out of the 错题本', () => {
    let review = recordAnswer(emptyReview(), 'q', false, T0);
    expect(wrongBookNote(undefined, review.records['q'])).toBe('已加入错题本。');
    const step = (correct: boolean, at: number) => {
      const before = review.records['q'];
      review = recordAnswer(review, 'q', correct, at);
      return wrongBookNote(before, review.records['q']);
    };
    expect(step(true, T0 + 1)).toContain('再答对 2 次');
    expect(step(true, T0 + 2)).toContain('再答对 1 次');
    expect(step(true, T0 + 3)).toContain('已移出错题本');
    expect(step(true, T0 + 4)).toBe('');
    expect(step(false, T0 + 5)).toBe('已加入错题本。');
    review = setPinned(review, 'q', true, T0 + 6);
    expect(step(true, T0 + 7)).toContain('不会自动移出');
  });

  it('describes the running tally and makes hex seeds', () => {
    expect(describeTally({ answered: 0, right: 0, total: 10 })).toBe('已答 0 / 10 题 · 答对 0 题 · 正确率 —');
    expect(describeTally({ answered: 3, right: 2, total: 10 })).toBe('已答 3 / 10 题 · 答对 2 题 · 正确率 67%');
    expect(seedFromBytes(new Uint8Array([0, 15, 255]))).toBe('000fff');
  });
});
