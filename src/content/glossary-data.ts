/** Build-time glossary data: every `<Term>` of every chapter, with pinyin for instant lookup. */
import { pinyin } from 'pinyin-pro';
import { readChapterSections } from './chapter-sections.ts';
import { chapterUrl, type ChapterEntry } from './chapters.ts';
import { extractTerms, termAnchor, type GlossaryTerm } from './glossary.ts';
import type { GlossaryEntry } from './types.ts';

export interface GlossaryItem extends GlossaryTerm {
  chapterTitle: string;
  sectionTitle: string;
  /** Pinyin without tones, space-separated. */
  pinyin: string;
  initials: string;
  /** The term on its chapter page. */
  href: string;
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
        href: `${chapterUrl(chapter.id)}#${termAnchor(term.name)}`,
      });
    }
  }
  return items.sort((a, b) => a.pinyin.localeCompare(b.pinyin));
}

/** What `/data/glossary.json` carries for instant lookup. */
export function toGlossaryEntry(item: GlossaryItem): GlossaryEntry {
  const { name, definition, pinyin, initials, chapter, section, href } = item;
  return { name, definition, pinyin, initials, chapter, section, href, place: `${item.chapterTitle} › ${item.sectionTitle}` };
}
