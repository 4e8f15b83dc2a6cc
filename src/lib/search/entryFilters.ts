import type { EntryUse } from '../kb/usedBy';
import { topicSlug } from '../slugs';

export interface SearchFilter {
  name: 'type' | 'domain' | 'topic';
  value: string;
}

/**
 * The facets an entry page declares to the search index: the project types whose overlays
 * inject it, its domain, and its topics (as slugs, the same values the URL carries).
 */
export function entrySearchFilters(input: { domain: string; topics: string[]; use: EntryUse }): SearchFilter[] {
  const types = [...new Set(input.use.overlays.map((o) => o.projectType).filter((t): t is string => Boolean(t)))].sort();
  const topics = [...new Set(input.topics.map(topicSlug))];
  return [
    ...types.map((value) => ({ name: 'type' as const, value })),
    { name: 'domain', value: input.domain },
    ...topics.map((value) => ({ name: 'topic' as const, value })),
  ];
}
