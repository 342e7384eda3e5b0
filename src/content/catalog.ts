/**
 * What the browser-side pages need to know about the content, built once per build:
 * chapters with their sections, the question bank in the engine's shape, and the blueprints.
 */
import { getCollection } from 'astro:content';
import type { Blueprint, CaseItem, QuizQuestion } from '../quiz/models.ts';
import { splitBank } from './bank.ts';
import { readChapterSections } from './chapter-sections.ts';
import { getChapters } from './chapters.ts';

export interface CatalogChapter {
  id: string;
  order: number;
  title: string;
  sections: { id: string; title: string }[];
}

export interface Catalog {
  chapters: CatalogChapter[];
  blueprints: Blueprint[];
}

export async function getCatalog(): Promise<Catalog> {
  const chapters = (await getChapters()).map((c) => ({
    id: c.id,
    order: c.data.order,
    title: c.data.title,
    sections: readChapterSections(c.body ?? '').sections.map(({ id, title }) => ({ id, title })),
  }));
  const blueprints = (await getCollection('exams')).map((e): Blueprint => ({ ...e.data, id: e.id }));
  return { chapters, blueprints };
}

export interface ChapterBank {
  chapter: string;
  questions: QuizQuestion[];
  cases: CaseItem[];
}

export async function getBanks(): Promise<ChapterBank[]> {
  const files = await getCollection('questions');
  return files.map((file) => {
    const { objective, cases } = splitBank(file.data.chapter, file.data.questions);
    return { chapter: file.data.chapter, questions: objective, cases };
  });
}
