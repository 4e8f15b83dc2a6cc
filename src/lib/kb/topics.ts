import { topicSlug } from '../slugs';
import type { Problem } from './problems';
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

/**
 * Topics spelled differently (not just in case) that fold to one page: `ci/cd` and `ci-cd`.
 * They are merged on purpose, but an author may not mean it, so each merge is a warning
 * naming the spellings and the files that use them.
 */
export function topicCollisions(entries: readonly { file: string; data: { topics: readonly string[] } }[]): Problem[] {
  const bySlug = new Map<string, Map<string, Set<string>>>();
  for (const e of entries) {
    for (const t of e.data.topics) {
      const slug = topicSlug(t);
      const spellings = bySlug.get(slug) ?? new Map<string, Set<string>>();
      const key = t.normalize('NFKC').toLowerCase().trim();
      spellings.set(key, (spellings.get(key) ?? new Set()).add(e.file));
      bySlug.set(slug, spellings);
    }
  }
  const warnings: Problem[] = [];
  for (const [slug, spellings] of bySlug) {
    if (spellings.size < 2) continue;
    const files = [...new Set([...spellings.values()].flatMap((f) => [...f]))].sort();
    const names = [...spellings.keys()].map((k) => JSON.stringify(k)).join(', ');
    warnings.push({ file: files.join(', '), field: 'topics', expected: `topics ${names} share one page, /topics/${slug}/; use one spelling if they are different topics` });
  }
  return warnings;
}
