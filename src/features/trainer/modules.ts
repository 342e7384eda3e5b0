/**
 * Modules (学习范围) of an assignment: whole chapters (`meetings`) or single sections
 * (`meetings#plan`), their names, and the reading list a learner gets. No DOM. The picker's fuzzy
 * filter is in `trainer-module-filter.ts`, so that the learner's page does not load fuse.js.
 */
import { sectionUrl } from '../../ui/content.ts';
/** What the pages know about a chapter: the catalog's shape. */
export interface ModuleChapter {
  id: string;
  title: string;
  sections: readonly { id: string; title: string }[];
}

export interface ModuleEntry {
  /** `chapter` or `chapter#section`, as an assignment stores it. */
  key: string;
  chapter: string;
  section: string | null;
  title: string;
  chapterTitle: string;
}

export function moduleEntries(chapters: readonly ModuleChapter[]): ModuleEntry[] {
  return chapters.flatMap((chapter) => [
    { key: chapter.id, chapter: chapter.id, section: null, title: chapter.title, chapterTitle: chapter.title },
    ...chapter.sections.map((section) => ({
      key: `${chapter.id}#${section.id}`,
      chapter: chapter.id,
      section: section.id,
      title: section.title,
      chapterTitle: chapter.title,
    })),
  ]);
}

/**
 * 会议组织与管理, or 会议组织与管理 › 会议方案的拟定. A module this site no longer has is named as
 * such, with its id marked as an id: never shown as if the id were its title (issue 13).
 */
export function moduleLabel(key: string, chapters: readonly ModuleChapter[]): string {
  const [chapterId = key, sectionId] = key.split('#');
  const chapter = chapters.find((c) => c.id === chapterId);
  if (!chapter) return `本站已没有的章节（编号 ${chapterId}）`;
  if (sectionId === undefined) return chapter.title;
  const section = chapter.sections.find((s) => s.id === sectionId);
  return `${chapter.title} › ${section?.title ?? `本站已没有的小节（编号 ${sectionId}）`}`;
}

/** Where a module is taught: its section of the chapter page, or the chapter page. */
export function moduleUrl(key: string): string {
  const [chapterId = key, sectionId] = key.split('#');
  return sectionId === undefined ? `/chapters/${chapterId}/` : sectionUrl(chapterId, sectionId);
}

/** The modules ticked in the picker, as an assignment stores them: a ticked chapter covers its sections. */
export function selectedModules(ticked: Iterable<string>, entries: readonly ModuleEntry[]): string[] {
  const set = new Set(ticked);
  return entries
    .filter((e) => set.has(e.key) && (e.section === null || !set.has(e.chapter)))
    .map((e) => e.key);
}

export interface ReadingChapter {
  chapter: string;
  title: string;
  /** The whole chapter is assigned, not just some sections. */
  whole: boolean;
  sections: { id: string; title: string }[];
}

/**
 * What a learner should read before the paper, chapter by chapter in the order assigned: every
 * section of an assigned chapter, or the assigned sections. Chapters and sections the site no
 * longer has are left out; the page reports them (`missingModules`).
 */
export function readingList(modules: readonly string[], chapters: readonly ModuleChapter[]): ReadingChapter[] {
  const list: ReadingChapter[] = [];
  for (const key of modules) {
    const [chapterId = key, sectionId] = key.split('#');
    const chapter = chapters.find((c) => c.id === chapterId);
    if (!chapter) continue;
    const section = sectionId === undefined ? undefined : chapter.sections.find((s) => s.id === sectionId);
    if (sectionId !== undefined && !section) continue;
    let entry = list.find((e) => e.chapter === chapterId);
    if (!entry) {
      entry = { chapter: chapterId, title: chapter.title, whole: false, sections: [] };
      list.push(entry);
    }
    if (!section) {
      entry.whole = true;
      entry.sections = chapter.sections.map((s) => ({ ...s }));
    } else if (!entry.whole && !entry.sections.some((s) => s.id === section.id)) {
      entry.sections.push({ ...section });
    }
  }
  return list;
}
