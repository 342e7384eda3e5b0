/**
 * Fills the results screen of a submitted attempt: the score, a row per part and per chapter
 * (numbers in text, bars only as decoration), and every question with its feedback.
 */
import { feedbackFor } from '../quiz/index.ts';
import type { PaperScore, Tally } from '../quiz/index.ts';
import type { Catalog } from './content-loader.ts';
import { sectionUrl } from './content-loader.ts';
import { formatDateTime, formatDuration } from './exam-clock.ts';
import { ref } from './exam-desk.ts';
import { formatPoints, formatShare, paperName, timeUsed } from './exam-report.ts';
import type { ExamSession } from './exam-session.ts';
import { renderReviewed } from './question-view.ts';

export function renderResults(root: HTMLElement, session: ExamSession, catalog: Catalog): void {
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
    ...score.parts.map((part) => row([part.key, `${formatPoints(part.score)} / ${formatPoints(part.points)} 分`, `${part.right} / ${part.total}`], part)),
  );
  ref(root, 'chapters').replaceChildren(
    ...score.byChapter.map((tally) => row([chapterTitles.get(tally.key) ?? tally.key, `${tally.right} / ${tally.total}`], tally)),
  );

  const retake = ref<HTMLAnchorElement>(root, 'retake');
  const query = new URLSearchParams({ blueprint: paper.blueprintId });
  if (paper.chapter !== null) query.set('chapter', paper.chapter);
  retake.href = `/exam/?${query}`;
  ref(root, 'print').onclick = () => window.print();

  renderReview(root, session, score, catalog);
}

function facts(list: HTMLElement, entries: [string, string][]): void {
  list.replaceChildren(
    ...entries.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
}

/** A table row: text cells, then the share right as text with a decorative bar. */
function row(cells: string[], tally: Tally): HTMLTableRowElement {
  const tr = document.createElement('tr');
  cells.forEach((text, index) => {
    const cell = document.createElement(index === 0 ? 'th' : 'td');
    if (index === 0) cell.setAttribute('scope', 'row');
    cell.textContent = text;
    tr.append(cell);
  });
  const shareCell = document.createElement('td');
  const bar = document.createElement('span');
  bar.className = 'bar';
  bar.setAttribute('aria-hidden', 'true');
  const fill = document.createElement('span');
  fill.style.width = `${Math.round(tally.share * 100)}%`;
  bar.append(fill);
  shareCell.append(bar, formatShare(tally.share));
  tr.append(shareCell);
  return tr;
}

function renderReview(root: HTMLElement, session: ExamSession, score: PaperScore, catalog: Catalog): void {
  const { paper, state } = session;
  const chapters = new Map(catalog.chapters.map((c) => [c.id, c]));
  const list = ref(root, 'review');
  const onlyWrong = ref<HTMLInputElement>(root, 'only-wrong');
  const count = ref(root, 'review-count');

  const entries = paper.items.map((item, index) => {
    const { question } = item;
    const li = document.createElement('li');
    const chapter = chapters.get(question.chapter);
    const section = chapter?.sections.find((s) => s.id === question.section);
    const title = `${chapter?.title ?? question.chapter} › ${section?.title ?? question.section}`;
    li.append(
      ...renderReviewed(
        question,
        { number: index + 1, chosen: state.responses[index] ?? [], multiplePolicy: paper.multiplePolicy },
        feedbackFor(paper, state, index),
        { href: sectionUrl(question.chapter, question.section), title },
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
