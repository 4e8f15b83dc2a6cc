import type { LoaderContext } from 'astro/loaders';
import { join } from 'node:path';
import type { Settings } from '../lib/settings';
import type { VersionInfo, VersionSnapshot } from '../lib/versions/types';
import { compareVersions, type VersionChanges } from '../lib/versions/changes';
import { buildCrossVersion, type CrossVersion } from '../lib/versions/crossVersion';
import type { PublishedVersion } from '../lib/versions/versionsIndex';
import { recordAliasNames, recordVersions } from '../integrations/publishedSites';
import { startOgImages } from '../og/ogJobs';
import { resolveVersions } from '../versions/versionSources';
import { readSite, type LoadedSite, type SiteSource } from './loadSite';
import { RenderMemo } from '../render/renderMemo';
import { SLICES, type Slice } from './slices';


export interface LoadedSites {
  /** The site at today's URLs first, then each published version, oldest first. */
  sites: LoadedSite[];
  versions: PublishedVersion[];
  /** Version pairs compared: each with the next, and each with the latest. */
  changes: VersionChanges[];
  crossVersion: CrossVersion | null;
}

/**
 * The sites one build publishes: the tree at today's URLs, and with KB_VERSIONS each version
 * under `/<version>/` as well (the latest twice: a link copied from its pinned pages never moves).
 * Each is read, checked and rendered on its own: its links point within its own version.
 */
export async function readSites(settings: Settings, cacheDir: string, logger: LoaderContext['logger']): Promise<LoadedSites> {
  const base = settings.basePath;
  // A body the same in several releases is rendered once; a build of one site keeps nothing.
  const memo = new RenderMemo(!!settings.versions);
  const one = (source: Omit<SiteSource, 'aliasesFile'> & { aliasesFile?: string }) => readSite({ aliasesFile: undefined, ...source }, settings, cacheDir, logger, memo);
  let versions: VersionInfo[] = [];
  const sites: LoadedSite[] = [];
  if (!settings.versions) {
    sites.push(await one({ version: null, contentDir: settings.contentDir, basePath: base, aliasesFile: settings.aliasesFile }));
  } else {
    versions = resolveVersions({ contentDir: settings.contentDir, versions: settings.versions, latest: settings.latestVersion, cacheDir: join(cacheDir, 'scaffold-kb') });
    const latest = versions.find((v) => v.latest)!;
    // KB_ALIASES names entries of the tree a team reads today: the latest version's.
    sites.push(await one({ version: null, contentDir: latest.root, basePath: base, aliasesFile: settings.aliasesFile, quiet: true }));
    for (const v of versions) {
      sites.push(await one({ version: v.name, contentDir: v.root, basePath: `${base}/${v.name}/`, aliasesFile: v.latest ? settings.aliasesFile : undefined, keepSources: true }));
    }
  }
  if (settings.versions) logger.info(`markdown bodies of ${sites.length} sites: ${memo.misses} rendered, ${memo.hits} the same as one already rendered`);
  for (const site of sites) recordAliasNames(site.aliases.entries.keys(), site.source.version ?? '');
  recordVersions(versions.map((v) => v.name), versions.find((v) => v.latest)?.name);
  // Drawn on the second core while pages are generated; the og-images integration waits for them.
  startOgImages(
    sites.flatMap((s) => s.cards.map((card) => ({ card, dir: s.source.version ? `${s.source.version}/` : '' }))),
    join(cacheDir, 'scaffold-kb', 'og'),
    process.cwd(),
  );
  const snapshots = versions.map((v, i) => snapshotOf(sites[i + 1], v));
  const { changes, crossVersion } = compareAll(snapshots, versions.findIndex((v) => v.latest));
  // The comparison was the last reader of the markdown; the data store must not carry it (steps' bodies ride along in the model).
  for (const { tree } of sites.slice(1)) for (const item of [...tree.entries, ...tree.steps, ...tree.domainIntros]) item.body = '';
  return { sites, versions: versions.map((v) => ({ name: v.name, date: v.date, latest: v.latest })), changes, crossVersion };
}

function snapshotOf(site: LoadedSite, version: VersionInfo): VersionSnapshot {
  return { name: version.name, date: version.date, tree: site.tree, titles: site.titles, headings: site.headings, model: site.model };
}

/** Up to this many versions every pair is compared, so any pair's page exists; past it the pages grow as its square. */
const ALL_PAIRS_UP_TO = 6;

/**
 * Each version with the next (the switcher follows renames release by release) and with the
 * latest (what a team on an old release reads before upgrading), and every pair of a few
 * versions; a pair is compared once.
 */
function compareAll(snapshots: VersionSnapshot[], latest: number): { changes: VersionChanges[]; crossVersion: CrossVersion | null } {
  if (!snapshots.length) return { changes: [], crossVersion: null };
  const compared = new Map<string, VersionChanges>();
  const compare = (i: number, j: number) => {
    const key = `${i}>${j}`;
    if (!compared.has(key)) compared.set(key, compareVersions(snapshots[i], snapshots[j]));
    return compared.get(key)!;
  };
  const consecutive = snapshots.slice(1).map((_, i) => compare(i, i + 1));
  for (let i = 0; i < latest; i++) compare(i, latest);
  // Releases published after the one at today's URLs (KB_LATEST) are compared with it too.
  for (let i = latest + 1; i < snapshots.length; i++) compare(latest, i);
  if (snapshots.length <= ALL_PAIRS_UP_TO) for (let i = 0; i < snapshots.length; i++) for (let j = i + 1; j < snapshots.length; j++) compare(i, j);
  return { changes: [...compared.values()], crossVersion: buildCrossVersion(snapshots, consecutive) };
}

// Every collection comes from one read of the trees: cross-file rules need all of a tree at
// once, and reading it once per collection would multiply the build's I/O and rendering.
// Once every collection has taken its slice the read is forgotten, so the next sync (dev
// server, next build in the same process) reads the files again.
let pending: { key: string; promise: Promise<LoadedSites>; served: Set<Slice> } | undefined;

const keyOf = (settings: Settings) => JSON.stringify([settings.contentDir, settings.basePath, settings.aliasesFile, settings.ogImages, settings.versions, settings.latestVersion]);

/** The read behind one collection's load: the first slice starts it, the others share it. */
export function loadSites(slice: Slice, settings: Settings, cacheDir: string, logger: LoaderContext['logger']): Promise<LoadedSites> {
  const key = keyOf(settings);
  if (pending?.key === key && !pending.served.has(slice)) {
    const { promise, served } = pending;
    served.add(slice);
    if (served.size === SLICES.length) pending = undefined;
    return promise;
  }
  const promise = readSites(settings, cacheDir, logger);
  pending = { key, promise, served: new Set([slice]) };
  return promise;
}
