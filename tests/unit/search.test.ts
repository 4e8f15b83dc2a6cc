import { describe, expect, it } from 'vitest';
import { entrySearchFilters } from '../../src/lib/search/entryFilters';
import { safeExcerpt, toResultView } from '../../src/browser/search/resultView';
import { hasCriteria, pagefindFilters, parseSearchState, serializeSearchState, toggleValue } from '../../src/browser/search/searchState';
import type { EntryUse } from '../../src/lib/kb/usedBy';

describe('search URL state', () => {
  it('should read query and repeated facets from the address', () => {
    expect(parseSearchState('?q=watermarks&type=data-pipeline&type=ml&topic=pii')).toEqual({
      q: 'watermarks',
      type: ['data-pipeline', 'ml'],
      topic: ['pii'],
    });
  });

  it('should round-trip through the address bar form', () => {
    const state = { q: 'exactly once', type: ['ml'], topic: ['kafka', 'cdc'] };
    expect(parseSearchState(serializeSearchState(state))).toEqual(state);
    expect(serializeSearchState({ q: '', type: [], topic: [] })).toBe('');
  });

  it('should drop empty and duplicate values', () => {
    expect(parseSearchState('?q=%20&type=&type=ml&type=ml')).toEqual({ q: '', type: ['ml'], topic: [] });
  });

  it('should know when there is something to search for', () => {
    expect(hasCriteria({ q: '', type: [], topic: [] })).toBe(false);
    expect(hasCriteria({ q: '', type: ['ml'], topic: [] })).toBe(true);
  });

  it('should map facets to Pagefind filters: any within a facet', () => {
    expect(pagefindFilters({ q: 'x', type: ['ml', 'web-app'], topic: [] })).toEqual({ type: { any: ['ml', 'web-app'] } });
    expect(pagefindFilters({ q: 'x', type: [], topic: [] })).toEqual({});
  });

  it('should toggle a facet value', () => {
    expect(toggleValue(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleValue(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('result view', () => {
  const data = {
    url: '/kb/streaming/?highlight=watermarks',
    excerpt: 'late <mark>watermarks</mark>',
    meta: { title: 'Streaming', domain: 'data-pipeline' },
    filters: { type: ['data-pipeline'] },
    sub_results: [
      { url: '/kb/streaming/?highlight=watermarks', title: 'Streaming', excerpt: 'x', locations: [1] },
      { url: '/kb/streaming/?highlight=watermarks#intro', title: 'Intro', excerpt: 'a', locations: [2] },
      { url: '/kb/streaming/?highlight=watermarks#windows', title: 'Windows', excerpt: 'b', locations: [3, 4] },
      { url: '/kb/streaming/?highlight=watermarks#watermarks', title: 'Watermarks', excerpt: 'c', locations: [5, 6, 7, 8] },
      { url: '/kb/streaming/?highlight=watermarks#metrics', title: 'Metrics', excerpt: 'd', locations: [9, 10] },
    ],
  };

  it('should keep the three sections with most matches, in reading order', () => {
    const view = toResultView(data);
    expect(view.subs.map((s) => s.title)).toEqual(['Windows', 'Watermarks', 'Metrics']);
    expect(view).toMatchObject({ title: 'Streaming', domain: 'data-pipeline', types: ['data-pipeline'] });
  });

  it('should keep marks and escape everything else in excerpts', () => {
    expect(safeExcerpt('a &lt;b&gt; <mark>pii</mark> <script>')).toBe('a &lt;b&gt; <mark>pii</mark> &lt;script&gt;');
  });
});

describe('entry filters', () => {
  it('should declare types from overlays, the domain and topic slugs', () => {
    const use = {
      overlays: [
        { projectType: 'ml', steps: [], view: {} },
        { projectType: 'data-pipeline', steps: [], view: {} },
        { projectType: undefined, steps: [], view: {} },
        { projectType: 'ml', steps: [], view: {} },
      ],
      baseSteps: [],
    } as unknown as EntryUse;
    expect(entrySearchFilters({ domain: 'core', topics: ['PII', 'gdpr'], use })).toEqual([
      { name: 'type', value: 'data-pipeline' },
      { name: 'type', value: 'ml' },
      { name: 'domain', value: 'core' },
      { name: 'topic', value: 'pii' },
      { name: 'topic', value: 'gdpr' },
    ]);
  });
});
