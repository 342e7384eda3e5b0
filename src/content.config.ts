import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ChapterSchema } from './content/schemas/chapter.ts';
import { QuestionFileSchema } from './content/schemas/question.ts';
import { ExamBlueprintSchema } from './content/schemas/exam.ts';

// Cross-file checks (ids, sections, blueprints) run before the build: see content/validate.ts.
const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/chapters' }),
  schema: ChapterSchema,
});

const questions = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './src/content/questions' }),
  schema: QuestionFileSchema,
});

const exams = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './src/content/exams' }),
  schema: ExamBlueprintSchema,
});

export const collections = { chapters, questions, exams };
