/**
 * Reads the `##` sections of a chapter's MDX source without compiling it, so that the
 * build-time cross-checks, the bank tool and the glossary agree with what the page renders.
 */

/** `\{#plan}` at the end of a heading line (the MDX escape keeps the brace literal). */
export const EXPLICIT_ID_SUFFIX = /\s*\\?\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

export interface ChapterSection {
  /** Stable id of the section, from the heading's `\{#id}` suffix. */
  id: string;
  /** Heading text without the id suffix. */
  title: string;
  /** 1-based line of the heading in the MDX file (frontmatter included). */
  line: number;
}

export interface SectionProblem {
  line: number;
  message: string;
}

/** Lists the `##` sections of an MDX source, and the headings that break the id rules. */
export function readChapterSections(source: string): { sections: ChapterSection[]; problems: SectionProblem[] } {
  const sections: ChapterSection[] = [];
  const problems: SectionProblem[] = [];
  let inFence = false;
  const lines = source.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence || !/^##\s/.test(line)) return;
    const text = line.replace(/^##\s+/, '');
    const match = EXPLICIT_ID_SUFFIX.exec(text);
    if (!match?.[1]) {
      problems.push({ line: index + 1, message: `「${text}」缺少显式 id：请写成 \`## ${text} \\{#section-id}\`` });
      return;
    }
    const id = match[1];
    if (sections.some((s) => s.id === id)) {
      problems.push({ line: index + 1, message: `section id "${id}" 在本章中重复` });
      return;
    }
    sections.push({ id, title: text.slice(0, match.index).trim(), line: index + 1 });
  });
  return { sections, problems };
}

/**
 * Sections every chapter ends with that teach nothing new: questions link to the section that
 * teaches a point, never to these (issue 10), and the bank's coverage figures leave them out.
 */
export const NON_TEACHING_SECTIONS = ['mistakes', 'summary'] as const;

export function isNonTeachingSection(id: string): boolean {
  return (NON_TEACHING_SECTIONS as readonly string[]).includes(id);
}
