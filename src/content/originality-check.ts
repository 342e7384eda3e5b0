/**
 * The originality check as the test and `scripts/originality.ts` run it: every chapter and question
 * file against the source documents. The glossary is made of the chapters' `<Term>` blocks, so
 * checking the chapters checks it too.
 */
import { join } from 'node:path';
import { loadContentSources, loadSeeds } from './load-content.ts';
import { findCopies, type Finding } from './originality.ts';

/**
 * Legal titles and short definitions that may be quoted word for word, each only where the text
 * shows it inside quotation marks (“”, 「」 or 《》). At most five (issue 10).
 */
export const ALLOWED_QUOTATIONS: readonly string[] = [];

export async function originalityFindings(root: string): Promise<Finding[]> {
  const seeds = await loadSeeds(process.env['SEEDS_DIR'] ?? join(root, '..', 'shared', 'seeds'));
  const { chapters, questions } = loadContentSources(root);
  return findCopies([...chapters, ...questions], seeds.map((s) => s.text), ALLOWED_QUOTATIONS);
}
