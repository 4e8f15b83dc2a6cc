import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { chunkBounds, encodeChunk, groupWords, payload, readChunkWords, withSignature, type ChunkRange, type IndexWord } from './pagefindChunks';

/** Reading and writing the files of a Pagefind bundle, for the passes that rewrite its index. */

export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm?: string; page_count?: number }>;
}

export const ENTRY_FILE = 'pagefind-entry.json';

export function readEntry(dir: string): PagefindEntry {
  return JSON.parse(readFileSync(join(dir, ENTRY_FILE), 'utf8')) as PagefindEntry;
}

export function writeEntry(dir: string, entry: PagefindEntry): void {
  writeFileSync(join(dir, ENTRY_FILE), JSON.stringify(entry));
}

export const metaPath = (dir: string, hash: string) => join(dir, `pagefind.${hash}.pf_meta`);
export const chunkPath = (dir: string, hash: string) => join(dir, 'index', `${hash}.pf_index`);
export const filterPath = (dir: string, hash: string) => join(dir, 'filter', `${hash}.pf_filter`);

/** The CBOR of a Pagefind file: gunzipped, signature checked. */
export function readCbor(file: string): Uint8Array {
  return payload(file, gunzipSync(readFileSync(file)));
}

export function writeCbor(file: string, cbor: Uint8Array): void {
  writeFileSync(file, gzipSync(withSignature(cbor)));
}

/** Content-derived names, as Pagefind makes them: `<language>_<hex>`, longer on a clash. */
export function contentName(language: string, cbor: Uint8Array, length: number, taken: Set<string>): string {
  const full = createHash('sha256').update(cbor).digest('hex');
  let n = length;
  while (taken.has(`${language}_${full.slice(0, n)}`)) n++;
  const name = `${language}_${full.slice(0, n)}`;
  taken.add(name);
  return name;
}

/** The words of the listed chunks, in order, read one chunk at a time. */
export function* chunkWords(dir: string, hashes: string[]): Generator<IndexWord> {
  for (const hash of hashes) {
    const file = chunkPath(dir, hash);
    yield* readChunkWords(file, readCbor(file));
  }
}

/** Writes sorted words as chunks of about `target` positions; returns the chunk table. */
export function writeChunks(dir: string, language: string, words: Iterable<IndexWord>, target: number, taken: Set<string>): ChunkRange[] {
  const written: { first: string; last: string; hash: string }[] = [];
  for (const group of groupWords(words, target)) {
    const cbor = encodeChunk(group);
    const hash = contentName(language, cbor, 7, taken);
    writeCbor(chunkPath(dir, hash), cbor);
    written.push({ first: group[0].word, last: group[group.length - 1].word, hash });
  }
  const bounds = chunkBounds(written);
  return written.map((w, i) => ({ ...bounds[i], hash: w.hash }));
}
