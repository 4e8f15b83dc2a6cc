import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayItems, readHead, skipItem, writeArray, writeHead, writeText } from '../../src/lib/search/cbor';
import { chunkBounds, payload, PagefindFormatError, readChunkWords, readMeta, type IndexWord } from '../../src/lib/search/pagefindChunks';
import { rechunkIndex } from '../../src/lib/search/rechunkIndex';

/** Deterministic text over a vocabulary wide enough to fill several of Pagefind's 20,000-position chunks. */
function pageText(seed: number, words: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const n = x % 4000;
    out.push(`w${n.toString(36)}${'abcdefghij'[n % 10]}`);
  }
  return out.join(' ');
}

let pagefindDir: string;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kb-chunks-'));
  pagefindDir = join(work, 'pagefind');
  const { index } = await createIndex({});
  for (let i = 0; i < 40; i++) {
    await index!.addCustomRecord({ url: `/kb/p${i}/`, content: pageText(i + 1, 1500), language: 'en', meta: { title: `Page ${i}` } });
  }
  await index!.writeFiles({ outputPath: pagefindDir });
  await close();
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function indexState(dir: string) {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  const metaFile = join(dir, `pagefind.${entry.languages.en.hash}.pf_meta`);
  const meta = readMeta(metaFile, payload(metaFile, gunzipSync(readFileSync(metaFile))));
  const words: IndexWord[][] = meta.chunks.map((c) => {
    const file = join(dir, 'index', `${c.hash}.pf_index`);
    return readChunkWords(file, payload(file, gunzipSync(readFileSync(file))));
  });
  return { entry, meta, words, files: readdirSync(join(dir, 'index')).sort() };
}

const copy = (name: string) => {
  const dir = join(work, name);
  cpSync(pagefindDir, dir, { recursive: true });
  return dir;
};

const hex = (w: IndexWord) => Buffer.from(w.bytes).toString('hex');

describe('re-chunking the Pagefind word index', () => {
  it('should cut where Pagefind cuts when given its own size, with the same bounds', () => {
    const original = indexState(pagefindDir);
    expect(original.meta.chunks.length).toBeGreaterThan(2);
    const dir = copy('same-size');
    rechunkIndex(dir, 20_000);
    const again = indexState(dir);
    expect(again.meta.chunks.map(({ from, to }) => ({ from, to }))).toEqual(original.meta.chunks.map(({ from, to }) => ({ from, to })));
    expect(again.words.map((c) => c.map(hex))).toEqual(original.words.map((c) => c.map(hex)));
  });

  it('should keep every word byte for byte, in order, in smaller chunks that the table points at', () => {
    const original = indexState(pagefindDir);
    const dir = copy('smaller');
    const result = rechunkIndex(dir, 1000);
    const after = indexState(dir);
    expect(result.chunksBefore).toBe(original.meta.chunks.length);
    expect(result.chunksAfter).toBe(after.meta.chunks.length);
    expect(after.meta.chunks.length).toBeGreaterThan(original.meta.chunks.length * 5);
    expect(after.words.flat().map(hex)).toEqual(original.words.flat().map(hex));
    // Only the new chunks and the new metadata remain; the entry file names the metadata.
    expect(after.files).toEqual(after.meta.chunks.map((c) => `${c.hash}.pf_index`).sort());
    expect(existsSync(join(dir, `pagefind.${original.entry.languages.en.hash}.pf_meta`))).toBe(false);
    expect(after.entry.languages.en.hash).not.toBe(original.entry.languages.en.hash);
    // A term is looked up between bounds: each chunk's words sort within its own.
    after.meta.chunks.forEach((c, i) => {
      for (const w of after.words[i]) expect(w.word >= c.from && (w.word <= c.to || w.word.startsWith(c.to))).toBe(true);
      if (i > 0) expect(after.meta.chunks[i - 1].to < c.from).toBe(true);
    });
    // The other metadata (pages, filters) is Pagefind's, unchanged.
    expect(after.meta.version).toBe(original.meta.version);
  });

  it('should write the same files from the same index (stable names for caching)', () => {
    const a = copy('stable-a');
    const b = copy('stable-b');
    rechunkIndex(a, 1500);
    rechunkIndex(b, 1500);
    expect(readdirSync(join(a, 'index')).sort()).toEqual(readdirSync(join(b, 'index')).sort());
    expect(readFileSync(join(a, 'pagefind-entry.json'), 'utf8')).toBe(readFileSync(join(b, 'pagefind-entry.json'), 'utf8'));
  });

  it('should name the file when an index file is not what Pagefind writes', () => {
    const dir = copy('broken');
    const { meta } = indexState(dir);
    const victim = join(dir, 'index', `${meta.chunks[1].hash}.pf_index`);
    writeFileSync(victim, gzipSync(Buffer.from('pagefind_dcd' + 'not cbor at all')));
    expect(() => rechunkIndex(dir, 1000)).toThrow(PagefindFormatError);
    expect(() => rechunkIndex(dir, 1000)).toThrow(victim);
    writeFileSync(victim, gzipSync(Buffer.from('something else')));
    expect(() => rechunkIndex(dir, 1000)).toThrow(/expected a Pagefind file/);
  });
});

describe('chunk bounds', () => {
  it('should shorten neighbouring bounds to the first letter where they differ', () => {
    expect(chunkBounds([{ first: 'apple', last: 'apple' }, { first: 'apricot', last: 'banana' }, { first: 'peach', last: 'peach' }])).toEqual([
      { from: 'apple', to: 'app' },
      { from: 'apr', to: 'b' },
      { from: 'p', to: 'peach' },
    ]);
  });

  it('should never split a letter outside the Basic Multilingual Plane', () => {
    expect(chunkBounds([{ first: 'a', last: 'über𝒳a' }, { first: 'über𝒳b', last: 'z' }])).toEqual([
      { from: 'a', to: 'über𝒳a' },
      { from: 'über𝒳b', to: 'z' },
    ]);
  });
});

describe('cbor', () => {
  it('should read back the heads and items it writes, at every length size', () => {
    for (const n of [0, 23, 24, 255, 256, 65_535, 65_536, 2 ** 32 - 1]) {
      const head = writeHead(0, n);
      expect(readHead(head, 0)).toEqual({ major: 0, value: n, end: head.length });
    }
    const doc = writeArray([writeText('één'), writeArray([writeHead(0, 300), writeHead(1, 24)]), writeText('')]);
    const { starts, end } = arrayItems(doc, 0);
    expect(end).toBe(doc.length);
    expect(starts).toHaveLength(3);
    expect(skipItem(doc, starts[1])).toBe(starts[2]);
  });

  it('should refuse indefinite lengths and truncated items', () => {
    expect(() => readHead(Uint8Array.of(0x9f), 0)).toThrow(/indefinite/);
    expect(() => skipItem(Uint8Array.of(0x82, 0x01), 0)).toThrow(/ends early/);
  });
});
