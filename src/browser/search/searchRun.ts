// One search as the UI shows it: exact matches first, related partial matches after, and
// "did you mean" queries when some term matched nothing. Shared by the header popup and /search/.
import { suggestQueries } from './editDistance';
import { keepMarks, markedWords, relatedWords, searchExactFirst } from './exactFirst';
import { queryPrefixIndex, type PrefixHit } from '../../lib/search/prefixIndex';
import { toResultView, withHighlight, type ResultView } from './resultView';
import type { PagefindFilters } from './searchState';
import { queryTerms, type QueryTerm } from '../../lib/search/terms';
import { basePath } from './indexPath';
import { getPagefind, getPrefixIndex, getVocabulary, type Pagefind, type PagefindSearch } from './pagefindClient';

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
  pagefind: () => Promise<Pagefind> = getPagefind,
): Promise<SearchOutcome | null> {
  const pf = await pagefind();
  const r = await searchExactFirst(pf, q, filters);
  if (!r || stale()) return null;
  const room = Math.min(limits.maxPartial ?? Infinity, Math.max(0, limits.partial - Math.min(r.exact.length, limits.exact)));
  const text = q ?? '';
  // Words of one or two letters are mid-typing, not typos; a typed-over query needs no suggestion.
  // Without a vocabulary (an older build) the page still says what matched and what did not.
  const suggesting =
    r.missing.length && r.missing.every((t) => t.key.length >= 3)
      ? getVocabulary().then((v) => suggestQueries(r.terms, r.missing, v)).catch((): string[] => [])
      : Promise.resolve([]);
  const [exact, partialRaw, suggestions] = await Promise.all([
    Promise.all(r.exact.slice(0, limits.exact).map((res) => res.data().then((data) => toResultView(data, 3, r.terms, text || undefined)))),
    Promise.all(r.partial.slice(0, room).map((res) => res.data())),
    suggesting,
  ]);
  // A partial match shows only for words related to what was typed (or the word suggested), and
  // highlights those: the query itself matched nothing there to mark.
  const partial = partialRaw.flatMap((data) => {
    const related = relatedWords(r.terms, markedWords([data.excerpt, ...(data.sub_results ?? []).map((s) => s.excerpt)]), suggestions);
    if (!related.length) return [];
    const view = toResultView(data, 3, queryTerms(related.join(' ')), related.join(' '));
    return [{ ...view, excerpt: keepMarks(view.excerpt, related), subs: view.subs.map((sub) => ({ ...sub, excerpt: keepMarks(sub.excerpt, related) })) }];
  });
  // Pagefind's retries for a typo find shorter words ("water" for "watermrks"), seldom the word
  // meant; what a reader wants next is what the suggestion finds, so the room left goes to it.
  const meant = suggestions[0];
  const left = room - partial.length;
  if (meant && left > 0 && !stale()) {
    const shown = new Set(partial.map((v) => v.url.split('?')[0]));
    const found = await searchExactFirst(pf, meant, filters);
    const more = (found?.exact ?? []).slice(0, left + shown.size);
    for (const data of await Promise.all(more.map((res) => res.data()))) {
      if (partial.length >= room || shown.has(data.url)) continue;
      partial.push(toResultView(data, 3, queryTerms(meant), meant));
    }
  }
  return { q: text, terms: r.terms, exact, exactTotal: r.exact.length, partial, missing: r.missing, suggestions, search: r.search };
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
