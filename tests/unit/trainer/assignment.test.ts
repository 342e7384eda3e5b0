import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSIGNMENT_PATH,
  assignmentLink,
  createAssignment,
  decodeAssignment,
  dueDeadline,
  encodeAssignment,
  encodeResult,
  readAssignmentLink,
  validateAssignment,
  type AssignmentSpec,
} from '../../../src/quiz/trainer/index.ts';
import { draft, fixedDeps, sampleAssignment, sampleResult, T0 } from './fixtures.ts';

function problemsOf(value: unknown): string[] {
  const checked = validateAssignment(value);
  return checked.ok ? [] : checked.error;
}

describe('createAssignment', () => {
  it('adds an id, a seed and the creation time from the injected deps', () => {
    const spec = sampleAssignment();
    expect(spec.id).toMatch(/^[0-9a-hjkmnp-tv-z]{8}$/);
    expect(spec).toEqual(sampleAssignment()); // same deps, same spec
    expect(spec.createdAt).toBe(T0 + 1);
    expect(Number.isInteger(spec.seed) && spec.seed >= 0 && spec.seed < 2 ** 32).toBe(true);
    expect(createAssignment(draft, fixedDeps([0.5]))).not.toEqual(createAssignment(draft, fixedDeps()));
  });

  it('trims the texts the trainer typed', () => {
    const spec = sampleAssignment({ title: '  练习一 ', trainer: ' 李老师', note: '\r\n请按时完成\r\n独立作答\r\n' });
    expect([spec.title, spec.trainer, spec.note]).toEqual(['练习一', '李老师', '请按时完成\n独立作答']);
  });

  it('reports what is wrong with a draft, in Chinese', () => {
    const created = createAssignment({ ...draft, title: '   ', passMark: 120 }, fixedDeps());
    expect(created).toEqual({ ok: false, error: ['作业名称不能为空', '及格线（%）应在 0 到 100 之间'] });
  });
});

describe('validateAssignment', () => {
  const spec = sampleAssignment();

  it('accepts a valid spec, at the length limits', () => {
    expect(problemsOf(spec)).toEqual([]);
    const atLimits = { ...spec, title: '题'.repeat(60), trainer: '名'.repeat(30), note: '注'.repeat(300), due: null };
    expect(problemsOf(atLimits)).toEqual([]);
    expect(problemsOf({ ...spec, mix: { blueprint: 'theory-mock' } })).toEqual([]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(problemsOf({ ...spec, trainer: '😀'.repeat(30) })).toEqual([]);
    expect(problemsOf({ ...spec, trainer: '😀'.repeat(31) })).toEqual(['培训师姓名不能超过 30 个字']);
  });

  it.each<[string, Partial<Record<keyof AssignmentSpec, unknown>>, string]>([
    ['a long title', { title: '题'.repeat(61) }, '作业名称不能超过 60 个字'],
    ['a long name', { trainer: 'x'.repeat(31) }, '培训师姓名不能超过 30 个字'],
    ['a long note', { note: '注'.repeat(301) }, '说明不能超过 300 个字'],
    ['a line break in the title', { title: '练习\n一' }, '作业名称不能换行'],
    ['a bad id', { id: 'ABCDEFGH' }, '作业编号应为 8 位编号'],
    ['a bad module', { modules: ['Meetings'] }, '范围第 1 项应为章节编号或「章节#小节」编号'],
    ['a repeated module', { modules: ['meetings', 'meetings'] }, '范围重复：meetings'],
    ['a fractional time limit', { minutes: 1.5 }, '限时（分钟）应为整数'],
    ['an impossible date', { due: '2026-02-30' }, '截止日期 2026-02-30 不是真实存在的日期'],
    ['a date-time as due', { due: '2026-02-03T10:00' }, '截止日期应为 YYYY-MM-DD 格式的日期'],
    ['an unknown policy', { multiplePolicy: 'best' }, '多选计分应为「全对才得分」或「按比例得分」'],
    ['an unknown variant', { variant: 'random' }, '试卷方式应为「全班同一份试卷」或「每人一份（按姓名抽题）」'],
    ['a string boolean', { showAnswers: 'true' }, '交卷后显示答案应为是或否'],
    ['a negative seed', { seed: -1 }, '随机种子应在 0 到 4294967295 之间'],
    ['a time in milliseconds', { createdAt: T0 * 1000 }, '创建时间应在 1577836800 到 4102444800 之间'],
    [
      'an empty paper',
      { mix: { counts: { single: [0, 0, 0], multiple: [0, 0, 0], judge: [0, 0, 0] } } },
      '总题量应在 1 到 200 之间',
    ],
    [
      'a short counts row',
      { mix: { counts: { single: [1, 1], multiple: [0, 0, 0], judge: [0, 0, 0] } } },
      '单选题量应为易、中、难三个数',
    ],
    ['both kinds of mix', { mix: { blueprint: 'theory-mock', counts: {} } }, '题目组成含有 1 项本站不认识的内容（可能来自更新版本的网站）'],
  ])('rejects %s', (_, change, problem) => {
    expect(problemsOf({ ...spec, ...change })).toContain(problem);
  });

  it('rejects unknown and missing fields, naming them in Chinese (never by their JSON keys)', () => {
    expect(problemsOf({ ...spec, extra: 1 })).toEqual(['作业含有 1 项本站不认识的内容（可能来自更新版本的网站）']);
    const { note: _note, trainer: _trainer, ...withoutTwo } = spec;
    expect(problemsOf(withoutTwo)).toEqual(['作业缺少：培训师姓名、说明']);
    expect(problemsOf(JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(spec).slice(1)}`))).toEqual([
      '作业含有 1 项本站不认识的内容（可能来自更新版本的网站）',
    ]);
    expect(problemsOf({ ...spec, mix: { counts: { single: [1, 0, 0] } } })).toEqual(['题量缺少：多选、判断']);
  });

  it('never shows a field name in Latin letters, whatever is wrong', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(spec), 'x'), fc.jsonValue(), { maxKeys: 16 }), (value) => {
        for (const problem of problemsOf(value)) {
          // Ids and values the trainer typed may appear; the keys of the spec never do.
          expect(problem).not.toMatch(/\b(?:trainer|note|title|modules|mix|minutes|passMark|multiplePolicy|due|variant|showAnswers|seed|createdAt|counts|blueprint|single|multiple|judge)\b/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects what is not an object', () => {
    for (const value of [null, [], 'spec', 1]) expect(problemsOf(value)).toEqual(['作业应为对象']);
  });
});

describe('assignment links', () => {
  const spec = sampleAssignment();

  it('carries the spec in the fragment and reads it back exactly', () => {
    const link = assignmentLink(spec);
    expect(link.startsWith(`${ASSIGNMENT_PATH}#a=`)).toBe(true);
    expect(readAssignmentLink(link)).toEqual({ ok: true, value: spec });
    expect(readAssignmentLink(`https://mishu.example.cn${link}`)).toEqual({ ok: true, value: spec });
    expect(decodeAssignment(encodeAssignment(spec))).toEqual({ ok: true, value: spec });
  });

  it('stays short enough for a chat message or a QR code', () => {
    const link = assignmentLink(
      sampleAssignment({
        title: '第五章 文书拟写与处理 单元测验',
        trainer: '陈红梅',
        note: '考前复习用，题目覆盖公文格式和收发文流程。做完后请把结果码私信给我，周日晚上统一讲评。',
        modules: ['documents', 'documents#format', 'documents#flow'],
      }),
    );
    console.info(`typical assignment link: ${link.length} characters`);
    expect(link.length).toBeLessThan(500);
  });

  it('refuses a result code pasted as an assignment link', () => {
    const resultCode = encodeResult(sampleResult(spec.id));
    expect(readAssignmentLink(`${ASSIGNMENT_PATH}#a=${resultCode}`)).toEqual({
      ok: false,
      error: { code: 'wrong-kind', message: '这是结果码，不是作业链接' },
    });
  });

  it('names a truncated link as such', () => {
    const link = assignmentLink(spec);
    const decoded = readAssignmentLink(link.slice(0, -10));
    expect(decoded).toEqual({
      ok: false,
      error: { code: 'incomplete', message: '作业链接不完整：可能复制时漏掉了一部分' },
    });
  });

  it('refuses to encode an invalid spec', () => {
    expect(() => encodeAssignment({ ...spec, passMark: 101 })).toThrow(/及格线/);
  });
});

describe('dueDeadline', () => {
  it('ends the due day at midnight Beijing time', () => {
    expect(dueDeadline({ due: '2026-03-20' })).toBe(Date.UTC(2026, 2, 20, 16) / 1000);
    expect(dueDeadline({ due: null })).toBeNull();
  });
});
