// Entry pages opened from a search result carry `?highlight=query`; only then is the
// highlighter fetched, so a plain visit loads nothing more.
export function highlightFromUrl(): void {
  const q = new URLSearchParams(location.search).get('highlight');
  if (q?.trim()) void import('./highlightTerms').then((m) => m.highlightTerms(q));
}
