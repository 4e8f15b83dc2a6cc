import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHeadersFile, headersFor, hostHeaderRules, parseHeadersFile } from '../../src/lib/hostHeaders';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp';
import { brokenLinks, isRedirectHtml, readBuiltSite } from '../helpers/builtSite';
import { SITES } from './sites';

const ORIGIN = 'https://org.example/handbook/';

describe('the embedded site built for a GitHub Pages project site (SITE_URL=https://org.example/handbook)', () => {
  const dist = SITES.handbook;
  // Read when the tests run: collecting them must not need a build.
  const builtPages = () => readBuiltSite(dist, '/handbook').filter((p) => !p.path.startsWith('/handbook/404'));

  it('should give every page a canonical URL and og:url under the path of SITE_URL', () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages.filter((p) => !isRedirectHtml(p.html))) {
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(page.html)?.[1];
      expect(canonical, page.path).toBe(`https://org.example${page.path}`);
      expect(/<meta property="og:url" content="([^"]+)"/.exec(page.html)?.[1], page.path).toBe(canonical);
    }
  });

  it('should resolve every internal link under the base path', () => {
    expect(brokenLinks(dist, '/handbook')).toEqual([]);
  });

  it('should list only URLs under the path in the sitemap, robots.txt and exports', () => {
    const sitemaps = readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    const locs = sitemaps.flatMap((f) => [...readFileSync(join(dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(locs.length).toBeGreaterThan(100);
    for (const loc of locs) expect(loc.startsWith(ORIGIN), loc).toBe(true);
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${ORIGIN}sitemap-index.xml`);
    const kb = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8')) as { entries: { url: string }[] };
    for (const e of kb.entries) expect(e.url.startsWith(`${ORIGIN}kb/`), e.url).toBe(true);
  });

  it('should write _headers with the site\'s CSP and security headers, which Netlify and Cloudflare Pages read', () => {
    const text = readFileSync(join(dist, '_headers'), 'utf8');
    expect(text).toBe(formatHeadersFile(hostHeaderRules('/handbook')));
    const rules = parseHeadersFile(text);
    expect(headersFor(rules, '/handbook/kb/ml-security/')).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(headersFor(rules, '/handbook/_astro/app.1a2b3c.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/handbook/pagefind/pagefind.js')['Cache-Control']).toBeUndefined();
  });
});
