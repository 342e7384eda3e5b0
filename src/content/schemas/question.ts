import { z } from 'astro/zod';

/** Option letters in order; a question has at most five options. */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

/** Options that give away the answer or test nothing; the bank never uses them. */
const FORBIDDEN_OPTION = /以上(都|均|全)(对|是|正确|不对|不是|错误|不正确)|以上皆(是|非)/;

const Difficulty = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** Fields every question has, whatever its type. */
const questionBase = {
  /** Stable id, `<chapter-id>-NNN` (cases `<chapter-id>-cNN`); unique across the bank, never reused. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id 只能用小写字母、数字和连字符'),
  /** Id of the `##` section of this chapter that teaches the point. */
  section: z.string().min(1),
  /** 1 easy, 2 medium, 3 hard. */
  difficulty: Difficulty,
  /** Why the answer is right and why the most tempting wrong option is wrong. */
  explanation: z.string().min(30, '解析至少 30 个字：说明正确答案为何正确、最具迷惑性的错误选项为何错误'),
  /** Free tags; `职业道德` puts the question in the ethics part of the mock exam. */
  tags: z.array(z.string().min(1)).default([]),
};

const optionList = (min: number, max: number) =>
  z
    .array(z.string().trim().min(1, '选项不能为空'))
    .min(min)
    .max(max)
    .superRefine((options, ctx) => {
      if (new Set(options).size !== options.length) ctx.addIssue({ code: 'custom', message: '选项有重复' });
      for (const option of options) {
        if (FORBIDDEN_OPTION.test(option)) ctx.addIssue({ code: 'custom', message: `不允许使用“${option}”这类选项` });
      }
    });

/** 单选: four options, one right. */
export const SingleChoiceSchema = z.strictObject({
  ...questionBase,
  /** Question type: single choice (单项选择). */
  type: z.literal('single'),
  /** The question, ending with a blank `（  ）`. */
  stem: z.string().min(5),
  /** Exactly four options, in the order A–D. */
  options: optionList(4, 4),
  /** The letter of the right option. */
  answer: z.enum(['A', 'B', 'C', 'D']),
});

/** 多选: four or five options, at least two right. */
export const MultipleChoiceSchema = z.strictObject({
  ...questionBase,
  /** Question type: multiple choice (多项选择). */
  type: z.literal('multiple'),
  /** The question, ending with a blank `（  ）`. */
  stem: z.string().min(5),
  /** Four or five options, in the order A–E. */
  options: optionList(4, 5),
  /** The letters of all right options, ascending, e.g. `ACD`. */
  answer: z.string().regex(/^(?=.{2,5}$)A?B?C?D?E?$/, '多选答案须为至少两个不重复的字母，按字母顺序，如 ACD'),
});

/** 判断: a statement that is either right or wrong. */
export const JudgeSchema = z.strictObject({
  ...questionBase,
  /** Question type: true/false (判断). */
  type: z.literal('judge'),
  /** The statement to judge. */
  stem: z.string().min(5),
  /** `true` if the statement is right. */
  answer: z.boolean(),
});

/** One 得分点 of a case-analysis sub-question. */
export const ScoringPointSchema = z.strictObject({
  /** What the answer must say to earn the point. */
  text: z.string().min(2),
  /** Points awarded for it. */
  score: z.number().positive().max(20),
});

/** One sub-question of a case-analysis item. */
export const CasePartSchema = z.strictObject({
  /** The sub-question. */
  prompt: z.string().min(4),
  /** A model answer shown after the learner writes theirs. */
  modelAnswer: z.string().min(10),
  /** The 得分点 checklist the learner ticks when self-marking. */
  points: z.array(ScoringPointSchema).min(1),
});

/** 案例分析: a scenario with 2–4 sub-questions marked against 得分点. */
export const CaseSchema = z.strictObject({
  ...questionBase,
  /** Question type: case analysis (案例分析). */
  type: z.literal('case'),
  /** The situation the sub-questions are about. */
  scenario: z.string().min(30),
  /** Two to four sub-questions. */
  parts: z.array(CasePartSchema).min(2).max(4),
});

/** A question of any type, discriminated by `type`. */
export const QuestionSchema = z
  .discriminatedUnion('type', [SingleChoiceSchema, MultipleChoiceSchema, JudgeSchema, CaseSchema])
  .superRefine((question, ctx) => {
    if (question.type !== 'single' && question.type !== 'multiple') return;
    const allowed = OPTION_LETTERS.slice(0, question.options.length);
    for (const letter of question.answer) {
      if (!allowed.includes(letter as (typeof OPTION_LETTERS)[number])) {
        ctx.addIssue({ code: 'custom', path: ['answer'], message: `答案 ${letter} 不在选项 ${allowed.join('')} 之中` });
      }
    }
  });

/** A question bank file (`src/content/questions/<chapter-id>.yaml`): one chapter's questions. */
export const QuestionFileSchema = z.strictObject({
  /** The chapter these questions belong to; must match the file name. */
  chapter: z.string().min(1),
  /** The questions, in the order they are practised in 顺序练习. */
  questions: z.array(QuestionSchema).min(1),
});

export type Question = z.output<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type QuestionFile = z.output<typeof QuestionFileSchema>;
