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

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order matter and hides which module depends on which.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'engine-stays-pure',
      severity: 'error',
      comment: 'src/quiz is pure TypeScript: no Astro, no browser code, no content collections.',
      from: { path: '^src/quiz/' },
      to: { path: ['^src/(features|ui|components|pages|layouts|content)/', '^astro', '^astro:'] },
    },
    {
      name: 'content-has-no-browser-code',
      severity: 'error',
      comment: 'The content pipeline feeds the pages; it never imports them.',
      from: { path: '^src/content/' },
      to: { path: BROWSER },
    },
    {
      name: 'ui-kit-below-features',
      severity: 'error',
      comment: 'The UI kit (src/ui) is used by features; it does not know them.',
      from: { path: '^src/ui/' },
      to: { path: '^src/(features|components|pages|layouts)/' },
    },
    {
      name: 'browser-uses-engine-entries',
      severity: 'error',
      comment: 'Pages and features import src/quiz only through its entries (ENGINE_ENTRIES).',
      from: { path: BROWSER },
      to: { path: '^src/quiz/', pathNot: ENGINE_ENTRIES },
    },
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
