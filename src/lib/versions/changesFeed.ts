import type { Links } from '../links';
import { changesAtom } from './atomFeed';
import type { VersionChanges } from './changes';
import { changesSummary } from './changesSummary';
import type { PublishedVersion } from './versionsIndex';

/** What the feed needs of the site. */
export interface FeedSite {
  versions: readonly PublishedVersion[];
  changes: readonly VersionChanges[];
  latestLinks: Links;
}

/**
 * `/changes.atom`: one item per compared version pair and project type, newest release first,
 * so a team can follow its own type. A version without a date (a folder outside git) takes
 * the newest date known, or the Unix epoch when there is none: a build must not stamp its own time.
 */
export function changesFeed({ versions, changes, latestLinks: links }: FeedSite): string {
  const known = versions.map((v) => v.date).filter((d): d is string => !!d).sort();
  const fallback = known.at(-1) ?? '1970-01-01T00:00:00Z';
  const order = (name: string) => versions.findIndex((v) => v.name === name);
  const pairs = [...changes].sort((a, b) => order(b.newer.name) - order(a.newer.name) || order(b.older.name) - order(a.older.name));
  const site = links.origin ?? 'https://scaffold-kb.invalid';
  const items = pairs.flatMap((c) =>
    c.types.map((t) => ({
      id: links.absolute(`${links.changesBetween(c.older.name, c.newer.name)}#type-${t.type}`),
      title: `${t.title}: ${c.older.name} → ${c.newer.name}`,
      url: `${links.changesBetween(c.older.name, c.newer.name)}#type-${t.type}`,
      updated: c.newer.date ?? fallback,
      summary: changesSummary(t),
    })),
  );
  return changesAtom({ siteUrl: site, feedUrl: links.absolute(links.changesAtom()), updated: pairs[0]?.newer.date ?? fallback, title: 'scaffold-kb: what changed', items });
}
