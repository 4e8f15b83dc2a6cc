import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BuiltPage {
  /** URL path as served, e.g. `/kb/pii/`. */
  path: string;
  file: string;
  html: string;
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'pagefind' && name !== '_astro') out.push(...htmlFiles(full));
    } else if (name.endsWith('.html')) out.push(full);
  }
  return out;
}

export function readBuiltSite(dist: string, base = ''): BuiltPage[] {
  return htmlFiles(dist).map((file) => {
    const rel = relative(dist, file).split('\\').join('/');
    const path = `${base}/${rel.replace(/index\.html$/, '').replace(/\.html$/, '/')}`.replace(/\/+/g, '/');
    return { path, file, html: readFileSync(file, 'utf8') };
  });
}

export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
}

export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<(?:a|link)\s[^>]*?href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

/**
 * Every internal link must land on a built page, and every `#anchor` on an element with
 * that id. Links outside the base path count as broken: they would leave the site.
 */
export function brokenLinks(dist: string, base = ''): BrokenLink[] {
  const pages = readBuiltSite(dist, base);
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const ids = new Map<string, Set<string>>();
  const idsFor = (p: BuiltPage) => {
    let set = ids.get(p.path);
    if (!set) ids.set(p.path, (set = idsOf(p.html)));
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const href of hrefsOf(page.html)) {
      if (/^[a-z]+:/i.test(href) || href.startsWith('//')) continue;
      const url = new URL(href, `http://site${page.path}`);
      const target = url.pathname;
      if (base && !target.startsWith(`${base}/`)) {
        broken.push({ page: page.path, href, reason: `outside the base path ${base}` });
        continue;
      }
      const staticFile = join(dist, target.slice(base.length));
      const targetPage = byPath.get(target);
      if (!targetPage) {
        if (!(existsSync(staticFile) && statSync(staticFile).isFile())) broken.push({ page: page.path, href, reason: 'no such page or file' });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && !idsFor(targetPage).has(anchor)) broken.push({ page: page.path, href, reason: `no element with id "${anchor}"` });
    }
  }
  return broken;
}

/** Text inside <main>, tags stripped: what a reader sees as the page's content. */
export function mainText(html: string): string {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  return main.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Pages published for a former entry name: they send the reader on and are not indexed. */
export function isRedirectHtml(html: string): boolean {
  return html.includes('<meta name="robots" content="noindex"');
}

export function isRedirectPage(file: string): boolean {
  return existsSync(file) && isRedirectHtml(readFileSync(file, 'utf8'));
}
