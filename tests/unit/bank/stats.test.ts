import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadContentSources } from '../../../src/content/load-content.ts';
import { checkContent } from '../../../src/content/validate.ts';
import { bankStats } from '../../../src/bank/stats.ts';

const fixture = fileURLToPath(new URL('../../fixtures/content/valid', import.meta.url));

describe('bank stats', () => {
  const { chapters, questions, cases, blueprints } = checkContent(loadContentSources(fixture, '.'));
  const stats = bankStats(chapters, questions, cases, blueprints);

  it('count questions by type, chapter, section and difficulty', () => {
    expect(stats.total).toBe(6);
    expect(stats.byType).toEqual({ single: 2, multiple: 1, judge: 1, case: 1, task: 1 });
    expect(stats.byChapter).toEqual({ demo: 6 });
    expect(stats.bySection).toEqual({ 'demo#first': 3, 'demo#second': 3 });
    expect(stats.byDifficulty).toEqual({ '1': 3, '2': 3, '3': 0 });
  });

  it('count 工作实务 tasks per chapter and the 得分点 of tasks and cases', () => {
    expect(stats.tasksByChapter).toEqual({ demo: 1 });
    expect(stats.rubricPoints).toEqual({ task: 3, case: 2 });
  });

  it('list the teaching sections below three questions, never 本章小结 or 常见误区', () => {
    expect(stats.sectionsBelow3).toEqual([]);
    // The same chapter with a third section holding one question, and an empty summary.
    const [demo] = chapters;
    if (!demo) throw new Error('fixture has no chapter');
    const grown = { ...demo, sections: [...demo.sections, { id: 'third', title: '第三节', line: 1 }, { id: 'summary', title: '本章小结', line: 1 }] };
    const lonely = { ...questions[0]!, id: 'demo-099', section: 'third' };
    expect(bankStats([grown], [...questions, lonely], cases, blueprints).sectionsBelow3).toEqual(['demo#third']);
  });

  it('measure answer balance and the ethics pool', () => {
    expect(stats.singleAnswerPositions).toEqual({ A: 0.5, B: 0.5, C: 0, D: 0 });
    expect(stats.judgeTrueShare).toBe(1);
    expect(stats.ethicsTagged).toBe(1);
  });

  it('count how many papers a blueprint yields without repeating a question', () => {
    expect(stats.papersWithoutRepeats).toEqual({ 'demo-exam': 1 });
  });
});
