import type { IndexedPage } from './searchPage';
import { normalizeWord } from './terms';

/**
 * A tiny index that answers the first keystrokes while Pagefind's WASM is still loading:
 * per entry, its URL, title, topics and main headings, in plain JSON.
 * `h` holds [heading text, anchor id] pairs.
 */
export interface PrefixEntry {
  u: string;
  t: string;
  k: string[];
  h?: [string, string][];
}

export interface PrefixHit {
  url: string;
  title: string;
  /** The heading that matched, when the match was in a heading rather than the title or a topic. */
  section?: { title: string; url: string };
}

/**
 * `maxLevel` 0 leaves headings out: on the shared corpus, h2 headings would more than double the
 * file (17.8 KB gzip against about 7), and Pagefind answers heading matches a moment later.
 */
export function buildPrefixIndex(pages: IndexedPage[], maxLevel = 0): PrefixEntry[] {
  return pages
    .map((p) => {
      const h = p.headings.filter((x) => x.level <= maxLevel).map((x) => [x.text, x.id] as [string, string]);
      return { u: p.url, t: p.title, k: p.topics, ...(h.length ? { h } : {}) };
    })
    .sort((a, b) => a.u.localeCompare(b.u));
}

const tokens = (s: string) => s.split(/[\s/]+/).flatMap((w) => [normalizeWord(w), ...w.split('-').map(normalizeWord)]).filter(Boolean);

/**
 * Entries where every query word starts a word of the title, a topic, or one heading.
 * Title matches first, then topics, then headings; shorter titles first within each.
 */
export function queryPrefixIndex(index: PrefixEntry[], q: string, limit = 6): PrefixHit[] {
  const qs = q.trim().split(/\s+/).map(normalizeWord).filter(Boolean);
  if (!qs.length) return [];
  const covers = (words: string[]) => qs.every((x) => words.some((w) => w.startsWith(x)));
  const hits: { hit: PrefixHit; rank: number }[] = [];
  for (const e of index) {
    if (covers(tokens(e.t))) hits.push({ hit: { url: e.u, title: e.t }, rank: 0 });
    else if (covers(e.k.flatMap(tokens))) hits.push({ hit: { url: e.u, title: e.t }, rank: 1 });
    else {
      const h = e.h?.find(([text]) => covers(tokens(text)));
      if (h) hits.push({ hit: { url: e.u, title: e.t, section: { title: h[0], url: `${e.u}#${h[1]}` } }, rank: 2 });
    }
  }
  return hits
    .sort((a, b) => a.rank - b.rank || a.hit.title.length - b.hit.title.length || a.hit.title.localeCompare(b.hit.title))
    .slice(0, limit)
    .map((x) => x.hit);
}
