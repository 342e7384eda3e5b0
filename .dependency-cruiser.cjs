/**
 * The layering of the code, checked in `npm test` (issue 12):
 *   content → schemas → engine (src/quiz) → ui kit → features → pages
 * The engine imports no DOM, Astro, UI or feature code; the content pipeline imports no browser
 * code; browser code reaches the engine only through its public entries; no circular imports.
 * (That src/quiz uses no DOM global is checked by its own tsconfig, which has no DOM types.)
 */
const BROWSER = '^src/(features|ui|components|pages|layouts|scripts)/';
// The entries, plus modules a page loads on their own: the CSV export (papaparse) and the trial draw
// (trainer/check) on use, and the learner's entries (trainer/store) without the trainer's inbox.
const ENGINE_ENTRIES = '^src/quiz/(index|trainer/index|trainer/csv|trainer/check|trainer/store)[.]ts$';

/** Every rule here is an error: a forbidden dependency. */
const rule = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    rule(
      'no-circular',
      'A cycle makes load order matter and hides which module depends on which.',
      { path: '^src/' },
      { circular: true },
    ),
    rule(
      'engine-stays-pure',
      'src/quiz is pure TypeScript: no Astro, no browser code, no content collections.',
      { path: '^src/quiz/' },
      { path: ['^src/(features|ui|components|pages|layouts|content)/', '^astro', '^astro:'] },
    ),
    rule(
      'content-has-no-browser-code',
      'The content pipeline feeds the pages; it never imports them.',
      { path: '^src/content/' },
      { path: BROWSER },
    ),
    rule(
      'ui-kit-below-features',
      'The UI kit (src/ui) is used by features; it does not know them.',
      { path: '^src/ui/' },
      { path: '^src/(features|components|pages|layouts)/' },
    ),
    rule(
      'browser-uses-engine-entries',
      'Pages and features import src/quiz only through its entries (ENGINE_ENTRIES).',
      { path: BROWSER },
      { path: '^src/quiz/', pathNot: ENGINE_ENTRIES },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/env[.]d[.]ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    extraExtensionsToScan: ['.astro'],
    reporterOptions: { text: { highlightFocused: true } },
  },
};
