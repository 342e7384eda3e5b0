import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAssignment, type AssignmentDraft } from '../../../../src/quiz/trainer/index.ts';
import {
  fileName,
  fragmentFor,
  printLink,
  groupProblems,
  isPastDue,
  learnerNameProblem,
  problemField,
  readFragment,
  rulesText,
  shareMessage,
  type AssignmentField,
} from '../../../../src/features/trainer/text.ts';
import { draft, fixedDeps, sampleAssignment } from '../../trainer/fixtures.ts';

describe('due dates', () => {
  it('treats the whole due day as on time, up to midnight Beijing time', () => {
    const spec = { due: '2026-01-10' };
    // 2026-01-10 23:59 Beijing is 15:59 UTC.
    expect(isPastDue(spec, Date.UTC(2026, 0, 10, 15, 59))).toBe(false);
    expect(isPastDue(spec, Date.UTC(2026, 0, 10, 16, 0))).toBe(true);
    expect(isPastDue({ due: null }, Date.UTC(2099, 0, 1))).toBe(false);
  });
});

describe('the message for the chat group', () => {
  it('has the title, the due date, the rules, the note, what to do, and the link last', () => {
    const spec = sampleAssignment();
    const message = shareMessage(spec, 'https://example.cn/trainer/assignment/#a=CODE', 52);
    const lines = message.split('\n');
    expect(lines[0]).toBe(`【作业】${spec.title}`);
    expect(message).toContain('截止：2026-01-10 24:00 前（北京时间）');
    expect(message).toContain(rulesText(spec, 52));
    expect(message).toContain(spec.note);
    expect(message).toContain('结果码');
    expect(lines.at(-1)).toBe('https://example.cn/trainer/assignment/#a=CODE');
    expect(rulesText({ minutes: 0, passMark: 60, multiplePolicy: 'partial' }, null)).toBe('不限时 · 得分率 60% 及格 · 多选题按比例得分');
  });
});

describe('validation problems go next to their fields', () => {
  const cases: [AssignmentField, Partial<AssignmentDraft>][] = [
    ['title', { title: ' ' }],
    ['trainer', { trainer: 'x'.repeat(31) }],
    ['note', { note: 'x'.repeat(301) }],
    ['modules', { modules: ['Not A Module'] }],
    ['mix', { mix: { counts: { single: [Number.NaN, 0, 0], multiple: [0, 0, 0], judge: [0, 0, 0] } } }],
    ['mix', { mix: { counts: { single: [0, 0, 0], multiple: [0, 0, 0], judge: [0, 0, 0] } } }],
    ['mix', { mix: { blueprint: 'Bad Id' } }],
    ['minutes', { minutes: Number.NaN }],
    ['passMark', { passMark: 101 }],
    ['multiplePolicy', { multiplePolicy: 'some' as never }],
    ['due', { due: '2026-02-30' }],
    ['due', { due: '10/01/2026' }],
    ['variant', { variant: 'each' as never }],
    ['showAnswers', { showAnswers: 'yes' as never }],
  ];
  for (const [field, change] of cases) {
    it(`puts ${JSON.stringify(change)} under ${field}`, () => {
      const created = createAssignment({ ...draft, ...change }, fixedDeps());
      expect(created.ok).toBe(false);
      if (created.ok) return;
      expect(created.error.map(problemField)).toEqual(created.error.map(() => field));
      expect([...groupProblems(created.error).keys()]).toEqual([field]);
    });
  }

  it('keeps a sentence that names no field for the form', () => {
    expect(groupProblems(['作业应为对象']).get('form')).toEqual(['作业应为对象']);
  });
});

describe('the learner’s name', () => {
  it('must be there, short, and plain', () => {
    expect(learnerNameProblem(' 张三 ')).toBeNull();
    expect(learnerNameProblem('  ')).toBe('请填写姓名');
    expect(learnerNameProblem('张'.repeat(31))).toBe('姓名不能超过 30 个字');
    expect(learnerNameProblem('张\u0007三')).toBe('姓名含有看不见的特殊字符（U+0007，控制字符），可能是从别处复制时带进来的：请删除后重新输入');
    // The same rules as the result code's: a name it would refuse is refused before the paper.
    expect(learnerNameProblem('张\u200b三')).toMatch(/^姓名含有看不见的特殊字符（U\+200B，零宽字符）/);
    expect(learnerNameProblem('\u202e三张')).toMatch(/U\+202E，文字方向控制符/);
    expect(learnerNameProblem('\u3164')).toMatch(/U\+3164，显示为空白的填充符/);
  });
});

describe('fragments and file names', () => {
  it('reads the code and the key flag from a fragment', () => {
    expect(readFragment('#a=AbC-_9&key=1')).toEqual({ code: 'AbC-_9', key: true });
    expect(readFragment('#a=AbC')).toEqual({ code: 'AbC', key: false });
    expect(readFragment('')).toEqual({ code: null, key: false });
    // A whole link pasted where the fragment should be still finds its code.
    expect(readFragment('#https://x.cn/trainer/assignment/#a=AbC').code).toBe('AbC');
  });

  it('writes the print view\'s links as readFragment reads them', () => {
    expect(printLink('AbC')).toBe('/trainer/print/#a=AbC');
    expect(readFragment(fragmentFor('AbC-_9', true))).toEqual({ code: 'AbC-_9', key: true });
    expect(readFragment(new URL(printLink('AbC'), 'https://x.cn').hash)).toEqual({ code: 'AbC', key: false });
  });

  it('makes file names that every system accepts', () => {
    expect(fileName(['结果码', '第3章: 会议/组织', '张三'], 'txt')).toBe('结果码-第3章 会议组织-张三.txt');
    expect(fileName(['', '  '], 'csv')).toBe('下载.csv');
  });

  it('shortens a long title, not the suffix, so the two CSVs of an assignment never share a name', () => {
    const title = '第三章会议组织与管理课后练习'.repeat(5).slice(0, 60);
    const roster = fileName([title, '成绩名单'], 'csv');
    const items = fileName([title, '逐题统计'], 'csv');
    expect(roster).toBe(`${title.slice(0, 54)}…-成绩名单.csv`);
    expect(items).toBe(`${title.slice(0, 54)}…-逐题统计.csv`);
    // A long title and a long name share the room; the fixed word keeps all of its.
    const result = fileName(['结果码', title, '欧阳'.repeat(15)], 'txt');
    expect(result).toMatch(/^结果码-第三章.{23}…-欧阳.{24}…\.txt$/u);
  });

  it('drops control, invisible and direction characters', () => {
    expect(fileName(['\u202e作业\u200b一', '成绩\u0007名单'], 'csv')).toBe('作业一-成绩名单.csv');
    expect(fileName(['..\\..\\etc', 'x'], 'csv')).toBe('etc-x.csv');
  });

  it('keeps every name within 60 characters and the suffixes apart, whatever the title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (title) => {
        const roster = fileName([title, '成绩名单'], 'csv');
        const items = fileName([title, '逐题统计'], 'csv');
        expect(roster).not.toBe(items);
        expect(roster.endsWith('成绩名单.csv')).toBe(true);
        expect([...roster].length).toBeLessThanOrEqual(60 + '.csv'.length);
        expect(roster).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\\/:*?"<>|]/u);
      }),
    );
  });
});
