import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { chunkBounds, encodeChunk, groupWords, payload, readChunkWords, readMeta, replaceMetaChunks, withSignature, type IndexWord } from './pagefindChunks';

/**
 * Word positions per index chunk. Pagefind's own is 20,000; at 2,000 a term's chunk is ~4 KB
 * gzip on the shared corpus instead of ~35 KB, and the chunk table grows by ~3 KB gzip.
 */
export const CHUNK_TARGET = 2000;

export interface RechunkResult {
  chunksBefore: number;
  chunksAfter: number;
}

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm?: string; page_count?: number }>;
}

const shortHash = (bytes: Uint8Array, length: number) => createHash('sha256').update(bytes).digest('hex').slice(0, length);

function* wordsOf(indexDir: string, hashes: string[]): Generator<IndexWord> {
  for (const hash of hashes) {
    const file = join(indexDir, 'index', `${hash}.pf_index`);
    yield* readChunkWords(file, payload(file, gunzipSync(readFileSync(file))));
  }
}

/**
 * Rewrites the word index Pagefind wrote in `indexDir` into chunks of about `target`
 * positions: new chunk files, a new metadata file, and the entry file pointing at it.
 * The words, their pages and positions are Pagefind's bytes, unchanged and in order.
 */
export function rechunkIndex(indexDir: string, target = CHUNK_TARGET): RechunkResult {
  const entryFile = join(indexDir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as Entry;
  const result: RechunkResult = { chunksBefore: 0, chunksAfter: 0 };
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaFile = join(indexDir, `pagefind.${info.hash}.pf_meta`);
    const metaCbor = payload(metaFile, gunzipSync(readFileSync(metaFile)));
    const meta = readMeta(metaFile, metaCbor);
    const oldHashes = meta.chunks.map((c) => c.hash);
    const written: { first: string; last: string; hash: string }[] = [];
    const taken = new Set(oldHashes);
    for (const group of groupWords(wordsOf(indexDir, oldHashes), target)) {
      const cbor = encodeChunk(group);
      const full = shortHash(cbor, 64);
      let length = 7;
      while (taken.has(`${language}_${full.slice(0, length)}`)) length++;
      const hash = `${language}_${full.slice(0, length)}`;
      taken.add(hash);
      writeFileSync(join(indexDir, 'index', `${hash}.pf_index`), gzipSync(withSignature(cbor), { level: 9 }));
      written.push({ first: group[0].word, last: group[group.length - 1].word, hash });
    }
    const bounds = chunkBounds(written);
    const newMeta = replaceMetaChunks(metaCbor, written.map((w, i) => ({ ...bounds[i], hash: w.hash })));
    const metaHash = `${language}_${shortHash(newMeta, 10)}`;
    writeFileSync(join(indexDir, `pagefind.${metaHash}.pf_meta`), gzipSync(withSignature(newMeta), { level: 9 }));
    for (const hash of oldHashes) rmSync(join(indexDir, 'index', `${hash}.pf_index`));
    if (metaHash !== info.hash) rmSync(metaFile);
    info.hash = metaHash;
    result.chunksBefore += oldHashes.length;
    result.chunksAfter += written.length;
  }
  writeFileSync(entryFile, JSON.stringify(entry));
  return result;
}
