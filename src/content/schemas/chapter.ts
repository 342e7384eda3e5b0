import { z } from 'astro/zod';

/** Frontmatter of a study chapter (`src/content/chapters/<id>.mdx`). The file name is the chapter id. */
export const ChapterSchema = z.strictObject({
  /** Chapter title, shown as the page heading and in navigation. Required. */
  title: z.string().min(2),
  /** Position in the course, 1-based; unique across chapters. Required. */
  order: z.int().min(1),
  /** One or two sentences on what the chapter teaches, shown on the home page. Required. */
  summary: z.string().min(10),
  /** Learning objectives, each starting with a verb (说出、区分、能够……). 1 to 8 items. */
  objectives: z.array(z.string().min(4)).min(1).max(8),
  /** Estimated reading time in minutes. Required. */
  minutes: z.int().min(1).max(120),
  /** Topic tags, used by search and the trainer's module picker. */
  tags: z.array(z.string().min(1)).default([]),
});

export type Chapter = z.output<typeof ChapterSchema>;
