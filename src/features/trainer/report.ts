/**
 * The class report (班级报告) as DOM: summary, roster (scores as re-scored from the answers, with
 * what does not add up flagged), score distribution, the items most missed (with their stems,
 * linked to the section that teaches them), error rate per section, and CSV downloads. Every
 * learner's name and every stem goes in as textContent.
 */
import type { CaseItem, QuizQuestion } from '../../quiz/index.ts';
import { computeClassReport, FLAG_NAMES, SUSPICIOUS, type AnyResultCode, type AssignmentSpec, type ClassReport, type PointStats, type RedrawnPaper } from '../../quiz/trainer/index.ts';
import { download, el, link } from '../../ui/dom.ts';
import { table } from '../../ui/table.ts';
import { beijingTime, formatDuration, formatPercent, formatPoints } from '../../ui/format.ts';
import { writtenKindLabel } from '../../ui/written-view.ts';
import { moduleLabel, moduleUrl, type ModuleChapter } from './modules.ts';
import { fileName } from './text.ts';

/** The report's statistics are percentages (0–100), shown to one decimal as a trainer reads them. */
const percent = (value: number | null) => formatPercent(value === null ? null : value / 100, 1);

export interface ReportInput {
  spec: AssignmentSpec;
  results: readonly AnyResultCode[];
  /** The learner's paper as redrawn on this device, or why it could not be. */
  paperFor: (result: AnyResultCode) => RedrawnPaper;
  /** Questions by id, for stems. */
  questions: ReadonlyMap<string, QuizQuestion>;
  /** 案例分析 and 工作实务 by id, for a skills paper's items. */
  cases: ReadonlyMap<string, CaseItem>;
  chapters: readonly ModuleChapter[];
}

/** Below this, a discrimination index suggests an ambiguous item or a wrong key (Moodle's guidance: 20–50 is fair). */
const WEAK_DISCRIMINATION = 20;

/** The report's tables: named for screen readers (the section heading shows the title), each row headed by its first cell. */
function reportTable(caption: string, headers: readonly string[], rows: readonly (string | Node)[][], className: string): HTMLTableElement {
  return table(headers, rows, { caption, className, rowHeaders: true });
}

function section(title: string, ...content: Node[]): HTMLElement {
  const box = el('section', 'report-part');
  box.append(el('h4', undefined, title), ...content);
  return box;
}

export function renderReport(container: HTMLElement, input: ReportInput): ClassReport {
  const { spec, questions, cases, chapters } = input;
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
  fact('平均得分率', percent(summary.meanPercent));
  fact('中位数', percent(summary.medianPercent));
  fact('及格率', percent(summary.passRate));
  fact('逾期', `${summary.late} 人`);
  fact('需核实', `${summary.flagged} 人`);
  if (summary.flagged > 0) facts.lastElementChild?.classList.add('attention');
  nodes.push(facts);

  // Roster.
  const rosterRows = report.roster.map((row) => {
    const notes = [row.late ? '逾期' : '', row.attempts > 1 ? `共 ${row.attempts} 次提交，按最新一次` : ''].filter(Boolean);
    const claimed = row.scoredBy === 'claim';
    const selfMarked = row.selfMarked !== undefined;
    if (selfMarked) notes.unshift('自评分');
    const result = el('span', row.passed ? 'pass' : 'fail', (row.passed ? '及格' : '不及格') + (claimed ? '（自报）' : ''));
    const submitted = el('span', row.late ? 'late' : undefined, beijingTime(row.submittedAt * 1000) + (row.late ? '（逾期）' : ''));
    const suspicious = row.flags.filter((flag) => SUSPICIOUS.includes(flag.kind));
    const check = el('span', 'checks');
    if (suspicious.length === 0) check.textContent = '无异常';
    for (const flag of suspicious) check.append(el('span', 'flag', FLAG_NAMES[flag.kind]));
    return [
      row.learner,
      `${formatPoints(row.points)} / ${formatPoints(row.max)}${claimed ? '（自报）' : ''}`,
      percent(row.percent),
      result,
      formatDuration(row.secondsUsed * 1000),
      submitted,
      check,
      notes.join('；'),
    ];
  });
  const roster = reportTable('成绩名单（按姓名拼音排序）', ['姓名', '得分', '得分率', '结果', '用时', '交卷时间（北京时间）', '核实', '备注'], rosterRows, 'roster');
  const anySelfMarked = report.roster.some((row) => row.selfMarked !== undefined);
  const rescored = el(
    'p',
    'hint',
    anySelfMarked
      ? '专业能力（案例分析、工作实务）由学员对照参考答案自评：得分按学员勾选的得分点在本机重新计算，但勾得对不对只能由你抽查学员的作答文本判断。对不上的地方在“核实”一列标出。'
      : '得分按学员的作答在本机重新计算，不采信结果码自报的分数；对不上的地方在“核实”一列标出，说明列在名单下面。',
  );
  const csvButtons = el('p', 'actions');
  const rosterButton = el('button', undefined, '导出名单 CSV');
  rosterButton.type = 'button';
  // papaparse loads on the first export, not with the page.
  rosterButton.addEventListener('click', () => {
    void import('../../quiz/trainer/csv.ts').then(({ rosterCsv }) => download(fileName([spec.title, '成绩名单'], 'csv'), rosterCsv(report), 'text/csv;charset=utf-8'));
  });
  const itemsButton = el('button', undefined, '导出逐题统计 CSV');
  itemsButton.type = 'button';
  itemsButton.addEventListener('click', () => {
    void import('../../quiz/trainer/csv.ts').then(({ itemStatsCsv }) => download(fileName([spec.title, '逐题统计'], 'csv'), itemStatsCsv(report), 'text/csv;charset=utf-8'));
  });
  csvButtons.append(rosterButton, itemsButton);
  if (report.mostMissedPoints.length > 0) {
    const pointsButton = el('button', undefined, '导出得分点统计 CSV');
    pointsButton.type = 'button';
    pointsButton.addEventListener('click', () => {
      void import('../../quiz/trainer/csv.ts').then(({ pointStatsCsv }) => download(fileName([spec.title, '得分点统计'], 'csv'), pointStatsCsv(report), 'text/csv;charset=utf-8'));
    });
    csvButtons.append(pointsButton);
  }
  const flagged = report.roster.flatMap((row) => row.flags.filter((flag) => SUSPICIOUS.includes(flag.kind)).map((flag) => ({ row, flag })));
  const checks: Node[] = [];
  if (flagged.length > 0) {
    const counts = SUSPICIOUS.filter((kind) => summary.flags[kind] > 0).map((kind) => `${FLAG_NAMES[kind]} ${summary.flags[kind]} 人`);
    const list = el('ul', 'flag-list');
    for (const { row, flag } of flagged) {
      const item = el('li');
      item.append(el('strong', undefined, row.learner), `（${FLAG_NAMES[flag.kind]}）：${flag.message}`);
      list.append(item);
    }
    checks.push(el('h5', undefined, `需要核实的结果（${counts.join('，')}）`), list);
  }
  nodes.push(section('成绩名单', rescored, roster, ...checks, csvButtons));

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

  if (report.excluded.length === report.roster.length) {
    const reason = report.excluded[0]?.reason ?? '';
    nodes.push(section('逐题分析', el('p', 'notice', `逐题统计无法计算：没有一份结果能按作业重建试卷复核。${reason}`)));
  } else {
    const questionCell = (id: string, sectionKey: string) => {
      const cell = el('div');
      const written = cases.get(id);
      const stem = written ? writtenTitle(written) : questions.get(id)?.stem;
      cell.append(el('span', 'stem', stem ?? `（题目 ${id} 已不在题库中）`));
      const where = el('span', 'where');
      where.append('所属小节：', link(moduleUrl(sectionKey), moduleLabel(sectionKey, chapters)));
      cell.append(where);
      return cell;
    };
    const itemRows = report.mostMissed.map((item, rank) => {
      const weak = item.discrimination !== null && item.discrimination < WEAK_DISCRIMINATION;
      const discrimination = el('span', weak ? 'weak' : undefined, item.discrimination === null ? '—' : `${Math.round(item.discrimination)}`);
      if (weak) discrimination.append('（偏低）');
      return [String(rank + 1), questionCell(item.questionId, item.section), `第 ${item.position} 题`, percent(item.facility), discrimination, `${item.responses} 人`];
    });
    const note = el(
      'p',
      'hint',
      '通过率：全班在这题上的平均得分率。区分度（−100 到 100）：总分高的学员是否更常答对这题；低于 20 或为负数，说明题目可能有歧义、答案可能有误，或大家都没学到。人数太少时仅供参考。',
    );
    const items = reportTable('逐题分析：最常错的题排在最前', ['排名', '题目', '题号', '通过率', '区分度', '作答'], itemRows, 'items');
    nodes.push(section('逐题分析', note, items));
    if (report.mostMissedPoints.length > 0) nodes.push(pointsSection(report.mostMissedPoints, cases));

    const sectionRows = report.sections.map((s) => {
      return [link(moduleUrl(s.section), moduleLabel(s.section, chapters)), `${s.questions} 题`, `${s.responses} 次`, percent(s.errorRate)];
    });
    nodes.push(
      section(
        '各小节错误率',
        el('p', 'hint', '错误率最高的小节排在最前，是最需要重新讲解的内容。'),
        reportTable('各小节错误率（从高到低）', ['小节', '题数', '作答次数', '错误率'], sectionRows, 'sections'),
      ),
    );
    if (report.excluded.length > 0) {
      const list = el('ul');
      for (const x of report.excluded) list.append(el('li', undefined, `${x.learner}：${x.reason}`));
      nodes.push(el('p', 'notice', '以下结果没能复核，未计入逐题统计（仍在名单中）：'), list);
    }
  }
  container.replaceChildren(...nodes);
  return report;
}

/** 「工作实务 · 拟写：公司定于……」: a written item's kind and the start of its scenario. */
function writtenTitle(item: CaseItem): string {
  const first = [...(item.scenario.trim().split('\n')[0] ?? '')];
  return `${writtenKindLabel(item)}：${first.length > 50 ? `${first.slice(0, 49).join('')}…` : first.join('')}`;
}

/** Skills papers: for each item, the 得分点 learners most often did not tick, the most missed first. */
function pointsSection(points: readonly PointStats[], cases: ReadonlyMap<string, CaseItem>): HTMLElement {
  const byItem = new Map<string, PointStats[]>();
  for (const point of points) byItem.set(point.itemId, [...(byItem.get(point.itemId) ?? []), point]);
  const parts: Node[] = [
    el('p', 'hint', '每道案例分析、工作实务按得分点列出：没勾这一点的学员比例越高，越需要在讲评时讲清楚。比例来自学员自评，仅供参考。'),
  ];
  const ordered = [...byItem.values()].sort((a, b) => (a[0]?.position ?? 0) - (b[0]?.position ?? 0));
  for (const list of ordered) {
    const first = list[0];
    if (!first) continue;
    const item = cases.get(first.itemId);
    const rows = [...list]
      .sort((a, b) => b.missRate - a.missRate || a.part - b.part || a.point - b.point)
      .map((p) => [
        p.text,
        item && item.parts.length > 1 ? `第 ${p.part + 1} 问` : '—',
        `${formatPoints(p.score)} 分`,
        `${p.responses - p.ticked} / ${p.responses} 人`,
        percent(p.missRate),
      ]);
    const title = `第 ${first.position} 题 · ${item ? writtenTitle(item) : `（题目 ${first.itemId} 已不在题库中）`}`;
    parts.push(el('h5', undefined, title), reportTable(`${title}：最常漏掉的得分点`, ['得分点', '所在', '分值', '未勾人数', '未勾比例'], rows, 'points'));
  }
  return section('最常漏掉的得分点（专业能力）', ...parts);
}
