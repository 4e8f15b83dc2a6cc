import type { PagefindResultData } from './resultView';
import type { PagefindFilters } from './searchState';

/** The slice of Pagefind's client API we use, typed once for the browser code and the tests. */
export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
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
  /** Adds another site's index to this instance; its results get `baseUrl` in front of their URLs. */
  mergeIndex: (indexPath: string, o?: { baseUrl?: string }) => Promise<void>;
  preload: (q: string, o?: { filters?: PagefindFilters }) => Promise<void>;
  search: (q: string | null, o?: { filters?: PagefindFilters }) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}
