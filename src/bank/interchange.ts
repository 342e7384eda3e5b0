/**
 * What the exchange formats (GIFT, Aiken, CSV) share: the shape a question has between a foreign
 * file and our bank, and the report of what a format could not hold. Readers never throw on bad
 * input: every question they cannot take becomes a `SkippedItem` with its line and a reason.
 */
import type { CaseItem, Difficulty, ObjectiveType, QuizQuestion } from '../quiz/models.ts';
import type { ChapterInfo } from '../content/validate.ts';

/** A question read from an exchange file, before it gets an id and a place in our bank. */
export interface ImportedQuestion {
  /** GIFT `::title::`; otherwise a name made from the stem, as Moodle names untitled questions. */
  title: string;
  type: ObjectiveType;
  /** The question; a GIFT answer block in mid-sentence has become the blank `（  ）`. */
  stem: string;
  /** Option texts in file order; a 判断 has `['正确', '错误']`. */
  options: string[];
  /** Indices of the right options, ascending; a 判断 is `[0]` when true, `[1]` when false. */
  answer: number[];
  /** General feedback, else the per-answer feedback joined; `''` when the file has none. */
  explanation: string;
  /** 1-based line where the question starts in the file. */
  line: number;
  /** What the file says about the question's place in our bank (our own exports say it all). */
  id?: string | undefined;
  chapter?: string | undefined;
  section?: string | undefined;
  difficulty?: Difficulty | undefined;
  tags: string[];
  /** GIFT `$CATEGORY:` in force where the question stands. */
  category?: string | undefined;
}

/** A question (or a stray line) that a reader could not take, and why, in Chinese. */
export interface SkippedItem {
  /** 1-based line in the file. */
  line: number;
  reason: string;
}

export interface ImportResult {
  questions: ImportedQuestion[];
  skipped: SkippedItem[];
}

/** The objective questions and cases to export, with the chapters they belong to. */
export interface BankSelection {
  chapters: ChapterInfo[];
  questions: QuizQuestion[];
  cases: CaseItem[];
}

export interface ExportResult {
  text: string;
  /** What the format could not hold (案例分析, other types), for the maintainer to read on stderr. */
  notes: string[];
}

export const IMPORT_FORMATS = ['gift', 'aiken', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = [...IMPORT_FORMATS, 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The blank a Chinese exam stem leaves for the answer (see docs/CONTENT.md). */
export const ANSWER_BLANK = '（  ）';

/** Option letter of an index, beyond E too, so a reader can name the options of any file. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

export function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Moodle names an untitled question after its text, shortened to 80 characters. */
export function defaultTitle(stem: string): string {
  const flat = stem.replace(/\s*\n\s*/g, ' ').trim();
  const chars = [...flat];
  return chars.length > 80 ? `${chars.slice(0, 80).join('')}...` : flat;
}

/** Counts what an export left out, e.g. `跳过 3 道案例分析题：GIFT 无法表达`. */
export function skippedNote(count: number, what: string, why: string): string[] {
  return count > 0 ? [`跳过 ${count} 道${what}：${why}`] : [];
}

/** Notes for the written items a format cannot hold, 案例分析 and 工作实务 counted apart. */
export function skippedWritten(cases: readonly { kind: string }[], why: string): string[] {
  return [
    ...skippedNote(cases.filter((c) => c.kind === 'case').length, '案例分析题', why),
    ...skippedNote(cases.filter((c) => c.kind === 'task').length, '工作实务题', why),
  ];
}
