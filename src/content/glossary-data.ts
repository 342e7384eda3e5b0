/** Build-time glossary data: every `<Term>` of every chapter, with pinyin for instant lookup. */
import { pinyin } from 'pinyin-pro';
import { extractTerms, type GlossaryTerm } from './glossary.ts';
import { readChapterSections } from './chapter-sections.ts';
import type { ChapterEntry } from './chapters.ts';
import type { GlossaryEntry } from '../scripts/glossary-search.ts';

export interface GlossaryItem extends GlossaryTerm, GlossaryEntry {
  chapterTitle: string;
  sectionTitle: string;
}

export function buildGlossary(chapters: readonly ChapterEntry[]): GlossaryItem[] {
  const items: GlossaryItem[] = [];
  for (const chapter of chapters) {
    const body = chapter.body ?? '';
    const { sections } = readChapterSections(body);
    for (const term of extractTerms(chapter.id, body)) {
      items.push({
        ...term,
        chapterTitle: chapter.data.title,
        sectionTitle: sections.find((s) => s.id === term.section)?.title ?? '',
        pinyin: pinyin(term.name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' '),
        initials: pinyin(term.name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase(),
      });
    }
  }
  return items.sort((a, b) => a.pinyin.localeCompare(b.pinyin));
}
