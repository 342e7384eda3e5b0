/** Reads the content folders from disk for `checkContent` (used by the build and the bank tool). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentSources, SourceFile } from './validate.ts';

function readFolder(root: string, folder: string, extension: string): SourceFile[] {
  const dir = join(root, folder);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => ({ path: relative(root, join(dir, name)), text: readFileSync(join(dir, name), 'utf8') }));
}

/** `contentDir` holds chapters/, questions/ and exams/ (normally `src/content`). */
export function loadContentSources(root: string, contentDir = 'src/content'): ContentSources {
  return {
    chapters: readFolder(root, join(contentDir, 'chapters'), '.mdx'),
    questions: readFolder(root, join(contentDir, 'questions'), '.yaml'),
    exams: readFolder(root, join(contentDir, 'exams'), '.yaml'),
  };
}
