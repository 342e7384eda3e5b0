/**
 * Instant glossary lookup (no DOM): fuse.js over each term's characters, its pinyin without tones
 * (spaced and joined) and its pinyin initials, so "会议简报", "huiyi jianbao" and "hyjb" all find
 * the same term; traditional-character queries are converted to simplified first.
 */
import Fuse from 'fuse.js';
import type { GlossaryEntry } from '../../content/types.ts';

/** What lookup needs of an entry; the full entry (types.ts) also says where the term is taught. */
export type LookupEntry = Pick<GlossaryEntry, 'name' | 'definition' | 'pinyin' | 'initials'>;

type ToSimplified = (text: string) => string;

const compact = (text: string) => text.toLowerCase().replace(/[\s'’]+/g, '');

export function createGlossarySearch(entries: readonly LookupEntry[], toSimplified: ToSimplified = (t) => t) {
  const records = entries.map((entry, index) => ({
    index,
    name: entry.name,
    definition: entry.definition,
    pinyin: compact(entry.pinyin),
    initials: entry.initials,
  }));
  const keys = [
    { name: 'name', weight: 4 },
    { name: 'pinyin', weight: 3 },
    { name: 'initials', weight: 3 },
    { name: 'definition', weight: 1 },
  ];
  const fuse = new Fuse(records, { keys, threshold: 0.3, ignoreLocation: true, includeScore: true }, Fuse.createIndex(keys, records));

  /** Indices of matching entries, best first. An empty query matches nothing. */
  return function lookup(query: string, limit = 20): number[] {
    const trimmed = query.trim();
    if (!trimmed) return [];
    const text = /[\u3400-\u9fff]/.test(trimmed) ? toSimplified(trimmed) : compact(trimmed);
    return fuse.search(text, { limit }).map((result) => result.item.index);
  };
}
