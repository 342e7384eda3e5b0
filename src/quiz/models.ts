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

/** One 得分点 of a written answer. */
export interface ScoringPoint {
  text: string;
  score: number;
  /**
   * Words an answer that covers the point is likely to use; the self-marking hint looks for them.
   * Absent: the hint takes the point's own key terms.
   */
  keywords?: string[] | undefined;
}

/** The two written item kinds of the skills paper (专业能力). */
export type WrittenKind = 'case' | 'task';

/** Material a 工作实务 task gives the candidate: a passage (a draft with errors, notes) or a table. */
export interface Material {
  title: string;
  text?: string | undefined;
  table?: { columns: string[]; rows: string[][] } | undefined;
}

/** One question of a written item, answered in writing and self-marked against its 得分点. */
export interface WrittenPart {
  prompt: string;
  modelAnswer: string;
  points: ScoringPoint[];
}

/**
 * A written item, self-marked against 得分点: a 案例分析 (a scenario with two to four
 * sub-questions) or a 工作实务 task (a scenario, materials and one task to carry out: 拟写、编制、
 * 列出、设计、改错、处理, with a model answer in the format a marker expects).
 */
export interface CaseItem {
  kind: WrittenKind;
  id: string;
  chapter: string;
  section: string;
  difficulty: Difficulty;
  scenario: string;
  parts: WrittenPart[];
  explanation: string;
  tags: string[];
  /** 工作实务: what the task asks the candidate to do (拟写、编制、列出、设计、改错、处理). */
  verb?: string | undefined;
  /** 工作实务: materials given with the task, in order. */
  materials?: Material[] | undefined;
  /** 工作实务: the item's marks; its 得分点 add up to this. */
  marks?: number | undefined;
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
  /** Written items the part draws (the skills paper); a paper is either objective or written. */
  written?: Record<WrittenKind, number> | undefined;
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
export type ItemType = ObjectiveType | WrittenKind;

/**
 * The one list of item-type names. The engine's messages use it and the UI kit (src/ui/labels.ts)
 * derives every other label from it (单选题, 单项选择题), so they cannot drift apart.
 */
export const TYPE_NAMES: Readonly<Record<ItemType, string>> = { single: '单选', multiple: '多选', judge: '判断', case: '案例分析', task: '工作实务' };

export const DIFFICULTY_NAMES: Readonly<Record<Difficulty, string>> = { 1: '易', 2: '中', 3: '难' };

export const DIFFICULTIES: readonly Difficulty[] = [1, 2, 3];

export const OBJECTIVE_TYPES: readonly ObjectiveType[] = ['single', 'multiple', 'judge'];

export const WRITTEN_KINDS: readonly WrittenKind[] = ['case', 'task'];

/** The written items (案例分析 and 工作实务) a blueprint part draws. */
export function writtenDrawn(part: Pick<BlueprintPart, 'written'>): number {
  return WRITTEN_KINDS.reduce((sum, kind) => sum + (part.written?.[kind] ?? 0), 0);
}

/** Whether a blueprint draws written items (the skills paper) rather than objective questions. */
export function isWrittenBlueprint(blueprint: Pick<Blueprint, 'parts'>): boolean {
  return blueprint.parts.some((part) => writtenDrawn(part) > 0);
}
