#!/usr/bin/env node
// README screenshots from a built site served locally: a landing and an entry page, light and
// dark, at 1280 px; and an entry on a phone (390 × 844): scrolled, with the sticky header naming
// the section being read, and with its reading path open. Usage:
// node scripts/screenshots.mjs [dist] [port] [outDir]
// PNGs stay small (< 250 KB) by clipping to the first 960 px of each wide page.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const [dist = 'dist', port = process.env.KB_TEST_PORT || '4321', out = 'docs/screenshots'] = process.argv.slice(2);
const ENTRY = '/kb/data-pipeline-streaming-patterns/';
const LANDING = '/types/data-pipeline/';
const pages = [
  { name: 'landing', path: LANDING },
  { name: 'entry', path: ENTRY },
];
mkdirSync(out, { recursive: true });
const server = spawn(process.execPath, ['scripts/serve-static.mjs', dist, port], { stdio: 'ignore' });
const url = (path) => `http://127.0.0.1:${port}${path}`;
try {
  await new Promise((r) => setTimeout(r, 600));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(url(p.path));
      await page.screenshot({ path: `${out}/${p.name}-${scheme}.png`, clip: { x: 0, y: 0, width: 1280, height: 960 }, fullPage: true });
    }
    await context.close();
  }
  const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
  const light = await browser.newContext({ ...phone, colorScheme: 'light' });
  const reading = await light.newPage();
  // Opened from the landing's reading path, scrolled into the article: the header keeps search,
  // the menu, the path and the section being read.
  await reading.goto(url(`${ENTRY}?path=data-pipeline`));
  await reading.mouse.wheel(0, 2600);
  await reading.waitForFunction(() => document.querySelector('[data-toc-current]')?.textContent);
  await reading.screenshot({ path: `${out}/phone-entry-light.png` });
  await light.close();
  const dark = await browser.newContext({ ...phone, colorScheme: 'dark' });
  const path = await dark.newPage();
  await path.goto(url(`${ENTRY}?path=data-pipeline`));
  await path.mouse.wheel(0, 2600);
  await path.getByRole('button', { name: /reading path/ }).click();
  await path.screenshot({ path: `${out}/phone-path-dark.png` });
  await dark.close();
  await browser.close();
} finally {
  server.kill();
}
