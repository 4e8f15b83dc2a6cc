import type { Pagefind, PagefindResult, PagefindSearch } from './pagefindTypes';
import type { PagefindFilters } from './searchState';
import { stem } from '../../lib/search/stem';
import { normalizeWord, queryTerms, type QueryTerm } from '../../lib/search/terms';

export interface ExactFirst {
  search: PagefindSearch;
  terms: QueryTerm[];
  /** Results that contain every term, as typed or by stem, in Pagefind's order. */
  exact: PagefindResult[];
  /** Results that matched some term only as the start of a longer word, or a shortened form of it. */
  partial: PagefindResult[];
  /** Terms no page (within the filters) contains as typed or by stem. */
  missing: QueryTerm[];
}

/**
 * Pagefind matches a term as a prefix and, when nothing starts with it, retries with ever
 * shorter forms ("qqzzxxjj" ends up matching "-q"). A quoted one-word search matches whole
 * words only (stemmed), so one such search per term tells exact hits from partial ones; the
 * chunks it needs are the ones the main search just loaded.
 */
export async function searchExactFirst(pf: Pagefind, q: string | null, filters: PagefindFilters = {}): Promise<ExactFirst | null> {
  const search = await pf.search(q, { filters });
  if (!search) return null;
  const terms = q ? queryTerms(q) : [];
  if (!terms.length) return { search, terms, exact: search.results, partial: [], missing: [] };
  const perTerm = await Promise.all(terms.map((t) => pf.search(`"${t.key}"`, { filters })));
  const sets = perTerm.map((r) => new Set((r?.results ?? []).map((x) => x.id)));
  const missing = terms.filter((_, i) => sets[i].size === 0);
  const exact: PagefindResult[] = [];
  const partial: PagefindResult[] = [];
  for (const r of search.results) (sets.every((s) => s.has(r.id)) ? exact : partial).push(r);
  return { search, terms, exact, partial, missing };
}

const MARKED = /<mark>([\s\S]*?)<\/mark>/g;

/** The words Pagefind marked in an excerpt: what a result actually matched. */
export function markedWords(excerpts: string[]): string[] {
  return excerpts.flatMap((e) => [...e.matchAll(MARKED)].map((m) => m[1]));
}

/** Words of a marked word: itself, and the parts of a hyphenated or snake-case one. */
const partsOf = (w: string) => [...new Set([normalizeWord(w), ...w.split(/[-_/.\s]+/).map(normalizeWord)])].filter(Boolean);

/**
 * The words a partial match matched that are related to what the reader typed, and so worth
 * showing and highlighting: another form of a term (same stem: "watermark" for "watermarks"), a
 * word a term of at least 4 letters starts ("watermarks" for "waterm"), or a form of a "did you
 * mean" word ("watermarks" for "watermrks"). Pagefind's retries with ever shorter prefixes find
 * much else ("water_shallow" for "watermrks", "-q" for "qqzzxxjj"): that is noise, and a result
 * that matched nothing but noise is not shown.
 */
export function relatedWords(terms: QueryTerm[], marked: string[], suggestions: string[] = []): string[] {
  const stems = new Set([...terms.map((t) => t.stem), ...suggestions.flatMap((s) => s.split(/\s+/)).map((w) => stem(normalizeWord(w)))]);
  const prefixes = terms.map((t) => t.key).filter((k) => k.length >= 4);
  const related = (part: string) => stems.has(stem(part)) || prefixes.some((p) => part.startsWith(p));
  const found = marked.filter((w) => partsOf(w).some(related));
  return [...new Set(found.map((w) => w.toLowerCase()))];
}

/** An excerpt with only the marks of `words` kept: the others matched what the reader did not mean. */
export function keepMarks(excerpt: string, words: string[]): string {
  const keep = new Set(words.map((w) => w.toLowerCase()));
  return excerpt.replace(MARKED, (m, w: string) => (keep.has(w.toLowerCase()) ? m : w));
}
