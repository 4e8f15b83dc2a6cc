import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { arrayItems, concat, CborError, readHead, readText, skipItem, writeArray, writeHead, writeText } from './cbor';
import { chunkWords, contentName, ENTRY_FILE, filterPath, metaPath, readCbor, readEntry, writeCbor, writeChunks, writeEntry, type PagefindEntry } from './indexFiles';
import { META_FIELDS, PAGEFIND_FORMAT_VERSION, PagefindFormatError, readMeta } from './pagefindChunks';
import { mergeWordStreams } from './mergeWords';

/**
 * One Pagefind bundle from several, each built from a consecutive slice of the site's pages:
 * Pagefind holds a whole index in memory while it writes it (3.5 GB at 10,000 synthetic
 * entries), so a large site is indexed a slice at a time and joined here. Pages keep their
 * order, so the result is the index one pass over all pages would have written.
 */

/**
 * Word positions per index chunk. Pagefind's own is a fixed 20,000 (its source marks it to
 * become an option), and a query fetches every chunk holding one of its terms: ~35 KB gzip per
 * term on the shared corpus. At 2,000 a term's chunk is ~4 KB and the chunk table ~3 KB more.
 */
export const CHUNK_TARGET = 2000;

const F = META_FIELDS;

interface PartMeta {
  dir: string;
  cbor: Uint8Array;
  fields: number[];
  pages: Uint8Array[];
  chunks: string[];
  filters: { name: string; hash: string }[];
}

function readPart(dir: string, hash: string): PartMeta {
  const file = metaPath(dir, hash);
  const cbor = readCbor(file);
  try {
    const fields = arrayItems(cbor, 0).starts;
    if (fields.length <= F.metaFields) throw new CborError(`${fields.length} fields, expected at least ${F.metaFields + 1}`);
    if (arrayItems(cbor, fields[F.sorts]).starts.length) throw new CborError('the index has sort orders (data-pagefind-sort), which joining does not support');
    const item = (at: number) => cbor.subarray(at, skipItem(cbor, at));
    return {
      dir,
      cbor,
      fields,
      pages: arrayItems(cbor, fields[F.pages]).starts.map(item),
      chunks: readMeta(file, cbor).chunks.map((c) => c.hash),
      filters: arrayItems(cbor, fields[F.filters]).starts.map((at) => {
        const [name, h] = arrayItems(cbor, at).starts.map((s) => readText(cbor, s).text);
        return { name, hash: h };
      }),
    };
  } catch (err) {
    throw new PagefindFormatError(`${file}: cannot join this index (${(err as Error).message})`);
  }
}

const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Filter files hold [filter, [[value, [page, …]], …]] with page numbers as they are. */
function joinFilters(language: string, parts: PartMeta[], offsets: number[], outDir: string, taken: Set<string>): Uint8Array {
  const filters = new Map<string, Map<string, number[]>>();
  parts.forEach((part, i) => {
    for (const { name, hash } of part.filters) {
      const file = filterPath(part.dir, hash);
      const cbor = readCbor(file);
      const [nameAt, valuesAt] = arrayItems(cbor, 0).starts;
      const values = filters.get(name) ?? new Map<string, number[]>();
      filters.set(name, values);
      if (readText(cbor, nameAt).text !== name) throw new PagefindFormatError(`${file}: holds another filter than the metadata says (${name})`);
      for (const at of arrayItems(cbor, valuesAt).starts) {
        const [valueAt, pagesAt] = arrayItems(cbor, at).starts;
        const value = readText(cbor, valueAt).text;
        const pages = arrayItems(cbor, pagesAt).starts.map((p) => readHead(cbor, p).value + offsets[i]);
        values.set(value, [...(values.get(value) ?? []), ...pages]);
      }
    }
  });
  const table: Uint8Array[] = [];
  for (const name of [...filters.keys()].sort(byUtf8)) {
    const values = filters.get(name)!;
    const cbor = writeArray([
      writeText(name),
      writeArray([...values.keys()].sort(byUtf8).map((v) => writeArray([writeText(v), writeArray(values.get(v)!.map((p) => writeHead(0, p)))]))),
    ]);
    const hash = contentName(language, cbor, 7, taken);
    writeCbor(filterPath(outDir, hash), cbor);
    table.push(writeArray([writeText(name), writeText(hash)]));
  }
  return writeArray(table);
}

function joinMetaFields(parts: PartMeta[]): Uint8Array {
  const names: string[] = [];
  for (const p of parts) {
    for (const at of arrayItems(p.cbor, p.fields[F.metaFields]).starts) {
      const name = readText(p.cbor, at).text;
      if (!names.includes(name)) names.push(name);
    }
  }
  return writeArray(names.map(writeText));
}

/** Copies the bundle's scripts and WASM from the first part, and moves every part's fragments. */
function placeFiles(partDirs: string[], outDir: string): void {
  mkdirSync(join(outDir, 'index'), { recursive: true });
  mkdirSync(join(outDir, 'filter'), { recursive: true });
  mkdirSync(join(outDir, 'fragment'), { recursive: true });
  for (const name of readdirSync(partDirs[0])) {
    const from = join(partDirs[0], name);
    if (name === ENTRY_FILE || name.endsWith('.pf_meta') || !statSync(from).isFile()) continue;
    copyFileSync(from, join(outDir, name));
  }
  // Fragments are named by their content: the same name in two parts is the same file.
  for (const dir of partDirs) {
    if (!existsSync(join(dir, 'fragment'))) continue;
    for (const name of readdirSync(join(dir, 'fragment'))) renameSync(join(dir, 'fragment', name), join(outDir, 'fragment', name));
  }
}

export interface MergeResult {
  pages: number;
  chunks: number;
}

/** Joins the bundles in `partDirs` (in page order) into `outDir`, with chunks of about `target` positions. */
export function mergeIndexes(partDirs: string[], outDir: string, target: number): MergeResult {
  const entries = partDirs.map(readEntry);
  const versions = new Set(entries.map((e) => e.version));
  if (versions.size > 1) throw new PagefindFormatError(`cannot join indexes of different Pagefind versions: ${[...versions].join(', ')}`);
  const [version] = versions;
  if (version !== PAGEFIND_FORMAT_VERSION) {
    throw new PagefindFormatError(
      `Pagefind ${version} wrote this index, but the index join and re-chunking (src/pagefindIndex/mergeIndexes.ts, pagefindChunks.ts) read the private index format of Pagefind ${PAGEFIND_FORMAT_VERSION}. ` +
        'Pin pagefind back to that version, or upgrade as the README says (Performance: upgrading Pagefind).',
    );
  }
  placeFiles(partDirs, outDir);
  const merged: PagefindEntry = { ...entries[0], languages: {} };
  const result: MergeResult = { pages: 0, chunks: 0 };
  const languages = [...new Set(entries.flatMap((e) => Object.keys(e.languages)))].sort();
  for (const language of languages) {
    const parts = partDirs.flatMap((dir, i) => {
      const info = entries[i].languages[language];
      return info ? [readPart(dir, info.hash)] : [];
    });
    const offsets: number[] = [];
    let pages = 0;
    for (const p of parts) {
      offsets.push(pages);
      pages += p.pages.length;
    }
    const taken = new Set<string>();
    const words = mergeWordStreams(
      parts.map((p) => chunkWords(p.dir, p.chunks)),
      offsets,
    );
    const chunks = writeChunks(outDir, language, words, target, taken);
    const first = parts[0];
    const field = (i: number) => first.cbor.subarray(first.fields[i], skipItem(first.cbor, first.fields[i]));
    const fields = first.fields.map((_, i) => {
      switch (i) {
        case F.pages:
          return concat([writeHead(4, pages), ...parts.flatMap((p) => p.pages)]);
        case F.chunks:
          return writeArray(chunks.map((c) => writeArray([writeText(c.from), writeText(c.to), writeText(c.hash)])));
        case F.filters:
          return joinFilters(language, parts, offsets, outDir, taken);
        case F.metaFields:
          return joinMetaFields(parts);
        default:
          return field(i);
      }
    });
    const meta = concat([writeHead(4, fields.length), ...fields]);
    const hash = contentName(language, meta, 10, new Set());
    writeCbor(metaPath(outDir, hash), meta);
    merged.languages[language] = { ...entries.find((e) => e.languages[language])!.languages[language], hash, page_count: pages };
    result.pages += pages;
    result.chunks += chunks.length;
  }
  writeEntry(outDir, merged);
  return result;
}
