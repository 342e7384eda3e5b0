/**
 * Renders one objective question as a fieldset of radio buttons (单选, 判断) or checkboxes (多选),
 * and the feedback under it. Shared by practice and the mock exam. All text goes in as textContent.
 */
import type { Feedback, MultiplePolicy, QuizQuestion } from '../quiz/index.ts';
import { el } from './dom.ts';
import { answerText, LETTERS, MULTIPLE_HINTS, typeLabel } from './labels.ts';

export interface QuestionViewOptions {
  /** 1-based number shown before the stem. */
  number: number;
  /** Options chosen so far (shown positions). */
  chosen: readonly number[];
  /** No more changes (practice after answering, review, 背题). */
  disabled: boolean;
  /** Called with the new choice whenever the learner changes it. */
  onChange?: (choice: number[]) => void;
  /** How a 多选 is scored, stated under it; the national exam's all-or-nothing unless given. */
  multiplePolicy?: MultiplePolicy;
}

export function renderQuestion(question: QuizQuestion, options: QuestionViewOptions): HTMLFieldSetElement {
  const fieldset = el('fieldset', 'question');
  fieldset.dataset['type'] = question.type;
  const legend = el('legend');
  legend.append(el('span', 'question-type', typeLabel(question.type)), ` ${options.number}. ${question.stem}`);
  fieldset.append(legend);
  const name = `q-${question.id}-${options.number}`;
  const inputType = question.type === 'multiple' ? 'checkbox' : 'radio';
  const list = el('div', 'options');
  question.options.forEach((text, index) => {
    const label = el('label', 'option choice');
    const input = el('input');
    input.type = inputType;
    input.name = name;
    input.value = String(index);
    input.checked = options.chosen.includes(index);
    input.disabled = options.disabled;
    input.addEventListener('change', () => {
      const choice = [...list.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => Number(i.value));
      options.onChange?.(choice);
    });
    label.append(input, el('span', 'letter', question.type === 'judge' ? '' : `${LETTERS[index]}.`), ` ${text}`);
    list.append(label);
  });
  fieldset.append(list);
  if (question.type === 'multiple') fieldset.append(el('p', 'hint', MULTIPLE_HINTS[options.multiplePolicy ?? 'all-or-nothing']));
  return fieldset;
}

/** Marks right and wrong options on a rendered question and returns the explanation block. */
export function renderFeedback(fieldset: HTMLFieldSetElement, question: QuizQuestion, feedback: Feedback, sectionLink: { href: string; title: string }): HTMLElement {
  const labels = fieldset.querySelectorAll<HTMLLabelElement>('label.option');
  labels.forEach((label, index) => {
    const right = feedback.answer.includes(index);
    const chosen = feedback.verdict?.chosen.includes(index) ?? false;
    label.classList.toggle('is-right', right);
    label.classList.toggle('is-wrong', chosen && !right);
    if (right) label.append(el('span', 'mark', '（正确答案）'));
    else if (chosen) label.append(el('span', 'mark', '（你的选择）'));
  });
  const box = el('div', 'feedback');
  box.setAttribute('role', 'status');
  let verdict = `正确答案：${answerText(question, feedback.answer)}`;
  if (feedback.verdict) verdict = `${feedback.verdict.correct ? '回答正确 ✓' : feedback.verdict.credit > 0 ? `部分正确（得 ${Math.round(feedback.verdict.credit * 100)}%）` : '回答错误 ✗'}　${verdict}`;
  else if (feedback.verdict === null && fieldset.querySelector('input:checked') === null) verdict = `未作答　${verdict}`;
  box.classList.add(feedback.verdict?.correct ? 'is-right' : feedback.verdict ? 'is-wrong' : 'is-neutral');
  box.append(el('p', 'verdict', verdict), el('p', 'explanation', `解析：${feedback.explanation}`));
  const link = el('a', undefined, `去学习本节：${sectionLink.title}`);
  link.href = sectionLink.href;
  box.append(link);
  return box;
}

/**
 * A question after submission, for a results review: the question as answered (locked), then its
 * feedback. The feedback is not a live region there: a page of them would only be noise.
 */
export function renderReviewed(
  question: QuizQuestion,
  options: Omit<QuestionViewOptions, 'disabled' | 'onChange'>,
  feedback: Feedback | null,
  sectionLink: { href: string; title: string },
): HTMLElement[] {
  const fieldset = renderQuestion(question, { ...options, disabled: true });
  if (!feedback) return [fieldset];
  const box = renderFeedback(fieldset, question, feedback, sectionLink);
  box.removeAttribute('role');
  return [fieldset, box];
}

/**
 * Arrow keys move between a question's options without choosing: in practice a radio would
 * otherwise answer, and lock, on the first arrow press. A keydown listener for the question area.
 */
export function moveWithinOptions(event: KeyboardEvent): void {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || !target.closest('fieldset.question')) return;
  const inputs = [...(target.closest('fieldset.question')?.querySelectorAll<HTMLInputElement>('input') ?? [])];
  const next = inputs[inputs.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1)];
  event.preventDefault();
  next?.focus();
}
