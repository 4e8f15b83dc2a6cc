import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/** Pagefind answers with `errors: string[]` instead of throwing; an index with errors is a failed build. */
function check(step: string, errors: string[] | undefined): void {
  if (errors?.length) throw new Error(`Pagefind failed while ${step}:\n${errors.join('\n')}`);
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
          res.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
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
          const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
          check('writing the index', written.errors);
          logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await close();
        }
      },
    },
  };
}
