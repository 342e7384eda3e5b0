import { describe, expect, it } from 'vitest';
import { replay } from '../../../../src/quiz/index.ts';
import type { AttemptStep } from '../../../../src/quiz/index.ts';
import { itemStatus, statusLabel, statusSymbols, submitWarning, toggleChoice, unfinished } from '../../../../src/features/attempt/sheet.ts';

const T0 = Date.UTC(2025, 4, 1, 9, 0);
const state = replay([
  { kind: 'start', at: T0, behaviour: 'exam', itemCount: 5, timeLimitMs: 30 * 60_000 },
  { kind: 'answer', at: T0 + 1, item: 0, choice: [1] },
  { kind: 'answer', at: T0 + 2, item: 2, choice: [0, 3] },
  { kind: 'flag', at: T0 + 3, item: 2 },
  { kind: 'flag', at: T0 + 4, item: 4 },
  { kind: 'answer', at: T0 + 5, item: 3, choice: [2] },
  { kind: 'answer', at: T0 + 6, item: 3, choice: [] },
] satisfies AttemptStep[]);

describe('the answer sheet', () => {
  it('tells answered, flagged and current apart', () => {
    expect(itemStatus(state, 0, 0)).toEqual({ answered: true, flagged: false, current: true });
    expect(itemStatus(state, 2, 0)).toEqual({ answered: true, flagged: true, current: false });
    expect(itemStatus(state, 3, 0)).toEqual({ answered: false, flagged: false, current: false });
    expect(itemStatus(state, 4, 4)).toEqual({ answered: false, flagged: true, current: true });
  });

  it('names each button in words, not by colour', () => {
    expect(statusLabel(3, itemStatus(state, 2, 0))).toBe('第 3 题，已作答，已标记');
    expect(statusLabel(1, itemStatus(state, 0, 0))).toBe('第 1 题，已作答，当前题');
    expect(statusLabel(4, itemStatus(state, 3, 0))).toBe('第 4 题，未作答');
  });

  it('shows a symbol for each status', () => {
    expect(statusSymbols(itemStatus(state, 0, 0))).toBe('✓');
    expect(statusSymbols(itemStatus(state, 2, 0))).toBe('✓⚑');
    expect(statusSymbols(itemStatus(state, 4, 0))).toBe('·⚑');
    expect(statusSymbols(itemStatus(state, 1, 0))).toBe('·');
  });
});

describe('the warning before submitting', () => {
  it('counts unanswered and flagged questions', () => {
    expect(unfinished(state)).toEqual({ unanswered: 3, flagged: 2 });
    expect(submitWarning(unfinished(state))).toBe('还有 3 题未作答，2 题标记为待检查。交卷后不能再修改答案，确定交卷吗？');
  });

  it('mentions only what is open', () => {
    expect(submitWarning({ unanswered: 0, flagged: 1 })).toBe('1 题标记为待检查。交卷后不能再修改答案，确定交卷吗？');
    expect(submitWarning({ unanswered: 0, flagged: 0 })).toBe('所有题目都已作答。交卷后不能再修改答案，确定交卷吗？');
  });
});

describe('choosing by keyboard', () => {
  it('replaces the choice of a 单选 or 判断', () => {
    expect(toggleChoice('single', 4, [1], 2)).toEqual([2]);
    expect(toggleChoice('single', 4, [2], 2)).toEqual([2]);
    expect(toggleChoice('judge', 2, [], 1)).toEqual([1]);
  });

  it('toggles an option of a 多选, kept in order', () => {
    expect(toggleChoice('multiple', 5, [3], 0)).toEqual([0, 3]);
    expect(toggleChoice('multiple', 5, [0, 3], 3)).toEqual([0]);
    expect(toggleChoice('multiple', 5, [0], 0)).toEqual([]);
  });

  it('ignores an option the question does not have', () => {
    expect(toggleChoice('judge', 2, [0], 2)).toBeNull();
    expect(toggleChoice('single', 4, [0], 4)).toBeNull();
    expect(toggleChoice('multiple', 4, [0], -1)).toBeNull();
  });
});
