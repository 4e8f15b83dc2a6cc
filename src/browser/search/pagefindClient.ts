import { PREFIX_INDEX_FILE, VOCABULARY_FILE } from '../../lib/search/assets';
import { basePath, indexUrl } from './indexPath';
import type { Pagefind } from './pagefindTypes';
import type { PrefixEntry } from '../../lib/search/prefixIndex';
import { RANKING } from './ranking';

export type { Pagefind, PagefindResult, PagefindSearch } from './pagefindTypes';

let pagefind: Promise<Pagefind> | undefined;

/** Loads the index built by `npm run build`; the dev server has none until a build ran. */
export function getPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const pf = (await import(/* @vite-ignore */ indexUrl('pagefind.js'))) as Pagefind;
    // The first call creates the instance. On the main thread the first answer arrives sooner:
    // a worker would fetch its script and compile the WASM again before it can search.
    // Result links get `?highlight=` from us, with the query as typed (Pagefind's form drops hyphens).
    await pf.options({ baseUrl: basePath, excerptLength: 24, noWorker: true, ranking: RANKING });
    await pf.init();
    return pf;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** Another version's pages: where they live, and where their index is. */
export interface OtherVersion {
  name: string;
  base: string;
  index: string;
}

let everywhere: Promise<Pagefind> | undefined;

/**
 * Every version at once, for the search page's "All versions": a second Pagefind instance (the
 * query string makes its module URL its own), so the scoped one is never mixed with the others.
 */
export function getPagefindEverywhere(others: readonly OtherVersion[]): Promise<Pagefind> {
  everywhere ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${indexUrl('pagefind.js')}?all-versions`)) as Pagefind;
    await pf.options({ baseUrl: basePath, excerptLength: 24, noWorker: true, ranking: RANKING });
    for (const other of others) await pf.mergeIndex(indexUrl('', other.index), { baseUrl: other.base });
    await pf.init();
    return pf;
  })();
  everywhere.catch(() => (everywhere = undefined));
  return everywhere;
}

const json = <T>(file: string) => {
  let p: Promise<T> | undefined;
  return () => {
    p ??= fetch(indexUrl(file)).then((r) => (r.ok ? (r.json() as Promise<T>) : Promise.reject(new Error(`${r.status} ${file}`))));
    p.catch(() => (p = undefined));
    return p;
  };
};

/** Titles and topics, a few KB: answers the first keystrokes while Pagefind warms up. */
export const getPrefixIndex = json<PrefixEntry[]>(PREFIX_INDEX_FILE);
/** Words for "did you mean"; fetched only when a query has no exact match. */
export const getVocabulary = json<string[]>(VOCABULARY_FILE);

export const NO_INDEX_MESSAGE =
  'The search index is missing. It is written by `npm run build`; in `npm run dev`, run a build once first.';
