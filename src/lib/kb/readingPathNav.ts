/**
 * A project type's reading path as entry pages need it to navigate along it: published once per
 * type (`/types/<type>/path.json`) and read in the browser when a reader arrives on an entry with
 * `?path=<type>`. The view it gives is the one entry pages build for their own default path.
 */
import { onReaderPath, type ReaderPath } from '../links';
import { placeOnPath, type EntryPlace } from './entryPath';
import type { Crumb, PathNavView } from './pathNavView';

export interface ReadingPathNav {
  type: string;
  /** The type's human title. */
  title: string;
  /** The landing's reading path. */
  landing: string;
  /** Breadcrumb ancestors of an entry on this path. */
  trail: Crumb[];
  /** The whole path in the landing's order; `own` marks the type's own entries. */
  items: { name: string; title: string; url: string; own: boolean }[];
}

/** Everything an entry page shows of one path, whether built with the page or swapped in later. */
export function typePathView(nav: Omit<ReadingPathNav, 'items'>, place: EntryPlace, titleOf: (name: string) => string, urlOf: (name: string) => string): PathNavView {
  const path: ReaderPath = { type: nav.type, own: place.ownOnly };
  return {
    place,
    title: nav.title,
    homeHref: nav.landing,
    trail: nav.trail,
    entryTitle: titleOf,
    entryHref: (name) => onReaderPath(urlOf(name), path),
  };
}

/** The view of `name` on the path `nav` describes, or undefined when that path does not hold it. */
export function viewFromNav(nav: ReadingPathNav, name: string, ownOnly: boolean): PathNavView | undefined {
  const place = placeOnPath(name, nav.type, nav.items, ownOnly);
  if (!place) return undefined;
  const byName = new Map(nav.items.map((i) => [i.name, i]));
  return typePathView(nav, place, (n) => byName.get(n)?.title ?? n, (n) => byName.get(n)?.url ?? n);
}
