/**
 * A skills paper (专业能力) on paper: the items with room to write under each question, and — as a
 * separate view for the trainer — the marking scheme: each question's reference answer and its
 * 得分点 with their points, so a class can sit the paper offline and be marked by hand.
 */
import { itemPoints } from '../../quiz/index.ts';
import type { CaseItem, WrittenPaper, WrittenPart } from '../../quiz/index.ts';
import type { AssignmentSpec } from '../../quiz/trainer/index.ts';
import { sectionUrl, type Catalog } from '../../ui/content.ts';
import { el, link } from '../../ui/dom.ts';
import { table } from '../../ui/table.ts';
import { formatPoints } from '../../ui/format.ts';
import { partNumeral } from '../../ui/labels.ts';
import { itemMax, modelAnswer, partPrompt, writtenBrief, writtenKindLabel } from '../../ui/written-view.ts';
import { moduleLabel } from './modules.ts';


/** Ruled lines to write on: more for a task (a document to draft) than for a case question. */
const LINES = { task: 14, case: 8 } as const;

/** The paper's items grouped by part, numbered through the paper. */
function byPart(paper: WrittenPaper): { title: string; points: number; items: { item: CaseItem; number: number }[] }[] {
  return paper.parts
    .map((part, p) => ({
      title: part.title,
      points: part.points,
      items: paper.items.flatMap((slot, i) => (slot.part === p ? [{ item: slot.written, number: i + 1 }] : [])),
    }))
    .filter((part) => part.items.length > 0);
}

function writingSpace(item: CaseItem): HTMLElement {
  const box = el('div', 'writing-space');
  box.setAttribute('aria-hidden', 'true');
  box.style.setProperty('--lines', String(LINES[item.kind]));
  return box;
}

export function renderWrittenPaper(spec: AssignmentSpec, paper: WrittenPaper): Node[] {
  const max = paper.parts.reduce((sum, p) => sum + p.points, 0);
  const meta = el(
    'p',
    'meta-line',
    [`培训师：${spec.trainer}`, spec.minutes > 0 ? `考试时间：${spec.minutes} 分钟` : '不限时', `满分 ${formatPoints(max)} 分，${formatPoints(paper.passMark)} 分及格`].join('　'),
  );
  const boxes = el('div', 'boxes');
  for (const label of ['姓名', '得分']) {
    const box = el('div', 'box');
    box.append(el('span', 'label', label), el('span', 'blank'));
    boxes.append(box);
  }
  const instructions = el('p', 'instructions', '作答说明：先读情景和材料，再按每道题的要求作答，答案写在题下的横线上；要求拟写文书的，写出完整格式（标题、主送、正文、落款、日期）。');
  const nodes: Node[] = [meta, boxes, instructions];
  byPart(paper).forEach((part, p) => {
    const section = el('section');
    section.append(el('h2', undefined, `${partNumeral(p)}、${part.title}（共 ${part.items.length} 题，计 ${formatPoints(part.points)} 分）`));
    const list = el('ol', 'questions');
    for (const { item, number } of part.items) {
      const li = el('li', 'q written-q');
      li.append(el('p', 'stem', `${number}. ${writtenKindLabel(item)}（本题 ${formatPoints(itemPoints(paper, number - 1))} 分）`), writtenBrief(item));
      item.parts.forEach((written, i) => li.append(partPrompt(item, written, i), writingSpace(item)));
      list.append(li);
    }
    section.append(list);
    nodes.push(section);
  });
  return nodes;
}

function rubric(part: WrittenPart): HTMLTableElement {
  const rubricTable = table(['得分点', '分值'], part.points.map((point) => [point.text, `${formatPoints(point.score)} 分`]), { caption: '得分点与分值', className: 'rubric' });
  for (const row of rubricTable.tBodies[0]?.rows ?? []) row.cells[1]?.classList.add('score');
  return rubricTable;
}

export function renderWrittenKey(spec: AssignmentSpec, paper: WrittenPaper, catalog: Catalog): Node[] {
  const nodes: Node[] = [
    el('p', 'meta-line', `培训师：${spec.trainer}　评分标准与参考答案，仅供培训师使用，请勿发给学员`),
    el(
      'p',
      'instructions',
      '评分方法：每道题按得分点给分，写到一点给一点的分；表述不同但意思对的同样给分。题目的得分点满分折算成这道题在试卷上的分值（见题号后）。',
    ),
  ];
  const list = el('ol', 'questions');
  paper.items.forEach((slot, i) => {
    const item = slot.written;
    const li = el('li', 'key-item');
    li.append(
      el('p', 'stem', `${i + 1}. ${writtenKindLabel(item)}（得分点满分 ${formatPoints(itemMax(item))}，折合本卷 ${formatPoints(itemPoints(paper, i))} 分）`),
    );
    item.parts.forEach((part, p) => li.append(partPrompt(item, part, p), modelAnswer(part), rubric(part)));
    const where = el('p');
    where.append('所属小节：', link(sectionUrl(item.chapter, item.section), moduleLabel(`${item.chapter}#${item.section}`, catalog.chapters)));
    li.append(el('p', undefined, `解析：${item.explanation}`), where);
    list.append(li);
  });
  nodes.push(list);
  return nodes;
}
