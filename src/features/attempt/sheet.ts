/**
 * The 答题卡 (answer sheet) of every timed attempt: what each question's button says, and the warning
 * before submitting.
 * Pure functions of the attempt state, so the words a screen reader hears are unit-tested.
 */
import type { AttemptState, ObjectiveType } from '../../quiz/index.ts';

export interface ItemStatus {
  answered: boolean;
  flagged: boolean;
  /** The question on screen. */
  current: boolean;
}

/** Something chosen, or something written in any part of a written item. */
export function isAnswered(state: Pick<AttemptState, 'responses' | 'texts'>, item: number): boolean {
  return (state.responses[item]?.length ?? 0) > 0 || (state.texts[item] ?? []).some((text) => text.trim() !== '');
}

export function itemStatus(state: AttemptState, item: number, current: number): ItemStatus {
  return {
    answered: isAnswered(state, item),
    flagged: state.flags.includes(item),
    current: item === current,
  };
}

/** The button's accessible name: 「第 3 题，已作答，已标记，当前题」. */
export function statusLabel(number: number, status: ItemStatus): string {
  const words = [`第 ${number} 题`, status.answered ? '已作答' : '未作答'];
  if (status.flagged) words.push('已标记');
  if (status.current) words.push('当前题');
  return words.join('，');
}

/** Symbols shown next to the number, so status never depends on colour alone. */
export const SHEET_SYMBOLS = { answered: '✓', flagged: '⚑', unanswered: '·' } as const;

export function statusSymbols(status: ItemStatus): string {
  return (status.answered ? SHEET_SYMBOLS.answered : SHEET_SYMBOLS.unanswered) + (status.flagged ? SHEET_SYMBOLS.flagged : '');
}

export interface Unfinished {
  unanswered: number;
  flagged: number;
}

export function unfinished(state: AttemptState): Unfinished {
  let answered = 0;
  for (let item = 0; item < state.itemCount; item++) if (isAnswered(state, item)) answered++;
  return { unanswered: state.itemCount - answered, flagged: state.flags.length };
}

/** What the confirm dialog says before submitting. */
export function submitWarning({ unanswered, flagged }: Unfinished): string {
  const open: string[] = [];
  if (unanswered > 0) open.push(`还有 ${unanswered} 题未作答`);
  if (flagged > 0) open.push(`${flagged} 题标记为待检查`);
  const lead = open.length > 0 ? `${open.join('，')}。` : '所有题目都已作答。';
  return `${lead}交卷后不能再修改答案，确定交卷吗？`;
}

/**
 * The choice after picking `option` by keyboard: 单选 and 判断 take it, 多选 toggles it.
 * Returns null when the question has no such option.
 */
export function toggleChoice(type: ObjectiveType, optionCount: number, chosen: readonly number[], option: number): number[] | null {
  if (!Number.isInteger(option) || option < 0 || option >= optionCount) return null;
  if (type !== 'multiple') return [option];
  const next = chosen.includes(option) ? chosen.filter((o) => o !== option) : [...chosen, option];
  return next.sort((a, b) => a - b);
}
