import type { PagefindFilters } from '../lib/search/searchState';
import type { PagefindResultData } from '../lib/search/resultView';

export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: { filters?: PagefindFilters }) => Promise<PagefindSearch | null>;
  debouncedSearch: (q: string | null, o: { filters?: PagefindFilters }, ms: number) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

export const basePath = import.meta.env.BASE_URL.replace(/\/?$/, '/');

let pagefind: Promise<Pagefind> | undefined;

/** Loads the index built by `npm run build`; the dev server has none until a build ran. */
export function getPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${basePath}pagefind/pagefind.js`)) as Pagefind;
    // The first call creates the instance. On the main thread the first answer arrives sooner:
    // a worker would fetch its script and compile the WASM again before it can search.
    await pf.options({ baseUrl: basePath, highlightParam: 'highlight', excerptLength: 24, noWorker: true });
    await pf.init();
    return pf;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

export const NO_INDEX_MESSAGE =
  'The search index is missing. It is written by `npm run build`; in `npm run dev`, run a build once first.';
