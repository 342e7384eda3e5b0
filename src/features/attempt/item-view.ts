/**
 * How the desk shows and answers one item. Objective questions (单选、多选、判断) are options to
 * pick; the skills paper plugs in its own view of written answers. The desk owns navigation, the
 * sheet and the clock; a view only draws an item and turns input into steps.
 */
import { isWrittenPaper } from '../../quiz/index.ts';
import type { AttemptSession, AttemptStep, PaperItem } from '../../quiz/index.ts';
import { renderQuestion } from '../../ui/question-view.ts';
import { toggleChoice } from './sheet.ts';

export interface ItemView {
  /** The item `index` as it stands; `record` takes the steps the learner's input makes. */
  render(session: AttemptSession, index: number, record: (step: AttemptStep) => void): HTMLElement;
  /** Brings the rendered item up to date (another tab, a shortcut) without rebuilding it. */
  sync(slot: HTMLElement, session: AttemptSession, index: number): void;
  /** The choice a 1–5/A–E key makes on item `index`, or null when keys do not answer it. */
  choose?(session: AttemptSession, index: number, option: number): number[] | null;
}

/** Item `index` of an objective paper; the desk never hands this view a written paper. */
function objectiveItem(session: AttemptSession, index: number): PaperItem | undefined {
  if (isWrittenPaper(session.paper)) throw new TypeError('objectiveItems 只显示客观题试卷');
  return session.paper.items[index];
}

export const objectiveItems: ItemView = {
  render(session, index, record) {
    const item = objectiveItem(session, index);
    if (!item) throw new RangeError(`试卷没有第 ${index + 1} 题`);
    return renderQuestion(item.question, {
      number: index + 1,
      chosen: session.state.responses[index] ?? [],
      disabled: false,
      onChange: (choice) => record({ kind: 'answer', at: Date.now(), item: index, choice }),
      multiplePolicy: session.paper.multiplePolicy,
    });
  },
  sync(slot, session, index) {
    const chosen = session.state.responses[index] ?? [];
    slot.querySelectorAll<HTMLInputElement>('input').forEach((input) => {
      input.checked = chosen.includes(Number(input.value));
    });
  },
  choose(session, index, option) {
    const question = objectiveItem(session, index)?.question;
    if (!question) return null;
    return toggleChoice(question.type, question.options.length, session.state.responses[index] ?? [], option);
  },
};
