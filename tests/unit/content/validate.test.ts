import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadContentSources } from '../../../src/content/load-content.ts';
import { checkContent, formatProblem, type ContentProblem } from '../../../src/content/validate.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/content/', import.meta.url));
const check = (name: string) => checkContent(loadContentSources(fixtures + name, '.'));

describe('content cross-checks', () => {
  it('accept the valid fixture and map answers to option indices', () => {
    const { problems, chapters, questions, cases, blueprints } = check('valid');
    expect(problems).toEqual([]);
    expect(chapters.map((c) => [c.id, c.sections.map((s) => s.id)])).toEqual([['demo', ['first', 'second']]]);
    expect(questions.map((q) => [q.id, q.type, q.answer])).toEqual([
      ['demo-001', 'single', [1]],
      ['demo-002', 'single', [0]],
      ['demo-003', 'multiple', [0, 2]],
      ['demo-004', 'judge', [0]],
    ]);
    expect(questions[3]?.options).toEqual(['正确', '错误']);
    expect(cases.map((c) => [c.kind, c.parts.length])).toEqual([
      ['case', 2],
      ['task', 1],
    ]);
    expect(cases[1]).toMatchObject({ verb: '拟写', marks: 6, materials: [{ title: '会议安排', table: { columns: ['项目', '内容'] } }] });
    expect(cases[1]?.parts[0]?.points.map((p) => p.score)).toEqual([2, 2, 2]);
    expect(blueprints.map((b) => b.id)).toEqual(['demo-exam']);
  });

  // One fixture per kind of defect: each must fail alone, naming the file, the line and the field.
  const defects: [fixture: string, file: string, line: number, field: string | RegExp, message: RegExp][] = [
    ['answer-not-in-options', 'questions/demo.yaml', 37, 'questions[2].answer', /答案 E 不在选项 ABCD 之中/],
    ['single-answer-out-of-range', 'questions/demo.yaml', 13, 'questions[0].answer', /无效选项：期望以下之一 "A"\|"B"\|"C"\|"D"/],
    ['judge-answer-not-boolean', 'questions/demo.yaml', 44, 'questions[3].answer', /期望 boolean/],
    ['duplicate-id', 'questions/demo.yaml', 15, 'questions[1].id', /题目 id "demo-001" 重复/],
    ['unknown-section', 'questions/demo.yaml', 16, 'questions[1].section', /小节 "third" 不在章节 demo 中（可用：first、second）/],
    ['unknown-chapter', 'questions/ghost.yaml', 1, 'chapter', /章节 "ghost" 不存在/],
    ['heading-without-id', 'chapters/demo.mdx', 21, 'heading', /「第二节」缺少显式 id/],
    ['short-explanation', 'questions/demo.yaml', 14, 'questions[0].explanation', /解析至少 30 个字/],
    ['forbidden-option', 'questions/demo.yaml', 9, 'questions[0].options', /不允许使用“以上都对”/],
    ['duplicate-stem', 'questions/demo.yaml', 19, 'questions[1].stem', /题干与 .*demo-001.* 重复或几乎相同/],
    ['unfillable-blueprint', 'exams/demo-exam.yaml', 11, 'parts[0].draw.single', /「全部」单选：需要 5 道，可用 2 道/],
    ['blueprint-unknown-chapter', 'exams/demo-exam.yaml', 11, 'parts[0].pool.chapters', /章节 "ghost" 不存在/],
    ['missing-frontmatter-field', 'chapters/demo.mdx', 2, 'minutes', /期望 数字，实际接收 undefined/],
    ['yaml-syntax-error', 'questions/demo.yaml', 5, '', /YAML 语法错误/],
    ['link-to-summary', 'questions/demo.yaml', 16, 'questions[1].section', /不能链接到“本章小结”/],
    ['task-points-mismatch', 'questions/demo.yaml', 86, 'questions[5].points', /得分点合计 6 分，与本题分值 marks 8 分不符/],
    ['internal-id-in-explanation', 'questions/demo.yaml', 26, 'questions[1].explanation', /内部小节 id“（second）”/],
    ['duplicate-options', 'questions/demo.yaml', 9, 'questions[0].options', /选项有重复/],
  ];

  it.each(defects)('reject %s with file, line and field', (fixture, file, line, field, message) => {
    const { problems } = check(fixture);
    const matching = problems.filter((p: ContentProblem) => message.test(p.message));
    expect(matching, problems.map(formatProblem).join('\n')).toHaveLength(1);
    const problem = matching[0]!;
    expect(problem.file).toBe(file);
    expect(problem.field).toEqual(field);
    expect(problem.line).toBe(line);
  });

  it('report an invalid chapter once, without calling it missing from its question file', () => {
    expect(check('missing-frontmatter-field').problems.map(formatProblem)).toEqual([
      'chapters/demo.mdx:2 minutes: 无效输入：期望 数字，实际接收 undefined',
    ]);
  });

  it('keep the valid questions of a file that has one bad question', () => {
    const { questions } = check('short-explanation');
    expect(questions.map((q) => q.id)).toEqual(['demo-002', 'demo-003', 'demo-004']);
  });

  it('report each defect kind with its own message', () => {
    const messages = defects.map(([fixture]) => check(fixture).problems.map((p) => p.message).join('|'));
    expect(new Set(messages).size).toBe(defects.length);
  });

  it('format a problem as file:line field: message', () => {
    const [problem] = check('unknown-section').problems;
    expect(formatProblem(problem!)).toBe(
      'questions/demo.yaml:16 questions[1].section: 小节 "third" 不在章节 demo 中（可用：first、second）',
    );
  });
});
