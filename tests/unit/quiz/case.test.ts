import { describe, expect, it } from 'vitest';
import { mergeCaseWork, revealModelAnswers, selfMark, startCase, tickPoint, writeCaseAnswer } from '../../../src/quiz/index.ts';
import type { CaseItem } from '../../../src/quiz/index.ts';

const item: CaseItem = {
  kind: 'case',
  id: 'meetings-c01',
  chapter: 'meetings',
  section: 'minutes',
  difficulty: 2,
  scenario: '小王负责记录公司例会……',
  parts: [
    { prompt: '会议记录存在哪些问题？', modelAnswer: '……', points: [{ text: '未记出席人数', score: 2 }, { text: '未记决议', score: 3 }] },
    { prompt: '应如何改进？', modelAnswer: '……', points: [{ text: '会前准备签到表', score: 5 }] },
  ],
  explanation: '本案考查会议记录的要素。',
  tags: [],
};

describe('案例分析 walkthrough', () => {
  it('writes, reveals, self-marks; the self-marked score stands apart', () => {
    let work = startCase(item, 1);
    expect(work).toEqual({ caseId: 'meetings-c01', parts: [{ text: '', ticked: [] }, { text: '', ticked: [] }], revealed: false, updatedAt: 1 });
    expect(() => tickPoint(item, work, 0, 0, true, 2)).toThrow('先查看参考答案');

    work = writeCaseAnswer(work, 0, '没有记录出席人数。', 3);
    work = writeCaseAnswer(work, 1, '准备签到表。', 4);
    work = revealModelAnswers(work, 5);
    expect(() => writeCaseAnswer(work, 0, '补充：没有记决议。', 6)).toThrow('不能再修改');

    work = tickPoint(item, work, 0, 0, true, 7);
    work = tickPoint(item, work, 1, 0, true, 8);
    work = tickPoint(item, work, 1, 0, true, 9);
    expect(selfMark(item, work)).toEqual({ caseId: 'meetings-c01', score: 7, max: 10, parts: [{ score: 2, max: 5 }, { score: 5, max: 5 }] });

    work = tickPoint(item, work, 1, 0, false, 10);
    expect(selfMark(item, work).score).toBe(2);
    expect(work.parts[0]?.text).toBe('没有记录出席人数。');
    expect(() => tickPoint(item, work, 0, 5, true, 11)).toThrow(RangeError);
    expect(() => writeCaseAnswer(startCase(item, 0), 2, 'x', 1)).toThrow(RangeError);
  });

  it('keeps the later copy when two tabs wrote the same case', () => {
    const older = writeCaseAnswer(startCase(item, 0), 0, '旧', 10);
    const newer = writeCaseAnswer(startCase(item, 0), 0, '新', 20);
    expect(mergeCaseWork(older, newer)).toBe(newer);
    expect(mergeCaseWork(newer, older)).toBe(newer);
  });
});
