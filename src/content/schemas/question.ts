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

/** One 得分点 of a written answer (案例分析 or 工作实务). */
export const ScoringPointSchema = z.strictObject({
  /** What the answer must say to earn the point. */
  text: z.string().min(2),
  /** Points awarded for it. */
  score: z.number().positive().max(20),
  /**
   * Words an answer covering the point is likely to contain, for the self-marking hint (which only
   * suggests; the learner decides). Optional: without them the hint uses the point's key terms.
   */
  keywords: z.array(z.string().min(1)).optional(),
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

/** Material given with a 工作实务 task: a passage (notes, a draft with errors) or a table. */
export const MaterialSchema = z
  .strictObject({
    /** What the material is, shown as its heading (e.g. 今天收到的邮件). */
    title: z.string().min(2),
    /** A passage, kept line by line. */
    text: z.string().min(2).optional(),
    /** A table: column names, then rows with one cell per column. */
    table: z
      .strictObject({
        columns: z.array(z.string().min(1)).min(1),
        rows: z.array(z.array(z.union([z.string(), z.number()]).transform(String))).min(1),
      })
      .optional(),
  })
  .superRefine((material, ctx) => {
    if ((material.text === undefined) === (material.table === undefined)) ctx.addIssue({ code: 'custom', message: '材料须有 text 或 table 之一' });
    const columns = material.table?.columns.length ?? 0;
    material.table?.rows.forEach((row, index) => {
      if (row.length !== columns) ctx.addIssue({ code: 'custom', path: ['table', 'rows', index], message: `第 ${index + 1} 行有 ${row.length} 格，表头有 ${columns} 列` });
    });
  });

/** What a 工作实务 task asks the candidate to do. */
export const TASK_VERBS = ['拟写', '编制', '列出', '设计', '改错', '处理', '填写', '核算'] as const;

/** 工作实务: a practical task of the skills paper, self-marked against its 得分点. */
export const TaskSchema = z.strictObject({
  ...questionBase,
  /** Question type: a practical task (工作实务). */
  type: z.literal('task'),
  /** What the task asks for. */
  verb: z.enum(TASK_VERBS),
  /** The situation: who the candidate is, for whom, and what is known. */
  scenario: z.string().min(30),
  /** The task itself, e.g. 请以办公室名义拟写一份会议通知。 */
  task: z.string().min(6),
  /** Materials to work from, in order. */
  materials: z.array(MaterialSchema).default([]),
  /** The model answer, laid out as a marker expects (标题、主送、正文、落款、日期…). */
  modelAnswer: z.string().min(20),
  /** The task's marks; the 得分点 must add up to them. */
  marks: z.number().positive().max(50),
  /** The 得分点 the learner ticks when self-marking. */
  points: z.array(ScoringPointSchema).min(3),
});

/** A question of any type, discriminated by `type`. */
export const QuestionSchema = z
  .discriminatedUnion('type', [SingleChoiceSchema, MultipleChoiceSchema, JudgeSchema, CaseSchema, TaskSchema])
  .superRefine((question, ctx) => {
    if (question.type === 'task') {
      const total = question.points.reduce((sum, point) => sum + point.score, 0);
      if (Math.abs(total - question.marks) > 1e-9) {
        ctx.addIssue({ code: 'custom', path: ['points'], message: `得分点合计 ${total} 分，与本题分值 marks ${question.marks} 分不符` });
      }
      return;
    }
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
