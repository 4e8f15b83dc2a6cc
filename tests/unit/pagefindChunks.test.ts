import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayItems, readHead, skipItem, writeArray, writeHead, writeText } from '../../src/pagefindIndex/cbor';
import { chunkBounds, payload, PagefindFormatError, readChunkWords, readMeta, type IndexWord } from '../../src/pagefindIndex/pagefindChunks';
import { mergeIndexes } from '../../src/pagefindIndex/mergeIndexes';

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

/** Pagefind's bundle cut again into chunks of `target` positions (a join of one part). */
let runs = 0;
function recut(target: number, from = pagefindDir) {
  const part = join(work, `part-${runs}`);
  const out = join(work, `out-${runs++}`);
  cpSync(from, part, { recursive: true });
  mkdirSync(out);
  const result = mergeIndexes([part], out, target);
  return { out, result };
}

const hex = (w: IndexWord) => Buffer.from(w.bytes).toString('hex');

describe('cutting the Pagefind word index again', () => {
  it('should cut where Pagefind cuts when given its own size, with the same bounds', () => {
    const original = indexState(pagefindDir);
    expect(original.meta.chunks.length).toBeGreaterThan(2);
    const again = indexState(recut(20_000).out);
    expect(again.meta.chunks.map(({ from, to }) => ({ from, to }))).toEqual(original.meta.chunks.map(({ from, to }) => ({ from, to })));
    expect(again.words.map((c) => c.map(hex))).toEqual(original.words.map((c) => c.map(hex)));
  });

  it('should keep every word byte for byte, in order, in smaller chunks that the table points at', () => {
    const original = indexState(pagefindDir);
    const { out, result } = recut(1000);
    const after = indexState(out);
    expect(result.chunks).toBe(after.meta.chunks.length);
    expect(result.pages).toBe(40);
    expect(after.meta.chunks.length).toBeGreaterThan(original.meta.chunks.length * 5);
    expect(after.words.flat().map(hex)).toEqual(original.words.flat().map(hex));
    // Only the chunks the table names are written, and the entry file names the new metadata.
    expect(after.files).toEqual(after.meta.chunks.map((c) => `${c.hash}.pf_index`).sort());
    expect(readdirSync(out).filter((f) => f.endsWith('.pf_meta'))).toEqual([`pagefind.${after.entry.languages.en.hash}.pf_meta`]);
    expect(existsSync(join(out, 'pagefind.js'))).toBe(true);
    // A term is looked up between bounds: each chunk's words sort within its own.
    after.meta.chunks.forEach((c, i) => {
      for (const w of after.words[i]) expect(w.word >= c.from && (w.word <= c.to || w.word.startsWith(c.to))).toBe(true);
      if (i > 0) expect(after.meta.chunks[i - 1].to < c.from).toBe(true);
    });
    expect(after.meta.version).toBe(original.meta.version);
  });

  it('should write the same files from the same index (stable names for caching)', () => {
    const a = recut(1500).out;
    const b = recut(1500).out;
    expect(readdirSync(join(a, 'index')).sort()).toEqual(readdirSync(join(b, 'index')).sort());
    expect(readFileSync(join(a, 'pagefind-entry.json'), 'utf8')).toBe(readFileSync(join(b, 'pagefind-entry.json'), 'utf8'));
  });

  it('should name the file when an index file is not what Pagefind writes', () => {
    const broken = join(work, 'broken');
    cpSync(pagefindDir, broken, { recursive: true });
    const { meta } = indexState(broken);
    const victim = join(broken, 'index', `${meta.chunks[1].hash}.pf_index`);
    writeFileSync(victim, gzipSync(Buffer.from('pagefind_dcd' + 'not cbor at all')));
    expect(() => recut(1000, broken)).toThrow(PagefindFormatError);
    expect(() => recut(1000, broken)).toThrow(victim.replace(broken, ''));
    writeFileSync(victim, gzipSync(Buffer.from('something else')));
    expect(() => recut(1000, broken)).toThrow(/expected a Pagefind file/);
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
