import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { isRedirectPage } from '../helpers/builtSite';
import { describe, expect, test } from 'vitest';
import { PREFIX_INDEX_FILE, VOCABULARY_FILE, VOCABULARY_MAX_GZIP } from '../../src/lib/search/assets';
import { payload, readChunkWords, readMeta } from '../../src/pagefindIndex/pagefindChunks';
import type { PrefixEntry } from '../../src/lib/search/prefixIndex';
import { CHUNK_TARGET } from '../../src/pagefindIndex/mergeIndexes';
import { queryPrefixIndex } from '../../src/lib/search/prefixIndex';
import { requireCorpus, SITES } from './sites';

const sites = [
  { name: 'embedded', dir: SITES.embedded, required: true },
  { name: 'corpus', dir: SITES.corpus, required: requireCorpus },
];

describe.each(sites.filter((s) => s.required || existsSync(join(s.dir, 'pagefind'))))('the small search files of the $name build', ({ dir }) => {
  const index = JSON.parse(readFileSync(join(dir, 'pagefind', PREFIX_INDEX_FILE), 'utf8')) as PrefixEntry[];
  const vocabularyText = readFileSync(join(dir, 'pagefind', VOCABULARY_FILE), 'utf8');
  const vocabulary = JSON.parse(vocabularyText) as string[];
  // Former names (aliases) have pages too, but they only redirect: not entries to search.
  const entryPages = readdirSync(join(dir, 'kb')).filter((n) => existsSync(join(dir, 'kb', n, 'index.html')) && !isRedirectPage(join(dir, 'kb', n, 'index.html')));

  test('the prefix index lists every entry page once, with its title', () => {
    const urls = index.map((e) => e.u);
    expect(urls.sort()).toEqual(entryPages.map((n) => `/kb/${n}/`).sort());
    for (const e of index) {
      expect(e.u).toMatch(/^\/kb\/[^/]+\/$/);
      expect(existsSync(join(dir, e.u, 'index.html')), e.u).toBe(true);
      expect(e.t.length).toBeGreaterThan(0);
    }
  });

  test(`the vocabulary fits its budget (${VOCABULARY_MAX_GZIP / 1024} KB gzip) and holds words of the titles`, () => {
    expect(gzipSync(vocabularyText).length).toBeLessThanOrEqual(VOCABULARY_MAX_GZIP);
    expect(new Set(vocabulary).size).toBe(vocabulary.length);
    const titleWords = index.flatMap((e) => e.t.toLowerCase().split(/[^a-z0-9-]+/)).filter((w) => w.length >= 3);
    expect(titleWords.filter((w) => !vocabulary.includes(w))).toEqual([]);
  });

  test('the prefix index answers a title prefix', () => {
    const first = index[0];
    const word = first.t.split(/\s+/)[0].slice(0, 4);
    expect(queryPrefixIndex(index, word, 100).map((h) => h.url)).toContain(first.u);
  });

  test(`the word index is cut in chunks of about ${CHUNK_TARGET} positions, each one the table names`, () => {
    const pagefindDir = join(dir, 'pagefind');
    const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8'));
    const metaFile = join(pagefindDir, `pagefind.${entry.languages.en.hash}.pf_meta`);
    const meta = readMeta(metaFile, payload(metaFile, gunzipSync(readFileSync(metaFile))));
    expect(readdirSync(join(pagefindDir, 'index')).sort()).toEqual(meta.chunks.map((c) => `${c.hash}.pf_index`).sort());
    for (const c of meta.chunks) {
      const file = join(pagefindDir, 'index', `${c.hash}.pf_index`);
      const words = readChunkWords(file, payload(file, gunzipSync(readFileSync(file))));
      // A chunk closes with the word that reaches the target, so all but its last word stay below it.
      const before = words.slice(0, -1).reduce((n, w) => n + w.weight, 0);
      expect(before, `${c.hash}: ${words.length} words`).toBeLessThan(CHUNK_TARGET);
    }
  });
});
