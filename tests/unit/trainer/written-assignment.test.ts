/**
 * Issue 14, item 4: a trainer assigns the skills paper (专业能力) — a written blueprint scoped by
 * modules, or written items chosen by id — and old links keep reading as they did.
 */
import { describe, expect, it } from 'vitest';
import { isWrittenPaper, scoreWritten, type Blueprint, type QuizQuestion, type WrittenPaper } from '../../../src/quiz/index.ts';
import {
  ASSIGNMENT_BLUEPRINT_ID,
  assignmentLink,
  chaptersFor,
  chaptersToLoad,
  checkAssignment,
  decodeAssignment,
  drawAssignment,
  drawAssignmentPaper,
  encodeAssignment,
  isWrittenAssignment,
  MissingWrittenItemsError,
  mixTotal,
  readAssignmentLink,
  redrawPaper,
  validateAssignment,
  writtenItemChapter,
  type SiteChapter,
} from '../../../src/quiz/trainer/index.ts';
import { sampleAssignment, skillsBlueprint, writtenBank } from './fixtures.ts';

const chosen = sampleAssignment({ modules: [], mix: { written: ['documents-t02', 'meetings-c01', 'office-t01'] }, minutes: 60, passMark: 60 });
const skills = sampleAssignment({ modules: ['meetings', 'documents'], mix: { blueprint: 'skills-paper' }, minutes: 120 });
const bank = { questions: [] as QuizQuestion[], cases: writtenBank };
const blueprints: Blueprint[] = [skillsBlueprint];

function problemsOf(mix: unknown): string[] {
  const checked = validateAssignment({ ...chosen, mix });
  return checked.ok ? [] : checked.error;
}

describe('a mix of chosen written items', () => {
  it('accepts one to ten distinct item ids', () => {
    expect(problemsOf({ written: ['meetings-c01'] })).toEqual([]);
    expect(problemsOf({ written: Array.from({ length: 10 }, (_, i) => `meetings-t${i + 10}`) })).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['no items', { written: [] }, '指定题目应为 1 到 10 道案例分析或工作实务'],
    ['eleven items', { written: Array.from({ length: 11 }, (_, i) => `meetings-t${i + 10}`) }, '指定题目应为 1 到 10 道案例分析或工作实务'],
    ['a repeated item', { written: ['meetings-c01', 'office-t01', 'meetings-c01'] }, '指定题目重复：meetings-c01'],
    ['an id in capitals', { written: ['Meetings-C01'] }, '指定题目第 1 项应为题目编号（小写字母、数字和连字符）'],
    ['an id with a space', { written: ['meetings-c01', 'office t01'] }, '指定题目第 2 项应为题目编号（小写字母、数字和连字符）'],
    ['a number for an id', { written: [7] }, '指定题目第 1 项应为题目编号（小写字母、数字和连字符）'],
    ['an over-long id', { written: [`a${'-b'.repeat(40)}`] }, '指定题目第 1 项过长'],
    ['not a list', { written: 'meetings-c01' }, '指定题目应为题目编号列表'],
    ['items beside counts', { written: ['meetings-c01'], counts: {} }, '题目组成含有 1 项本站不认识的内容（可能来自更新版本的网站）'],
  ])('rejects %s', (_, mix, problem) => {
    expect(problemsOf(mix)).toContain(problem);
  });

  it('never names a JSON key in its messages', () => {
    for (const mix of [{ written: [] }, { written: 'x' }, { written: ['A'] }, { written: ['a', 'a'] }]) {
      for (const problem of problemsOf(mix)) expect(problem).not.toMatch(/written|mix/);
    }
  });

  it('travels in a version 1 link, unchanged codec, and reads back exactly', () => {
    const link = assignmentLink(chosen);
    expect(link.split('=')[1]!.slice(0, 2)).toBe('AU'); // bytes 0x01 0x41: version 1, kind A
    expect(readAssignmentLink(link)).toEqual({ ok: true, value: chosen });
    const ten = sampleAssignment({ modules: [], mix: { written: Array.from({ length: 10 }, (_, i) => `business-reception-t${String(i + 1).padStart(2, '0')}`) } });
    console.info(`assignment link with 3 chosen items: ${link.length} characters; with 10 long ids: ${assignmentLink(ten).length}`);
    expect(assignmentLink(ten).length).toBeLessThan(500);
  });
});

describe('links made before written papers', () => {
  // Made by the site before issue 14 (commit 7c4c878), for sampleAssignment() and for a
  // per-learner skills-paper assignment; the codec has not changed, so they still read the same.
  const OLD_LINK =
    '/trainer/assignment/#a=AUE5MnC3tgGDBrdxekVikWFaOVKwA5PQkx2dwFSkgDUNKbxYvw8YmZAEiBJFz_u6IekBEVfP5qx5OnHFk11T4CkDGNPPu4FptBuYdp-vnQKMe1zp4_numc86JgIVoES4Um5qagkweItBgZifXJqbCoxe5bTMHFCQI1IDlmg3NNCx0DFCjXdjHRMdY6R4N9UxBipBiXdjwhGPFq2QuDQw1DU0ICLikCPJ0MjE1NTEwNTQFC22zMyNjEzNDAxrAQ';
  const OLD_SKILLS_LINK =
    '/trainer/assignment/#a=AUG73jMIrQGDBrdxekVikWFaOVKwA5PQkx2dwFSkgDUNKbxYvw8YmZAEiBJFz_u6IekBEVfP5qx5OnHFk11T4CkDGNPPu4FptBuYdp-vnQKMe1zp4_numc86JgIVoES4Um5qagkweItBgZifXJqbCoxe5bTMHFCQY08NxdmZOTnFugWJwBCFpAxolBoTjlO0GINEk4GhrqEBnrjCGQmGRiampiYGpoamaLFhZm5kZGpmYFgLAA';

  it('read exactly as before, and are written the same way', () => {
    expect(readAssignmentLink(OLD_LINK)).toEqual({ ok: true, value: sampleAssignment() });
    expect(assignmentLink(sampleAssignment())).toBe(OLD_LINK);
    const oldSkills = sampleAssignment({ mix: { blueprint: 'skills-paper' }, variant: 'per-learner' });
    expect(readAssignmentLink(OLD_SKILLS_LINK)).toEqual({ ok: true, value: oldSkills });
  });

  it('an old skills-paper link now draws a written paper', () => {
    const decoded = readAssignmentLink(OLD_SKILLS_LINK);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(isWrittenAssignment(decoded.value, blueprints)).toBe(true);
    // Its modules (meetings, documents#filing) hold too few tasks in this small bank; the whole bank does.
    expect(() => drawAssignment(decoded.value, bank, blueprints, '张三')).toThrow('「工作实务」工作实务：需要 3 道，可用 2 道');
    expect(isWrittenPaper(drawAssignment({ ...decoded.value, modules: [] }, bank, blueprints, '张三'))).toBe(true);
  });
});

describe('drawing chosen items', () => {
  it('draws them in the trainer’s order as one part of 100 points, each an equal share', () => {
    const paper = drawAssignment(chosen, bank, blueprints, null) as WrittenPaper;
    expect(isWrittenPaper(paper)).toBe(true);
    expect(paper.items.map((i) => i.questionId)).toEqual(['documents-t02', 'meetings-c01', 'office-t01']);
    expect(paper.items.every((i) => i.part === 0 && i.permutation.length === 0)).toBe(true);
    expect(paper).toMatchObject({
      kind: 'written',
      blueprintId: ASSIGNMENT_BLUEPRINT_ID,
      title: chosen.title,
      minutes: 60,
      passMark: 60,
      chapter: null,
      parts: [{ title: chosen.title, points: 100, count: 3 }],
    });
    // Every point of the 20-mark task ticked earns the same third as every point of the 10-mark case.
    const all = (i: number) => paper.items[i]!.written.parts.map((part) => part.points.map((_, j) => j));
    const first = scoreWritten(paper, { texts: {}, ticks: { 0: all(0) } });
    const second = scoreWritten(paper, { texts: {}, ticks: { 1: all(1) } });
    expect(first.total).toBe(second.total);
    expect(first.total).toBeCloseTo(100 / 3, 2);
  });

  it('gives every learner the same paper, even for a per-learner assignment', () => {
    const ids = (learner: string | null) => drawAssignment({ ...chosen, variant: 'per-learner' }, bank, blueprints, learner).items.map((i) => i.questionId);
    expect(ids('张三')).toEqual(ids('李四'));
    expect(ids('张三')).toEqual(ids(null));
    expect(drawAssignment({ ...chosen, variant: 'per-learner' }, bank, blueprints, '张三').seed).toBe(drawAssignment(chosen, bank, blueprints, null).seed);
  });

  it('names the items the bank no longer has', () => {
    const stale = { ...chosen, mix: { written: ['meetings-c01', 'meetings-c99', 'office-t09'] } };
    expect(() => drawAssignment(stale, bank, blueprints, null)).toThrow(MissingWrittenItemsError);
    expect(() => drawAssignment(stale, bank, blueprints, null)).toThrow('作业指定的案例分析或工作实务本站已经没有了（题目编号 meetings-c99、office-t09），无法组卷');
  });

  it('is refused by the objective draw, which cannot hold it', () => {
    expect(() => drawAssignmentPaper(chosen, [], blueprints, null)).toThrow(TypeError);
    expect(() => drawAssignmentPaper(skills, [], blueprints, null)).toThrow(TypeError);
  });
});

describe('drawing a written blueprint', () => {
  it('draws the skills paper from the modules, with the assignment’s time and pass mark', () => {
    const paper = drawAssignment({ ...skills, passMark: 70 }, bank, blueprints, null) as WrittenPaper;
    expect(paper.items.map((i) => i.written.kind)).toEqual(['case', 'case', 'task', 'task', 'task']);
    expect(paper.items.every((i) => ['meetings', 'documents'].includes(i.written.chapter))).toBe(true);
    expect(paper).toMatchObject({ kind: 'written', blueprintId: ASSIGNMENT_BLUEPRINT_ID, title: skills.title, minutes: 120, passMark: 70 });
    expect(paper.parts).toEqual([
      { title: '案例分析', points: 50, count: 2 },
      { title: '工作实务', points: 50, count: 3 },
    ]);
  });

  it('scopes by section too, and names a shortfall', () => {
    const plan = { ...skills, modules: ['meetings#plan', 'documents'] };
    const paper = drawAssignment(plan, bank, blueprints, null);
    expect(paper.items.every((i) => i.questionId.startsWith('documents') || i.questionId === 'meetings-c02' || i.questionId === 'meetings-t02')).toBe(true);
    const narrow = { ...skills, modules: ['office'] };
    expect(redrawPaper(narrow, { blueprints }, bank, null)).toEqual({
      ok: false,
      error: '按本站现在的题库凑不齐这份试卷：「案例分析」案例分析：需要 2 道，可用 1 道；「工作实务」工作实务：需要 3 道，可用 1 道',
    });
  });

  it('draws the same shared paper for everyone and a paper per learner for a per-learner variant, however the bank loaded', () => {
    const ids = (spec: typeof skills, learner: string | null, cases = writtenBank) =>
      drawAssignment(spec, { questions: [], cases }, blueprints, learner).items.map((i) => i.questionId);
    expect(ids(skills, '张三')).toEqual(ids(skills, '李四', [...writtenBank].reverse()));
    const variant = { ...skills, variant: 'per-learner' as const };
    expect(ids(variant, '张三')).toEqual(ids(variant, ' 张三 ', [...writtenBank].reverse()));
    const learners = ['张三', '李四', '王五', '赵六', '钱七', '孙八'];
    expect(new Set(learners.map((name) => ids(variant, name).join())).size).toBeGreaterThan(1);
  });

  it('tells written assignments apart from objective ones', () => {
    expect(isWrittenAssignment(chosen, [])).toBe(true);
    expect(isWrittenAssignment(skills, blueprints)).toBe(true);
    expect(isWrittenAssignment(skills, [])).toBe(false); // unknown: drawing it says why
    expect(isWrittenAssignment(sampleAssignment(), blueprints)).toBe(false);
    expect(isWrittenAssignment({ mix: { blueprint: 'mock' } }, [{ ...skillsBlueprint, id: 'mock', parts: [{ ...skillsBlueprint.parts[0]!, written: undefined, draw: { single: 5, multiple: 0, judge: 0 } }] }])).toBe(false);
  });

  it('counts the items of either mix', () => {
    expect(mixTotal(chosen, [])).toBe(3);
    expect(mixTotal(skills, blueprints)).toBe(5);
    expect(mixTotal(skills, [])).toBeNull();
  });
});

describe('what to load and what is missing', () => {
  const chapters: SiteChapter[] = [
    { id: 'meetings', title: '会议组织与管理', sections: [{ id: 'first', title: '会前准备' }] },
    { id: 'documents', title: '文书处理', sections: [] },
    { id: 'office', title: '办公室事务', sections: [] },
  ];

  it('loads the chapters the chosen items’ ids name, or every chapter when an id names none', () => {
    expect(writtenItemChapter('business-reception-t03')).toBe('business-reception');
    expect(writtenItemChapter('meetings-001')).toBeNull();
    expect(chaptersFor(chosen)).toEqual(['documents', 'meetings', 'office']);
    expect(chaptersToLoad({ ...chosen, mix: { written: ['meetings-c01', 'archives-t01', 'meetings-t02'] } }, chapters)).toEqual(['meetings']);
    expect(chaptersToLoad({ ...chosen, mix: { written: ['meetings-c01', 'odd-item'] } }, chapters)).toBeUndefined();
    // A written blueprint loads what its modules name, as an objective one does.
    expect(chaptersToLoad(skills, chapters)).toEqual(['meetings', 'documents']);
  });

  it('checks a chosen-items assignment: fine as it is, or naming what the site lacks', () => {
    expect(checkAssignment(chosen, { chapters, blueprints }, bank)).toMatchObject({ problems: [], paper: { ok: true } });
    const stale = { ...chosen, modules: ['archives'], mix: { written: ['meetings-c01', 'meetings-c09'] } };
    expect(checkAssignment(stale, { chapters, blueprints }, bank)).toEqual({
      problems: ['学习范围里的一章本站已经没有了（章节编号 archives）', '作业指定的案例分析或工作实务本站已经没有了（题目编号 meetings-c09），无法组卷'],
      paper: { ok: false, error: '作业指定的案例分析或工作实务本站已经没有了（题目编号 meetings-c09），无法组卷' },
    });
  });

  it('checks the skills paper against the bank, and an old caller’s question list is a bank without written items', () => {
    expect(checkAssignment(skills, { chapters, blueprints }, bank).paper).toMatchObject({ ok: true, value: { kind: 'written' } });
    expect(redrawPaper(chosen, { blueprints }, [], null)).toMatchObject({ ok: false, error: expect.stringContaining('meetings-c01') });
  });

  it('still decodes what it encodes after all this', () => {
    expect(decodeAssignment(encodeAssignment(skills))).toEqual({ ok: true, value: skills });
  });
});
