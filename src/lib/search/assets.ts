/** Files the build writes next to Pagefind's index (under `<base>/pagefind/`), named in one place. */
export const PREFIX_INDEX_FILE = 'kb-prefix.json';
export const VOCABULARY_FILE = 'kb-vocabulary.json';
/** Budget for the vocabulary, gzip: it is fetched when a query has no exact match. */
export const VOCABULARY_MAX_GZIP = 30 * 1024;
