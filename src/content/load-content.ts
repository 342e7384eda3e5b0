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

/**
 * The source documents in `dir` (normally `../shared/seeds`), converted to simplified characters so
 * the traditional-character source compares with the simplified chapters. Throws, naming the
 * folder, when it is missing: the originality check must not pass by finding nothing to compare.
 */
export async function loadSeeds(dir: string): Promise<{ path: string; text: string }[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  } catch {
    throw new Error(`找不到源文档目录 ${dir}（可用 SEEDS_DIR 指定）`);
  }
  if (names.length === 0) throw new Error(`源文档目录 ${dir} 中没有 .txt 文件`);
  const { Converter } = await import('opencc-js/t2cn');
  const toSimplified = Converter({ from: 't', to: 'cn' });
  return names.map((name) => ({ path: join(dir, name), text: toSimplified(readFileSync(join(dir, name), 'utf8')) }));
}
