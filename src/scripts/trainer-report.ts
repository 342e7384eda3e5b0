/**
 * The class report (班级报告) as DOM: summary, roster, score distribution, the items most missed
 * (with their stems, linked to the section that teaches them), error rate per section, and CSV
 * downloads. Every learner's name and every stem goes in as textContent.
 */
import type { QuizQuestion } from '../quiz/index.ts';
import type { AssignmentSpec, ClassReport, ReportItem, ResultCode } from '../quiz/trainer/index.ts';
import { computeClassReport } from '../quiz/trainer/stats.ts';
import { sectionUrl } from '../ui/content.ts';
import { download, el, link } from './trainer-dom.ts';
import { moduleLabel, type ModuleChapter } from './trainer-modules.ts';
import { beijingTime, fileName, formatDuration, formatPercent, formatPoints } from './trainer-text.ts';

export interface ReportInput {
  spec: AssignmentSpec;
  results: readonly ResultCode[];
  /** The learner's paper; empty when it could not be drawn (see `drawProblem`). */
  paperFor: (result: ResultCode) => readonly ReportItem[];
  /** Questions by id, for stems. */
  questions: ReadonlyMap<string, QuizQuestion>;
  chapters: readonly ModuleChapter[];
  /** Why papers could not be redrawn, if they could not: the item statistics are then left out. */
  drawProblem: string | null;
}

/** Below this, a discrimination index suggests an ambiguous item or a wrong key (Moodle's guidance: 20–50 is fair). */
const WEAK_DISCRIMINATION = 20;

function table(caption: string, headers: readonly string[], rows: readonly (string | Node)[][], className?: string): HTMLTableElement {
  const t = el('table', className);
  // The section heading shows the title; the caption names the table for screen readers.
  t.append(el('caption', 'visually-hidden', caption));
  const head = el('tr');
  for (const h of headers) {
    const th = el('th', undefined, h);
    th.scope = 'col';
    head.append(th);
  }
  t.append(el('thead'), el('tbody'));
  t.tHead?.append(head);
  for (const cells of rows) {
    const tr = el('tr');
    cells.forEach((cell, i) => {
      const td = el(i === 0 ? 'th' : 'td');
      if (i === 0) (td as HTMLTableCellElement).scope = 'row';
      td.append(cell);
      tr.append(td);
    });
    t.tBodies[0]?.append(tr);
  }
  return t;
}

function section(title: string, ...content: Node[]): HTMLElement {
  const box = el('section', 'report-part');
  box.append(el('h4', undefined, title), ...content);
  return box;
}

export function renderReport(container: HTMLElement, input: ReportInput): ClassReport {
  const { spec, questions, chapters } = input;
  const report = computeClassReport({ assignment: spec, results: input.results, paperFor: input.paperFor });
  const nodes: Node[] = [];

  if (report.roster.length === 0) {
    container.replaceChildren(el('p', undefined, '收件箱里还没有结果。学员交卷后把结果码发给你，粘贴到上面的框里即可。'));
    return report;
  }

  const { summary } = report;
  const facts = el('dl', 'summary');
  const fact = (term: string, value: string) => {
    const div = el('div');
    div.append(el('dt', undefined, term), el('dd', undefined, value));
    facts.append(div);
  };
  fact('已交卷', `${summary.learners} 人`);
  fact('平均得分率', formatPercent(summary.meanPercent));
  fact('中位数', formatPercent(summary.medianPercent));
  fact('及格率', formatPercent(summary.passRate));
  fact('逾期', `${summary.late} 人`);
  nodes.push(facts);

  // Roster.
  const rosterRows = report.roster.map((row) => {
    const notes = [row.late ? '逾期' : '', row.attempts > 1 ? `共 ${row.attempts} 次提交，按最新一次` : ''].filter(Boolean);
    const result = el('span', row.passed ? 'pass' : 'fail', row.passed ? '及格' : '不及格');
    const submitted = el('span', row.late ? 'late' : undefined, beijingTime(row.submittedAt) + (row.late ? '（逾期）' : ''));
    return [
      row.learner,
      `${formatPoints(row.points)} / ${formatPoints(row.max)}`,
      formatPercent(row.percent),
      result,
      formatDuration(row.secondsUsed),
      submitted,
      notes.join('；'),
    ];
  });
  const roster = table('成绩名单（按姓名拼音排序）', ['姓名', '得分', '得分率', '结果', '用时', '交卷时间（北京时间）', '备注'], rosterRows, 'roster');
  const csvButtons = el('p', 'actions');
  const rosterButton = el('button', undefined, '导出名单 CSV');
  rosterButton.type = 'button';
  // papaparse loads on the first export, not with the page.
  rosterButton.addEventListener('click', () => {
    void import('../quiz/trainer/csv.ts').then(({ rosterCsv }) => download(fileName([spec.title, '成绩名单'], 'csv'), rosterCsv(report), 'text/csv;charset=utf-8'));
  });
  const itemsButton = el('button', undefined, '导出逐题统计 CSV');
  itemsButton.type = 'button';
  itemsButton.addEventListener('click', () => {
    void import('../quiz/trainer/csv.ts').then(({ itemStatsCsv }) => download(fileName([spec.title, '逐题统计'], 'csv'), itemStatsCsv(report), 'text/csv;charset=utf-8'));
  });
  csvButtons.append(rosterButton, itemsButton);
  nodes.push(section('成绩名单', roster, csvButtons));

  // Score distribution: bars whose numbers are text, so the chart reads without seeing it.
  const most = Math.max(1, ...report.distribution.map((b) => b.count));
  const bars = el('ol', 'histogram');
  bars.setAttribute('aria-label', '得分率分布，每档 10 个百分点');
  for (const bin of [...report.distribution].reverse()) {
    const item = el('li');
    const range = `${bin.from}–${bin.to === 100 ? '100' : bin.to - 1}%`;
    const bar = el('span', 'bar');
    bar.style.width = `${(bin.count / most) * 100}%`;
    bar.setAttribute('aria-hidden', 'true');
    const track = el('span', 'track');
    track.append(bar);
    item.append(el('span', 'range', range), track, el('span', 'count', `${bin.count} 人`));
    bars.append(item);
  }
  nodes.push(section('分数分布', bars));

  if (input.drawProblem) {
    nodes.push(section('逐题分析', el('p', 'notice', `逐题统计无法计算：${input.drawProblem}`)));
  } else {
    const questionCell = (id: string, sectionKey: string) => {
      const cell = el('div');
      const question = questions.get(id);
      cell.append(el('span', 'stem', question?.stem ?? `（题目 ${id} 已不在题库中）`));
      const [chapter = '', sec = ''] = sectionKey.split('#');
      const where = el('span', 'where');
      where.append('所属小节：', link(sectionUrl(chapter, sec), moduleLabel(sectionKey, chapters)));
      cell.append(where);
      return cell;
    };
    const itemRows = report.mostMissed.map((item, rank) => {
      const weak = item.discrimination !== null && item.discrimination < WEAK_DISCRIMINATION;
      const discrimination = el('span', weak ? 'weak' : undefined, item.discrimination === null ? '—' : `${Math.round(item.discrimination)}`);
      if (weak) discrimination.append('（偏低）');
      return [String(rank + 1), questionCell(item.questionId, item.section), `第 ${item.position} 题`, formatPercent(item.facility), discrimination, `${item.responses} 人`];
    });
    const note = el(
      'p',
      'hint',
      '通过率：全班在这题上的平均得分率。区分度（−100 到 100）：总分高的学员是否更常答对这题；低于 20 或为负数，说明题目可能有歧义、答案可能有误，或大家都没学到。人数太少时仅供参考。',
    );
    const items = table('逐题分析：最常错的题排在最前', ['排名', '题目', '题号', '通过率', '区分度', '作答'], itemRows, 'items');
    nodes.push(section('逐题分析', note, items));

    const sectionRows = report.sections.map((s) => {
      const [chapter = '', sec = ''] = s.section.split('#');
      return [link(sectionUrl(chapter, sec), moduleLabel(s.section, chapters)), `${s.questions} 题`, `${s.responses} 次`, formatPercent(s.errorRate)];
    });
    nodes.push(
      section(
        '各小节错误率',
        el('p', 'hint', '错误率最高的小节排在最前，是最需要重新讲解的内容。'),
        table('各小节错误率（从高到低）', ['小节', '题数', '作答次数', '错误率'], sectionRows, 'sections'),
      ),
    );
    if (report.excluded.length > 0) {
      const list = el('ul');
      for (const x of report.excluded) list.append(el('li', undefined, `${x.learner}：${x.reason}`));
      nodes.push(el('p', 'notice', '以下结果未计入逐题统计（仍在名单中）：'), list);
    }
  }
  container.replaceChildren(...nodes);
  return report;
}
