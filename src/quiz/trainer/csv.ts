/**
 * The class report as CSV files a trainer opens in Excel or WPS. The UTF-8 BOM makes Excel read
 * the Chinese as UTF-8, and papaparse's `escapeFormulae` puts an apostrophe before any text cell
 * starting with = + - @ (or a tab / carriage return), so a learner named `=HYPERLINK(…)` stays text.
 * Numbers are left as numbers: a negative discrimination index is not a formula.
 */
import Papa from 'papaparse';
import { beijingTime, formatPoints } from '../format.ts';
import type { ClassReport } from './stats.ts';

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

/** The score counts as re-scored; the claim and anything flagged follow it, so a spreadsheet shows them too. */
export function rosterCsv(report: ClassReport): string {
  return toCsv(
    ['姓名', '得分', '满分', '得分率(%)', '是否及格', '用时(分钟)', '交卷时间(北京时间)', '是否逾期', '提交次数', '计分依据', '结果码自报得分', '需核实'],
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
      row.scoredBy === 'answers' ? '按作答复核' : '结果码自报（未能复核）',
      `${formatPoints(row.claimed.points)}/${formatPoints(row.claimed.max)}`,
      row.flags.filter((flag) => flag.kind !== 'late').map((flag) => flag.message).join('；'),
    ]),
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
