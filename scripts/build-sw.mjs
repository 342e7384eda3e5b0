// Writes dist/sw.js with Workbox: precaches every page, script, style, data file and the Pagefind
// index, so chapters, practice and exams work offline after the first visit. Runs after Pagefind.
import { generateSW } from 'workbox-build';

const { count, size, warnings } = await generateSW({
  globDirectory: 'dist',
  globPatterns: ['**/*.{html,css,js,json,svg,png,webmanifest}', 'pagefind/**/*'],
  globIgnores: ['sw.js', 'workbox-*.js'],
  swDest: 'dist/sw.js',
  // /search/?q=… and /exam/?blueprint=… are the same cached page.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: 'index.html',
  cleanupOutdatedCaches: true,
  // A new version waits until the learner taps 有更新，点此刷新 (src/components/chrome.ts posts
  // SKIP_WAITING, which the generated worker listens for), so it never swaps under an open exam.
  clientsClaim: true,
  skipWaiting: false,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  mode: 'production',
  sourcemap: false,
});
for (const warning of warnings) console.warn(warning);
console.log(`service worker: ${count} files precached (${(size / 1024 / 1024).toFixed(1)} MB)`);
