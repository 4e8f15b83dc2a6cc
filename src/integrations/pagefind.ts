import type { AstroIntegration } from 'astro';
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
