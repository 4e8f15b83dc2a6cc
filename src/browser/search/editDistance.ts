import { stem } from '../../lib/search/stem';

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost 1, so "watermrks" is 1 from "watermarks". Stops early once
 * every path costs more than `max`, which keeps a scan over the whole vocabulary cheap.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** How many edits a word of this length may be off by and still be offered. */
export const allowedEdits = (word: string) => (word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3);

/**
 * The vocabulary words closest to `word`, nearest first; among equals, the more frequent
 * (earlier in the vocabulary, which is sorted by weight) first.
 */
export function closestWords(word: string, vocabulary: readonly string[], limit = 3): string[] {
  const w = word.toLowerCase();
  const max = allowedEdits(w);
  const found: { v: string; d: number; i: number }[] = [];
  vocabulary.forEach((v, i) => {
    if (v === w) return;
    const d = editDistance(w, v, max);
    if (d <= max) found.push({ v, d, i });
  });
  return found
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, limit)
    .map((f) => f.v);
}

/**
 * "Did you mean" queries: the query with each term that matched nothing replaced by its closest
 * vocabulary word; for a single such term, its next closest words too. At most `limit`.
 */
export function suggestQueries(terms: { typed: string; key: string }[], missing: { key: string }[], vocabulary: readonly string[], limit = 3): string[] {
  // A term that is itself a known word matched nothing because of the filters, not a typo.
  const known = new Set(vocabulary.map((v) => v.replace(/-/g, '')));
  const missingKeys = new Set(missing.map((m) => m.key));
  if ([...missingKeys].some((k) => known.has(k))) return [];
  // Offering both "watermarks" and "watermark" is one suggestion twice: one word per stem.
  const distinct = (words: string[]) => words.filter((w, i) => words.findIndex((x) => stem(x) === stem(w)) === i);
  const options = new Map(terms.filter((t) => missingKeys.has(t.key)).map((t) => [t.key, distinct(closestWords(t.key, vocabulary, limit + 3)).slice(0, limit)]));
  if (![...options.values()].every((o) => o.length)) return [];
  const build = (pick: (key: string) => string) => terms.map((t) => (missingKeys.has(t.key) ? pick(t.key) : t.typed)).join(' ');
  const out = [build((k) => options.get(k)![0])];
  if (options.size === 1) {
    const [[key, words]] = [...options];
    for (const w of words.slice(1)) out.push(build((k) => (k === key ? w : options.get(k)![0])));
  }
  return [...new Set(out)].slice(0, limit);
}
