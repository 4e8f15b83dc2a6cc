import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { PREFIX_INDEX_FILE, VOCABULARY_FILE, VOCABULARY_MAX_GZIP } from '../lib/search/assets';
import { buildPrefixIndex } from '../lib/search/prefixIndex';
import { rechunkIndex } from '../lib/search/rechunkIndex';
import { readFragment } from '../lib/search/readFragment';
import { buildVocabulary } from '../lib/search/vocabulary';

/** Pagefind answers with `errors: string[]` instead of throwing; an index with errors is a failed build. */
function check(step: string, errors: string[] | undefined): void {
  if (errors?.length) throw new Error(`Pagefind failed while ${step}:\n${errors.join('\n')}`);
}

/**
 * Next to the index: the prefix index that answers the first keystrokes, and the vocabulary
 * "did you mean" draws on. Both come from the fragments Pagefind just wrote.
 */
function writeSearchExtras(indexDir: string): { prefixBytes: number; vocabularyWords: number; vocabularyGzip: number } {
  const fragmentDir = join(indexDir, 'fragment');
  const pages = readdirSync(fragmentDir)
    .filter((f) => f.endsWith('.pf_fragment'))
    .sort()
    .map((f) => readFragment(join(fragmentDir, f), readFileSync(join(fragmentDir, f))));
  const prefix = JSON.stringify(buildPrefixIndex(pages));
  writeFileSync(join(indexDir, PREFIX_INDEX_FILE), prefix);
  let words = buildVocabulary(pages);
  let vocabulary = JSON.stringify(words);
  // Large trees: drop the rarest words until the file fits its budget.
  while (gzipSync(vocabulary).length > VOCABULARY_MAX_GZIP) {
    words = words.slice(0, Math.floor(words.length * 0.9));
    vocabulary = JSON.stringify(words);
  }
  writeFileSync(join(indexDir, VOCABULARY_FILE), vocabulary);
  return { prefixBytes: gzipSync(prefix).length, vocabularyWords: words.length, vocabularyGzip: gzipSync(vocabulary).length };
}

/**
 * Builds the search index from the built entry pages. Only pages that mark an article with
 * `data-pagefind-body` are indexed, so list pages and page chrome never show up as results.
 */
export function pagefindIntegration(): AstroIntegration {
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
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const created = await createIndex({});
          check('creating the index', created.errors);
          const index = created.index!;
          const added = await index.addDirectory({ path: outDir, glob: 'kb/**/*.html' });
          check('indexing the built pages', added.errors);
          if (!added.page_count) throw new Error(`Pagefind indexed no pages in ${outDir}: the site would have no search.`);
          const indexDir = `${outDir.replace(/\/$/, '')}/pagefind`;
          const written = await index.writeFiles({ outputPath: indexDir });
          check('writing the index', written.errors);
          logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
          const chunks = rechunkIndex(indexDir);
          logger.info(`word index cut from ${chunks.chunksBefore} into ${chunks.chunksAfter} chunks, so a query fetches less`);
          const extras = writeSearchExtras(indexDir);
          logger.info(
            `prefix index ${(extras.prefixBytes / 1024).toFixed(1)} KB gzip; vocabulary ${extras.vocabularyWords} words, ${(extras.vocabularyGzip / 1024).toFixed(1)} KB gzip`,
          );
        } finally {
          await close();
        }
      },
    },
  };
}
