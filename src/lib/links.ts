/**
 * Every URL the site emits comes from here, so the base path is applied in one place and
 * URLs never depend on where a file sits on disk (an entry's domain folder is not in its URL).
 */

/** `/kb/` or `kb` → `/kb`; `/` or empty → ``. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

export interface SearchParams {
  q?: string;
  type?: string[];
  topic?: string[];
  /** Versioned sites: search every published version. */
  allVersions?: boolean;
}

export function searchQueryString(params: SearchParams): string {
  const qs = new URLSearchParams();
  if (params.q) qs.set('q', params.q);
  for (const t of params.type ?? []) qs.append('type', t);
  for (const t of params.topic ?? []) qs.append('topic', t);
  if (params.allVersions) qs.set('versions', 'all');
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/**
 * The reading path a reader follows from entry to entry: `?path=<type>` on an entry's URL, and
 * `&view=own` when they chose the type's own entries. The entry's address stays its own (same
 * path, canonical link unchanged); the query only tells the page which navigation to show.
 */
export interface ReaderPath {
  type: string;
  own: boolean;
}

export function readerPathQuery(path: ReaderPath): string {
  return `?path=${encodeURIComponent(path.type)}${path.own ? '&view=own' : ''}`;
}

/** The path an entry URL's query names, if any. */
export function parseReaderPath(search: string): ReaderPath | undefined {
  const params = new URLSearchParams(search);
  const type = params.get('path');
  return type ? { type, own: params.get('view') === 'own' } : undefined;
}

/** `url` (an entry URL from `links.entry()`, maybe with an anchor) on `path`: the query goes before the anchor. */
export function onReaderPath(url: string, path: ReaderPath): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url + readerPathQuery(path) : url.slice(0, hash) + readerPathQuery(path) + url.slice(hash);
}

/** `https://docs.example.com/` → `https://docs.example.com`; nothing when unset. */
export function normalizeSite(site: string | undefined): string | undefined {
  const trimmed = (site ?? '').trim();
  if (!trimmed) return undefined;
  return new URL(trimmed).origin;
}

/**
 * @param siteUrl `SITE_URL`: when set, `absolute()` gives the URL a reader can paste anywhere
 *   (canonical, previews, exports); when unset it gives the root-relative path.
 * @param editUrl `KB_EDIT_URL` (ending in `/`): where the tree's files are edited.
 */
export function createLinks(basePath: string | undefined, siteUrl?: string, editUrl?: string) {
  const base = normalizeBase(basePath);
  const origin = normalizeSite(siteUrl);
  const at = (path: string) => `${base}${path}`;
  return {
    base,
    origin,
    /** A URL from any of the functions here, made absolute under `SITE_URL` when it is set. */
    absolute: (url: string) => (origin ? new URL(url, origin).href : url),
    home: () => at('/'),
    entry: (name: string, anchor?: string) => at(`/kb/${encodeURIComponent(name)}/`) + (anchor ? `#${anchor}` : ''),
    /** An entry opened from a type's reading path: its page keeps that path (see `ReaderPath`). */
    entryOnPath: (name: string, path: ReaderPath) => onReaderPath(at(`/kb/${encodeURIComponent(name)}/`), path),
    projectTypes: () => at('/types/'),
    projectType: (id: string) => at(`/types/${encodeURIComponent(id)}/`),
    overlay: (id: string) => at(`/overlays/${encodeURIComponent(id)}/`),
    presets: () => at('/presets/'),
    /** The About page; `term` is one of its term ids (`phase`, `overlay`, ...). */
    about: (term?: string) => at('/about/') + (term ? `#${term}` : ''),
    topics: () => at('/topics/'),
    topic: (slug: string) => at(`/topics/${encodeURIComponent(slug)}/`),
    domains: () => at('/domains/'),
    domain: (domain: string) => at(`/domains/${encodeURIComponent(domain)}/`),
    steps: () => at('/steps/'),
    step: (name: string) => at(`/steps/${encodeURIComponent(name)}/`),
    search: (params: SearchParams = {}) => at('/search/') + searchQueryString(params),
    asset: (path: string) => at(`/${path.replace(/^\/+/, '')}`),
    /** The entry's markdown with its frontmatter, for wikis and LLM chats. */
    entryMarkdown: (name: string) => at(`/kb/${encodeURIComponent(name)}.md`),
    /** "Edit this page": the file (relative to the content folder) at KB_EDIT_URL; none without it. */
    edit: (file: string) => (editUrl ? editUrl + file.split('/').map(encodeURIComponent).join('/') : undefined),
    ogImage: (card: { kind: string; id: string }) => at(`/og/${card.kind}/${encodeURIComponent(card.id)}.png`),
    kbJson: () => at('/kb.json'),
    projectTypeJson: (id: string) => at(`/types/${encodeURIComponent(id)}.json`),
    /** What an entry page needs to show a type's reading path as its navigation (src/pages/types/[type]/path.json.ts). */
    readingPathNav: (id: string) => at(`/types/${encodeURIComponent(id)}/path.json`),
    llmsTxt: () => at('/llms.txt'),
    llmsFullTxt: () => at('/llms-full.txt'),
    permalinks: () => at('/permalinks.json'),
    sitemap: () => at('/sitemap-index.xml'),
    /** Published versions (KB_VERSIONS); these and the pages below exist once, at today's base. */
    versionsJson: () => at('/versions.json'),
    changes: () => at('/changes/'),
    /** What changed from one published version to a later one. */
    changesBetween: (from: string, to: string) => at(`/changes/${encodeURIComponent(from)}...${encodeURIComponent(to)}/`),
    changesAtom: () => at('/changes.atom'),
  };
}

export type Links = ReturnType<typeof createLinks>;

/**
 * Names that become one path segment of a URL (project types, step keys, domain folders,
 * cross-cutting overlay names). Letters, digits, `-`, `_` and `.` survive every server and
 * link checker unchanged; `/`, `#`, `?`, `%` and spaces would split, cut or re-encode the URL.
 */
export const ROUTE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isRouteSegment(name: string): boolean {
  // `index.html` as a step would become the folder `steps/index.html/`, where the step list lives.
  return ROUTE_SEGMENT.test(name) && !/\.html?$/i.test(name);
}

export const ROUTE_SEGMENT_EXPECTATION = 'expected a name of letters, digits, "-", "_" or "." starting with a letter or digit';

/**
 * The first URL segments the site writes at its root: its pages (src/pages), the files of
 * public/, and what the build adds (Astro's assets, Pagefind's index, preview cards, the
 * sitemap, the host's `_headers`), plus the versioned site's own pages (`changes`, `versions`,
 * `versions.json`). A version of a versioned site is published at `/<version>/`, so no version
 * may take one of these names (src/lib/settings.ts: versionNameProblem). Compared without case:
 * on a case-insensitive disk `KB/` and `kb/` are one folder.
 * tests/unit/linksAndSlugs.test.ts checks that every URL of createLinks, every page and every
 * public file starts with one of them.
 */
export const SITE_ROOT_SEGMENTS = [
  'kb',
  'types',
  'topics',
  'domains',
  'steps',
  'overlays',
  'presets',
  'search',
  'about',
  'changes',
  'versions',
  'versions.json',
  'versions.css',
  'versions.js',
  'changes.atom',
  'og',
  'pagefind',
  '_astro',
  '_headers',
  '404',
  '404.html',
  'index.html',
  'robots.txt',
  'llms.txt',
  'llms-full.txt',
  'kb.json',
  'permalinks.json',
  'favicon.svg',
  'first-paint.js',
] as const;

/** Prefixes of root files named by a counter: `sitemap-index.xml`, `sitemap-0.xml`, … */
export const SITE_ROOT_PREFIXES = ['sitemap'] as const;

/** Whether `segment` is a first URL segment the site itself uses (any case). */
export function isSiteRootSegment(segment: string): boolean {
  const s = segment.toLowerCase();
  return (SITE_ROOT_SEGMENTS as readonly string[]).includes(s) || SITE_ROOT_PREFIXES.some((p) => s.startsWith(p));
}
