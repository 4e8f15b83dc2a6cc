import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexedContent } from './indexedContent';

/** An entry page's URL within its site, as Pagefind writes it in the page's fragment. */
export const pageUrl = (page: string) => `/${page.replace(/index\.html$/, '')}`;

/**
 * Finds the entry pages of a release that Pagefind would index exactly as the same page at
 * today's URLs (indexedContent.ts); those are taken from today's index (mergeIndexes.ts) rather
 * than indexed again. Today's pages are read once for every release compared with them.
 */
export class SameAsToday {
  private readonly today = new Map<string, string | undefined>();
  private readonly outDir: string;
  private readonly base: string;

  /** `base` is the site's base path: `` or `/docs`. */
  constructor(outDir: string, base: string) {
    this.outDir = outDir;
    this.base = base;
  }

  private todays(page: string): string | undefined {
    if (!this.today.has(page)) {
      const file = join(this.outDir, page);
      this.today.set(page, existsSync(file) ? indexedContent(readFileSync(file, 'utf8')) : undefined);
    }
    return this.today.get(page);
  }

  /** URLs (as fragments name them) of the release's `pages` that index as today's do. */
  pages(version: string, pages: string[]): Set<string> {
    const links = { from: `${this.base}/${version}/`, to: `${this.base}/` };
    const same = new Set<string>();
    for (const page of pages) {
      const today = this.todays(page);
      if (today === undefined) continue;
      if (indexedContent(readFileSync(join(this.outDir, version, page), 'utf8'), links) === today) same.add(pageUrl(page));
    }
    return same;
  }
}
