/**
 * Issue 13, item 8: a link opened after the site changed. Every problem is found at once and
 * named in Chinese; a paper that cannot be drawn is known before anyone types a name.
 */
import { describe, expect, it } from 'vitest';
import type { Blueprint, QuizQuestion } from '../../../src/quiz/index.ts';
import { chaptersToLoad, checkAssignment, missingModules, type SiteChapter } from '../../../src/quiz/trainer/index.ts';
import { sampleAssignment } from './fixtures.ts';

const chapters: SiteChapter[] = [
  { id: 'meetings', title: '会议组织与管理', sections: [{ id: 'plan', title: '会议方案' }, { id: 'venue', title: '会址的选择' }] },
  { id: 'documents', title: '文书处理与档案', sections: [{ id: 'filing', title: '立卷归档' }] },
];

const bank: QuizQuestion[] = Array.from({ length: 6 }, (_, i) => ({
  id: `meetings-${i}`,
  chapter: 'meetings',
  section: i % 2 === 0 ? 'plan' : 'venue',
  type: 'judge',
  difficulty: 1,
  stem: `判断 ${i}`,
  options: ['正确', '错误'],
  answer: [i % 2],
  explanation: '',
  tags: [],
}));

const fits = sampleAssignment({ modules: ['meetings'], mix: { counts: { single: [0, 0, 0], multiple: [0, 0, 0], judge: [4, 0, 0] } } });

describe('chaptersToLoad', () => {
  it('loads only the chapters the site still has, or every chapter for the whole bank', () => {
    expect(chaptersToLoad({ modules: ['archives', 'meetings#plan', 'documents', 'meetings'] }, chapters)).toEqual(['meetings', 'documents']);
    expect(chaptersToLoad({ modules: ['archives#x'] }, chapters)).toEqual([]);
    expect(chaptersToLoad({ modules: [] }, chapters)).toBeUndefined();
  });
});

describe('checkAssignment', () => {
  it('finds nothing wrong with an assignment that fits the site, and draws its paper', () => {
    const check = checkAssignment(fits, { chapters, blueprints: [] }, bank);
    expect(check.problems).toEqual([]);
    expect(check.paper).toMatchObject({ ok: true, value: { items: { length: 4 } } });
  });

  it('names a missing chapter and a missing section in Chinese, all at once', () => {
    expect(missingModules({ modules: ['meetings#gone', 'archives', 'documents#filing', 'meetings'] }, chapters)).toEqual([
      '学习范围里「会议组织与管理」的一个小节本站已经没有了（小节编号 gone）',
      '学习范围里的一章本站已经没有了（章节编号 archives）',
    ]);
  });

  it('still draws the paper from what is left, and says what is missing', () => {
    const stale = { ...fits, modules: ['meetings', 'archives#old'] };
    const check = checkAssignment(stale, { chapters, blueprints: [] }, bank);
    expect(check.problems).toEqual(['学习范围里的一章本站已经没有了（章节编号 archives）']);
    expect(check.paper.ok).toBe(true);
  });

  it('reports a paper that cannot be drawn, with every shortfall, beside the missing modules', () => {
    const greedy = { ...fits, modules: ['meetings#plan', 'meetings#gone'] };
    const check = checkAssignment(greedy, { chapters, blueprints: [] }, bank);
    expect(check.problems).toEqual([
      '学习范围里「会议组织与管理」的一个小节本站已经没有了（小节编号 gone）',
      '按本站现在的题库凑不齐这份试卷：「易」判断：需要 4 道，可用 3 道',
    ]);
    expect(check.paper).toEqual({ ok: false, error: '按本站现在的题库凑不齐这份试卷：「易」判断：需要 4 道，可用 3 道' });
  });

  it('reports a blueprint the site no longer has', () => {
    const retired = { ...fits, mix: { blueprint: 'old-mock' } };
    const blueprints: Blueprint[] = [];
    expect(checkAssignment(retired, { chapters, blueprints }, bank).problems).toEqual(['作业使用的试卷蓝本本站已经没有了（蓝本编号 old-mock），无法组卷']);
  });
});
