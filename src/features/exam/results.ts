/**
 * Fills the results screen of a submitted attempt: the score, a row per part and per chapter
 * (numbers in text, bars only as decoration), and every question with its feedback.
 */
import { feedbackFor } from '../../quiz/index.ts';
import type { AttemptSession, Paper, PaperScore, Tally } from '../../quiz/index.ts';
import { sectionLink, type Catalog } from '../../ui/content.ts';
import { el, ref } from '../../ui/dom.ts';
import { formatDateTime, formatDuration, formatPercent, formatPoints } from '../../ui/format.ts';
import { renderReviewed } from '../../ui/question-view.ts';
import { paperName, timeUsed } from './history.ts';

export function renderResults(root: HTMLElement, session: AttemptSession<Paper>, catalog: Catalog): void {
  const { paper, state } = session;
  const score = session.score;
  if (!score) return;
  const chapterTitles = new Map(catalog.chapters.map((c) => [c.id, c.title]));
  ref(root, 'results-title').textContent = `考试成绩：${paperName(paper, chapterTitles)}`;

  const timeUp = ref(root, 'timeup-notice');
  timeUp.hidden = state.endedBy !== 'timeUp';
  if (state.endedBy === 'timeUp' && state.submittedAt !== null) {
    timeUp.textContent = `考试时间已到：已按截止时间 ${formatDateTime(state.submittedAt)} 自动交卷，截止之后的作答不计分。`;
  }

  ref(root, 'total').textContent = `${formatPoints(score.total)} / ${formatPoints(score.maxTotal)} 分`;
  const verdict = ref(root, 'verdict');
  verdict.textContent = score.passed ? '及格 ✓' : '不及格 ✗';
  verdict.classList.toggle('pass', score.passed);
  verdict.classList.toggle('fail', !score.passed);

  const right = score.items.filter((mark) => mark.correct).length;
  const answered = score.items.filter((mark) => mark.answered).length;
  const used = timeUsed(state);
  facts(ref(root, 'facts'), [
    ['及格线', `${formatPoints(score.passMark)} 分`],
    ['答对', `${right} / ${score.items.length} 题（作答 ${answered} 题）`],
    ['用时', used === null ? '—' : `${formatDuration(used)}${paper.minutes > 0 ? `（限时 ${paper.minutes} 分钟）` : ''}`],
    ['交卷时间', state.submittedAt === null ? '—' : formatDateTime(state.submittedAt)],
  ]);

  ref(root, 'parts').replaceChildren(
    ...score.parts.map((part) =>
      row([part.key, `${formatPoints(part.score)} / ${formatPoints(part.points)} 分`, `${part.right} / ${part.total}`], ['部分', '得分', '答对', '正确率'], part),
    ),
  );
  ref(root, 'chapters').replaceChildren(
    ...score.byChapter.map((tally) => row([chapterTitles.get(tally.key) ?? tally.key, `${tally.right} / ${tally.total}`], ['章节', '答对', '正确率'], tally)),
  );

  const retake = ref<HTMLAnchorElement>(root, 'retake');
  const query = new URLSearchParams({ blueprint: paper.blueprintId });
  if (paper.chapter !== null) query.set('chapter', paper.chapter);
  retake.href = `/exam/?${query}`;
  ref(root, 'print').onclick = () => window.print();

  renderReview(root, session, score, catalog);
}

function facts(list: HTMLElement, entries: [string, string][]): void {
  list.replaceChildren(...entries.flatMap(([term, value]) => [el('dt', undefined, term), el('dd', undefined, value)]));
}

/**
 * A table row: text cells, then the share right as text with a decorative bar. Each cell carries
 * its column's name (`data-label`), which phones show when the table is stacked into cards.
 */
function row(cells: string[], labels: readonly string[], tally: Tally): HTMLTableRowElement {
  const tr = el('tr');
  cells.forEach((text, index) => {
    const cell = el(index === 0 ? 'th' : 'td', undefined, text);
    if (index === 0) cell.setAttribute('scope', 'row');
    else cell.dataset['label'] = labels[index] ?? '';
    tr.append(cell);
  });
  const shareCell = el('td');
  shareCell.dataset['label'] = labels[cells.length] ?? '';
  const bar = el('span', 'bar');
  bar.setAttribute('aria-hidden', 'true');
  const fill = el('span');
  fill.style.width = `${Math.round(tally.share * 100)}%`;
  bar.append(fill);
  shareCell.append(bar, formatPercent(tally.share));
  tr.append(shareCell);
  return tr;
}

function renderReview(root: HTMLElement, session: AttemptSession<Paper>, score: PaperScore, catalog: Catalog): void {
  const { paper, state } = session;
  const list = ref(root, 'review');
  const onlyWrong = ref<HTMLInputElement>(root, 'only-wrong');
  const count = ref(root, 'review-count');

  const entries = paper.items.map((item, index) => {
    const { question } = item;
    const li = el('li');
    li.append(
      ...renderReviewed(
        question,
        { number: index + 1, chosen: state.responses[index] ?? [], multiplePolicy: paper.multiplePolicy },
        feedbackFor(paper, state, index),
        sectionLink(catalog.chapters, question.chapter, question.section),
      ),
    );
    return { li, wrong: !(score.items[index]?.correct ?? false) };
  });
  list.replaceChildren(...entries.map((entry) => entry.li));

  const wrongCount = entries.filter((entry) => entry.wrong).length;
  const filter = () => {
    for (const entry of entries) entry.li.hidden = onlyWrong.checked && !entry.wrong;
    count.textContent = onlyWrong.checked
      ? wrongCount === 0
        ? '全部答对，没有错题。'
        : `显示错题 ${wrongCount} 道（共 ${entries.length} 题）`
      : `共 ${entries.length} 题，其中错题 ${wrongCount} 道`;
  };
  onlyWrong.onchange = filter;
  filter();
}
