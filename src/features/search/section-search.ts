/**
 * Section-level search over the Pagefind index: every hit is one `##` section of a chapter, with
 * the chapter title, the section heading and a highlighted excerpt. Loaded only on the search page
 * or when the header search is first opened.
 */
import type { PagefindApi, PagefindSubResult } from '../../types/pagefind.d.ts';
import { el } from '../../ui/dom.ts';

export interface SectionHit {
  url: string;
  chapterTitle: string;
  sectionTitle: string;
  /** HTML from Pagefind: our own text, escaped, with <mark> around matches. */
  excerpt: string;
  score: number;
}

let pagefind: Promise<PagefindApi> | undefined;

function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const bundle = '/pagefind/pagefind.js';
    const api = (await import(/* @vite-ignore */ bundle)) as PagefindApi;
    await api.options({ excerptLength: 40 });
    await api.init();
    return api;
  })();
  return pagefind;
}

function subScore(sub: PagefindSubResult): number {
  return sub.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0);
}

/** How many pages to open for their sections; chapters are few and long. */
const PAGES_TO_READ = 8;

export async function searchSections(query: string, limit = 10): Promise<SectionHit[]> {
  const q = query.trim();
  if (!q) return [];
  const api = await loadPagefind();
  const { results } = await api.search(q);
  const pages = await Promise.all(results.slice(0, PAGES_TO_READ).map(async (r) => ({ score: r.score, data: await r.data() })));
  const hits: SectionHit[] = [];
  for (const { score, data } of pages) {
    const chapterTitle = data.meta.title ?? '';
    for (const sub of data.sub_results) {
      if (sub.locations.length === 0) continue;
      // The first sub-result is the page intro, titled like the page itself.
      const sectionTitle = sub.anchor ? sub.title : '本章导言';
      hits.push({ url: sub.url, chapterTitle, sectionTitle, excerpt: sub.excerpt, score: score * subScore(sub) });
    }
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** Wires a search box to a result list: debounced, and keeps only the newest query's results. */
export function bindSearchBox(input: HTMLInputElement, list: HTMLOListElement, status: HTMLElement): (query: string) => Promise<void> {
  let latest = 0;
  const run = async (query: string) => {
    const ticket = ++latest;
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = '正在搜索……';
    let hits: SectionHit[];
    try {
      hits = await searchSections(query);
    } catch {
      status.textContent = '搜索索引加载失败：请确认网站是通过 npm start 构建并提供的。';
      return;
    }
    if (ticket !== latest) return;
    list.replaceChildren(...hits.map(renderHit));
    status.textContent = hits.length ? `找到 ${hits.length} 个相关小节` : `没有找到与“${query}”相关的内容，换个说法试试（例如更短的关键词）。`;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 200);
  });
  return run;
}

/** A hit: the section as the link, its chapter above it, and the excerpt with the matches marked. */
function renderHit(hit: SectionHit): HTMLLIElement {
  const li = el('li');
  const link = el('a', undefined, hit.sectionTitle);
  link.href = hit.url;
  const excerpt = el('p');
  // Pagefind's excerpt is our own page text, escaped by Pagefind, with <mark> around the matches.
  excerpt.innerHTML = hit.excerpt;
  li.append(el('span', 'chapter', hit.chapterTitle), el('br'), link, excerpt);
  return li;
}
