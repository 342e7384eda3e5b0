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
});
