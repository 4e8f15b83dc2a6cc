import { readdirSync } from 'node:fs';
import { VERSIONED_SITE_FILES } from '../../src/lib/versions/versionsIndex';
import { describe, expect, it } from 'vitest';
import { createLinks, isSiteRootSegment, normalizeBase } from '../../src/lib/links';
import { createHeadingSlugger, topicSlug } from '../../src/lib/slugs';

describe('URLs', () => {
  it('should normalise base paths', () => {
    expect(normalizeBase(undefined)).toBe('');
    expect(normalizeBase('/')).toBe('');
    expect(normalizeBase('kb')).toBe('/kb');
    expect(normalizeBase('/kb/')).toBe('/kb');
    expect(normalizeBase('/docs/kb/')).toBe('/docs/kb');
  });

  it('should build every route without a base path', () => {
    const l = createLinks('/');
    expect(l.home()).toBe('/');
    expect(l.entry('api-design')).toBe('/kb/api-design/');
    expect(l.entry('api-design', 'setup')).toBe('/kb/api-design/#setup');
    expect(l.projectType('web-app')).toBe('/types/web-app/');
    expect(l.topic('pii')).toBe('/topics/pii/');
    expect(l.domain('core')).toBe('/domains/core/');
    expect(l.step('tdd')).toBe('/steps/tdd/');
    expect(l.search()).toBe('/search/');
  });

  it('should prefix every route with the base path', () => {
    const l = createLinks('/kb/');
    expect(l.home()).toBe('/kb/');
    expect(l.entry('x')).toBe('/kb/kb/x/');
    expect(l.search({ q: 'pii', type: ['ml'] })).toBe('/kb/search/?q=pii&type=ml');
    expect(l.asset('/favicon.svg')).toBe('/kb/favicon.svg');
  });

  it('should link a file of the tree to where it is edited, only when KB_EDIT_URL is set', () => {
    expect(createLinks('/').edit('knowledge/ml/ml-security.md')).toBeUndefined();
    const l = createLinks('/', undefined, 'https://github.com/org/scaffold/edit/main/content/');
    expect(l.edit('knowledge/My Domain/a b.md')).toBe('https://github.com/org/scaffold/edit/main/content/knowledge/My%20Domain/a%20b.md');
  });
});

describe("the site's first URL segments (no version may take one)", () => {
  const firstSegment = (url: string) => url.split('/')[1].split(/[?#]/)[0];

  it('should name the first segment of every URL createLinks makes', () => {
    const links = createLinks('/') as unknown as Record<string, unknown>;
    // `absolute` and `asset` give back what they are handed, `edit` points elsewhere, `home` is `/`.
    const skip = new Set(['absolute', 'asset', 'edit', 'home']);
    const makers = Object.entries(links).filter(([name, f]) => typeof f === 'function' && !skip.has(name)) as [string, (...args: unknown[]) => string][];
    expect(makers.length).toBeGreaterThan(20);
    const unnamed = makers.map(([name, make]) => [name, firstSegment(make('x', { type: 'x', own: false, kind: 'x', id: 'x' }))]).filter(([, s]) => !isSiteRootSegment(s));
    expect(unnamed).toEqual([]);
  });

  it('should name every page and public file at the root, and what the build adds', () => {
    // Every version's pages sit at the root too (today's URLs), and the versioned site's own files.
    const names = [...readdirSync('src/pages'), ...readdirSync('src/pages/[...version]')].filter((f) => f !== '[...version]' && f !== '[versionsFile].ts');
    const pages = [...names.map((f) => f.replace(/\.(astro|ts)$/, '')).filter((f) => f !== 'index'), ...Object.keys(VERSIONED_SITE_FILES)];
    const outputs = [...pages, ...readdirSync('public'), '_astro', 'pagefind', 'og', '_headers', 'sitemap-index.xml', 'sitemap-0.xml', '404.html', 'index.html'];
    expect(outputs.filter((s) => !isSiteRootSegment(s))).toEqual([]);
    expect(isSiteRootSegment('KB')).toBe(true);
    expect(isSiteRootSegment('v3.40.0')).toBe(false);
  });
});

describe('slugs', () => {
  it('should produce GitHub-compatible heading ids, deduplicated', () => {
    const slug = createHeadingSlugger();
    expect(slug('Event Time vs. Processing Time')).toBe('event-time-vs-processing-time');
    expect(slug('Setup')).toBe('setup');
    expect(slug('Setup')).toBe('setup-1');
    expect(slug('C++ & Rust: `unsafe`')).toBe('c--rust-unsafe');
  });

  it('should keep page chrome ids free of heading ids', () => {
    const slug = createHeadingSlugger();
    expect(slug('kb-toc')).toBe('kb-toc-1');
  });

  it('should fold topic case and punctuation', () => {
    expect(topicSlug('INVEST')).toBe('invest');
    expect(topicSlug('ci/cd')).toBe('ci-cd');
    expect(topicSlug('exactly-once')).toBe('exactly-once');
  });
});
