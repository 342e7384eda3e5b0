/**
 * One objective question in practice, as DOM: the question (locked once answered, or in 背题模式
 * with the answer shown), the 提交本题 button of a 多选, 收藏 and 保留在错题本, and the feedback with
 * what the answer did to the 错题本. The session decides; this only draws and reports clicks.
 */
import type { Feedback, QuizQuestion } from '../../quiz/index.ts';
import { el, toggleButton } from '../../ui/dom.ts';
import { renderFeedback, renderQuestion } from '../../ui/question-view.ts';

export interface PracticeItemOptions {
  number: number;
  recite: boolean;
  /** The recorded answer, once there is one. */
  answered: readonly number[] | undefined;
  /** A 多选 choice not yet submitted. */
  pending: readonly number[];
  feedback: Feedback | null;
  /** What the answer did to the 错题本, shown under the feedback. */
  note: string;
  sectionLink: { href: string; title: string };
  starred: boolean;
  /** Whether the question is pinned in the 错题本; null outside 错题本 mode (no button). */
  pinned: boolean | null;
  onChoose: (choice: number[]) => void;
  onSubmit: () => void;
  onStar: (on: boolean) => void;
  onPin: (on: boolean) => void;
}

export function practiceItem(question: QuizQuestion, options: PracticeItemOptions): HTMLElement {
  const locked = options.recite || options.answered !== undefined;
  const chosen = options.recite ? (options.feedback?.answer ?? []) : (options.answered ?? options.pending);
  const box = el('div', 'item');
  const fieldset = renderQuestion(question, { number: options.number, chosen, disabled: locked, onChange: options.onChoose });
  box.append(fieldset);

  const actions = el('div', 'item-actions');
  if (!locked && question.type === 'multiple') {
    const submit = el('button', 'primary submit', '提交本题');
    submit.type = 'button';
    submit.disabled = options.pending.length === 0;
    submit.addEventListener('click', options.onSubmit);
    actions.append(submit);
  }
  actions.append(toggleButton('收藏', options.starred, options.onStar));
  if (options.pinned !== null) actions.append(toggleButton('保留在错题本', options.pinned, options.onPin));
  if (options.feedback && locked) {
    const shown = renderFeedback(fieldset, question, options.feedback, options.sectionLink);
    shown.tabIndex = -1;
    if (options.note) shown.append(el('p', 'review-note', options.note));
    box.append(shown);
  }
  box.append(actions);
  return box;
}
