import { topicSlug } from '../slugs';
import type { KnowledgeEntry } from './types';

export interface Topic {
  slug: string;
  /** The spelling most entries use. */
  label: string;
  entries: string[];
}

export function buildTopics(entries: readonly KnowledgeEntry[]): Topic[] {
  const bySlug = new Map<string, { spellings: Map<string, number>; entries: string[] }>();
  const empty = () => ({ spellings: new Map<string, number>(), entries: [] as string[] });
  for (const e of entries) {
    for (const t of new Set(e.data.topics)) {
      const slug = topicSlug(t);
      const slot = bySlug.get(slug) ?? empty();
      slot.spellings.set(t, (slot.spellings.get(t) ?? 0) + 1);
      if (!slot.entries.includes(e.name)) slot.entries.push(e.name);
      bySlug.set(slug, slot);
    }
  }
  return [...bySlug.entries()]
    .map(([slug, s]) => ({
      slug,
      label: [...s.spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
      entries: s.entries.sort(),
    }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

export interface TopicSection {
  /** `A`–`Z`, or `#` for topics starting with a digit or symbol. */
  letter: string;
  topics: Topic[];
}

/** Alphabetical sections for the topic index: a thousand topics need a way to jump. */
export function topicSections(topics: readonly Topic[]): TopicSection[] {
  const sections = new Map<string, Topic[]>();
  for (const t of [...topics].sort((a, b) => a.label.localeCompare(b.label))) {
    const first = t.slug[0]?.toUpperCase() ?? '#';
    const letter = /[A-Z]/.test(first) ? first : '#';
    sections.set(letter, [...(sections.get(letter) ?? []), t]);
  }
  return [...sections.entries()]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, list]) => ({ letter, topics: list }));
}
