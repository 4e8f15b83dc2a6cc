import { stableJson } from '../exports/kbIndex';
import type { Links } from '../links';

/** Files a versioned site has once, at today's base (src/pages/[versionsFile].ts), with their types. */
export const VERSIONED_SITE_FILES = {
  'versions.json': 'application/json',
  'versions.css': 'text/css; charset=utf-8',
  'versions.js': 'text/javascript; charset=utf-8',
  'changes.atom': 'application/atom+xml; charset=utf-8',
} as const;

export interface PublishedVersion {
  name: string;
  /** Release date (ISO 8601) from git; null for a folder outside git. */
  date: string | null;
  latest: boolean;
}

/** `/versions.json`: each published version, oldest first, with where its pages live. */
export function versionsIndex(versions: readonly PublishedVersion[], latest: Links, release: (name: string) => Links): string {
  return stableJson({
    versions: versions.map((v) => {
      const home = release(v.name).home();
      return { name: v.name, path: home, url: latest.absolute(home), date: v.date, latest: v.latest };
    }),
    latest: latest.home(),
  });
}
