/**
 * What search says when no entry contains every term: one heading that tells the truth, then
 * the word it may have meant and whether anything related was found. The header popup and the
 * search page say the same.
 */
import { count } from '../../lib/text';

export function noMatchHeading(q: string, filtersText = ''): string {
  return q ? `No exact match for “${q}”${filtersText ? ` with ${filtersText}` : ''}` : `Nothing found with ${filtersText}`;
}

/** Follows the heading (and the suggestion, if any): what the list below holds. */
export function relatedText(related: number): string {
  return related ? `${count(related, 'related match', 'related matches')} below: another form of a word you typed, a longer word it starts, or the word suggested.` : 'Nothing related either.';
}

/** The status screen readers hear: "3 results for q", "No exact match; 2 related matches for q". */
export function searchStatus(exactTotal: number, related: number, q: string, filtersText = ''): string {
  const rel = related ? count(related, 'related match', 'related matches') : '';
  const head = exactTotal ? `${count(exactTotal, 'result')}${rel ? ` and ${rel}` : ''}` : `No exact match${rel ? `; ${rel}` : ''}`;
  return `${head}${filtersText ? ` with ${filtersText}` : ''}${q ? ` for ${q}` : ''}`;
}
