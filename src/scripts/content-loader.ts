/**
 * Fetches the content the build emitted as JSON (`/data/catalog.json`, `/data/bank/<id>.json`),
 * once per page. The service worker precaches these files, so they load offline too.
 */
import type { Catalog, ChapterBank } from '../content/catalog.ts';

export type { Catalog, CatalogChapter } from '../content/catalog.ts';

/** Questions of one or more chapters, as `/data/bank/<id>.json` carries them. */
export type Bank = Omit<ChapterBank, 'chapter'>;

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`无法加载 ${url}（HTTP ${response.status}）`);
  return (await response.json()) as T;
}

let catalog: Promise<Catalog> | undefined;
const banks = new Map<string, Promise<Bank>>();

export function loadCatalog(): Promise<Catalog> {
  catalog ??= fetchJson<Catalog>('/data/catalog.json');
  return catalog;
}

function loadChapterBank(chapter: string): Promise<Bank> {
  let bank = banks.get(chapter);
  if (!bank) {
    bank = fetchJson<Bank>(`/data/bank/${encodeURIComponent(chapter)}.json`);
    banks.set(chapter, bank);
  }
  return bank;
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
