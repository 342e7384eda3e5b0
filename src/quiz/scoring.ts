/**
 * Grading: how an answer to each question *type* earns marks, and how a paper adds them up.
 * When grading happens and who sees it is a behaviour's business (behaviours.ts), not this file's.
 */
import type { MultiplePolicy, QuizQuestion } from './models.ts';
import type { Paper } from './draw.ts';

/** The learner's choices per paper item (key: item index), as shown positions. */
export type Responses = Readonly<Record<number, readonly number[]>>;

/** Share of one question's mark earned by a non-empty set of chosen options, in [0, 1]. */
type MarkRule = (answer: readonly number[], chosen: ReadonlySet<number>) => number;

const exactMatch: MarkRule = (answer, chosen) => (chosen.size === answer.length && answer.every((a) => chosen.has(a)) ? 1 : 0);

/**
 * 多选 rules. The national exam is all-or-nothing; partial credit is kinder for practice, but any
 * wrong option still scores zero so that ticking everything never pays.
 */
export const MULTIPLE_RULES: Readonly<Record<MultiplePolicy, MarkRule>> = {
  'all-or-nothing': exactMatch,
  partial: (answer, chosen) => {
    for (const option of chosen) if (!answer.includes(option)) return 0;
    return chosen.size / answer.length;
  },
};

/** Share of the question's mark earned by `response`; no response earns nothing. */
export function creditFor(
  question: Pick<QuizQuestion, 'type' | 'answer'>,
  response: readonly number[] | undefined,
  policy: MultiplePolicy,
): number {
  if (!response || response.length === 0) return 0;
  const rule = question.type === 'multiple' ? MULTIPLE_RULES[policy] : exactMatch;
  return rule(question.answer, new Set(response));
}

/** How one item fared. */
export interface ItemMark {
  index: number;
  questionId: string;
  part: number;
  answered: boolean;
  /** Fully right (all the right options and nothing else). */
  correct: boolean;
  /** Share of the item's mark earned, in [0, 1]. */
  credit: number;
}

/** Right answers out of the questions asked, for one part, chapter or section. */
export interface Tally {
  /** Part title, chapter id, or `chapter#section` (the section's link fragment). */
  key: string;
  right: number;
  total: number;
  /** right / total. */
  share: number;
}

export interface PartScore extends Tally {
  /** The part's full points. */
  points: number;
  /** Sum of item credits, one per question. */
  raw: number;
  /** raw scaled to `points` and rounded to 0.01. */
  score: number;
}

export interface PaperScore {
  policy: MultiplePolicy;
  total: number;
  maxTotal: number;
  passMark: number;
  passed: boolean;
  parts: PartScore[];
  byChapter: Tally[];
  bySection: Tally[];
  items: ItemMark[];
}

/** Scores to the cent: enough for a report, and it keeps 59.99999 from failing a 60 pass mark. */
const toCents = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number, max: number) => Math.min(max, Math.max(0, x));

/**
 * Scores a paper. Each part's raw score (one mark per question) is scaled to the part's points, so
 * 25 ethics questions are worth 10 points and 100 theory questions 90, as in the national exam.
 */
export function scorePaper(paper: Paper, responses: Responses, policy: MultiplePolicy = paper.multiplePolicy): PaperScore {
  const items = paper.items.map((item, index): ItemMark => {
    const response = responses[index];
    const credit = creditFor(item.question, response, policy);
    return {
      index,
      questionId: item.questionId,
      part: item.part,
      answered: response !== undefined && response.length > 0,
      correct: credit === 1,
      credit,
    };
  });

  const parts = paper.parts.map((part, partIndex): PartScore => {
    const marks = items.filter((mark) => mark.part === partIndex);
    const raw = marks.reduce((sum, mark) => sum + mark.credit, 0);
    const right = marks.filter((mark) => mark.correct).length;
    const score = marks.length === 0 ? 0 : clamp(toCents((raw * part.points) / marks.length), part.points);
    return { key: part.title, points: part.points, raw, score, right, total: marks.length, share: share(right, marks.length) };
  });

  const maxTotal = parts.reduce((sum, part) => sum + part.points, 0);
  const total = clamp(toCents(parts.reduce((sum, part) => sum + part.score, 0)), maxTotal);
  return {
    policy,
    total,
    maxTotal,
    passMark: paper.passMark,
    passed: total >= paper.passMark,
    parts,
    byChapter: tallyBy(paper, items, (q) => q.chapter),
    bySection: tallyBy(paper, items, (q) => `${q.chapter}#${q.section}`),
    items,
  };
}

function share(right: number, total: number): number {
  return total === 0 ? 0 : right / total;
}

/** Tallies in order of first appearance on the paper. */
function tallyBy(paper: Paper, marks: readonly ItemMark[], keyOf: (q: QuizQuestion) => string): Tally[] {
  const tallies = new Map<string, Tally>();
  marks.forEach((mark, index) => {
    const question = paper.items[index]?.question;
    if (!question) return;
    const key = keyOf(question);
    const tally = tallies.get(key) ?? { key, right: 0, total: 0, share: 0 };
    tally.total += 1;
    if (mark.correct) tally.right += 1;
    tallies.set(key, tally);
  });
  return [...tallies.values()].map((tally) => ({ ...tally, share: share(tally.right, tally.total) }));
}
