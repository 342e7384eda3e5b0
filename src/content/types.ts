/**
 * The data the build emits as JSON (`/data/…`) and the browser pages read: the catalog, one bank
 * per chapter and the glossary. Both sides import these shapes from here, so neither imports the
 * other. Only the engine's import-free models are referenced.
 */
import type { Blueprint, CaseItem, QuizQuestion } from '../quiz/models.ts';

export interface CatalogSection {
  id: string;
  title: string;
}

export interface CatalogChapter {
  id: string;
  order: number;
  title: string;
  /** Estimated reading minutes (the chapter's frontmatter). */
  minutes: number;
  sections: CatalogSection[];
}

/** `/data/catalog.json`: chapters with their sections, and the exam blueprints. */
export interface Catalog {
  chapters: CatalogChapter[];
  blueprints: Blueprint[];
}

/** `/data/bank/<chapter>.json`: one chapter's questions in the engine's shape. */
export interface ChapterBank {
  chapter: string;
  questions: QuizQuestion[];
  cases: CaseItem[];
}

/** One term of `/data/glossary.json`, with what instant lookup matches on. */
export interface GlossaryEntry {
  name: string;
  definition: string;
  /** Pinyin without tones, space-separated: "hui yi jian bao". */
  pinyin: string;
  /** Pinyin initials: "hyjb". */
  initials: string;
  /** Where the term is taught. */
  chapter: string;
  section: string;
  /** `章 › 节`, for the link under a hit. */
  place: string;
  /** The term's anchor on its chapter page. */
  href: string;
}
