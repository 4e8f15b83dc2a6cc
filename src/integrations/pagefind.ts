import type { AstroIntegration } from 'astro';
import { copyFileSync, createReadStream, existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { PREFIX_INDEX_FILE, VOCABULARY_FILE, VOCABULARY_MAX_GZIP } from '../lib/search/assets';
import { buildPrefixIndex } from '../lib/search/prefixIndex';
import { CHUNK_TARGET, mergeIndexes } from '../pagefindIndex/mergeIndexes';
import { isAliasName, versionsWithOwnIndex } from './publishedSites';
import { emptyFragments, FragmentReader, type ReadFragments } from '../pagefindIndex/fragmentReader';
import { pageUrl, SameAsToday } from '../pagefindIndex/sameAsToday';
import { normalizeBase } from '../lib/links';

/** Pagefind answers with `errors: string[]` instead of throwing; an index with errors is a failed build. */
function check(step: string, errors: string[] | undefined): void {
  if (errors?.length) throw new Error(`Pagefind failed while ${step}:\n${errors.join('\n')}`);
}

/**
 * Next to the index: the prefix index that answers the first keystrokes, and the vocabulary
 * "did you mean" draws on. Both come from the fragments Pagefind just wrote.
 */
function writeSearchExtras(indexDir: string, read: ReadFragments): { prefixBytes: number; vocabularyWords: number; vocabularyGzip: number } {
  const pages = [...read.pages.keys()].sort().map((name) => read.pages.get(name)!);
  const prefix = JSON.stringify(buildPrefixIndex(pages));
  writeFileSync(join(indexDir, PREFIX_INDEX_FILE), prefix);
  let words = read.vocabulary.words();
  let vocabulary = JSON.stringify(words);
  // Large trees: drop the rarest words until the file fits its budget.
  while (gzipSync(vocabulary).length > VOCABULARY_MAX_GZIP) {
    words = words.slice(0, Math.floor(words.length * 0.9));
    vocabulary = JSON.stringify(words);
  }
  writeFileSync(join(indexDir, VOCABULARY_FILE), vocabulary);
  return { prefixBytes: gzipSync(prefix).length, vocabularyWords: words.length, vocabularyGzip: gzipSync(vocabulary).length };
}

/** A slice's pages, linked (not copied) into a folder of their own with the same paths. */
function linkSlice(outDir: string, root: string, pages: string[]): void {
  for (const page of pages) {
    mkdirSync(dirname(join(root, page)), { recursive: true });
    try {
      linkSync(join(outDir, page), join(root, page));
    } catch {
      // A file system without hard links: a copy costs disk for a moment, not correctness.
      copyFileSync(join(outDir, page), join(root, page));
    }
  }
}

/** Lets a request just made to Pagefind's process go out before the build blocks on other work. */
const flush = () => new Promise((done) => setImmediate(done));

/**
 * Pages per Pagefind run. Pagefind holds a whole index in memory until it has written it
 * (3.5 GB for 10,000 synthetic entries in one run), so a large site is indexed a slice at a
 * time, each run in a fresh Pagefind process, and the slices are joined into one index.
 * A 500-page run peaks near 190 MB, a 1,000-page one near 370 MB, for about the same total
 * time at 10,000 entries (29-31 s against 28-30 s).
 */
export const SLICE_PAGES = 500;

/** Entry pages, in name order; former names (alias redirect pages) are not indexed. */
function entryPages(outDir: string, version: string): string[] {
  const kb = join(outDir, 'kb');
  // A tree with an empty knowledge/ (where every new tree starts) has no entry pages.
  if (!existsSync(kb)) return [];
  return readdirSync(kb)
    .filter((name) => !isAliasName(name, version) && existsSync(join(kb, name, 'index.html')))
    .sort()
    .map((name) => join('kb', name, 'index.html'));
}

interface Reuse {
  /** The index to take pages from. */
  from: string;
  /** URLs of the pages to take from it. */
  urls: Set<string>;
}

/**
 * Indexes `entries`, the entry pages of the site in `outDir`. Pagefind parses a slice in its own
 * process; meanwhile this process links the next slice's pages and reads the fragments of the
 * last one, which the prefix index and vocabulary need. Pages `reuse` names are cut from another
 * index (mergeIndexes.ts) and joined with the rest.
 */
async function indexInSlices(
  outDir: string,
  indexDir: string,
  entries: string[],
  reader: FragmentReader,
  reuse?: Reuse,
): Promise<{ pages: number; slices: number; chunks: number; fragments: ReadFragments }> {
  const pages = entries.filter((page) => !reuse?.urls.has(pageUrl(page)));
  const work = join(outDir, '.pagefind-slices');
  rmSync(work, { recursive: true, force: true });
  const fragments = emptyFragments();
  const taken = reuse?.urls.size ? reader.read(reuse.from, fragments, (page) => reuse.urls.has(page.url)) : [];
  const reused = taken.length ? { dir: reuse!.from, fragments: new Set(taken) } : undefined;
  // At least one part: with no pages Pagefind still writes a working, empty index.
  const count = Math.ceil(pages.length / SLICE_PAGES) || (reused ? 0 : 1);
  const slices = Array.from({ length: count }, (_, i) => pages.slice(i * SLICE_PAGES, (i + 1) * SLICE_PAGES));
  const root = (i: number) => join(work, `pages-${i}`);
  const parts: string[] = [];
  try {
    if (slices.length) linkSlice(outDir, root(0), slices[0]);
    for (let i = 0; i < slices.length; i++) {
      const part = join(work, `index-${i}`);
      try {
        const created = await createIndex({});
        check('creating the index', created.errors);
        const adding = created.index!.addDirectory({ path: root(i) });
        // Awaited below; marked handled now, so a failure while linking reports that failure.
        adding.catch(() => undefined);
        await flush();
        if (i + 1 < slices.length) linkSlice(outDir, root(i + 1), slices[i + 1]);
        if (i > 0) reader.read(parts[i - 1], fragments);
        const added = await adding;
        check('indexing the built pages', added.errors);
        if (added.page_count !== slices[i].length) {
          throw new Error(`Pagefind indexed ${added.page_count} of the ${slices[i].length} pages in ${root(i)}: a page lacks data-pagefind-body.`);
        }
        check('writing the index', (await created.index!.writeFiles({ outputPath: part })).errors);
      } finally {
        // A fresh process per slice: the memory of the last one goes back to the system.
        await close();
      }
      parts.push(part);
    }
    if (parts.length) reader.read(parts[parts.length - 1], fragments);
    mkdirSync(indexDir, { recursive: true });
    const merged = mergeIndexes(reused ? [reused, ...parts] : parts, indexDir, CHUNK_TARGET);
    return { pages: merged.pages, slices: parts.length, chunks: merged.chunks, fragments };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Builds the search index from the built entry pages. Only pages that mark an article with
 * `data-pagefind-body` are indexed, so list pages and page chrome never show up as results.
 */
export function pagefindIntegration(): AstroIntegration {
  let base = '';
  return {
    name: 'scaffold-kb:pagefind',
    hooks: {
      // `astro dev` has no index of its own: serve the last build's, so search works while writing.
      'astro:server:setup': ({ server, logger }) => {
        const indexDir = join(process.cwd(), 'dist', 'pagefind');
        if (!existsSync(indexDir)) logger.warn('no search index yet: run `npm run build` once for search in dev');
        server.middlewares.use((req, res, next) => {
          const base = server.config.base.replace(/\/$/, '');
          const path = (req.url ?? '').split('?')[0];
          if (!path.startsWith(`${base}/pagefind/`)) return next();
          let file: string;
          try {
            file = normalize(join(indexDir, decodeURIComponent(path.slice(`${base}/pagefind/`.length))));
          } catch {
            return next();
          }
          if (!file.startsWith(indexDir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
          res.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir).replace(/\/$/, '');
        const versions = versionsWithOwnIndex();
        const reader = new FragmentReader(versions.length > 0);
        const sameAsToday = new SameAsToday(outDir, base);
        // Today's pages, then each published version's own (src/pages/[...version]/): search
        // covers the version being read, and "every version" merges the others in the browser.
        for (const version of ['', ...versions]) {
          const started = performance.now();
          const siteDir = version ? join(outDir, version) : outDir;
          const indexDir = join(siteDir, 'pagefind');
          const entries = entryPages(siteDir, version);
          const reuse = version ? { from: join(outDir, 'pagefind'), urls: sameAsToday.pages(version, entries) } : undefined;
          const { pages, slices, chunks, fragments } = await indexInSlices(siteDir, indexDir, entries, reader, reuse);
          const which = version ? ` of ${version}` : '';
          const taken = reuse ? `; ${reuse.urls.size} the same as today's, taken from its index` : '';
          logger.info(
            `indexed ${pages} pages${which} in ${Math.round(performance.now() - started)} ms (${slices} slice${slices === 1 ? '' : 's'} of at most ${SLICE_PAGES} pages${taken}; ${chunks} word chunks)`,
          );
          const extras = writeSearchExtras(indexDir, fragments);
          logger.info(
            `prefix index${which} ${(extras.prefixBytes / 1024).toFixed(1)} KB gzip; vocabulary ${extras.vocabularyWords} words, ${(extras.vocabularyGzip / 1024).toFixed(1)} KB gzip`,
          );
        }
      },
    },
  };
}
