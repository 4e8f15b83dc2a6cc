// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { ogImagesIntegration } from './src/integrations/ogImages.ts';
import { passThroughPreload } from './src/integrations/passThroughPreload.ts';
import { permalinksIntegration } from './src/integrations/permalinks.ts';
import sitemap from '@astrojs/sitemap';
import { normalizeBase } from './src/lib/links.ts';
import { isRedirectOrMachinePage } from './src/lib/kb/publishedAliases.ts';
import { contentRootFromEnv } from './src/lib/kb/contentRoot.ts';
import { pageConcurrency } from './src/lib/og/pageConcurrency.ts';
import { countEntries } from './scripts/countEntries.mjs';

const base = normalizeBase(process.env.BASE_PATH);
// Sized by the tree and its preview cards: src/lib/og/pageConcurrency.ts.
const concurrency = pageConcurrency(process.env.KB_OG_IMAGES, countEntries(contentRootFromEnv(process.env, process.cwd())));

export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: `${base}/`,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Astro inlines small scripts into the page; the CSP (script-src 'self') forbids inline
  // scripts, so every script ships as a file.
  vite: { build: { assetsInlineLimit: 0 }, plugins: [passThroughPreload()] },
  integrations: [
    mdx(),
    pagefindIntegration(),
    ogImagesIntegration(),
    permalinksIntegration(),
    // Absolute URLs only exist with SITE_URL; without it the permalinks integration says so once.
    ...(process.env.SITE_URL ? [sitemap({ filter: (page) => !isRedirectOrMachinePage(page) })] : []),
  ],
});
