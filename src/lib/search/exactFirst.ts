import type { Pagefind, PagefindResult, PagefindSearch } from './pagefindTypes';
import type { PagefindFilters } from './searchState';
import { normalizeWord, queryTerms, type QueryTerm } from './terms';

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

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * A partial match is worth showing when a word it matched shares at least half of some
 * term (and 3 letters): "high-water" for "watermrks" is; "-q" for "qqzzxxjj" is not.
 * Results with no marked word are kept: nothing says they are noise.
 */
export function isMeaningfulPartial(terms: QueryTerm[], marked: string[]): boolean {
  if (!marked.length) return true;
  const parts = marked.flatMap((w) => [normalizeWord(w), ...w.split(/[-_/.\s]+/).map(normalizeWord)]).filter(Boolean);
  return terms.some((t) => {
    const need = Math.min(t.key.length, Math.max(3, Math.ceil(t.key.length / 2)));
    return parts.some((p) => commonPrefix(p, t.key) >= need);
  });
}
