/**
 * Names of things as the pages show them, all derived from the engine's one list of type names
 * (src/quiz/models.ts), so 单选 / 单选题 / 单项选择题 cannot drift apart.
 */
import { DIFFICULTY_NAMES, TYPE_NAMES } from '../quiz/index.ts';
import type { ItemType, MultiplePolicy, QuizQuestion } from '../quiz/index.ts';

export { DIFFICULTY_NAMES, TYPE_NAMES };

/** Option letters, in order. */
export const LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

/** A question's answer as a learner reads it: 「正确」 or 「错误」 for a 判断, the option letters (「ACD」) otherwise. */
export function answerText(question: Pick<QuizQuestion, 'type' | 'options'>, answer: readonly number[]): string {
  return question.type === 'judge' ? (question.options[answer[0] ?? 0] ?? '') : answer.map((i) => LETTERS[i] ?? '?').join('');
}

/** 「单选题」, as a badge on a question. */
export function typeLabel(type: ItemType): string {
  return `${TYPE_NAMES[type]}题`;
}

/** 「单项选择题」, as a heading on a paper. */
export function typeHeading(type: ItemType): string {
  switch (type) {
    case 'single':
    case 'multiple':
      return `${TYPE_NAMES[type].slice(0, 1)}项选择题`;
    default:
      return typeLabel(type);
  }
}

/** How a 多选 is scored, stated under it. */
export const MULTIPLE_HINTS: Readonly<Record<MultiplePolicy, string>> = {
  'all-or-nothing': '（多选题：选出全部正确选项，少选、错选均不得分）',
  partial: '（多选题：选出全部正确选项；按比例得分——少选按选对的比例得分，错选不得分）',
};

/** Chinese numerals for paper parts: 一、二、三…. */
export function partNumeral(index: number): string {
  return '一二三四五六七八九十'[index] ?? String(index + 1);
}
