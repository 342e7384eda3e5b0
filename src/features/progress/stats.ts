/**
 * The numbers on the 学习进度 page, with no DOM and no clock: mastery per chapter, mock-exam
 * results (theory and skills papers apart) and the geometry of the two charts. `<progress-report>` draws them. The study streak and
 * latest answers are the engine's (activity.ts), shared with the home page.
 */
import { isAssignmentAttempt, replay } from '../../quiz/index.ts';
import type { AttemptRecord, AttemptState, LatestAnswer } from '../../quiz/index.ts';
import { formatPercent } from '../../ui/format.ts';

/** How many of a chapter's most recently answered questions its mastery looks at. */
export const MASTERY_WINDOW = 20;

export interface ChapterMastery {
  chapter: string;
  /** Questions in the chapter's bank. */
  questions: number;
  /** Of those, answered at least once. */
  practised: number;
  /** Latest answers counted: the chapter's most recently answered questions, at most the window. */
  counted: number;
  right: number;
  /** right / counted, or null when nothing has been answered. */
  share: number | null;
}

/**
 * Mastery per chapter: among the `window` questions of the chapter answered most recently, the
 * share whose latest answer was right. Looking at latest answers means a question once missed and
 * since learnt counts as learnt; the window makes old work fade as new work comes in.
 */
export function chapterMastery(
  chapters: readonly { id: string; questionIds: readonly string[] }[],
  answers: readonly LatestAnswer[],
  window: number = MASTERY_WINDOW,
): ChapterMastery[] {
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  return chapters.map((chapter) => {
    const latest = chapter.questionIds
      .flatMap((id) => byQuestion.get(id) ?? [])
      .sort((a, b) => b.at - a.at || a.questionId.localeCompare(b.questionId));
    const counted = latest.slice(0, window);
    const right = counted.filter((a) => a.correct).length;
    return {
      chapter: chapter.id,
      questions: chapter.questionIds.length,
      practised: latest.length,
      counted: counted.length,
      right,
      share: counted.length === 0 ? null : right / counted.length,
    };
  });
}

/** One submitted mock exam, scored against the current bank. */
export interface ExamResult {
  id: string;
  title: string;
  submittedAt: number;
  total: number;
  maxTotal: number;
  passMark: number;
  passed: boolean;
  /** total as a percentage of maxTotal, so papers of different sizes share one chart. */
  percent: number;
}

/** A submitted mock exam with its replayed state. */
export interface SubmittedExam {
  record: AttemptRecord;
  state: AttemptState;
}

/** Submitted mock exams worth listing: not practice, not unfinished, not a trainer's assignment (it has its own page). */
export function submittedExams(records: readonly AttemptRecord[]): SubmittedExam[] {
  return records
    .filter((record) => !isAssignmentAttempt(record.id))
    .map((record) => ({ record, state: replay(record.steps) }))
    .filter(({ state }) => state.behaviour === 'exam' && state.status === 'submitted' && state.submittedAt !== null);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export interface ChartPoint {
  x: number;
  y: number;
  value: number;
  /** The x-axis label: the result's number, 1-based; empty where labels are thinned out. */
  label: string;
}

export interface ScoreChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  points: ChartPoint[];
  /** SVG path data through the points, or '' for fewer than two. */
  path: string;
  ticks: { value: number; y: number }[];
  /** The pass line, when every result has the same pass percentage. */
  passY: number | null;
}

/**
 * A line chart of exam percentages (0–100) in the order taken, evenly spaced: the trend matters,
 * and evenly spaced points stay readable when three exams fall on one day and none for a month.
 */
export function scoreChart(percents: readonly number[], passPercent: number | null, width = 360, height = 200): ScoreChart {
  const plot = { left: 36, right: width - 12, top: 12, bottom: height - 28 };
  const plotWidth = plot.right - plot.left;
  const plotHeight = plot.bottom - plot.top;
  const yOf = (value: number) => round1(plot.bottom - (Math.min(100, Math.max(0, value)) / 100) * plotHeight);
  const every = Math.ceil(percents.length / 10);
  const points = percents.map((value, i) => ({
    x: round1(percents.length === 1 ? plot.left + plotWidth / 2 : plot.left + (i * plotWidth) / (percents.length - 1)),
    y: yOf(value),
    value,
    label: i % every === 0 || i === percents.length - 1 ? String(i + 1) : '',
  }));
  const path = points.length < 2 ? '' : points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  const ticks = [0, 20, 40, 60, 80, 100].map((value) => ({ value, y: yOf(value) }));
  return { width, height, plot, points, path, ticks, passY: passPercent === null ? null : yOf(passPercent) };
}

export interface MasteryBar {
  label: string;
  /** Baseline of the label and value text. */
  textY: number;
  barY: number;
  barWidth: number;
  /** 72%, or 未练习. */
  valueText: string;
}

export interface MasteryChart {
  width: number;
  height: number;
  barHeight: number;
  bars: MasteryBar[];
}

/**
 * One row per chapter: its title and mastery on a line, a bar under them. Labels above the bars
 * rather than beside them keep long chapter titles readable on a 360 px phone.
 */
export function masteryChart(rows: readonly { label: string; share: number | null }[], width = 360): MasteryChart {
  const rowHeight = 44;
  const barHeight = 14;
  const bars = rows.map((row, i) => ({
    label: row.label,
    textY: i * rowHeight + 16,
    barY: i * rowHeight + 22,
    barWidth: row.share === null ? 0 : round1(Math.min(1, Math.max(0, row.share)) * width),
    valueText: row.share === null ? '未练习' : formatPercent(row.share),
  }));
  return { width, height: rows.length * rowHeight + 4, barHeight, bars };
}
