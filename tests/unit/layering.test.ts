/**
 * The layering rule dependency-cruiser cannot see: it does not read the frontmatter of .astro
 * files, so their imports are checked here — pages and components reach the engine only through
 * its public entries, and no component imports a page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The engine's entries as the dependency-cruiser rule names them, so the two checks cannot drift apart. */
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: { name: string; to: { pathNot?: string } }[] };
const ENTRIES = new RegExp(config.forbidden.find((rule) => rule.name === 'browser-uses-engine-entries')?.to.pathNot ?? '$^');

function astroFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? astroFiles(path) : name.endsWith('.astro') ? [path] : [];
  });
}

/** Relative import specifiers of a file's frontmatter and its <script> blocks, resolved from the repo root. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|from)\s+['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => relative(root, resolve(dirname(file), m[1] ?? '')));
}

describe('imports in .astro files', () => {
  const files = astroFiles(join(root, 'src'));

  it('exist to be checked', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('reach src/quiz only through its entries', () => {
    const wrong = files.flatMap((file) => imports(file).filter((target) => target.startsWith('src/quiz/') && !ENTRIES.test(target)).map((target) => `${relative(root, file)} → ${target}`));
    expect(wrong).toEqual([]);
  });

  it('never go from a component or feature to a page or layout', () => {
    const wrong = files
      .filter((file) => !relative(root, file).startsWith('src/pages/') && !relative(root, file).startsWith('src/layouts/'))
      .flatMap((file) => imports(file).filter((target) => /^src\/(pages|layouts)\//.test(target)).map((target) => `${relative(root, file)} → ${target}`));
    expect(wrong).toEqual([]);
  });
});
