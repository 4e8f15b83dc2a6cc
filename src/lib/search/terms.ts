import { stem } from './stem';

export interface QueryTerm {
  /** As the reader typed it, e.g. `exactly-once`. */
  typed: string;
  /** The form Pagefind indexes and looks up: lower case, no punctuation (`exactlyonce`). */
  key: string;
  stem: string;
}

/** Punctuation Pagefind drops from a term before looking it up, hyphens included. */
const DROPPED = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

export const normalizeWord = (w: string) => w.toLowerCase().replace(DROPPED, '');

/** The terms of a query, split on spaces the way Pagefind splits them. */
export function queryTerms(q: string): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const typed of q.trim().split(/\s+/)) {
    const key = normalizeWord(typed);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    terms.push({ typed, key, stem: stem(key) });
  }
  return terms;
}

/**
 * Whether a word of a page is one of the query's terms: as typed, with or without its
 * hyphens, in another inflection (watermark/watermarks), or as one part of a hyphenated word.
 */
export function wordMatcher(terms: QueryTerm[]): (word: string) => boolean {
  const keys = new Set(terms.map((t) => t.key));
  const stems = new Set(terms.map((t) => t.stem));
  const one = (w: string) => {
    const key = normalizeWord(w);
    return key.length > 0 && (keys.has(key) || stems.has(stem(key)));
  };
  return (word) => one(word) || (/[-_/.]/.test(word) && word.split(/[-_/.]+/).some(one));
}
