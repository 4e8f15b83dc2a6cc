// Search latency as a reader feels it: a fresh page load, focus the box, type the query.
// Two times from the first keydown: the first result on screen (whatever answered it: the
// small title/topic index or Pagefind), and the whole query's full-text answer announced.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { median } from './median.mjs';


/** Serves `dist` on a free loopback port; the server dies with this process. */
export async function startServer(dist) {
  const child = spawn(process.execPath, ['scripts/serve-static.mjs', dist, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (line) => resolve(Number(/127\.0\.0\.1:(\d+)/.exec(String(line))[1])));
    child.once('exit', (code) => reject(new Error(`static server exited with ${code}`)));
  });
  return { port, stop };
}


export async function measureSearch({ dist, queries, loads, startPath = '/' }) {
  const { port, stop } = await startServer(dist);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const results = [];
  try {
    for (const query of queries) {
      const times = [];
      const firstTimes = [];
      let bytes;
      for (let i = 0; i < loads; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        // Playwright also reports requests made by workers, which a page-level CDP session misses.
        const urls = [];
        const sizes = [];
        let counting = false;
        page.on('requestfinished', (r) => {
          if (!counting || i > 0) return;
          urls.push(r.url());
          sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize, () => 0));
        });
        await page.goto(`http://127.0.0.1:${port}${startPath}`, { waitUntil: 'networkidle' });
        // Done means the answer to the whole query is on screen, not an early answer to its first letters.
        await page.evaluate((q) => {
          const w = window;
          w.__t0 = 0;
          w.__t1 = 0;
          w.__tFirst = 0;
          document.addEventListener('keydown', () => (w.__t0 ||= performance.now()), { capture: true, once: true });
          const status = document.querySelector('[data-search-status]');
          new MutationObserver(() => (w.__t1 ||= status.textContent.endsWith(` for ${q}`) ? performance.now() : 0)).observe(status, { childList: true, characterData: true, subtree: true });
          // First answer on screen: a result link, or the notice that nothing contains the query.
          const popup = document.querySelector('[data-search-popup]');
          const shown = () => !popup.hidden && (popup.querySelector('#kb-search-results:not([hidden]) a.result') || popup.querySelector('[data-search-notice]:not([hidden])'));
          new MutationObserver(() => (w.__tFirst ||= w.__t0 && shown() ? performance.now() : 0)).observe(popup, { childList: true, subtree: true, attributes: true });
        }, query);
        counting = true;
        await page.locator('#kb-search-input').click();
        await page.keyboard.type(query);
        await page.waitForFunction(() => window.__t1 > 0, null, { timeout: 20_000 });
        const [ms, firstMs] = await page.evaluate(() => [window.__t1 - window.__t0, (window.__tFirst || window.__t1) - window.__t0]);
        times.push(ms);
        firstTimes.push(firstMs);
        await page.waitForLoadState('networkidle');
        if (i === 0) {
          const transferred = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
          const paths = urls.map((u) => new URL(u).pathname);
          const gzipped = paths.reduce((sum, p) => {
            const f = join(dist, p);
            return existsSync(f) && !p.endsWith('/') ? sum + gzipSync(readFileSync(f)).length : sum;
          }, 0);
          bytes = { transferred, gzipped, requests: paths.length };
        }
        await context.close();
      }
      results.push({
        query,
        firstResultMedianMs: Math.round(median(firstTimes)),
        firstResultRunsMs: firstTimes.map(Math.round),
        medianMs: Math.round(median(times)),
        runsMs: times.map(Math.round),
        firstQueryBytes: bytes,
      });
    }
  } finally {
    await browser.close();
    stop();
  }
  return results;
}

