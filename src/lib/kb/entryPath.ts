/**
 * Where an entry page sits: the path its sidebar lists and its previous/next links follow.
 * An entry whose home is one project type follows that type's own reading path; any other
 * entry (base knowledge, entries several types add) follows its domain, in title order.
 */
import { ownItems, type ReadingPath } from './readingPath';

export interface EntryPlace {
  kind: 'type' | 'domain';
  /** Type id or domain name. */
  id: string;
  /** Entry names in order. */
  names: string[];
  index: number;
  prev?: string;
  next?: string;
}

export function entryPlace(
  name: string,
  domain: string,
  home: string | undefined,
  paths: ReadonlyMap<string, ReadingPath>,
  domainEntries: readonly string[],
): EntryPlace {
  const path = home ? paths.get(home) : undefined;
  const names = path ? ownItems(path).map((i) => i.name) : [...domainEntries];
  const index = names.indexOf(name);
  if (index < 0) throw new Error(`${name} is not on the path it was placed on (${home ?? domain})`);
  return {
    kind: path ? 'type' : 'domain',
    id: path ? path.type : domain,
    names,
    index,
    prev: names[index - 1],
    next: names[index + 1],
  };
}
