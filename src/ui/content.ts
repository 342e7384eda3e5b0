/**
 * Fetches the content the build emitted as JSON (`/data/catalog.json`, `/data/bank/<id>.json`,
 * `/data/glossary.json`), once per page. The service worker precaches these files, so they load
 * offline too.
 */
import type { Catalog, CatalogChapter, ChapterBank, GlossaryEntry } from '../content/types.ts';

export type { Catalog, CatalogChapter, CatalogSection, GlossaryEntry } from '../content/types.ts';

/** Questions of one or more chapters, as `/data/bank/<id>.json` carries them. */
export type Bank = Omit<ChapterBank, 'chapter'>;

async function fetchJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error('网络连接失败，请检查网络后刷新页面');
  }
  if (!response.ok) throw new Error(`无法加载 ${url}（HTTP ${response.status}）`);
  return (await response.json()) as T;
}

/** One fetch per URL and page; a failed one is forgotten, so that 重新载入 fetches again. */
const fetched = new Map<string, Promise<unknown>>();

function fetchOnce<T>(url: string): Promise<T> {
  let pending = fetched.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = fetchJson<T>(url);
    fetched.set(url, pending);
    pending.catch(() => fetched.delete(url));
  }
  return pending;
}

export function loadCatalog(): Promise<Catalog> {
  return fetchOnce<Catalog>('/data/catalog.json');
}

export function loadGlossary(): Promise<GlossaryEntry[]> {
  return fetchOnce<GlossaryEntry[]>('/data/glossary.json');
}

function loadChapterBank(chapter: string): Promise<Bank> {
  return fetchOnce<Bank>(`/data/bank/${encodeURIComponent(chapter)}.json`);
}

/** The questions of the given chapters (all chapters when omitted), merged. */
export async function loadBank(chapters?: readonly string[]): Promise<Bank> {
  const ids = chapters ?? (await loadCatalog()).chapters.map((c) => c.id);
  const parts = await Promise.all(ids.map(loadChapterBank));
  return { questions: parts.flatMap((p) => p.questions), cases: parts.flatMap((p) => p.cases) };
}

export function sectionUrl(chapter: string, section: string): string {
  return `/chapters/${chapter}/#${section}`;
}

/** A section's link and name, 「章 › 节」; the raw ids only if the catalog no longer has it. */
export function sectionLink(chapters: readonly CatalogChapter[], chapterId: string, sectionId: string): { href: string; title: string } {
  const chapter = chapters.find((c) => c.id === chapterId);
  const section = chapter?.sections.find((s) => s.id === sectionId);
  const title = chapter && section ? `${chapter.title} › ${section.title}` : chapter ? chapter.title : '（这一节已不在教材中）';
  return { href: sectionUrl(chapterId, sectionId), title };
}
