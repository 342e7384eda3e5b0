/**
 * A written item (案例分析 or 工作实务) as every page shows it — practice, the skills paper, its
 * results, the trainer's print view: the scenario, the materials (passages and tables), and after
 * writing, the 得分点 checklist with the hint of which points the answer seems to cover. All text
 * goes in as textContent.
 */
import { seemsCovered } from '../quiz/index.ts';
import type { CaseItem, Material, WrittenPart } from '../quiz/index.ts';
import { el } from './dom.ts';
import { table } from './table.ts';
import { TYPE_NAMES } from './labels.ts';

/** 「案例分析」 or 「工作实务 · 拟写」. */
export function writtenKindLabel(item: Pick<CaseItem, 'kind' | 'verb'>): string {
  return item.kind === 'task' && item.verb ? `${TYPE_NAMES.task} · ${item.verb}` : TYPE_NAMES[item.kind];
}

/** The raw points of an item: its marks, or the sum of its 得分点. */
export function itemMax(item: CaseItem): number {
  return item.marks ?? item.parts.reduce((sum, part) => sum + part.points.reduce((n, p) => n + p.score, 0), 0);
}

/** Paragraphs of a multi-line text; blank lines separate them, single line breaks are kept. */
export function paragraphs(text: string, className?: string): HTMLElement {
  const box = el('div', className);
  for (const block of text.split(/\n\s*\n/)) {
    const p = el('p');
    block.split('\n').forEach((line, i) => {
      if (i > 0) p.append(el('br'));
      p.append(line);
    });
    box.append(p);
  }
  return box;
}

function materialView(material: Material): HTMLElement {
  const figure = el('figure', 'material');
  figure.append(el('figcaption', undefined, material.title));
  if (material.text !== undefined) figure.append(paragraphs(material.text, 'material-text'));
  if (material.table) figure.append(table(material.table.columns, material.table.rows));
  return figure;
}

/** The scenario and the materials of an item. */
export function writtenBrief(item: CaseItem): HTMLElement {
  const box = el('div', 'written-brief');
  box.append(paragraphs(item.scenario, 'scenario'));
  for (const material of item.materials ?? []) box.append(materialView(material));
  return box;
}

/** A part's prompt: 「第 1 问（6 分）……」 for a case, the task itself for a task. */
export function partPrompt(item: CaseItem, part: WrittenPart, index: number): HTMLElement {
  const max = part.points.reduce((n, p) => n + p.score, 0);
  const label = item.kind === 'task' ? `任务（${max} 分）：` : `第 ${index + 1} 问（${max} 分）：`;
  const p = el('p', 'prompt');
  p.append(el('strong', undefined, label), part.prompt);
  return p;
}

export interface ChecklistOptions {
  /** Ticked point indices. */
  ticked: readonly number[];
  /** The learner's answer to the part, for the hint. */
  answer: string;
  disabled?: boolean;
  onTick?: (point: number, ticked: boolean) => void;
}

/**
 * The 得分点 of one part to tick, each marked 「似已写到」 when the answer contains its key terms.
 * The fieldset's hint says the marks are only a hint.
 */
export function rubricChecklist(part: WrittenPart, options: ChecklistOptions): HTMLFieldSetElement {
  const fieldset = el('fieldset', 'points');
  fieldset.append(el('legend', undefined, '得分点：勾选你的作答覆盖到的'));
  part.points.forEach((point, index) => {
    const label = el('label', 'point');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = options.ticked.includes(index);
    box.disabled = options.disabled ?? false;
    box.addEventListener('change', () => options.onTick?.(index, box.checked));
    label.append(box, el('span', 'point-text', `${point.text}（${point.score} 分）`));
    if (seemsCovered(point, options.answer)) label.append(el('span', 'hint-badge', '似已写到'));
    fieldset.append(label);
  });
  fieldset.append(el('p', 'hint', '“似已写到”只是按关键词给的提示，可能漏判或误判：请对照参考答案自己决定勾不勾。'));
  return fieldset;
}

/** The model answer of a part, kept line by line as the marker expects to see it. */
export function modelAnswer(part: WrittenPart): HTMLElement {
  const box = el('div', 'model-answer');
  box.tabIndex = -1;
  box.append(el('p', 'model-title', '参考答案'), paragraphs(part.modelAnswer, 'model-text'));
  return box;
}
