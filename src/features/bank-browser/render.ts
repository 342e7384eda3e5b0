/**
 * One 题库 result as DOM: type, difficulty and place; the stem and lettered options (or a case's
 * scenario and sub-questions); and a <details> with the answer, the explanation and a link to the
 * section. All text from the bank goes in through textContent.
 */
import type { QuizQuestion } from '../../quiz/index.ts';
import { el } from '../../ui/dom.ts';
import { answerText, DIFFICULTY_NAMES, LETTERS, TYPE_NAMES } from '../../ui/labels.ts';
import type { BankEntry, BrowserChapter, CaseEntry } from './filter.ts';
import { placeOf } from './filter.ts';


function labelled(label: string, text: string): HTMLParagraphElement {
  const p = el('p');
  p.append(el('strong', undefined, `${label}：`), text);
  return p;
}

function questionBody(question: QuizQuestion): HTMLElement[] {
  const stem = el('p', 'stem', question.stem);
  // 判断 always offers 正确 / 错误; the badge already says so.
  if (question.type === 'judge') return [stem];
  const options = el('ol', 'options');
  question.options.forEach((text, i) => {
    const item = el('li');
    item.append(el('span', 'letter', `${LETTERS[i]}.`), text);
    options.append(item);
  });
  return [stem, options];
}

function caseBody(item: CaseEntry): HTMLElement[] {
  const prompts = el('ol', 'prompts');
  for (const part of item.parts) prompts.append(el('li', undefined, part.prompt));
  return [el('p', 'scenario', item.scenario), prompts];
}

function caseSolution(item: CaseEntry): HTMLElement[] {
  return item.parts.flatMap((part, i) => {
    const points = el('ul', 'points');
    for (const point of part.points) points.append(el('li', undefined, `${point.text}（${point.score} 分）`));
    const total = part.points.reduce((sum, point) => sum + point.score, 0);
    return [labelled(`第 ${i + 1} 问参考答案`, part.modelAnswer), el('p', undefined, `得分点（共 ${total} 分）：`), points];
  });
}

export function renderEntry(entry: BankEntry, chapters: readonly BrowserChapter[]): HTMLLIElement {
  const place = placeOf(entry, chapters);
  const item = el('li', 'entry');
  item.tabIndex = -1;
  item.dataset['id'] = entry.id;

  const meta = el('p', 'meta');
  meta.append(
    el('span', 'badge', TYPE_NAMES[entry.type]),
    el('span', undefined, `难度：${DIFFICULTY_NAMES[entry.difficulty]}`),
    el('span', undefined, `${place.chapterTitle} › ${place.sectionTitle}`),
  );

  const details = el('details');
  const solution = el('div', 'solution');
  if (entry.type === 'case') {
    details.append(el('summary', undefined, '参考答案与得分点'));
    solution.append(...caseSolution(entry));
  } else {
    details.append(el('summary', undefined, '答案与解析'));
    solution.append(labelled('答案', answerText(entry, entry.answer)));
  }
  solution.append(labelled('解析', entry.explanation));
  if (place.href) {
    const link = el('a', undefined, '去学习本节');
    link.href = place.href;
    // Every result has this link; the hidden part tells them apart for screen readers.
    link.append(el('span', 'visually-hidden', `：${place.chapterTitle} › ${place.sectionTitle}`));
    const p = el('p');
    p.append(link);
    solution.append(p);
  }
  details.append(solution);

  item.append(meta, ...(entry.type === 'case' ? caseBody(entry) : questionBody(entry)), details);
  return item;
}
