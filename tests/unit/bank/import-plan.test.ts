/**
 * Writing imported questions into a chapter's YAML file: fresh ids, sections, placeholders, and
 * the guarantee that the result passes the build's checks. The CLI runs in a temporary copy of the
 * valid content fixture, never in src/content.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBank, selectBank } from '../../../src/bank/export.ts';
import { readGift } from '../../../src/bank/gift.ts';
import { EXPLANATION_PLACEHOLDER, planImport, type ImportPlan } from '../../../src/bank/import.ts';
import type { ImportedQuestion } from '../../../src/bank/interchange.ts';
import { checkContent, formatProblem, type ContentSources } from '../../../src/content/validate.ts';
import { EXPLANATION, fixturePath, validContent, validSources } from './fixtures.ts';

const FILE = 'questions/demo.yaml';

function imported(fields: Partial<ImportedQuestion> & Pick<ImportedQuestion, 'stem'>): ImportedQuestion {
  return { title: fields.stem, type: 'single', options: ['甲', '乙', '丙', '丁'], answer: [2], explanation: EXPLANATION, line: 1, tags: [], ...fields };
}

function plan(questions: ImportedQuestion[], section?: string, sources: ContentSources = validSources()): ImportPlan {
  const result = planImport(sources, questions, { chapter: 'demo', section, file: FILE });
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

function withText(sources: ContentSources, text: string): ContentSources {
  return { ...sources, questions: [...sources.questions.filter((f) => f.path !== FILE), { path: FILE, text }] };
}

describe('planning an import', () => {
  it('appends with ids after the highest, keeping the file as it was, and passes the checks', () => {
    const before = validSources().questions.find((f) => f.path === FILE)!.text;
    const p = plan([imported({ stem: '新题一的题干是（  ）。', line: 3 }), imported({ stem: '新题二的陈述。', type: 'judge', options: ['正确', '错误'], answer: [1], line: 9 })]);
    expect(p.problems).toEqual([]);
    expect(p.added.map((q) => q.id)).toEqual(['demo-005', 'demo-006']);
    expect(p.text.startsWith(before.trimEnd())).toBe(true);
    const checked = checkContent(withText(validSources(), p.text));
    expect(checked.problems.map(formatProblem)).toEqual([]);
    expect(checked.questions.slice(-2).map((q) => [q.id, q.type, q.answer, q.stem])).toEqual([
      ['demo-005', 'single', [2], '新题一的题干是（  ）。'],
      ['demo-006', 'judge', [1], '新题二的陈述。'],
    ]);
    expect(p.text).toContain('\n- id: demo-006\n  section: first\n  type: judge\n  difficulty: 2\n  stem: 新题二的陈述。\n  answer: false\n');
  });

  it('continues after the highest number even when numbers are missing', () => {
    const sources = validSources();
    const text = sources.questions.find((f) => f.path === FILE)!.text.replace('id: demo-002', 'id: demo-041');
    expect(plan([imported({ stem: '新题的题干是（  ）。' })], undefined, withText(sources, text)).added[0]?.id).toBe('demo-042');
  });

  it("uses --section, else the question's own section if the chapter has it, else the first (and says so)", () => {
    const questions = [imported({ stem: '甲题的题干是（  ）。', section: 'second' }), imported({ stem: '乙题的题干是（  ）。', section: 'ghost' })];
    expect(plan(questions).added.map((q) => [q.section, q.sectionDefaulted])).toEqual([
      ['second', false],
      ['first', true],
    ]);
    expect(plan(questions, 'second').added.map((q) => [q.section, q.sectionDefaulted])).toEqual([
      ['second', false],
      ['second', false],
    ]);
  });

  it('writes the placeholder for a missing or short explanation and flags the question', () => {
    const p = plan([imported({ stem: '甲题的题干是（  ）。', explanation: '' }), imported({ stem: '乙题的题干是（  ）。', explanation: '因为规定如此。' })]);
    expect(p.added.map((q) => q.needsExplanation)).toEqual([true, true]);
    const checked = checkContent(withText(validSources(), p.text));
    expect(checked.problems).toEqual([]);
    expect(checked.questions.slice(-2).map((q) => q.explanation)).toEqual([EXPLANATION_PLACEHOLDER, `因为规定如此。${EXPLANATION_PLACEHOLDER}`]);
    expect([...EXPLANATION_PLACEHOLDER].length).toBeGreaterThanOrEqual(30);
  });

  it('rejects, with line and reason, what the bank would not accept, and still adds the rest', () => {
    const p = plan([
      imported({ stem: '示例单选题第1题的题干是（  ）。', line: 1 }),
      imported({ stem: '三个选项的题（  ）。', options: ['甲', '乙', '丙'], answer: [0], line: 5 }),
      imported({ stem: '有禁用选项的题（  ）。', options: ['甲', '乙', '丙', '以上都对'], line: 9 }),
      imported({ stem: '只有一个答案的多选题（  ）。', type: 'multiple', answer: [1], line: 13 }),
      imported({ stem: '可以导入的题（  ）。', line: 17 }),
    ]);
    expect(p.rejected.map((r) => r.line)).toEqual([1, 5, 9, 13]);
    expect(p.rejected[0]?.reason).toMatch(/题干与 .*demo-001.* 重复/);
    expect(p.rejected[1]?.reason).toBe('单选题须恰好 4 个选项（此题 3 个），未导入');
    expect(p.rejected[2]?.reason).toMatch(/以上都对/);
    expect(p.rejected[3]?.reason).toMatch(/多选答案须为至少两个/);
    expect(p.added.map((q) => [q.id, q.source.line])).toEqual([['demo-005', 17]]);
    expect(p.problems).toEqual([]);
  });

  it("rejects every question of a chapter's own export as a duplicate", () => {
    const { text } = exportBank('gift', selectBank(validContent(), 'demo')!);
    const p = plan(readGift(text).questions);
    expect(p.added).toEqual([]);
    expect(p.rejected).toHaveLength(4);
  });

  it('creates the file when the chapter has none yet', () => {
    const sources = validSources();
    const p = plan([imported({ stem: '新题的题干是（  ）。' })], undefined, { ...sources, questions: sources.questions.filter((f) => f.path !== FILE) });
    expect(p.created).toBe(true);
    expect(p.text.startsWith('chapter: demo\nquestions:\n  - id: demo-001\n')).toBe(true);
    expect(p.problems).toEqual([]);
  });

  it('refuses an unknown chapter or section', () => {
    expect(planImport(validSources(), [], { chapter: 'ghost', file: FILE })).toEqual({ ok: false, message: expect.stringMatching(/章节 "ghost" 不存在/) });
    expect(planImport(validSources(), [], { chapter: 'demo', section: 'third', file: FILE })).toEqual({ ok: false, message: expect.stringMatching(/小节 "third" 不在章节 demo 中/) });
  });
});

describe('npm run bank -- import / export (in a temporary copy of the content)', () => {
  const script = fileURLToPath(new URL('../../../scripts/bank.ts', import.meta.url));
  let dir = '';
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args, '--content', '.'], { cwd: dir, encoding: 'utf8' });
  const fresh = () => {
    dir = mkdtempSync(join(tmpdir(), 'bank-import-'));
    cpSync(fixturePath('content/valid'), dir, { recursive: true });
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the GIFT sampler into the chapter, reports skips and placeholders, and validate passes', () => {
    fresh();
    const result = run('import', fixturePath('gift/sampler.gift'), '--format', 'gift', '--chapter', 'demo');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/sampler\.gift:33 问答题/);
    expect(result.stderr).toMatch(/sampler\.gift:43 花括号不成对/);
    expect(result.stderr).toMatch(/sampler\.gift:15 单选题须恰好 4 个选项/);
    expect(result.stderr).toMatch(/警告：2 道题缺少解析.*demo-006（第 17 行）、demo-007（第 24 行）/);
    expect(result.stdout).toMatch(/第一个小节 first/);
    expect(result.stdout).toMatch(/追加 4 道题（demo-005 至 demo-008）/);
    expect(readFileSync(join(dir, FILE), 'utf8')).toContain(`- id: demo-008\n  section: first\n  type: judge`);
    const validate = run('validate');
    expect(validate.status, validate.stderr).toBe(0);
  });

  it('--dry-run shows the YAML and writes nothing', () => {
    fresh();
    const before = readFileSync(join(dir, FILE), 'utf8');
    const result = run('import', fixturePath('aiken/sample.txt'), '--format', 'aiken', '--chapter', 'demo', '--section', 'second', '--dry-run');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('- id: demo-005\n  section: second\n  type: single');
    expect(readFileSync(join(dir, FILE), 'utf8')).toBe(before);
  });

  it('--json prints exactly { questions, skipped } on stdout', () => {
    fresh();
    const result = run('import', fixturePath('csv/hand-made.csv'), '--format', 'csv', '--json');
    expect(result.status).toBe(0);
    const data = JSON.parse(result.stdout) as { questions: Record<string, unknown>[]; skipped: unknown[] };
    expect(Object.keys(data)).toEqual(['questions', 'skipped']);
    expect(Object.keys(data.questions[0]!).slice(0, 5)).toEqual(['title', 'type', 'stem', 'options', 'answer']);
    expect(data.questions[2]).toMatchObject({ type: 'judge', options: ['正确', '错误'], answer: [0] });
    expect(data.skipped).toEqual([
      { line: 5, reason: expect.any(String) },
      { line: 6, reason: expect.any(String) },
    ]);
  });

  it('exports CSV to a file and to stdout, and says what GIFT skipped on stderr', () => {
    fresh();
    expect(run('export', '--format', 'csv', '-o', 'out.csv').status).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8').startsWith('\uFEFFid,chapter,section,type')).toBe(true);
    const gift = run('export', '--format', 'gift', '--chapter', 'demo');
    expect(gift.stdout).toContain('$CATEGORY: 秘书实务学堂/示例章节');
    expect(gift.stderr).toContain('跳过 1 道案例分析题：GIFT 无法表达');
    expect(run('export', '--format', 'xml').status).toBe(2);
  });
});
