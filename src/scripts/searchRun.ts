// One search as the UI shows it: exact matches first, meaningful partial matches after, and
// "did you mean" queries when some term matched nothing. Shared by the header popup and /search/.
import { suggestQueries } from '../lib/search/editDistance';
import { isMeaningfulPartial, markedWords, searchExactFirst } from '../lib/search/exactFirst';
import { queryPrefixIndex, type PrefixHit } from '../lib/search/prefixIndex';
import { toResultView, withHighlight, type ResultView } from '../lib/search/resultView';
import type { PagefindFilters } from '../lib/search/searchState';
import type { QueryTerm } from '../lib/search/terms';
import { basePath, getPagefind, getPrefixIndex, getVocabulary, type PagefindSearch } from './pagefindClient';

export interface SearchOutcome {
  q: string;
  terms: QueryTerm[];
  exact: ResultView[];
  /** How many results contain every term; more than `exact.length` when the list is cut. */
  exactTotal: number;
  partial: ResultView[];
  /** Terms no entry contains, as typed or by stem. */
  missing: QueryTerm[];
  suggestions: string[];
  search: PagefindSearch;
}

/**
 * Loads fragments only for what will be shown: the first `limits.exact` exact results, and
 * partial ones only when the exact ones leave room (or, given `partial` > `exact`, always),
 * never more than `limits.maxPartial`.
 * Returns null, before fetching any fragment, once `stale()` says the query was typed over.
 */
export async function runSearch(
  q: string | null,
  filters: PagefindFilters,
  limits: { exact: number; partial: number; maxPartial?: number },
  stale: () => boolean = () => false,
): Promise<SearchOutcome | null> {
  const pf = await getPagefind();
  const r = await searchExactFirst(pf, q, filters);
  if (!r || stale()) return null;
  const room = Math.min(limits.maxPartial ?? Infinity, Math.max(0, limits.partial - Math.min(r.exact.length, limits.exact)));
  const text = q ?? '';
  const view = async (res: (typeof r.exact)[number]) => {
    const data = await res.data();
    return { data, view: toResultView(data, 3, r.terms, text || undefined) };
  };
  const [exact, partialRaw] = await Promise.all([Promise.all(r.exact.slice(0, limits.exact).map(view)), Promise.all(r.partial.slice(0, room).map(view))]);
  // Partial matches that only share a letter or two with the query ("-q" for "qqzzxxjj") are noise.
  const partial = partialRaw
    .filter(({ data }) => isMeaningfulPartial(r.terms, markedWords([data.excerpt, ...(data.sub_results ?? []).map((s) => s.excerpt)])))
    .map((p) => p.view);
  let suggestions: string[] = [];
  // Words of one or two letters are mid-typing, not typos; a typed-over query needs no suggestion.
  if (r.missing.length && r.missing.every((t) => t.key.length >= 3) && !stale()) {
    try {
      suggestions = suggestQueries(r.terms, r.missing, await getVocabulary());
    } catch {
      // No vocabulary (an older build): the page still says what matched and what did not.
    }
  }
  return { q: text, terms: r.terms, exact: exact.map((e) => e.view), exactTotal: r.exact.length, partial, missing: r.missing, suggestions, search: r.search };
}

/** The first keystrokes' answer from the small title/topic index, before Pagefind is ready. */
export async function quickViews(q: string, limit: number): Promise<ResultView[]> {
  const index = await getPrefixIndex();
  const url = (u: string) => withHighlight(`${basePath}${u.replace(/^\//, '')}`, q);
  return queryPrefixIndex(index, q, limit).map((h: PrefixHit) => ({
    url: url(h.url),
    title: h.title,
    excerpt: '',
    types: [],
    subs: h.section ? [{ url: url(h.section.url), title: h.section.title, excerpt: '' }] : [],
  }));
}
