/**
 * What the 题库 page shows (no DOM): chapter, section, type and difficulty narrow the bank, and a
 * fuse.js query over stems, options, case scenarios and sub-question prompts ranks what is left.
 * The filter round-trips through the URL query so a filtered view can be shared.
 */
import Fuse from 'fuse.js';
import type { ChapterBank } from '../../content/types.ts';
import { DIFFICULTIES } from '../../quiz/index.ts';
import type { CaseItem, Difficulty, QuizQuestion } from '../../quiz/index.ts';

/** A case item tagged with its type, so the bank is one list discriminated by `type`. */
export type CaseEntry = CaseItem & { type: 'case' };
export type BankEntry = QuizQuestion | CaseEntry;
export type EntryType = BankEntry['type'];

export const ENTRY_TYPES: readonly EntryType[] = ['single', 'multiple', 'judge', 'case'];

export interface BankFilter {
  /** Chapter id; absent for every chapter. */
  chapter?: string | undefined;
  /** Section id within `chapter`; ignored without a chapter, since section ids repeat across chapters. */
  section?: string | undefined;
  type?: EntryType | undefined;
  difficulty?: Difficulty | undefined;
  /** Free text; blank keeps the bank's own order, otherwise results come best match first. */
  query?: string | undefined;
}

/** The chapters' banks as one list: each chapter's objective questions, then its case items. */
export function bankEntries(banks: readonly ChapterBank[]): BankEntry[] {
  return banks.flatMap((bank): BankEntry[] => [...bank.questions, ...bank.cases.map((item) => ({ ...item, type: 'case' as const }))]);
}

function passes(entry: BankEntry, filter: BankFilter): boolean {
  if (filter.chapter && entry.chapter !== filter.chapter) return false;
  if (filter.chapter && filter.section && entry.section !== filter.section) return false;
  if (filter.type && entry.type !== filter.type) return false;
  if (filter.difficulty && entry.difficulty !== filter.difficulty) return false;
  return true;
}

const SEARCH_KEYS = [
  { name: 'stem', weight: 2 },
  { name: 'scenario', weight: 2 },
  { name: 'options', weight: 1 },
  { name: 'parts.prompt', weight: 1 },
];

/**
 * Builds the search index once; the returned `find` applies a filter. Searching first and
 * filtering the ranked hits keeps one index for every combination of filters.
 */
export function createBankSearch(entries: readonly BankEntry[]) {
  const index = Fuse.createIndex(SEARCH_KEYS, entries);
  const fuse = new Fuse(entries, { keys: SEARCH_KEYS, threshold: 0.25, ignoreLocation: true }, index);

  return function find(filter: BankFilter): BankEntry[] {
    const query = filter.query?.trim().replace(/\s+/g, ' ') ?? '';
    const candidates = query ? fuse.search(query).map((result) => result.item) : entries;
    return candidates.filter((entry) => passes(entry, filter));
  };
}

const isEntryType = (value: string | null): value is EntryType => ENTRY_TYPES.includes(value as EntryType);

/** Reads `?chapter=…&section=…&type=…&difficulty=…&q=…`; unknown values are dropped, not guessed. */
export function filterFromQuery(params: URLSearchParams): BankFilter {
  const filter: BankFilter = {};
  const chapter = params.get('chapter')?.trim();
  if (chapter) {
    filter.chapter = chapter;
    const section = params.get('section')?.trim();
    if (section) filter.section = section;
  }
  const type = params.get('type');
  if (isEntryType(type)) filter.type = type;
  const difficulty = Number(params.get('difficulty'));
  if (DIFFICULTIES.includes(difficulty as Difficulty)) filter.difficulty = difficulty as Difficulty;
  const query = params.get('q')?.trim();
  if (query) filter.query = query;
  return filter;
}

/** The query string for a filter, without the `?`; empty when nothing is filtered. */
export function filterToQuery(filter: BankFilter): string {
  const params = new URLSearchParams();
  if (filter.chapter) {
    params.set('chapter', filter.chapter);
    if (filter.section) params.set('section', filter.section);
  }
  if (filter.type) params.set('type', filter.type);
  if (filter.difficulty) params.set('difficulty', String(filter.difficulty));
  const query = filter.query?.trim();
  if (query) params.set('q', query);
  return params.toString();
}

/** A chapter as the 题库 page knows it, from the catalog. */
export interface BrowserChapter {
  id: string;
  title: string;
  /** The chapter page; a section is `href#sectionId`. */
  href: string;
  sections: { id: string; title: string }[];
}

/** Where an entry belongs, for its 章 › 节 line and its 去学习本节 link; ids stand in for missing titles. */
export function placeOf(entry: BankEntry, chapters: readonly BrowserChapter[]) {
  const chapter = chapters.find((c) => c.id === entry.chapter);
  const section = chapter?.sections.find((s) => s.id === entry.section);
  return {
    chapterTitle: chapter?.title ?? entry.chapter,
    sectionTitle: section?.title ?? entry.section,
    href: chapter ? `${chapter.href}#${entry.section}` : undefined,
  };
}
