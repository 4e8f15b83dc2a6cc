// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { passThroughPreload } from './src/integrations/passThroughPreload.ts';
import { normalizeBase } from './src/lib/links.ts';

const base = normalizeBase(process.env.BASE_PATH);

export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: `${base}/`,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Astro inlines small scripts into the page; the CSP (script-src 'self') forbids inline
  // scripts, so every script ships as a file.
  vite: { build: { assetsInlineLimit: 0 }, plugins: [passThroughPreload()] },
  integrations: [mdx(), pagefindIntegration()],
});
