import { cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayItems, readHead, readText } from '../../src/pagefindIndex/cbor';
import { chunkWords, metaPath, readCbor, readEntry, filterPath } from '../../src/pagefindIndex/indexFiles';
import { CHUNK_TARGET, mergeIndexes } from '../../src/pagefindIndex/mergeIndexes';
import { PAGEFIND_FORMAT_VERSION, readMeta } from '../../src/pagefindIndex/pagefindChunks';
import { readFragment } from '../../src/pagefindIndex/readFragment';
import { loadPagefind } from '../helpers/pagefindNode';

const WORDS = 'pipeline watermark schema partition replay queue café naïve über latency budget owner retry stream batch model drift'.split(' ');

function page(i: number): string {
  const words = (n: number, salt: number) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3 + salt) % WORDS.length]).join(' ');
  return `<!doctype html><html lang="en"><head><title>Page ${i}</title></head><body>
<nav>not indexed</nav>
<main data-pagefind-body data-pagefind-filter="domain:${['core', 'ml', 'data'][i % 3]}">
<h1 data-pagefind-meta="title">Entry ${i} ${words(2, 1)}</h1>
<p data-pagefind-filter="topic">${['alpha', 'beta', 'gamma', 'delta'][i % 4]}</p>
<p>${words(40, 0)}</p>
<h2 id="part-${i}">Part ${words(3, 2)}</h2>
<p>${words(60, 5)} unique${i}word</p>
</main></body></html>`;
}

const PAGES = 30;
let work: string;
let site: string;

async function indexDirectory(path: string, out: string) {
  const { index } = await createIndex({});
  const added = await index!.addDirectory({ path });
  expect(added.errors).toEqual([]);
  await index!.writeFiles({ outputPath: out });
  await close();
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kb-merge-'));
  site = join(work, 'site');
  const files: string[] = [];
  for (let i = 0; i < PAGES; i++) {
    const file = join(site, 'kb', `entry-${String(i).padStart(2, '0')}`, 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, page(i));
    files.push(file);
  }
  // The reference: one Pagefind pass over every page, its chunks cut to the same size.
  await indexDirectory(site, join(work, 'one-pass'));
  // Kept as Pagefind wrote it: joining moves a part's fragments into the joined index.
  cpSync(join(work, 'one-pass'), join(work, 'own'), { recursive: true });
  mkdirSync(join(work, 'whole'));
  mergeIndexes([join(work, 'one-pass')], join(work, 'whole'), 300);
  // Three slices of the same pages, in path order, each indexed on its own.
  const slices = [files.slice(0, 11), files.slice(11, 12), files.slice(12)];
  const parts: string[] = [];
  for (const [n, slice] of slices.entries()) {
    const root = join(work, `slice-${n}`);
    for (const f of slice) {
      const to = join(root, f.slice(site.length));
      mkdirSync(dirname(to), { recursive: true });
      linkSync(f, to);
    }
    await indexDirectory(root, join(work, `part-${n}`));
    parts.push(join(work, `part-${n}`));
  }
  mkdirSync(join(work, 'joined'));
  mergeIndexes(parts, join(work, 'joined'), 300);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * An index as what it says, independent of page numbering: Pagefind numbers pages in the order
 * its directory walk meets them (the file system's), so a joined index may number them otherwise.
 */
function decoded(dir: string) {
  const entry = readEntry(dir);
  const file = metaPath(dir, entry.languages.en.hash);
  const cbor = readCbor(file);
  const fields = arrayItems(cbor, 0).starts;
  const strings = (at: number) => arrayItems(cbor, at).starts.map((s) => readText(cbor, s).text);
  const pages = arrayItems(cbor, fields[1]).starts.map((at) => {
    const [hash, count] = arrayItems(cbor, at).starts;
    return [readText(cbor, hash).text, readHead(cbor, count).value] as const;
  });
  const hashOf = (n: number) => pages[n][0];
  const filters = Object.fromEntries(
    arrayItems(cbor, fields[3]).starts.map((at) => {
      const [name, hash] = strings(at);
      const f = readCbor(filterPath(dir, hash));
      const [, values] = arrayItems(f, 0).starts;
      const byValue = arrayItems(f, values).starts.map((v) => {
        const [value, list] = arrayItems(f, v).starts;
        return [readText(f, value).text, arrayItems(f, list).starts.map((p) => hashOf(readHead(f, p).value)).sort()];
      });
      return [name, Object.fromEntries(byValue)];
    }),
  );
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  // [page hash, the page's positions as written], page numbers resolved from their steps.
  const pageList = (buf: Uint8Array, at: number) => {
    let n = 0;
    return arrayItems(buf, at).starts.map((p) => {
      const f = arrayItems(buf, p);
      n += readHead(buf, f.starts[0]).value;
      return [hashOf(n), hex(buf.subarray(f.starts[1], f.end))];
    }).sort();
  };
  const meta = readMeta(file, cbor);
  const words = [...chunkWords(dir, meta.chunks.map((c) => c.hash))].map((w) => {
    const [word, list, variants] = arrayItems(w.bytes, 0).starts;
    const forms = arrayItems(w.bytes, variants).starts.map((v) => {
      const [form, vl] = arrayItems(w.bytes, v).starts;
      return [readText(w.bytes, form).text, pageList(w.bytes, vl)];
    });
    return { word: readText(w.bytes, word).text, pages: pageList(w.bytes, list), forms };
  });
  return { entry, pages: [...pages].sort(), filters, words, chunks: meta.chunks.length, metaFields: strings(fields[5]), fragments: readdirSync(join(dir, 'fragment')).sort() };
}

const QUERIES = ['watermark', 'cafe', 'naïve', 'unique17word', 'drift model'];

/** What an index answers: each query's URLs and scores, then a filtered search. One index at a time: the helper serves one directory. */
async function answers(dir: string) {
  const pf = await loadPagefind(dir);
  const out: string[][][] = [];
  for (const q of QUERIES) {
    const r = await pf.search(q);
    out.push((await Promise.all(r!.results.map(async (x) => [(await x.data()).url, x.score.toFixed(6)]))).sort());
  }
  const f = await pf.search('pipeline', { filters: { domain: { any: ['ml'] } } });
  out.push((await Promise.all(f!.results.map(async (x) => [(await x.data()).url]))).sort());
  return out;
}

describe('joining indexes built from slices of a site', () => {
  it('should give the index one pass over every page gives, word for word', () => {
    const whole = decoded(join(work, 'whole'));
    const joined = decoded(join(work, 'joined'));
    expect(joined.pages).toEqual(whole.pages);
    expect(joined.pages).toHaveLength(PAGES);
    expect(joined.words).toEqual(whole.words);
    expect(joined.words.some((w) => w.forms.length)).toBe(true);
    expect(joined.chunks).toBeGreaterThan(3);
    expect(joined.filters).toEqual(whole.filters);
    expect(joined.metaFields).toEqual(whole.metaFields);
    expect(joined.fragments).toEqual(whole.fragments);
    expect(joined.entry.languages.en.page_count).toBe(PAGES);
  });

  it('should answer searches as the single index does, filters included', async () => {
    // Pagefind's own index, as it wrote it, is the reference for what readers must get.
    const own = await answers(join(work, 'own'));
    const whole = await answers(join(work, 'whole'));
    const joined = await answers(join(work, 'joined'));
    expect(whole, 'one pass, re-chunked: Pagefind\'s index format is not what pagefindChunks.ts assumes').toEqual(own);
    expect(joined, 'slices joined: Pagefind\'s index format is not what mergeIndexes.ts assumes').toEqual(own);
    for (const list of whole) expect(list.length).toBeGreaterThan(0);
    expect(QUERIES.length + 1).toBe(whole.length);
    // The filter kept its pages: domain "ml" is every third entry from 1.
    for (const [url] of whole.at(-1)!) expect(Number(/entry-(\d+)/.exec(url)![1]) % 3).toBe(1);
  });

  it('should run on the Pagefind version whose index format it reads, pinned exactly', async () => {
    const pinned = JSON.parse(readFileSync('package.json', 'utf8')).dependencies.pagefind;
    const installed = JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')).version;
    expect(pinned, 'package.json must pin pagefind exactly').toBe(PAGEFIND_FORMAT_VERSION);
    expect(installed).toBe(PAGEFIND_FORMAT_VERSION);
    expect(readEntry(join(work, 'one-pass')).version).toBe(PAGEFIND_FORMAT_VERSION);
    const other = join(work, 'other-version');
    cpSync(join(work, 'part-0'), other, { recursive: true });
    writeFileSync(join(other, 'pagefind-entry.json'), JSON.stringify({ ...readEntry(other), version: '1.7.0' }));
    mkdirSync(join(work, 'joined-other'));
    expect(() => mergeIndexes([other], join(work, 'joined-other'), 300)).toThrow(
      'Pagefind 1.7.0 wrote this index, but the index join and re-chunking (src/pagefindIndex/mergeIndexes.ts, pagefindChunks.ts) read the private index format of Pagefind 1.6.0.',
    );
  });

  it('should refuse to join indexes of different Pagefind versions, naming them', () => {
    const odd = join(work, 'odd');
    cpSync(join(work, 'part-1'), odd, { recursive: true });
    const entry = readEntry(odd);
    writeFileSync(join(odd, 'pagefind-entry.json'), JSON.stringify({ ...entry, version: '0.0.1' }));
    mkdirSync(join(work, 'joined-odd'));
    expect(() => mergeIndexes([join(work, 'part-0'), odd], join(work, 'joined-odd'), 300)).toThrow(/different Pagefind versions: .*0\.0\.1/);
  });
});

describe('cutting an index down to some of its pages', () => {
  // Every page of domain "core" (every third) goes, so that filter value must go too.
  const kept = (url: string) => Number(/entry-(\d+)/.exec(url)![1]) % 3 !== 0;
  /** Names of the fragments of an index whose page is kept. */
  const fragmentsOf = (dir: string) =>
    new Set(
      readdirSync(join(dir, 'fragment'))
        .filter((name) => kept(readFragment(name, readFileSync(join(dir, 'fragment', name))).url))
        .map((name) => name.replace(/\.pf_fragment$/, '')),
    );
  let alone: string;
  let cut: string;

  beforeAll(async () => {
    // The reference: Pagefind over the kept pages only, its chunks cut as the subset cuts them.
    const root = join(work, 'kept-site');
    for (const name of readdirSync(join(site, 'kb'))) {
      if (!kept(`/kb/${name}/`)) continue;
      mkdirSync(join(root, 'kb', name), { recursive: true });
      linkSync(join(site, 'kb', name, 'index.html'), join(root, 'kb', name, 'index.html'));
    }
    await indexDirectory(root, join(work, 'kept-own'));
    alone = join(work, 'kept-alone');
    mergeIndexes([join(work, 'kept-own')], alone, CHUNK_TARGET);
    cut = join(work, 'cut');
    expect(mergeIndexes([{ dir: join(work, 'own'), fragments: fragmentsOf(join(work, 'own')) }], cut, CHUNK_TARGET).pages).toBe(20);
  }, 60_000);

  it('should give the index Pagefind writes for those pages alone, word for word', () => {
    const a = decoded(alone);
    const b = decoded(cut);
    expect(b.pages).toEqual(a.pages);
    expect(b.pages).toHaveLength(20);
    expect(b.words).toEqual(a.words);
    expect(b.words.some((w) => w.forms.length)).toBe(true);
    expect(b.filters).toEqual(a.filters);
    expect(Object.keys(b.filters.domain)).toEqual(['data', 'ml']);
    expect(b.metaFields).toEqual(a.metaFields);
    expect(b.fragments).toEqual(a.fragments);
    expect(b.entry.languages.en.page_count).toBe(20);
  });

  it("should answer searches as Pagefind's index of those pages does, and join with another index", async () => {
    const reference = await answers(alone);
    expect(await answers(cut), 'pages cut from an index: Pagefind\'s index format is not what mergeIndexes.ts assumes').toEqual(reference);
    // Pages of "core" are gone; every query still finds pages.
    for (const list of reference) {
      expect(list.length).toBeGreaterThan(0);
      for (const [url] of list) expect(kept(url)).toBe(true);
    }
    // What a release's index is made of: pages cut from the latest's, joined with pages indexed anew.
    const rest = join(work, 'core-site');
    for (const name of readdirSync(join(site, 'kb'))) {
      if (kept(`/kb/${name}/`)) continue;
      mkdirSync(join(rest, 'kb', name), { recursive: true });
      linkSync(join(site, 'kb', name, 'index.html'), join(rest, 'kb', name, 'index.html'));
    }
    await indexDirectory(rest, join(work, 'core-own'));
    mergeIndexes([{ dir: join(work, 'own'), fragments: fragmentsOf(join(work, 'own')) }, join(work, 'core-own')], join(work, 'cut-joined'), 300);
    // Cutting pages from an index leaves it whole: it is still today's.
    expect(await answers(join(work, 'own'))).toEqual(await answers(join(work, 'whole')));
    expect(await answers(join(work, 'cut-joined'))).toEqual(await answers(join(work, 'own')));
  });
});
