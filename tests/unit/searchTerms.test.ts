import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { noMatchHeading, relatedText, searchStatus } from '../../src/browser/search/noMatch';
import { closestWords, editDistance, suggestQueries } from '../../src/browser/search/editDistance';
import { keepMarks, markedWords, relatedWords, searchExactFirst } from '../../src/browser/search/exactFirst';
import type { Pagefind, PagefindResult } from '../../src/browser/search/pagefindTypes';
import { buildPrefixIndex, queryPrefixIndex } from '../../src/lib/search/prefixIndex';
import type { IndexedPage } from '../../src/lib/search/searchPage';
import { toResultView, withHighlight } from '../../src/browser/search/resultView';
import { readFragment } from '../../src/pagefindIndex/readFragment';
import { stem } from '../../src/lib/search/stem';
import { queryTerms, wordMatcher } from '../../src/lib/search/terms';
import { VocabularyCounter, type VocabularyOptions } from '../../src/lib/search/vocabulary';

describe('stemming', () => {
  it('should give inflections of a word one stem', () => {
    expect(stem('watermarks')).toBe(stem('watermark'));
    expect(stem('watermarking')).toBe(stem('watermark'));
    expect(stem('caresses')).toBe('caress');
    expect(stem('ponies')).toBe('poni');
    expect(stem('relational')).toBe('relat');
    expect(stem('hopping')).toBe('hop');
    expect(stem('filing')).toBe('file');
  });

  it('should keep words it must not change apart', () => {
    expect(stem('water')).not.toBe(stem('watermark'));
    expect(stem('pii')).toBe('pii');
    expect(stem('v3')).toBe('v3');
  });
});

describe('query terms and matching words on a page', () => {
  it('should split a query like Pagefind and drop punctuation from the looked-up form', () => {
    expect(queryTerms('  Exactly-Once  manifest v3 v3').map((t) => [t.typed, t.key])).toEqual([
      ['Exactly-Once', 'exactlyonce'],
      ['manifest', 'manifest'],
      ['v3', 'v3'],
    ]);
  });

  it('should match hyphenated or not, any case, and by stem', () => {
    const hyphen = wordMatcher(queryTerms('exactly-once'));
    expect(['Exactly-Once', 'exactly-once', 'exactlyonce'].every(hyphen)).toBe(true);
    expect(hyphen('exactly')).toBe(false);
    const joined = wordMatcher(queryTerms('exactlyonce'));
    expect(joined('Exactly-Once')).toBe(true);
    const plural = wordMatcher(queryTerms('watermarks'));
    expect(['watermark', 'Watermarks', 'watermarking', 'low_watermark'].every(plural)).toBe(true);
    expect(plural('water')).toBe(false);
    expect(plural('high-water')).toBe(false);
    const pii = wordMatcher(queryTerms('PII'));
    expect(pii('PII')).toBe(true);
    expect(pii('non-PII')).toBe(true);
    expect(pii('piiano')).toBe(false);
  });
});

describe('edit distance and suggestions', () => {
  it('should count insertions, deletions, substitutions and swaps as one edit each', () => {
    expect(editDistance('watermrks', 'watermarks')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('should stop early past the bound', () => {
    expect(editDistance('qqzzxxjj', 'watermarks', 2)).toBe(3);
  });

  it('should offer the closest words, more frequent first among equals', () => {
    const vocab = ['watermarks', 'watermark', 'waterfall', 'water'];
    expect(closestWords('watermrks', vocab)).toEqual(['watermarks', 'watermark']);
    expect(closestWords('qqzzxxjj', vocab)).toEqual([]);
  });

  it('should suggest whole queries with the unknown terms replaced', () => {
    const terms = queryTerms('watermrks late');
    expect(suggestQueries(terms, [terms[0]], ['late', 'watermarks', 'watermark', 'watermask'])).toEqual(['watermarks late', 'watermask late']);
    expect(suggestQueries(queryTerms('qqzzxxjj'), queryTerms('qqzzxxjj'), ['watermarks'])).toEqual([]);
    // A known word that matched nothing was filtered out, not mistyped.
    expect(suggestQueries(queryTerms('watermarks'), queryTerms('watermarks'), ['watermarks', 'watermark'])).toEqual([]);
  });
});

const page = (over: Partial<IndexedPage>): IndexedPage => ({ url: '/kb/x/', title: 'X', content: '', topics: [], headings: [], ...over });

/** The vocabulary of `pages` as the build counts it, one slice after another. */
function buildVocabulary(pages: IndexedPage[], opts: VocabularyOptions = {}): string[] {
  const counter = new VocabularyCounter();
  for (const p of pages) counter.add(p);
  return counter.words(opts);
}

describe('vocabulary', () => {
  const pages = [
    page({ title: 'Streaming Patterns', topics: ['watermarks', 'late-data'], headings: [{ id: 'w', text: 'Watermarks', level: 3 }], content: 'watermark watermark watermark once zq9 rareword' }),
    page({ title: 'Batch Patterns', content: 'backfill backfill backfill watermark' }),
  ];
  const vocab = buildVocabulary(pages);

  it('should keep title, heading and topic words, and frequent body words, most important first', () => {
    expect(vocab).toContain('streaming');
    expect(vocab).toContain('watermarks');
    expect(vocab).toContain('late-data');
    expect(vocab).toContain('late');
    expect(vocab).toContain('backfill');
    expect(vocab).toContain('watermark');
    expect(vocab.indexOf('patterns')).toBeLessThan(vocab.indexOf('backfill'));
  });

  it('should leave out rare body words and non-words', () => {
    expect(vocab).not.toContain('rareword');
    expect(vocab).not.toContain('once');
    expect(vocab).not.toContain('zq9');
  });

  it('should respect its word limit', () => {
    expect(buildVocabulary(pages, { maxWords: 3 })).toHaveLength(3);
  });

  it('should count the same words whatever order the pages come in, as slices of an index do', () => {
    const counter = new VocabularyCounter();
    for (const p of [...pages].reverse()) counter.add(p);
    expect(counter.words()).toEqual(vocab);
    expect(counter.words({ maxWords: 3 })).toEqual(buildVocabulary(pages, { maxWords: 3 }));
  });
});

describe('prefix index', () => {
  const index = buildPrefixIndex([
    page({ url: '/kb/streaming/', title: 'Data Pipeline Streaming Patterns', topics: ['watermarks', 'exactly-once'] }),
    page({ url: '/kb/water/', title: 'Watering Schedules', topics: [] }),
    page({ url: '/kb/sec/', title: 'Security', topics: ['pii'], headings: [{ id: 'pii-handling', text: 'PII Handling', level: 2 }] }),
  ]);

  it('should answer prefixes of title words first, then topics', () => {
    expect(queryPrefixIndex(index, 'wat').map((h) => h.url)).toEqual(['/kb/water/', '/kb/streaming/']);
    expect(queryPrefixIndex(index, 'stream pat').map((h) => h.url)).toEqual(['/kb/streaming/']);
    expect(queryPrefixIndex(index, 'exactly-o').map((h) => h.url)).toEqual(['/kb/streaming/']);
    expect(queryPrefixIndex(index, 'qqzz')).toEqual([]);
  });

  it('should leave headings out unless asked, and point at the heading when it is what matched', () => {
    expect(index.find((e) => e.u === '/kb/sec/')!.h).toBeUndefined();
    const withHeadings = buildPrefixIndex([page({ url: '/kb/sec/', title: 'Security', headings: [{ id: 'pii-handling', text: 'PII Handling', level: 2 }] })], 2);
    expect(queryPrefixIndex(withHeadings, 'handl')).toEqual([{ url: '/kb/sec/', title: 'Security', section: { title: 'PII Handling', url: '/kb/sec/#pii-handling' } }]);
  });
});

describe('exact before partial', () => {
  const result = (id: string): PagefindResult => ({ id, score: 1, words: [], data: async () => ({ url: `/kb/${id}/`, excerpt: '', meta: {} }) });
  /** A fake index: plain queries match by prefix, quoted one-word queries only whole words. */
  const fake = (pages: Record<string, string[]>): Pagefind =>
    ({
      search: async (q: string | null) => {
        const quoted = /^"(.*)"$/.exec(q ?? '');
        const terms = (quoted ? quoted[1] : (q ?? '')).split(' ');
        const ids = Object.keys(pages).filter((id) => terms.every((t) => pages[id].some((w) => (quoted ? w === t : w.startsWith(t)))));
        return { results: ids.map(result), unfilteredResultCount: ids.length, filters: {}, totalFilters: {} };
      },
    }) as unknown as Pagefind;

  it('should put results containing every term first and keep the rest as partial', async () => {
    const pf = fake({ a: ['watermark', 'late'], b: ['watermarking', 'late'], c: ['watermark'] });
    const r = (await searchExactFirst(pf, 'watermark late'))!;
    expect(r.exact.map((x) => x.id)).toEqual(['a']);
    expect(r.partial.map((x) => x.id)).toEqual(['b']);
    expect(r.missing).toEqual([]);
  });

  it('should name the terms nothing contains', async () => {
    const r = (await searchExactFirst(fake({ a: ['water'] }), 'wat'))!;
    expect(r.exact).toEqual([]);
    expect(r.partial.map((x) => x.id)).toEqual(['a']);
    expect(r.missing.map((t) => t.key)).toEqual(['wat']);
  });

  it('should keep only partial matches related to what was typed: same stem, a longer word it starts, the word meant', () => {
    // "watermrks": Pagefind's shorter retries find "water_shallow" and "high-water" too; only the word meant is related.
    expect(relatedWords(queryTerms('watermrks'), ['water_shallow', 'high-water', 'Watermarks', 'watermark'], ['watermarks'])).toEqual(['watermarks', 'watermark']);
    expect(relatedWords(queryTerms('watermrks'), ['water_shallow', 'high-water'], ['watermarks'])).toEqual([]);
    expect(relatedWords(queryTerms('qqzzxxjj'), ['-q', 'q'])).toEqual([]);
    // A prefix of at least 4 letters, typed in full: "waterm" is the start of "watermarks"; "wat" is too short to mean it.
    expect(relatedWords(queryTerms('waterm'), ['watermarks', 'water'])).toEqual(['watermarks']);
    expect(relatedWords(queryTerms('wat'), ['water'])).toEqual([]);
    // Another form of a term, also inside a hyphenated word.
    expect(relatedWords(queryTerms('watermarking late'), ['watermarks', 'late-arriving'])).toEqual(['watermarks', 'late-arriving']);
    expect(relatedWords(queryTerms('watermrks'), [])).toEqual([]);
    expect(markedWords(['a <mark>b</mark> c <mark>d-e</mark>'])).toEqual(['b', 'd-e']);
  });

  it('should leave only the marks of related words in an excerpt', () => {
    expect(keepMarks('the <mark>water_shallow</mark> map, <mark>Watermarks</mark> and <mark>watermark</mark>', ['watermarks', 'watermark'])).toBe(
      'the water_shallow map, <mark>Watermarks</mark> and <mark>watermark</mark>',
    );
  });
});

describe('result links', () => {
  it('should carry the query as typed ahead of the section anchor', () => {
    expect(withHighlight('/kb/x/#exactly-once-semantics', 'exactly-once')).toBe('/kb/x/?highlight=exactly-once#exactly-once-semantics');
    expect(withHighlight('/kb/x/', 'manifest v3')).toBe('/kb/x/?highlight=manifest%20v3');
  });

  it('should prefer sections whose heading names the query', () => {
    const view = toResultView(
      {
        url: '/kb/w/',
        excerpt: '',
        meta: { title: 'Workers' },
        sub_results: [
          { url: '/kb/w/#jobs', title: 'Jobs', excerpt: '', locations: [1, 2, 3, 4] },
          { url: '/kb/w/#dlq', title: 'Dead Letter Queue Handling', excerpt: '', locations: [9] },
          { url: '/kb/w/#health', title: 'Health', excerpt: '', locations: [20, 21] },
        ],
      },
      1,
      queryTerms('dead letter queue'),
      'dead letter queue',
    );
    expect(view.subs.map((s) => s.url)).toEqual(['/kb/w/?highlight=dead%20letter%20queue#dlq']);
  });
});

describe('reading a Pagefind fragment', () => {
  const fragment = {
    url: '/kb/streaming/',
    content: 'Streaming. Watermarks.',
    meta: { title: 'Streaming' },
    filters: { topic: ['watermarks'] },
    anchors: [
      { element: 'h3', id: 'watermarks', text: 'Watermarks', location: 1 },
      { element: 'span', id: 'x', text: 'not a heading', location: 2 },
    ],
  };
  const bytes = (json: string, signed = true) => gzipSync(Buffer.from(`${signed ? 'pagefind_dcd' : ''}${json}`));

  it('should give the page URL, title, topics and headings', () => {
    expect(readFragment('f.pf_fragment', bytes(JSON.stringify(fragment)))).toEqual({
      url: '/kb/streaming/',
      title: 'Streaming',
      content: 'Streaming. Watermarks.',
      topics: ['watermarks'],
      headings: [{ id: 'watermarks', text: 'Watermarks', level: 3 }],
    });
  });

  it('should name the file when it is not a fragment', () => {
    expect(() => readFragment('bad.pf_fragment', bytes('{}', false))).toThrow(/bad\.pf_fragment: expected a Pagefind fragment/);
  });
});

describe('what search says when nothing contains every term', () => {
  it('should say it in one heading, then the suggestion, then whether related matches follow', () => {
    expect(noMatchHeading('watermrks')).toBe('No exact match for “watermrks”');
    expect(noMatchHeading('watermarks', 'topic x')).toBe('No exact match for “watermarks” with topic x');
    expect(noMatchHeading('', 'topic x')).toBe('Nothing found with topic x');
    expect(relatedText(2)).toMatch(/^2 related matches below/);
    expect(relatedText(1)).toMatch(/^1 related match below/);
    expect(relatedText(0)).toBe('Nothing related either.');
  });

  it('should announce counts that agree with the heading', () => {
    expect(searchStatus(24, 0, 'testing')).toBe('24 results for testing');
    expect(searchStatus(0, 2, 'watermrks')).toBe('No exact match; 2 related matches for watermrks');
    expect(searchStatus(1, 1, 'x', 'type ml')).toBe('1 result and 1 related match with type ml for x');
  });
});
