/**
 * Issue 14: a learner's written answers as a text file to download, ending with the result code,
 * which the trainer's inbox reads straight from the file.
 */
import { describe, expect, it } from 'vitest';
import type { WrittenPaper } from '../../../src/quiz/index.ts';
import {
  addCodes,
  ANSWERS_FILE_CODE_LABEL,
  decodeResult,
  drawAssignment,
  emptyInbox,
  encodeResult,
  findCodes,
  resultOf,
  writtenAnswersText,
} from '../../../src/quiz/trainer/index.ts';
import { sampleAssignment, skillsBlueprint, T0, takeWritten, writtenBank } from './fixtures.ts';

const spec = sampleAssignment({ title: '专业能力 第一次作业', trainer: '王老师', modules: ['meetings', 'documents'], mix: { blueprint: 'skills-paper' }, minutes: 120 });
const paper = drawAssignment(spec, { questions: [], cases: writtenBank }, [skillsBlueprint], null) as WrittenPaper;

/** Item 1 fully written and its first point of each part ticked; item 2 written over two lines (CRLF); the rest blank. */
const state = takeWritten(paper, [
  { texts: paper.items[0]!.written.parts.map((_, p) => `第 ${p + 1} 问的作答`), ticks: paper.items[0]!.written.parts.map(() => [0]) },
  { texts: ['第一行\r\n第二行  '], ticks: [[1]] },
]);
const text = writtenAnswersText({ assignment: spec, paper, state, learner: ' 张三 ' });
const lines = text.split('\n');

describe('the answers file', () => {
  it('opens with the assignment, the learner, the times in Beijing time and the self-marked total', () => {
    const result = resultOf(spec, paper, state, '张三');
    expect(lines.slice(0, 8)).toEqual([
      '秘书实务学堂 · 专业能力作答',
      '作业：专业能力 第一次作业',
      '培训师：王老师',
      '学员：张三',
      '开始：2026-01-01 08:00（北京时间）',
      '交卷：2026-01-01 08:40（北京时间），用时 40 分 00 秒',
      `自评总分：${result.score.points}/100 分（及格线 60 分，未及格）`,
      '说明：分数是学员对照得分点的自评；[✓] 是学员勾选的得分点，[  ] 是没有勾选的。',
    ]);
    expect(T0 * 1000 + 500).toBe(Date.UTC(2026, 0, 1, 0, 0, 0, 500));
  });

  it('has, per item, its heading, each question, the learner’s text, the 得分点 with ✓ for ticked, and the item’s 自评', () => {
    const first = paper.items[0]!.written;
    expect(lines).toContain('【案例分析】（50 分）');
    expect(lines).toContain('【工作实务】（50 分）');
    expect(lines).toContain(`第 1 题 · 案例分析（${first.id}）：${first.id} 的情景：某公司行政部秘书小王接到任务。`);
    const start = lines.indexOf(`第 1 问：${first.parts[0]!.prompt}`);
    expect(lines.slice(start, start + 4 + first.parts[0]!.points.length)).toEqual([
      `第 1 问：${first.parts[0]!.prompt}`,
      '作答：',
      '第 1 问的作答',
      '得分点：',
      ...first.parts[0]!.points.map((point, j) => `${j === 0 ? '[✓]' : '[  ]'} ${point.text}（${point.score} 分）`),
    ]);
    // The second item's text keeps its lines, without the CR or trailing space.
    const second = lines.indexOf('第一行');
    expect(lines.slice(second, second + 2)).toEqual(['第一行', '第二行']);
    expect(lines.filter((line) => line === '（未作答）').length).toBe(paper.items.slice(1).reduce((n, slot) => n + slot.written.parts.length, 0) - 1);
    expect(lines.filter((line) => line.startsWith('[✓]'))).toHaveLength(first.parts.length + 1);
    expect(lines.filter((line) => line.startsWith('本题自评：'))).toHaveLength(5);
    expect(text).not.toContain('\r');
  });

  it('ends with the result code on a line of its own, after its label, the same code the page shows', () => {
    const code = encodeResult(resultOf(spec, paper, state, '张三'));
    expect(lines.slice(-3)).toEqual([ANSWERS_FILE_CODE_LABEL, code, '']);
    expect(findCodes(text)).toEqual([code]);
    expect(decodeResult(code, spec.id)).toMatchObject({ ok: true, value: { learner: '张三', written: { length: 5 } } });
  });

  it('is read by the trainer’s inbox as it is: one code, accepted', () => {
    const { inbox, report } = addCodes(emptyInbox(spec), [text], spec);
    expect(report).toMatchObject([{ status: 'accepted', learner: '张三', source: 0 }]);
    expect(inbox.entries).toHaveLength(1);
    // Pasted a second time, with a chat line around it, it is the same attempt.
    expect(addCodes(inbox, `张三发来文件：\n${text}`, spec).report.map((r) => r.status)).toEqual(['duplicate']);
  });

  it('is only made for a handed-in paper', () => {
    expect(() => writtenAnswersText({ assignment: spec, paper, state: { ...state, status: 'in-progress', submittedAt: null }, learner: '张三' })).toThrow('只有交卷后的作答才有结果码');
  });
});
