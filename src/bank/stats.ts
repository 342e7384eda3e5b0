/**
 * Bank statistics for maintainers (`npm run bank -- stats`): totals by chapter, section, type and
 * difficulty, answer-position balance and the sections that still lack questions.
 */
import type { Blueprint, CaseItem, QuizQuestion } from '../quiz/models.ts';
import { inPool, OBJECTIVE_TYPES } from '../quiz/pool.ts';
import { WRITTEN_KINDS } from '../quiz/written.ts';
import { isNonTeachingSection } from '../content/chapter-sections.ts';
import type { ChapterInfo } from '../content/validate.ts';

export interface BankStats {
  total: number;
  byType: { single: number; multiple: number; judge: number; case: number; task: number };
  /** 工作实务 tasks per chapter, and their 得分点 in all. */
  tasksByChapter: Record<string, number>;
  rubricPoints: { task: number; case: number };
  byChapter: Record<string, number>;
  bySection: Record<string, number>;
  byDifficulty: Record<'1' | '2' | '3', number>;
  /** Teaching sections (`chapter#section`) with fewer than 3 questions, objective and case together. */
  sectionsBelow3: string[];
  /** Share of single-choice answers at each position (0–1). */
  singleAnswerPositions: { A: number; B: number; C: number; D: number };
  /** Share of 判断 questions whose statement is true (0–1). */
  judgeTrueShare: number;
  /** Questions tagged 职业道德, the pool of the mock exam's ethics part. */
  ethicsTagged: number;
  /**
   * For each whole-bank blueprint, how many papers can be drawn with no question on two of them:
   * the smallest pool-size ÷ draw-count over its parts and types (exact for disjoint pools).
   */
  papersWithoutRepeats: Record<string, number>;
}

function papersWithoutRepeats(blueprint: Blueprint, questions: readonly QuizQuestion[], written: readonly CaseItem[]): number {
  let papers = Infinity;
  for (const part of blueprint.parts) {
    for (const type of OBJECTIVE_TYPES) {
      const needed = part.draw[type];
      if (needed === 0) continue;
      const pool = questions.filter((q) => q.type === type && inPool(q, part.pool)).length;
      papers = Math.min(papers, Math.floor(pool / needed));
    }
    for (const kind of WRITTEN_KINDS) {
      const needed = part.written?.[kind] ?? 0;
      if (needed === 0) continue;
      const pool = written.filter((item) => item.kind === kind && inPool(item, part.pool)).length;
      papers = Math.min(papers, Math.floor(pool / needed));
    }
  }
  return Number.isFinite(papers) ? papers : 0;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function bankStats(
  chapters: readonly ChapterInfo[],
  questions: readonly QuizQuestion[],
  cases: readonly CaseItem[],
  blueprints: readonly Blueprint[] = [],
): BankStats {
  const items = [...questions, ...cases];
  const byChapter: Record<string, number> = {};
  const bySection: Record<string, number> = {};
  for (const chapter of chapters) {
    byChapter[chapter.id] = 0;
    for (const section of chapter.sections) {
      if (!isNonTeachingSection(section.id)) bySection[`${chapter.id}#${section.id}`] = 0;
    }
  }
  const byDifficulty = { '1': 0, '2': 0, '3': 0 };
  for (const item of items) {
    byChapter[item.chapter] = (byChapter[item.chapter] ?? 0) + 1;
    const key = `${item.chapter}#${item.section}`;
    bySection[key] = (bySection[key] ?? 0) + 1;
    byDifficulty[String(item.difficulty) as '1' | '2' | '3'] += 1;
  }
  const singles = questions.filter((q) => q.type === 'single');
  const judges = questions.filter((q) => q.type === 'judge');
  const position = (index: number) => round(singles.filter((q) => q.answer[0] === index).length / (singles.length || 1));
  const tasks = cases.filter((c) => c.kind === 'task');
  const points = (items: readonly CaseItem[]) => items.reduce((sum, item) => sum + item.parts.reduce((n, part) => n + part.points.length, 0), 0);
  const tasksByChapter: Record<string, number> = {};
  for (const chapter of chapters) tasksByChapter[chapter.id] = tasks.filter((t) => t.chapter === chapter.id).length;
  return {
    total: items.length,
    byType: {
      single: singles.length,
      multiple: questions.filter((q) => q.type === 'multiple').length,
      judge: judges.length,
      case: cases.length - tasks.length,
      task: tasks.length,
    },
    tasksByChapter,
    rubricPoints: { task: points(tasks), case: points(cases.filter((c) => c.kind === 'case')) },
    byChapter,
    bySection,
    byDifficulty,
    sectionsBelow3: Object.entries(bySection)
      .filter(([, count]) => count < 3)
      .map(([id]) => id),
    singleAnswerPositions: { A: position(0), B: position(1), C: position(2), D: position(3) },
    judgeTrueShare: round(judges.filter((q) => q.answer[0] === 0).length / (judges.length || 1)),
    ethicsTagged: items.filter((q) => q.tags.includes('职业道德')).length,
    papersWithoutRepeats: Object.fromEntries(
      blueprints.filter((b) => !b.perChapter).map((b) => [b.id, papersWithoutRepeats(b, questions, cases)]),
    ),
  };
}
