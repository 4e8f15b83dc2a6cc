/**
 * Pagefind's ranking, tuned against the relevance suite (tests/build/relevanceQueries.ts); the
 * browser client and the suite both read it from here. On the shared corpus the BM25 knobs
 * (termFrequency 0.1–1, pageLength 0.1–0.5, termSaturation 1.4–2) changed no top-3 list, and
 * neither a topics meta field nor a heavier title helped. What did: letting the description
 * (the entry's one-line summary) count, at 2 against the title's 5.
 */
export const RANKING = {
  metaWeights: { title: 5, description: 2 },
};
