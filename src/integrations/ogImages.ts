import type { AstroIntegration } from 'astro';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentOgRun, enableOgImages } from '../og/ogJobs';

/**
 * Publishes the link-preview images the content loader started drawing: waits for them at the
 * end of the build and copies each from the cache to `og/<kind>/<id>.png`.
 */
export function ogImagesIntegration(): AstroIntegration {
  return {
    name: 'scaffold-kb:og-images',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') enableOgImages();
      },
      // Pages are written: the build's own core is free for drawing until the end.
      'astro:build:generated': () => currentOgRun()?.useAllCores(),
      'astro:build:done': async ({ dir, logger }) => {
        const run = currentOgRun();
        if (!run) throw new Error('No link-preview images were started: the content loader did not run in this build.');
        const started = performance.now();
        run.useAllCores();
        const result = await run.done;
        if (result.errors.length) throw new Error(`Link-preview images failed:\n${result.errors.join('\n')}`);
        const out = fileURLToPath(dir);
        for (const { card, key, dir } of run.cards) {
          const target = join(out, dir, 'og', card.kind, `${card.id}.png`);
          mkdirSync(join(out, dir, 'og', card.kind), { recursive: true });
          copyFileSync(join(run.cacheDir, `${key}.png`), target);
        }
        const waited = performance.now() - started;
        // bench/run.mjs reads this line for the cost of images in a clean build.
        logger.info(`${run.cards.length} preview images (${result.rendered} drawn, ${result.reused} from cache; drawing took ${((result.cpuMs ?? 0) / 1000).toFixed(2)} s CPU on the second core; the build waited ${Math.round(waited)} ms for it)`);
      },
    },
  };
}
