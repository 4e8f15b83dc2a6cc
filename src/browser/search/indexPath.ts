/** The site's base path with one trailing slash, as every search URL starts. */
export const basePath = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Where the build put a file of the search index (Pagefind's, or one of ours from lib/search/assets.ts). */
export const indexUrl = (file: string) => `${basePath}pagefind/${file}`;
