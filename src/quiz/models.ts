/**
 * The engine's view of the content. Plain data, no Astro and no DOM: the content layer
 * (`src/content/bank.ts`) maps validated YAML into these shapes, with answers as option indices.
 */

export type ObjectiveType = 'single' | 'multiple' | 'judge';
export type Difficulty = 1 | 2 | 3;

/** An objective question: 单选, 多选 or 判断. A 判断 has the options 正确 and 错误. */
export interface QuizQuestion {
  id: string;
  chapter: string;
  section: string;
  type: ObjectiveType;
  difficulty: Difficulty;
  stem: string;
  options: string[];
  /** Indices of the right options, ascending. */
  answer: number[];
  explanation: string;
  tags: string[];
}

/** One 得分点 of a case-analysis sub-question. */
export interface ScoringPoint {
  text: string;
  score: number;
}

/** A 案例分析 item: a scenario with sub-questions, self-marked against 得分点. */
export interface CaseItem {
  id: string;
  chapter: string;
  section: string;
  difficulty: Difficulty;
  scenario: string;
  parts: { prompt: string; modelAnswer: string; points: ScoringPoint[] }[];
  explanation: string;
  tags: string[];
}

/** Which questions a blueprint part may draw from; an empty pool is the whole bank. */
export interface QuestionPool {
  chapters?: string[] | undefined;
  tags?: string[] | undefined;
  excludeTags?: string[] | undefined;
}

export type DrawCounts = Record<ObjectiveType, number>;

export interface BlueprintPart {
  title: string;
  /** The part's raw score is scaled to this many points. */
  points: number;
  pool: QuestionPool;
  draw: DrawCounts;
}

export type MultiplePolicy = 'all-or-nothing' | 'partial';

export interface Blueprint {
  id: string;
  title: string;
  description: string;
  /** Time limit in minutes; 0 is untimed. */
  minutes: number;
  passMark: number;
  multiplePolicy: MultiplePolicy;
  /** A per-chapter test: the learner picks the chapter, which narrows every part's pool. */
  perChapter: boolean;
  /**
   * Shuffle each question's options on the paper (answers remapped). Off unless set: the bank's
   * explanations name options by letter (“故选 A；B 项……”), which a shuffle would contradict.
   */
  shuffleOptions?: boolean | undefined;
  parts: BlueprintPart[];
}

export const JUDGE_OPTIONS = ['正确', '错误'] as const;

/** Every kind of item in the bank: the objective types, 案例分析 and 工作实务. */
export type ItemType = ObjectiveType | 'case';

/**
 * The one list of item-type names. The engine's messages use it and the UI kit (src/ui/labels.ts)
 * derives every other label from it (单选题, 单项选择题), so they cannot drift apart.
 */
export const TYPE_NAMES: Readonly<Record<ItemType, string>> = { single: '单选', multiple: '多选', judge: '判断', case: '案例分析' };

export const DIFFICULTY_NAMES: Readonly<Record<Difficulty, string>> = { 1: '易', 2: '中', 3: '难' };
