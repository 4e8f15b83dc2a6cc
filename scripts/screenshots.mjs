#!/usr/bin/env node
// README screenshots: a landing and an entry page, light and dark, at 1280 px, from a built
// site served locally. Usage: node scripts/screenshots.mjs [dist] [port] [outDir]
// PNGs stay small (< 250 KB) by clipping to the first 960 px of each page.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const [dist = 'dist', port = process.env.KB_TEST_PORT || '4321', out = 'docs/screenshots'] = process.argv.slice(2);
const pages = [
  { name: 'landing', path: '/types/data-pipeline/' },
  { name: 'entry', path: '/kb/data-pipeline-streaming-patterns/' },
];
mkdirSync(out, { recursive: true });
const server = spawn(process.execPath, ['scripts/serve-static.mjs', dist, port], { stdio: 'ignore' });
try {
  await new Promise((r) => setTimeout(r, 600));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(`http://127.0.0.1:${port}${p.path}`);
      await page.screenshot({ path: `${out}/${p.name}-${scheme}.png`, clip: { x: 0, y: 0, width: 1280, height: 960 }, fullPage: true });
    }
    await context.close();
  }
  await browser.close();
} finally {
  server.kill();
}
