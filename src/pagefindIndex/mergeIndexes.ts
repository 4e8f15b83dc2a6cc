import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { arrayItems, concat, CborError, readHead, readText, skipItem, writeArray, writeHead, writeText } from './cbor';
import { chunkWords, contentName, ENTRY_FILE, filterPath, metaPath, readCbor, readEntry, writeCbor, writeChunks, writeEntry, type PagefindEntry } from './indexFiles';
import { META_FIELDS, PAGEFIND_FORMAT_VERSION, PagefindFormatError, readMeta, type IndexWord } from './pagefindChunks';
import { keepWordPages, mergeWordStreams } from './mergeWords';

/**
 * One Pagefind bundle from several, each built from a consecutive slice of the site's pages:
 * Pagefind holds a whole index in memory while it writes it (3.5 GB at 10,000 synthetic
 * entries), so a large site is indexed a slice at a time and joined here. Pages keep their
 * order, so the result is the index one pass over all pages would have written.
 *
 * A part may also give only some of its pages, named by their fragments: an older release's
 * entry pages that index as today's do are taken from today's index rather than indexed again
 * (src/integrations/pagefind.ts). A fragment holds a page's URL within its site, so the same page
 * in two releases has the same fragment.
 */

/**
 * Word positions per index chunk. Pagefind's own is a fixed 20,000 (its source marks it to
 * become an option), and a query fetches every chunk holding one of its terms: ~35 KB gzip per
 * term on the shared corpus. At 2,000 a term's chunk is ~4 KB and the chunk table ~3 KB more.
 */
export const CHUNK_TARGET = 2000;

const F = META_FIELDS;

/** A bundle to join: all of it (its fragments are moved), or the pages of the named fragments (it is left as it was). */
export type IndexPart = string | { dir: string; fragments: ReadonlySet<string> };

const dirOf = (part: IndexPart) => (typeof part === 'string' ? part : part.dir);

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
function joinFilters(language: string, parts: LanguagePart[], offsets: number[], outDir: string, taken: Set<string>): Uint8Array {
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
        const pages = arrayItems(cbor, pagesAt).starts.flatMap((p) => {
          const page = part.renumber(readHead(cbor, p).value);
          return page === undefined ? [] : [page + offsets[i]];
        });
        if (pages.length) values.set(value, [...(values.get(value) ?? []), ...pages]);
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

function joinMetaFields(parts: LanguagePart[]): Uint8Array {
  const names: string[] = [];
  for (const p of parts) {
    for (const at of arrayItems(p.cbor, p.fields[F.metaFields]).starts) {
      const name = readText(p.cbor, at).text;
      if (!names.includes(name)) names.push(name);
    }
  }
  return writeArray(names.map(writeText));
}

const fragmentFile = (dir: string, hash: string) => join(dir, 'fragment', `${hash}.pf_fragment`);

/** Copies the bundle's scripts and WASM from the first part, and moves the fragments of every part joined whole. */
function placeFiles(parts: IndexPart[], outDir: string): void {
  mkdirSync(join(outDir, 'index'), { recursive: true });
  mkdirSync(join(outDir, 'filter'), { recursive: true });
  mkdirSync(join(outDir, 'fragment'), { recursive: true });
  const first = dirOf(parts[0]);
  for (const name of readdirSync(first)) {
    const from = join(first, name);
    if (name === ENTRY_FILE || name.endsWith('.pf_meta') || !statSync(from).isFile()) continue;
    copyFileSync(from, join(outDir, name));
  }
  // Fragments are named by their content: the same name in two parts is the same file.
  for (const dir of parts.filter((p) => typeof p === 'string')) {
    if (!existsSync(join(dir, 'fragment'))) continue;
    for (const name of readdirSync(join(dir, 'fragment'))) renameSync(join(dir, 'fragment', name), join(outDir, 'fragment', name));
  }
}

/** One language of a part, with the pages it gives: all, or those of its named fragments, numbered anew in their order. */
interface LanguagePart extends PartMeta {
  kept: Uint8Array[];
  renumber: (page: number) => number | undefined;
}

function languagePart(part: IndexPart, hash: string, outDir: string): LanguagePart {
  const meta = readPart(dirOf(part), hash);
  if (typeof part === 'string') return { ...meta, kept: meta.pages, renumber: (page) => page };
  const numbers = new Map<number, number>();
  const kept: Uint8Array[] = [];
  meta.pages.forEach((item, page) => {
    const fragment = readText(item, arrayItems(item, 0).starts[0]).text;
    if (!part.fragments.has(fragment)) return;
    numbers.set(page, kept.length);
    kept.push(item);
    copyFileSync(fragmentFile(meta.dir, fragment), fragmentFile(outDir, fragment));
  });
  return { ...meta, kept, renumber: (page) => numbers.get(page) };
}

/** The part's words, on the pages it gives. */
function* partWords(part: LanguagePart): Generator<IndexWord> {
  const whole = part.kept === part.pages;
  for (const word of chunkWords(part.dir, part.chunks)) {
    const kept = whole ? word : keepWordPages(word, part.renumber);
    if (kept) yield kept;
  }
}

/** The index rewrites here read Pagefind's private format of one release: any other fails, saying so. */
function checkFormatVersion(version: string): void {
  if (version !== PAGEFIND_FORMAT_VERSION) {
    throw new PagefindFormatError(
      `Pagefind ${version} wrote this index, but the index join and re-chunking (src/pagefindIndex/mergeIndexes.ts, pagefindChunks.ts) read the private index format of Pagefind ${PAGEFIND_FORMAT_VERSION}. ` +
        'Pin pagefind back to that version, or upgrade as the README says (Performance: upgrading Pagefind).',
    );
  }
}

export interface MergeResult {
  pages: number;
  chunks: number;
}

/** Joins the bundles in `partDirs` (in page order) into `outDir`, with chunks of about `target` positions. */
export function mergeIndexes(partDirs: IndexPart[], outDir: string, target: number): MergeResult {
  const entries = partDirs.map((p) => readEntry(dirOf(p)));
  const versions = new Set(entries.map((e) => e.version));
  if (versions.size > 1) throw new PagefindFormatError(`cannot join indexes of different Pagefind versions: ${[...versions].join(', ')}`);
  checkFormatVersion([...versions][0]);
  placeFiles(partDirs, outDir);
  const merged: PagefindEntry = { ...entries[0], languages: {} };
  const result: MergeResult = { pages: 0, chunks: 0 };
  const languages = [...new Set(entries.flatMap((e) => Object.keys(e.languages)))].sort();
  for (const language of languages) {
    const parts = partDirs.flatMap((part, i) => {
      const info = entries[i].languages[language];
      const read = info && languagePart(part, info.hash, outDir);
      // A part cut down to none of its pages in this language adds nothing to it.
      return read && (read.kept.length || typeof part === 'string') ? [read] : [];
    });
    if (!parts.length) continue;
    const offsets: number[] = [];
    let pages = 0;
    for (const p of parts) {
      offsets.push(pages);
      pages += p.kept.length;
    }
    const taken = new Set<string>();
    const words = mergeWordStreams(parts.map(partWords), offsets);
    const chunks = writeChunks(outDir, language, words, target, taken);
    const first = parts[0];
    const field = (i: number) => first.cbor.subarray(first.fields[i], skipItem(first.cbor, first.fields[i]));
    const fields = first.fields.map((_, i) => {
      switch (i) {
        case F.pages:
          return concat([writeHead(4, pages), ...parts.flatMap((p) => p.kept)]);
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
