/**
 * A versioned site (KB_VERSIONS) says on <html> which version a page belongs to: its base
 * (`/v3.40.0/`) and where that version's index is (the latest's pinned pages share today's).
 * Without the attributes, the site's own base path.
 */
const page = document.documentElement.dataset;

/** The base path of the pages being read, with one trailing slash, as every search URL starts. */
export const basePath = page.kbBase ?? import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Where their search index lives. */
export const indexBase = page.kbIndex ?? basePath;

/** Where the build put a file of a search index (Pagefind's, or one of ours from lib/search/assets.ts). */
export const indexUrl = (file: string, base = indexBase) => `${base}pagefind/${file}`;
