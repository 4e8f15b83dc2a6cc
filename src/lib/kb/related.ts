import { topicSlug } from '../slugs';
import type { KnowledgeEntry } from './types';

export interface RelatedEntry {
  name: string;
  shared: number;
}

/**
 * For each entry, the entries that share the most topics. Topics carried by a large share of
 * the tree (a project-type tag on every entry of a domain) say little about relatedness and
 * would make this quadratic on big trees, so topics above `maxTopicShare` are not counted.
 */
export function buildRelated(
  entries: readonly KnowledgeEntry[],
  { limit = 5, maxTopicShare = 0.05, minCap = 40 } = {},
): Map<string, RelatedEntry[]> {
  const byTopic = new Map<string, string[]>();
  for (const e of entries) {
    for (const slug of new Set(e.data.topics.map(topicSlug))) byTopic.set(slug, [...(byTopic.get(slug) ?? []), e.name]);
  }
  const cap = Math.max(minCap, Math.floor(entries.length * maxTopicShare));
  const result = new Map<string, RelatedEntry[]>();
  for (const e of entries) {
    const counts = new Map<string, number>();
    for (const slug of new Set(e.data.topics.map(topicSlug))) {
      const holders = byTopic.get(slug)!;
      if (holders.length > cap) continue;
      for (const other of holders) if (other !== e.name) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
    result.set(
      e.name,
      [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, limit)
        .map(([name, shared]) => ({ name, shared })),
    );
  }
  return result;
}
