import { CborError, arrayItems, concat, readHead, readText, writeArray, writeHead } from './cbor';

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

function wordWeight(buf: Uint8Array, at: number): number {
  const parts = arrayItems(buf, at);
  if (parts.starts.length < 2) throw new CborError(`a word at byte ${at} has ${parts.starts.length} fields, expected at least 2`);
  let weight = 0;
  for (const page of arrayItems(buf, parts.starts[1]).starts) {
    const fields = arrayItems(buf, page).starts;
    if (fields.length < 2) throw new CborError(`a page of a word at byte ${at} has ${fields.length} fields, expected at least 2`);
    weight += readHead(buf, fields[1]).value + 1;
  }
  return weight;
}

/** The words of one `.pf_index` chunk (its CBOR payload), in the chunk's order. */
export function readChunkWords(file: string, cbor: Uint8Array): IndexWord[] {
  try {
    const outer = arrayItems(cbor, 0);
    if (outer.end !== cbor.length || outer.starts.length < 1) throw new CborError('expected one array holding the word list');
    const words = arrayItems(cbor, outer.starts[0]);
    return words.starts.map((start, i) => {
      const end = i + 1 < words.starts.length ? words.starts[i + 1] : words.end;
      const fields = arrayItems(cbor, start).starts;
      return { word: readText(cbor, fields[0]).text, bytes: cbor.subarray(start, end), weight: wordWeight(cbor, start) };
    });
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

/** The metadata's fields as Pagefind 1.x lays them out: [version, pages, index chunks, filters, sorts, meta fields]. */
const META_CHUNKS_FIELD = 2;

export interface MetaView {
  version: string;
  chunks: ChunkRange[];
}

export function readMeta(file: string, cbor: Uint8Array): MetaView {
  try {
    const fields = arrayItems(cbor, 0);
    if (fields.end !== cbor.length || fields.starts.length <= META_CHUNKS_FIELD) throw new CborError(`expected at least ${META_CHUNKS_FIELD + 1} fields`);
    const version = readText(cbor, fields.starts[0]).text;
    const chunks = arrayItems(cbor, fields.starts[META_CHUNKS_FIELD]).starts.map((at) => {
      const [from, to, hash] = arrayItems(cbor, at).starts.map((s) => readText(cbor, s).text);
      if (hash === undefined) throw new CborError(`an index chunk entry at byte ${at} has fewer than 3 fields`);
      return { from, to, hash };
    });
    return { version, chunks };
  } catch (err) {
    throw new PagefindFormatError(`${file}: not a Pagefind metadata file this build understands (${(err as Error).message})`);
  }
}
