/**
 * What a practice session covers and how, with no DOM: the plan read from and written to the page
 * URL (`/practice/?chapter=…&section=…&mode=…`), the questions each mode picks, the practice
 * paper the engine grades. `<practice-session>` does the rest.
 */
import { createRandom, dueCards, itemOfPointReview, RIGHT_STREAK_TO_LEAVE, shuffle, starredQuestions, wrongBook } from '../../quiz/index.ts';
import type { CaseItem, Paper, QuizQuestion, ReviewRecord, ReviewState, SelfMark } from '../../quiz/index.ts';
import { formatPercent } from '../../ui/format.ts';

export const PRACTICE_MODES = ['order', 'random', 'wrong', 'starred', 'due', 'recite', 'case', 'task', 'due-written'] as const;
export type PracticeMode = (typeof PRACTICE_MODES)[number];

export const MODE_NAMES: Readonly<Record<PracticeMode, string>> = {
  order: '顺序练习',
  random: '随机练习',
  wrong: '错题本',
  starred: '收藏',
  due: '今日复习',
  recite: '背题模式',
  case: '案例分析',
  task: '工作实务',
  'due-written': '写作复习',
};

export const MODE_HINTS: Readonly<Record<PracticeMode, string>> = {
  order: '按题库顺序逐题作答，答完即看解析',
  random: '打乱题目顺序',
  wrong: `答错的题；连续答对 ${RIGHT_STREAK_TO_LEAVE} 次后自动移出`,
  starred: '你收藏的题',
  due: '按遗忘规律安排今天该复习的题',
  recite: '直接显示答案和解析，不计分',
  case: '写出作答，再对照参考答案的得分点自评',
  task: '拟写、编制、列出……像专业能力考试那样动手做，再对照得分点自评',
  'due-written': '自评时漏掉的得分点到期了：再写一遍这些案例和工作实务',
};

/** A session: the scope (null chapter is 全部章节, null section the whole chapter) and the mode. */
export interface PracticePlan {
  chapter: string | null;
  section: string | null;
  mode: PracticeMode;
  /** 随机练习 only: the seed of the shuffle, kept in the URL so a reload keeps the order. */
  seed: string | null;
}

export function isPracticeMode(value: unknown): value is PracticeMode {
  return typeof value === 'string' && (PRACTICE_MODES as readonly string[]).includes(value);
}

export type PlanFromQuery =
  /** No scope and no mode in the URL: show the setup form only. */
  | { kind: 'none' }
  | { kind: 'plan'; plan: PracticePlan }
  | { kind: 'invalid'; message: string };

/** Reads a plan from `?chapter=…&section=…&mode=…`; a scope without a mode means 顺序练习. */
export function planFromQuery(search: string): PlanFromQuery {
  const params = new URLSearchParams(search);
  const chapter = params.get('chapter') || null;
  const section = params.get('section') || null;
  const mode = params.get('mode') || null;
  if (chapter === null && section === null && mode === null) return { kind: 'none' };
  if (mode !== null && !isPracticeMode(mode)) return { kind: 'invalid', message: `没有“${mode}”这种练习模式` };
  if (section !== null && chapter === null) return { kind: 'invalid', message: '指定小节时也要指定章节' };
  const seed = params.get('seed') || null;
  return { kind: 'plan', plan: { chapter, section, mode: mode ?? 'order', seed: mode === 'random' ? seed : null } };
}

/** The query string of a plan, without empty parameters. */
export function planToQuery(plan: PracticePlan): string {
  const params = new URLSearchParams();
  if (plan.chapter) params.set('chapter', plan.chapter);
  if (plan.chapter && plan.section) params.set('section', plan.section);
  params.set('mode', plan.mode);
  if (plan.mode === 'random' && plan.seed) params.set('seed', plan.seed);
  return `?${params.toString()}`;
}

/** The chapters and sections a plan may name (the catalog's shape). */
export interface ScopeChapter {
  id: string;
  title: string;
  sections: readonly { id: string; title: string }[];
}

/** Why a plan names no real chapter or section, or null when it does. */
export function scopeProblem(plan: PracticePlan, chapters: readonly ScopeChapter[]): string | null {
  if (plan.chapter === null) return null;
  const chapter = chapters.find((c) => c.id === plan.chapter);
  if (!chapter) return `找不到章节“${plan.chapter}”`;
  if (plan.section !== null && !chapter.sections.some((s) => s.id === plan.section)) {
    return `“${chapter.title}”中没有小节“${plan.section}”`;
  }
  return null;
}

/** The scope in words: 全部章节, a chapter title, or 章 › 节. */
export function scopeTitle(plan: PracticePlan, chapters: readonly ScopeChapter[]): string {
  const chapter = chapters.find((c) => c.id === plan.chapter);
  if (!chapter) return '全部章节';
  const section = chapter.sections.find((s) => s.id === plan.section);
  return section ? `${chapter.title} › ${section.title}` : chapter.title;
}

export function inScope(item: Pick<QuizQuestion, 'chapter' | 'section'>, plan: PracticePlan): boolean {
  if (plan.chapter !== null && item.chapter !== plan.chapter) return false;
  return plan.section === null || item.section === plan.section;
}

/** The questions a list of review records names, in the records' order, within the scope. */
function fromRecords(records: readonly ReviewRecord[], bank: readonly QuizQuestion[], plan: PracticePlan): QuizQuestion[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  return records.flatMap((record) => {
    const question = byId.get(record.questionId);
    return question && inScope(question, plan) ? [question] : [];
  });
}

/**
 * The objective questions of a session, in the order they are asked. 错题本 puts the latest
 * mistake first and 今日复习 the most overdue card first, as the engine sorts them.
 */
export function practiceQuestions(plan: PracticePlan, bank: readonly QuizQuestion[], review: ReviewState, now: number): QuizQuestion[] {
  const scoped = () => bank.filter((q) => inScope(q, plan));
  switch (plan.mode) {
    case 'order':
    case 'recite':
      return scoped();
    case 'random':
      return shuffle(scoped(), createRandom(plan.seed ?? ''));
    case 'wrong':
      return fromRecords(wrongBook(review), bank, plan);
    case 'starred':
      return fromRecords(starredQuestions(review), bank, plan);
    case 'due':
      return fromRecords(dueCards(review, now), bank, plan);
    case 'case':
    case 'task':
    case 'due-written':
      return [];
  }
}

/** Whether a mode practises written items (案例分析, 工作实务) rather than objective questions. */
export function isWrittenMode(mode: PracticeMode): boolean {
  return mode === 'case' || mode === 'task' || mode === 'due-written';
}

/**
 * The written items of a session: the scope's 案例分析 or 工作实务, or — 写作复习 — every item with
 * a 得分点 due for review, the most overdue first.
 */
export function practiceCases(plan: PracticePlan, cases: readonly CaseItem[], review: ReviewState = { records: {} }, now = 0): CaseItem[] {
  if (plan.mode === 'case' || plan.mode === 'task') return cases.filter((c) => c.kind === plan.mode && inScope(c, plan));
  if (plan.mode !== 'due-written') return [];
  const due = dueCards(review, now).map((record) => itemOfPointReview(record.questionId)).filter((id): id is string => id !== null);
  const byId = new Map(cases.map((c) => [c.id, c]));
  return [...new Set(due)].flatMap((id) => {
    const item = byId.get(id);
    return item && inScope(item, plan) ? [item] : [];
  });
}

/**
 * A practice run as an engine paper. Options keep the bank's order: explanations name options by
 * letter (“所以选 A”), which a shuffle would make wrong. Practice follows the national exam's
 * all-or-nothing rule for 多选, so the running 正确率 means what it will mean on the day.
 */
export function practicePaper(title: string, chapter: string | null, questions: readonly QuizQuestion[]): Paper {
  return {
    blueprintId: 'practice',
    title,
    seed: '',
    chapter,
    minutes: 0,
    passMark: 0,
    multiplePolicy: 'all-or-nothing',
    parts: [{ title: '练习', points: 100, count: questions.length }],
    items: questions.map((question) => ({
      part: 0,
      questionId: question.id,
      permutation: question.options.map((_, i) => i),
      question,
    })),
  };
}

/** A random seed from bytes the caller drew (crypto.getRandomValues), as short URL-safe hex. */
export function seedFromBytes(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What an answer did to the 错题本, for the line under the feedback; empty when nothing to say. */
export function wrongBookNote(before: ReviewRecord | undefined, after: ReviewRecord | undefined): string {
  if (!after) return '';
  if (after.inWrongBook && !before?.inWrongBook) return '已加入错题本。';
  if (!after.inWrongBook && before?.inWrongBook) return `已连续答对 ${RIGHT_STREAK_TO_LEAVE} 次，已移出错题本。`;
  if (!after.inWrongBook) return '';
  if (after.rightStreak === 0) return '仍在错题本中。';
  if (after.pinned) return `已连续答对 ${after.rightStreak} 次；这道题设为保留在错题本，不会自动移出。`;
  return `已连续答对 ${after.rightStreak} 次，再答对 ${RIGHT_STREAK_TO_LEAVE - after.rightStreak} 次移出错题本。`;
}

/** Right answers and answers so far, from the engine's marks. */
export interface PracticeTally {
  answered: number;
  right: number;
  total: number;
}

export function describeTally(tally: PracticeTally): string {
  const rate = formatPercent(tally.answered === 0 ? null : tally.right / tally.answered);
  return `已答 ${tally.answered} / ${tally.total} 题 · 答对 ${tally.right} 题 · 正确率 ${rate}`;
}

/** The running line of a 案例分析 run: how many were self-marked, and their total. */
export function describeCaseTally(marks: readonly Pick<SelfMark, 'score' | 'max'>[], total: number): string {
  const score = marks.reduce((sum, m) => sum + m.score, 0);
  const max = marks.reduce((sum, m) => sum + m.max, 0);
  return `已自评 ${marks.length} / ${total} 个案例 · 自评得分 ${score} / ${max} 分（自评，单独记录，不计入客观题正确率）`;
}
