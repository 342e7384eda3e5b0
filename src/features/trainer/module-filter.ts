/** The trainer's module picker filter: fuse.js over chapter and section titles. No DOM. */
import Fuse from 'fuse.js';
import type { ModuleEntry } from './modules.ts';

/**
 * The picker's filter: which module keys to show for a query. A chapter whose title matches shows
 * with all its sections; a matching section shows with its chapter, so it is never out of context.
 * An empty query shows everything.
 */
export function createModuleFilter(entries: readonly ModuleEntry[]): (query: string) => Set<string> {
  const fuse = new Fuse(entries, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'chapterTitle', weight: 1 },
      { name: 'key', weight: 1 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
  });
  return (query) => {
    const q = query.trim();
    if (!q) return new Set(entries.map((e) => e.key));
    const shown = new Set<string>();
    for (const { item } of fuse.search(q)) {
      shown.add(item.chapter).add(item.key);
      // A chapter that matches brings its sections along: they are what it is made of.
      if (item.section === null) for (const e of entries) if (e.chapter === item.chapter) shown.add(e.key);
    }
    return shown;
  };
}
