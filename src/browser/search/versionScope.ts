import type { OtherVersion } from './pagefindClient';
import type { ResultView } from './resultView';

/** A versioned site's search page lists every version; a site without versions lists none. */
export interface VersionScope {
  /** The version being read. */
  current: string;
  /** Every version, the current one included: its name, its pages' base and its index's base. */
  versions: OtherVersion[];
}

export function readVersionScope(el: HTMLElement): VersionScope | undefined {
  const raw = el.dataset.versions;
  return raw ? (JSON.parse(raw) as VersionScope) : undefined;
}

/** Which version a result is from, by the longest version base its URL starts with. */
export function labelVersions(views: ResultView[], scope: VersionScope): ResultView[] {
  const byBase = [...scope.versions].sort((a, b) => b.base.length - a.base.length);
  return views.map((v) => ({ ...v, version: byBase.find((x) => v.url.startsWith(x.base))?.name }));
}

/** The other versions' indexes, each once: the latest's pinned pages share today's index. */
export function otherIndexes(scope: VersionScope, ownIndex: string): OtherVersion[] {
  const seen = new Set([ownIndex]);
  return scope.versions.filter((v) => !seen.has(v.index) && seen.add(v.index));
}
