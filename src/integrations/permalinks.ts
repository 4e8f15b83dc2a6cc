import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stableJson } from '../lib/exports/kbIndex';
import type { Settings } from '../lib/settings';
import { publishedVersionNames } from './publishedSites';
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
        const versions = publishedVersionNames();
        // Each published version has its own permalinks.json, listing its own pages only.
        const sites = new Map<string, Permalinks>();
        for (const version of ['', ...versions]) {
          const folder = version ? `${version}/` : '';
          const file = join(out, folder, 'permalinks.json');
          const current = PermalinksSchema().parse(JSON.parse(readFileSync(file, 'utf8')));
          current.pages = [
            ...new Set(
              pages
                .map((p) => p.pathname.replace(/^\/+/, ''))
                .filter((p) => (folder ? p.startsWith(folder) : !versions.some((v) => p.startsWith(`${v}/`))))
                .map((p) => normalizePagePath(p.slice(folder.length))),
            ),
          ]
            .filter((p) => p !== '/permalinks.json' && p !== '/404/')
            .sort();
          writeFileSync(file, stableJson(current));
          sites.set(version, current);
        }
        // The URL contract between releases: what a link kept from one release misses in the next.
        for (let i = 1; i < versions.length; i++) {
          const broken = comparePermalinks(sites.get(versions[i - 1])!, sites.get(versions[i])!);
          logger.info(`${versions[i - 1]} → ${versions[i]}: ${broken.length ? `${broken.length} link(s) of ${versions[i - 1]} do not resolve in ${versions[i]} (${broken.filter((b) => b.kind === 'page').length} pages, ${broken.filter((b) => b.kind === 'anchor').length} anchors)` : 'every URL and anchor still resolves'}`);
        }
        const previous = settings.previousPermalinks;
        if (!previous) return;
        const broken = comparePermalinks(readPermalinks(previous, previous), sites.get('')!);
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
