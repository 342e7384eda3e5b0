import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { explicitHeadingIds } from './src/content/explicit-heading-ids.ts';
import { contentChecks } from './src/content/content-checks-integration.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://mishu.example.org',
  trailingSlash: 'always',
  integrations: [contentChecks(), mdx()],
  markdown: {
    processor: satteri({ hastPlugins: [explicitHeadingIds] }),
  },
  build: {
    // External, cacheable CSS keeps every page's HTML small (see `npm run budget`).
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // The engine (src/quiz) does no work at load time: a page that imports one function from its
        // index gets that function's modules, not the whole engine (issue 12). Everything else keeps
        // Rollup's own analysis, since custom elements register themselves when imported.
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/src/quiz/') },
      },
    },
  },
});
