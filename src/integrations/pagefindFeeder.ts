import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PagefindIndex } from 'pagefind';

/**
 * Feeds entry pages (`kb/<name>/index.html`) to Pagefind while Astro is still generating the
 * rest of the site, so that Pagefind's parsing (about 50 s of a 10,000-entry build when it
 * started after the last page) runs on the other core alongside page generation.
 *
 * A page is taken only once it is complete (it has its `</html>`) and was written by this
 * build (not older than its start), so a half-written file or a page left by the previous
 * build is never indexed; `finish` then takes every page not yet fed, whatever its state.
 */
const MAX_PENDING = 32;

export class PagefindFeeder {
  private readonly fed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private scanning = false;
  private failure: unknown;
  /** Pages read but not yet taken by Pagefind; capped so a slow Pagefind never holds the site in memory. */
  private pending = 0;
  private indexed = 0;
  /** Pages Pagefind had taken when the last page was generated: how much of its work overlapped. */
  fedEarly = 0;
  private readonly startedAt = Date.now();

  constructor(
    readonly index: PagefindIndex,
    private readonly outDir: string,
    private readonly check: (step: string, errors: string[] | undefined) => void,
  ) {}

  start(everyMs = 1000): void {
    this.timer = setInterval(() => void this.scan(false), everyMs);
    this.timer.unref();
  }

  /** Feeds what is left and waits for Pagefind; returns how many pages were indexed in all. */
  async finish(): Promise<number> {
    clearInterval(this.timer);
    this.fedEarly = this.indexed - this.pending;
    while (this.scanning) await new Promise((r) => setTimeout(r, 20));
    await this.scan(true);
    await this.chain;
    if (this.failure) throw this.failure;
    return this.indexed;
  }

  private async scan(final: boolean): Promise<void> {
    if (this.scanning) return;
    this.scanning = true;
    try {
      const kb = join(this.outDir, 'kb');
      if (!existsSync(kb)) return;
      for (const name of readdirSync(kb).sort()) {
        if (this.fed.has(name)) continue;
        if (!final && this.pending >= MAX_PENDING) break;
        if (final) while (this.pending >= MAX_PENDING) await new Promise((r) => setTimeout(r, 5));
        const file = join(kb, name, 'index.html');
        if (!existsSync(file)) continue;
        if (!final && statSync(file).mtimeMs < this.startedAt - 2000) continue;
        const html = await readFile(file, 'utf8');
        // Astro may put module scripts after `</html>`; what Pagefind reads ends before it.
        if (!final && !html.includes('</html>')) continue;
        this.fed.add(name);
        // Pagefind would skip it too: only pages that mark their article are indexed (not redirects).
        if (!html.includes('data-pagefind-body')) continue;
        this.indexed++;
        this.pending++;
        const url = `/kb/${name}/`;
        // One page at a time: Pagefind parses on its own core, and the build keeps the other.
        this.chain = this.chain.then(async () => {
          if (this.failure) return;
          try {
            const added = await this.index.addHTMLFile({ url, content: html });
            this.check(`indexing kb/${name}/index.html`, added.errors);
          } catch (err) {
            this.failure = err;
          } finally {
            this.pending--;
          }
        });
      }
    } finally {
      this.scanning = false;
    }
  }
}
