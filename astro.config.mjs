// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { ogImagesIntegration } from './src/integrations/ogImages.ts';
import { passThroughPreload } from './src/integrations/passThroughPreload.ts';
import { permalinksIntegration } from './src/integrations/permalinks.ts';
import { hostHeadersIntegration } from './src/integrations/hostHeaders.ts';
import sitemap from '@astrojs/sitemap';
import { isRedirectOrMachinePage } from './src/integrations/publishedSites.ts';
import { pageConcurrency } from './src/lib/og/pageConcurrency.ts';
import { siteSettings } from './src/siteSettings.ts';
import { countEntries } from './scripts/countEntries.mjs';

const settings = siteSettings();
// Sized by the tree and its preview cards: src/lib/og/pageConcurrency.ts.
const concurrency = pageConcurrency(settings.ogImages, countEntries(settings.contentDir));

export default defineConfig({
  // The origin only: a SITE_URL path is the base path (src/lib/settings.ts), and Astro joins the two.
  site: settings.siteOrigin,
  base: `${settings.basePath}/`,
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
    permalinksIntegration(settings),
    hostHeadersIntegration(settings.basePath),
    // Absolute URLs only exist with SITE_URL; without it the permalinks integration says so once.
    ...(settings.siteOrigin ? [sitemap({ filter: (page) => !isRedirectOrMachinePage(page, settings.basePath) })] : []),
  ],
});
