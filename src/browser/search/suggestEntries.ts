import { editDistance } from './editDistance';

/**
 * Suggestions for a missing page, from its address alone: a former name in the alias table
 * wins outright; otherwise entries are ranked by the words they share with the slug, with
 * near-misses (typos, plural/singular) counted by edit distance.
 */
export interface SuggestionSource {
  name: string;
  title: string;
}

export interface Suggestion {
  name: string;
  title: string;
  /** True when the slug is a former name of this entry. */
  renamed: boolean;
}

/** The last path segment a reader typed or pasted, without base path or section prefix. */
export function slugFromPath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // A malformed escape is still worth matching as written.
  }
  const parts = path.split('/').filter(Boolean);
  const last = (parts.at(-1) ?? '').replace(/\.(html?|md)$/i, '');
  return last.toLowerCase();
}

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);

function wordScore(w: string, candidates: string[]): number {
  let best = 0;
  for (const c of candidates) {
    if (c === w) return 1;
    const allowed = w.length >= 8 ? 2 : w.length >= 4 ? 1 : 0;
    if (allowed && editDistance(w, c) <= allowed) best = Math.max(best, 0.8);
    else if (w.length >= 4 && (c.startsWith(w) || w.startsWith(c)) && Math.min(c.length, w.length) >= 4) best = Math.max(best, 0.6);
  }
  return best;
}

export function suggestEntries(slug: string, entries: SuggestionSource[], aliases: Record<string, string>, limit = 5): Suggestion[] {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const out: Suggestion[] = [];
  const renamedTo = aliases[slug];
  if (renamedTo && byName.has(renamedTo)) out.push({ ...byName.get(renamedTo)!, renamed: true });
  const wanted = words(slug);
  if (!wanted.length) return out;
  const scored = entries
    .filter((e) => e.name !== renamedTo)
    .map((e) => {
      const have = [...new Set([...words(e.name), ...words(e.title)])];
      const shared = wanted.reduce((sum, w) => sum + wordScore(w, have), 0);
      // Whole-slug closeness breaks ties and catches a typo in a one-word name.
      const closeness = 1 - editDistance(slug, e.name) / Math.max(slug.length, e.name.length);
      return { e, score: shared / wanted.length + closeness * 0.25, shared };
    })
    .filter((s) => s.shared > 0)
    .sort((a, b) => b.score - a.score || a.e.name.localeCompare(b.e.name));
  for (const s of scored.slice(0, limit - out.length)) out.push({ name: s.e.name, title: s.e.title, renamed: false });
  return out;
}
