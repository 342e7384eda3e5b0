/** Chapters in course order, for pages (the collection API, sorted once here). */
import { getCollection, type CollectionEntry } from 'astro:content';

export type ChapterEntry = CollectionEntry<'chapters'>;

export async function getChapters(): Promise<ChapterEntry[]> {
  const chapters = await getCollection('chapters');
  return chapters.sort((a, b) => a.data.order - b.data.order);
}

export function chapterUrl(id: string, section?: string): string {
  return `/chapters/${id}/${section ? `#${section}` : ''}`;
}
