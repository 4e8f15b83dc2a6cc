import { searchQueryString, type SearchParams } from '../../lib/links';

export interface SearchState {
  q: string;
  type: string[];
  topic: string[];
  /** Versioned sites: every version, not only the one being read (`&versions=all`). */
  allVersions?: boolean;
}

const clean = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/** Reads `?q=…&type=…&topic=…`; repeated parameters select several values of a facet. */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  return {
    q: (params.get('q') ?? '').trim(),
    type: clean(params.getAll('type')),
    topic: clean(params.getAll('topic')),
    ...(params.get('versions') === 'all' && { allVersions: true }),
  };
}

/** The address-bar form of a state, so every search is a link a wiki can hold. */
export function serializeSearchState(state: SearchState): string {
  const params: SearchParams = { q: state.q || undefined, type: state.type, topic: state.topic, allVersions: state.allVersions };
  return searchQueryString(params);
}

export function hasCriteria(state: SearchState): boolean {
  return Boolean(state.q) || state.type.length > 0 || state.topic.length > 0;
}

export type PagefindFilters = Record<string, { any: string[] }>;

/** Within a facet any selected value matches; across facets all must. */
export function pagefindFilters(state: SearchState): PagefindFilters {
  const filters: PagefindFilters = {};
  if (state.type.length) filters.type = { any: state.type };
  if (state.topic.length) filters.topic = { any: state.topic };
  return filters;
}

export function toggleValue(values: string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
