/**
 * What the browser-side pages need to know about the content: chapters with their sections, the
 * question bank in the engine's shape, and the blueprints. Built from Astro's content collections
 * by each page that asks (cheap: the collections themselves are loaded once per build).
 */
import { getCollection } from 'astro:content';
import type { Blueprint } from '../quiz/models.ts';
import { splitBank } from './bank.ts';
import { readChapterSections } from './chapter-sections.ts';
import { getChapters } from './chapters.ts';
import type { Catalog, ChapterBank } from './types.ts';

export type { Catalog, CatalogChapter, ChapterBank } from './types.ts';

export async function getCatalog(): Promise<Catalog> {
  const chapters = (await getChapters()).map((c) => ({
    id: c.id,
    order: c.data.order,
    title: c.data.title,
    minutes: c.data.minutes,
    sections: readChapterSections(c.body ?? '').sections.map(({ id, title }) => ({ id, title })),
  }));
  const blueprints = (await getCollection('exams')).map((e): Blueprint => ({ ...e.data, id: e.id }));
  return { chapters, blueprints };
}

export async function getBanks(): Promise<ChapterBank[]> {
  const files = await getCollection('questions');
  return files.map((file) => {
    const { objective, cases } = splitBank(file.data.chapter, file.data.questions);
    return { chapter: file.data.chapter, questions: objective, cases };
  });
}
