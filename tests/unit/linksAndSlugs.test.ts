import { describe, expect, it } from 'vitest';
import { createLinks, normalizeBase } from '../../src/lib/links';
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
