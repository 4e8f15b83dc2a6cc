/**
 * Where an entry page sits: the path its sidebar lists, its breadcrumb names and its
 * previous/next links follow.
 *
 * A reader who opened the entry from a project type's reading path walks that path, with the
 * landing's numbers (`?path=<type>` on the links, src/lib/links.ts; the page swaps its
 * navigation in the browser). Without that, an entry whose home is one project type sits on
 * that type's whole path, and any other entry (base knowledge, entries several types add) on
 * its domain, in title order.
 *
 * Pure and free of Node: entry pages and the browser script that swaps the path use it alike.
 */
import type { Origin } from './readingPath';

export interface PlaceItem {
  name: string;
  /** On a type's path: the type's own entry (its overlays add it), not base knowledge every type gets. */
  own: boolean;
}

export interface EntryPlace {
  kind: 'type' | 'domain';
  /** Type id or domain name. */
  id: string;
  /** On a type's path: only the type's own entries (the landing's "<type> only" list). */
  ownOnly: boolean;
  /** The path, in order. */
  items: PlaceItem[];
  index: number;
  prev?: string;
  next?: string;
}

/** A reading path's items as a place holds them: `own` unless every type gets the entry. */
export function pathItems(items: readonly { name: string; origin: Origin }[]): PlaceItem[] {
  return items.map((i) => ({ name: i.name, own: i.origin !== 'base' }));
}

function place(kind: EntryPlace['kind'], id: string, items: PlaceItem[], name: string, ownOnly = false): EntryPlace | undefined {
  const index = items.findIndex((i) => i.name === name);
  if (index < 0) return undefined;
  return { kind, id, ownOnly, items, index, prev: items[index - 1]?.name, next: items[index + 1]?.name };
}

/** The entry on a type's path (whole, or the type's own entries only); undefined when the path does not hold it. */
export function placeOnPath(name: string, type: string, items: readonly PlaceItem[], ownOnly = false): EntryPlace | undefined {
  return place('type', type, ownOnly ? items.filter((i) => i.own) : [...items], name, ownOnly);
}

/** Where the page puts an entry when nothing says which path the reader follows. */
export function entryPlace(
  name: string,
  domain: string,
  home: { type: string; items: readonly PlaceItem[] } | undefined,
  domainEntries: readonly string[],
): EntryPlace {
  const found = home
    ? placeOnPath(name, home.type, home.items)
    : place('domain', domain, domainEntries.map((n) => ({ name: n, own: false })), name);
  if (!found) throw new Error(`${name} is not on the path it was placed on (${home?.type ?? domain})`);
  return found;
}
