import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stableJson } from '../lib/exports/kbIndex';
import type { Settings } from '../lib/settings';
import { comparePermalinks, describeBroken, normalizePagePath, PermalinksSchema, type Permalinks } from '../lib/permalinks/permalinks';

function readPermalinks(file: string, shownAs: string): Permalinks {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AstroError(`KB_PREVIOUS_PERMALINKS: cannot read ${shownAs}`, `Expected a permalinks.json written by an earlier build; found: ${(err as Error).message}`);
  }
  const parsed = PermalinksSchema().safeParse(raw);
  if (!parsed.success) throw new AstroError(`KB_PREVIOUS_PERMALINKS: ${shownAs} is not a permalinks.json`, parsed.error.message);
  return parsed.data;
}

/**
 * Completes `permalinks.json` with every published page, then, given an earlier build's file in
 * KB_PREVIOUS_PERMALINKS, lists each URL and anchor that existed then and resolves nowhere now.
 * A warning by default; with KB_STRICT on the build fails, so a rename cannot ship by accident.
 */
export function permalinksIntegration(settings: Pick<Settings, 'previousPermalinks' | 'strict'>): AstroIntegration {
  let siteWarned = false;
  return {
    name: 'scaffold-kb:permalinks',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        if (!config.site && !siteWarned) {
          siteWarned = true;
          logger.warn('SITE_URL is not set: pages get no canonical link, og:url or absolute og:image, and no sitemap is written. Set SITE_URL to the origin the site is served from.');
        }
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        const file = join(out, 'permalinks.json');
        const current = PermalinksSchema().parse(JSON.parse(readFileSync(file, 'utf8')));
        current.pages = [...new Set(pages.map((p) => normalizePagePath(p.pathname)))].filter((p) => p !== '/permalinks.json' && p !== '/404/').sort();
        writeFileSync(file, stableJson(current));
        const previous = settings.previousPermalinks;
        if (!previous) return;
        const broken = comparePermalinks(readPermalinks(previous, previous), current);
        if (!broken.length) {
          logger.info(`every URL and anchor of ${previous} still resolves`);
          return;
        }
        const message = describeBroken(broken, previous);
        if (settings.strict) throw new AstroError(`${broken.length} published link(s) would break`, message);
        logger.warn(message);
      },
    },
  };
}
