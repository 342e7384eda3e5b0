import { z } from 'astro/zod';

/** Which questions a blueprint part may draw from. Empty means the whole bank. */
export const QuestionPoolSchema = z.strictObject({
  /** Only these chapters (ids). */
  chapters: z.array(z.string()).optional(),
  /** Only questions carrying at least one of these tags. */
  tags: z.array(z.string()).optional(),
  /** Never questions carrying any of these tags. */
  excludeTags: z.array(z.string()).optional(),
});

/** How many questions of each objective type a part draws. */
export const DrawCountsSchema = z.strictObject({
  /** Number of 单选 questions. */
  single: z.int().min(0).default(0),
  /** Number of 多选 questions. */
  multiple: z.int().min(0).default(0),
  /** Number of 判断 questions. */
  judge: z.int().min(0).default(0),
});

/** How many written items a part of the skills paper draws. */
export const WrittenCountsSchema = z.strictObject({
  /** Number of 案例分析 items. */
  case: z.int().min(0).default(0),
  /** Number of 工作实务 tasks. */
  task: z.int().min(0).default(0),
});

/** One part of a paper, e.g. 职业道德 (25 questions scaled to 10 points). */
export const ExamPartSchema = z.strictObject({
  /** Part heading shown on the paper. */
  title: z.string().min(1),
  /** The part's raw score is scaled to this many points. */
  points: z.number().positive(),
  /** Where its questions come from. */
  pool: QuestionPoolSchema.default({}),
  /** How many questions of each objective type it draws. */
  draw: DrawCountsSchema.default({ single: 0, multiple: 0, judge: 0 }),
  /**
   * The skills paper: how many written items (案例分析, 工作实务) it draws, each worth an equal
   * share of the part's points and self-marked against its 得分点. A paper is objective or written.
   */
  written: WrittenCountsSchema.optional(),
});

/** An exam blueprint (`src/content/exams/<id>.yaml`). The file name is the blueprint id. */
export const ExamBlueprintSchema = z.strictObject({
  /** Name of the paper. */
  title: z.string().min(2),
  /** What the paper is for, shown when choosing it. */
  description: z.string().min(2),
  /** Time limit in minutes; 0 means untimed. */
  minutes: z.int().min(0).max(600),
  /** Points needed to pass, out of the sum of the parts' points. */
  passMark: z.number().min(0),
  /** How 多选 are scored: all-or-nothing (the national exam) or partial credit. */
  multiplePolicy: z.enum(['all-or-nothing', 'partial']).default('all-or-nothing'),
  /** Set for a per-chapter test: the paper draws from whichever chapter the learner picks. */
  perChapter: z.boolean().default(false),
  /**
   * Shuffle option order per paper (answers remapped). Off by default: explanations name options
   * by letter, and a shuffled paper would make “故选 A” point at the wrong option in the review.
   */
  shuffleOptions: z.boolean().default(false),
  /** The parts of the paper, in order. */
  parts: z.array(ExamPartSchema).min(1),
});

export type ExamBlueprint = z.output<typeof ExamBlueprintSchema>;
export type ExamPart = z.output<typeof ExamPartSchema>;
