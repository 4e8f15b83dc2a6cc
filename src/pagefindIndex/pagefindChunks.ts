import { CborError, arrayItems, concat, readHead, readText, skipItem, writeArray, writeHead } from './cbor';

/**
 * Pagefind 1.x's word index: chunks of sorted words, and the table in the metadata file that
 * says which chunk holds which words. These functions read the words as the bytes Pagefind
 * wrote and cut a sorted word list into chunks again, by Pagefind's own rule.
 */

/** Every Pagefind file starts, once gunzipped, with this signature before its CBOR. */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

export interface IndexWord {
  word: string;
  /** The word's CBOR item as Pagefind encoded it: [word, pages, variants]. */
  bytes: Uint8Array;
  /** Positions plus one per page: the measure Pagefind sizes its chunks by. */
  weight: number;
}

export interface ChunkRange {
  from: string;
  to: string;
  hash: string;
}

export class PagefindFormatError extends Error {}

/**
 * The Pagefind release whose private index format this module and the index join read and
 * write. package.json pins pagefind to exactly this; the guard test (tests/unit/mergeIndexes.test.ts)
 * and the join itself fail, naming this assumption, when another version writes the index.
 */
export const PAGEFIND_FORMAT_VERSION = '1.6.0';

const sig = new TextEncoder().encode(PAGEFIND_SIGNATURE);

/** The CBOR after the signature; an error names the file when it is not a Pagefind file. */
export function payload(file: string, bytes: Uint8Array): Uint8Array {
  if (bytes.length < sig.length || sig.some((b, i) => bytes[i] !== b)) {
    throw new PagefindFormatError(`${file}: expected a Pagefind file starting with "${PAGEFIND_SIGNATURE}", found other bytes`);
  }
  return bytes.subarray(sig.length);
}

export function withSignature(cbor: Uint8Array): Uint8Array {
  return concat([sig, cbor]);
}

function expectArray(buf: Uint8Array, at: number, least: number, what: string) {
  const head = readHead(buf, at);
  if (head.major !== 4 || head.value < least) throw new CborError(`${what} at byte ${at} is not an array of at least ${least} fields`);
  return head;
}

/** One pass over a word [word, pages, …]: its text, where it ends, and its weight. */
function scanWord(buf: Uint8Array, at: number): { word: string; end: number; weight: number } {
  const fields = expectArray(buf, at, 2, 'a word');
  const text = readText(buf, fields.end);
  const pages = readHead(buf, text.end);
  if (pages.major !== 4) throw new CborError(`the pages of "${text.text}" are not an array`);
  let p = pages.end;
  let weight = 0;
  for (let i = 0; i < pages.value; i++) {
    const page = expectArray(buf, p, 2, `a page of "${text.text}"`);
    p = skipItem(buf, page.end);
    weight += readHead(buf, p).value + 1;
    for (let f = 1; f < page.value; f++) p = skipItem(buf, p);
  }
  for (let f = 2; f < fields.value; f++) p = skipItem(buf, p);
  return { word: text.text, end: p, weight };
}

/** The words of one `.pf_index` chunk (its CBOR payload), in the chunk's order. */
export function readChunkWords(file: string, cbor: Uint8Array): IndexWord[] {
  try {
    const outer = expectArray(cbor, 0, 1, 'a chunk');
    const list = readHead(cbor, outer.end);
    if (list.major !== 4) throw new CborError('expected the word list to be an array');
    const words: IndexWord[] = [];
    let p = list.end;
    for (let i = 0; i < list.value; i++) {
      const w = scanWord(cbor, p);
      words.push({ word: w.word, bytes: cbor.subarray(p, w.end), weight: w.weight });
      p = w.end;
    }
    for (let f = 1; f < outer.value; f++) p = skipItem(cbor, p);
    if (p !== cbor.length) throw new CborError(`${cbor.length - p} bytes after the word list`);
    return words;
  } catch (err) {
    throw new PagefindFormatError(`${file}: not a word index this build understands (${(err as Error).message})`);
  }
}

/** Cuts a sorted word list after the word that brings a chunk to `target` (Pagefind's rule). */
export function* groupWords(words: Iterable<IndexWord>, target: number): Generator<IndexWord[]> {
  let group: IndexWord[] = [];
  let size = 0;
  for (const w of words) {
    group.push(w);
    size += w.weight;
    if (size >= target) {
      yield group;
      group = [];
      size = 0;
    }
  }
  if (group.length) yield group;
}

export function encodeChunk(group: IndexWord[]): Uint8Array {
  return writeArray([concat([writeHead(4, group.length), ...group.map((w) => w.bytes)])]);
}

/**
 * Neighbouring chunks are told apart by the shortest prefixes that differ, as Pagefind's own
 * chunk table does: the search compares a term against these bounds to pick the chunks to fetch.
 */
export function chunkBounds(groups: { first: string; last: string }[]): { from: string; to: string }[] {
  const bounds = groups.map((g) => ({ from: g.first, to: g.last }));
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = [...bounds[i].to];
    const b = [...bounds[i + 1].from];
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    bounds[i].to = a.slice(0, common + 1).join('');
    bounds[i + 1].from = b.slice(0, common + 1).join('');
  }
  return bounds;
}

/** The metadata's fields as Pagefind 1.x lays them out. */
export const META_FIELDS = { version: 0, pages: 1, chunks: 2, filters: 3, sorts: 4, metaFields: 5 } as const;

export interface MetaView {
  version: string;
  chunks: ChunkRange[];
}

export function readMeta(file: string, cbor: Uint8Array): MetaView {
  try {
    const fields = arrayItems(cbor, 0);
    if (fields.end !== cbor.length || fields.starts.length <= META_FIELDS.chunks) throw new CborError(`expected at least ${META_FIELDS.chunks + 1} fields`);
    const version = readText(cbor, fields.starts[META_FIELDS.version]).text;
    const chunks = arrayItems(cbor, fields.starts[META_FIELDS.chunks]).starts.map((at) => {
      const [from, to, hash] = arrayItems(cbor, at).starts.map((s) => readText(cbor, s).text);
      if (hash === undefined) throw new CborError(`an index chunk entry at byte ${at} has fewer than 3 fields`);
      return { from, to, hash };
    });
    return { version, chunks };
  } catch (err) {
    throw new PagefindFormatError(`${file}: not a Pagefind metadata file this build understands (${(err as Error).message})`);
  }
}
