/**
 * The class report as CSV files a trainer opens in Excel or WPS. The UTF-8 BOM makes Excel read
 * the Chinese as UTF-8, and papaparse's `escapeFormulae` puts an apostrophe before any text cell
 * starting with = + - @ (or a tab / carriage return), so a learner named `=HYPERLINK(…)` stays text.
 * Numbers are left as numbers: a negative discrimination index is not a formula.
 *
 * A written paper's scores are the learners' own marking (自评): the roster says so, and lists the
 * 得分点 each learner did not tick; `pointStatsCsv` has the class's 得分点 statistics.
 */
import Papa from 'papaparse';
import { beijingTime, formatPoints } from '../format.ts';
import type { ClassReport, MissedPoint, RosterRow } from './stats.ts';

const BOM = '\uFEFF';

function toCsv(fields: string[], data: (string | number | null)[][]): string {
  return BOM + Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' });
}

/** One decimal place, as a trainer reads a percentage; empty when there is no value. */
function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

function minutesUsed(seconds: number): number {
  return Math.round(seconds / 6) / 10;
}

/** `1-2-3`: item 1, part (问) 2, point 3, all 1-based, as a trainer counts them on the paper. */
function missedText(missed: readonly MissedPoint[] | null): string {
  if (missed === null) return '（未能复核）';
  return missed.length === 0 ? '无' : missed.map((m) => `${m.position}-${m.part + 1}-${m.point + 1}`).join('、');
}

function basisText(row: RosterRow): string {
  if (row.scoredBy === 'claim') return row.selfMarked ? '结果码自报的自评分（未能复核）' : '结果码自报（未能复核）';
  return row.selfMarked ? '按所勾得分点重算（学员自评）' : '按作答复核';
}

/**
 * The score counts as re-scored; the claim and anything flagged follow it, so a spreadsheet shows
 * them too. With written results, a last column lists the 得分点 each learner did not tick.
 */
export function rosterCsv(report: ClassReport): string {
  const written = report.roster.some((row) => row.selfMarked !== undefined);
  return toCsv(
    [
      ...['姓名', '得分', '满分', '得分率(%)', '是否及格', '用时(分钟)', '交卷时间(北京时间)', '是否逾期', '提交次数', '计分依据', '结果码自报得分', '需核实'],
      ...(written ? ['未勾的得分点(题-问-点)'] : []),
    ],
    report.roster.map((row) => [
      row.learner,
      row.points,
      row.max,
      round1(row.percent),
      row.passed ? '及格' : '不及格',
      minutesUsed(row.secondsUsed),
      beijingTime(row.submittedAt * 1000),
      row.late ? '逾期' : '',
      row.attempts,
      basisText(row),
      `${formatPoints(row.claimed.points)}/${formatPoints(row.claimed.max)}`,
      row.flags.filter((flag) => flag.kind !== 'late').map((flag) => flag.message).join('；'),
      ...(written ? [row.selfMarked ? missedText(row.selfMarked.missed) : ''] : []),
    ]),
  );
}

/** Written papers: every 得分点, the most missed first (`ClassReport.mostMissedPoints`). */
export function pointStatsCsv(report: ClassReport): string {
  return toCsv(
    ['题号', '题目编号', '第几问', '第几个得分点', '得分点', '分值', '勾选人数', '作答人数', '未勾比例(%)'],
    report.mostMissedPoints.map((p) => [p.position, p.itemId, p.part + 1, p.point + 1, p.text, p.score, p.ticked, p.responses, round1(p.missRate)]),
  );
}

export function itemStatsCsv(report: ClassReport): string {
  return toCsv(
    ['题号', '题目编号', '章节', '作答人数', '难度系数/通过率(%)', '标准差(%)', '区分度(%)', '区分效率(%)'],
    report.items.map((item) => [
      item.position,
      item.questionId,
      item.section,
      item.responses,
      round1(item.facility),
      round1(item.sd),
      round1(item.discrimination),
      round1(item.efficiency),
    ]),
  );
}
