/**
 * The glossary is built from the `<Term name="…">definition</Term>` blocks that chapters mark,
 * so a term is defined once, where it is taught, and the 术语表 links back to that place.
 */
import { readChapterSections } from './chapter-sections.ts';

export interface GlossaryTerm {
  name: string;
  /** Definition as plain text (Markdown emphasis removed). */
  definition: string;
  chapter: string;
  section: string;
}

/** Anchor of a term on its chapter page. */
export function termAnchor(name: string): string {
  return `term-${name.replace(/\s+/g, '-')}`;
}

const TERM = /<Term\s+name="([^"]+)"\s*>([\s\S]*?)<\/Term>/g;

export function extractTerms(chapter: string, source: string): GlossaryTerm[] {
  const { sections } = readChapterSections(source);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => lineStarts.findLastIndex((start) => start <= offset) + 1;
  const terms: GlossaryTerm[] = [];
  for (const match of source.matchAll(TERM)) {
    const line = lineAt(match.index);
    const section = sections.findLast((s) => s.line <= line);
    terms.push({
      name: (match[1] ?? '').trim(),
      definition: (match[2] ?? '').replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim(),
      chapter,
      section: section?.id ?? '',
    });
  }
  return terms;
}
