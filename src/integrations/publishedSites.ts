/**
 * What the content loader published that build steps configured before content loads need:
 * former entry names per site (the sitemap filter, the search indexer) and the published
 * versions. Loader and config are separate module instances: they meet on a global.
 */
const KEY = Symbol.for('scaffold-kb.alias-names');
type Published = { aliases: Map<string, Set<string>>; versions: string[]; latest?: string };
const store = (): Published => ((globalThis as Record<symbol, Published>)[KEY] ??= { aliases: new Map(), versions: [] });

/** `version` is the published version whose pages these are; none for today's URLs. */
export function recordAliasNames(names: Iterable<string>, version = ''): void {
  store().aliases.set(version, new Set(names));
}

export function isAliasName(name: string, version = ''): boolean {
  return store().aliases.get(version)?.has(name) ?? false;
}

export function recordVersions(names: readonly string[], latest: string | undefined): void {
  const s = store();
  s.versions = [...names];
  s.latest = latest;
  for (const version of [...s.aliases.keys()]) if (version && !names.includes(version)) s.aliases.delete(version);
}

/** Every published version, oldest first; none without KB_VERSIONS. */
export function publishedVersionNames(): readonly string[] {
  return store().versions;
}

/** The published versions whose pages have an index of their own: the latest's pinned pages share today's. */
export function versionsWithOwnIndex(): readonly string[] {
  const { versions, latest } = store();
  return versions.filter((v) => v !== latest);
}

/**
 * True for `/kb/<former-name>/` redirect pages, non-HTML exports and the pages of published
 * versions (`/<version>/…`): the sitemap lists today's pages only.
 */
export function isRedirectOrMachinePage(url: string, basePath = ''): boolean {
  const path = new URL(url).pathname;
  if (/\.[a-z0-9]+$/i.test(path)) return true;
  const base = basePath.replace(/\/?$/, '/');
  const below = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  const first = decodeURIComponent(below.split('/')[0] ?? '');
  if (first && store().versions.includes(first)) return true;
  const alias = /\/kb\/([^/]+)\/$/.exec(path)?.[1];
  return !!alias && isAliasName(decodeURIComponent(alias));
}
