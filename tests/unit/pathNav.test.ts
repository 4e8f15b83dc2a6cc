import { describe, expect, it } from 'vitest';
import { breadcrumbHtml, pagerHtml, pathButtonHtml, pathNavHtml } from '../../src/lib/kb/pathNavView';
import { viewFromNav, type ReadingPathNav } from '../../src/lib/kb/readingPathNav';
import { createLinks, onReaderPath, parseReaderPath } from '../../src/lib/links';

const links = createLinks('/kb');
const nav: ReadingPathNav = {
  type: 'ml',
  title: 'ML',
  landing: links.projectType('ml') + '#path',
  trail: [{ label: 'Project types', href: links.projectTypes() }, { label: 'ML', href: links.projectType('ml') }],
  items: [
    { name: 'vision-craft', title: 'Vision Craft', url: links.entry('vision-craft'), own: false },
    { name: 'ml-requirements', title: 'ML Requirements', url: links.entry('ml-requirements'), own: true },
    { name: 'domain-modeling', title: 'Domain <Modeling>', url: links.entry('domain-modeling'), own: false },
    { name: 'ml-serving', title: 'ML Serving', url: links.entry('ml-serving'), own: true },
  ],
};

describe('the reader path in entry URLs', () => {
  it('should carry the type and the own-entries view in the query, before any anchor', () => {
    expect(links.entryOnPath('vision-craft', { type: 'ml', own: false })).toBe('/kb/kb/vision-craft/?path=ml');
    expect(links.entryOnPath('vision-craft', { type: 'web-app', own: true })).toBe('/kb/kb/vision-craft/?path=web-app&view=own');
    expect(onReaderPath('/kb/x/#setup', { type: 'ml', own: false })).toBe('/kb/x/?path=ml#setup');
  });

  it('should read what it wrote, and nothing from an address without it', () => {
    expect(parseReaderPath('?path=ml&view=own')).toEqual({ type: 'ml', own: true });
    expect(parseReaderPath('?highlight=drift&path=web-app')).toEqual({ type: 'web-app', own: false });
    expect(parseReaderPath('?highlight=drift')).toBeUndefined();
    expect(parseReaderPath('')).toBeUndefined();
  });
});

describe("an entry's navigation along a type's reading path", () => {
  it("should number a shared entry as the landing does, with neighbours that keep the path", () => {
    const view = viewFromNav(nav, 'domain-modeling', false)!;
    const html = pathNavHtml(view);
    expect(html).toContain('<h2 id="kb-path">ML reading path</h2>');
    expect(html).toContain('<span data-path-pos>3 of 4</span>');
    expect(html).toContain('<a href="/kb/kb/domain-modeling/?path=ml" aria-current="page">Domain &lt;Modeling&gt;</a>');
    // The type's own entries are told apart, in words for screen readers too.
    expect(html).toContain('<li class="path-own"><a href="/kb/kb/ml-requirements/?path=ml">ML Requirements<span class="sr-only"> (ML only)</span></a></li>');
    expect(html).not.toContain('<li class="path-own"><a href="/kb/kb/vision-craft/');
    const pager = pagerHtml(view);
    expect(pager).toContain('rel="prev" href="/kb/kb/ml-requirements/?path=ml"');
    expect(pager).toContain('Previous · 2 of 4');
    expect(pager).toContain('rel="next" href="/kb/kb/ml-serving/?path=ml"');
    expect(pager).toContain('Next · 4 of 4');
    expect(breadcrumbHtml(view.trail, 'Domain Modeling')).toBe(
      '<ol><li><a href="/types/">Project types</a></li><li><a href="/types/ml/">ML</a></li><li><span aria-current="page">Domain Modeling</span></li></ol>'.replace(/\/types\//g, '/kb/types/'),
    );
    expect(pathButtonHtml(view)).toBe('<span class="bar-title">ML<span class="sr-only"> reading path,</span><span aria-hidden="true"> · </span></span><span class="bar-pos">3 of 4</span>');
  });

  it("should walk the type's own entries when the reader chose them, skipping base knowledge", () => {
    const view = viewFromNav(nav, 'ml-serving', true)!;
    expect(view.place.items.map((i) => i.name)).toEqual(['ml-requirements', 'ml-serving']);
    const pager = pagerHtml(view);
    expect(pager).toContain('rel="prev" href="/kb/kb/ml-requirements/?path=ml&amp;view=own"');
    expect(pager).not.toContain('rel="next"');
    expect(pathNavHtml(view)).toContain('2 of 2 ML entries');
    expect(viewFromNav(nav, 'vision-craft', true)).toBeUndefined();
  });

  it('should leave an entry the path does not hold to the navigation it was built with', () => {
    expect(viewFromNav(nav, 'web-app-auth', false)).toBeUndefined();
  });

  it('should give a one-entry path no previous/next links at all', () => {
    const one = { ...nav, items: nav.items.slice(0, 1) };
    expect(pagerHtml(viewFromNav(one, 'vision-craft', false)!)).toBe('');
  });
});
