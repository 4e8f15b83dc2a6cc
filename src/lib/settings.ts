/**
 * Every environment variable the site reads, parsed by one schema into one typed object.
 * A bad value is reported like a content problem (the setting, what was found, what was
 * expected), all at once, before any work starts. Pure: the caller hands in the environment
 * and the working directory (src/siteSettings.ts does that once per process).
 */
import { z } from 'astro/zod';
import { resolve } from 'node:path';
import { OG_IMAGE_MODES, type OgImageMode } from './og/policy.ts';
import { describeValue, formatProblem, type Problem } from './kb/problems.ts';
import { isRouteSegment, isSiteRootSegment, SITE_ROOT_PREFIXES, SITE_ROOT_SEGMENTS } from './links.ts';

export interface Settings {
  /** Absolute path of the `content/` tree to build. */
  contentDir: string;
  /** The origin pages are served from (`https://org.github.io`), without a path; unset without SITE_URL. */
  siteOrigin: string | undefined;
  /** `''` at the root, else `/segment/…` without a trailing slash. */
  basePath: string;
  /** Absolute path of a site-level aliases file. */
  aliasesFile: string | undefined;
  /** Absolute path of an earlier build's permalinks.json. */
  previousPermalinks: string | undefined;
  /** Broken published links fail the build instead of warning. */
  strict: boolean;
  /** Link-preview cards; unset lets the build decide by the tree's size (src/lib/og/policy.ts). */
  ogImages: OgImageMode | undefined;
  /** Where a file of the tree is edited: this plus its path in the tree, e.g. `…/edit/main/content/`. */
  editUrl: string | undefined;
  /**
   * KB_VERSIONS: the versions published side by side, as listed (src/versions/versionSources.ts
   * finds each one and orders them), or `'all'`; unset for the single-version site.
   */
  versions: readonly string[] | 'all' | undefined;
  /** KB_LATEST: the version at today's URLs; unset means the newest. Set only with `versions`. */
  latestVersion: string | undefined;
}

const TRUE = ['1', 'true', 'yes'];
const FALSE = ['0', 'false', 'no'];

/** One URL path segment that every host, CDN and link checker leaves alone. */
const SAFE_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** `''` for `/`, `/a/b` for `/a/b/`; an error string when the path is not a plain URL path. */
function checkPath(path: string): string | { error: string } {
  if (path.includes('\\')) return { error: 'a backslash' };
  if (path.includes('?')) return { error: 'a query (?)' };
  if (path.includes('#')) return { error: 'a fragment (#)' };
  if (!path.startsWith('/')) return { error: 'no leading /' };
  if (path.includes('//')) return { error: 'an empty segment (//)' };
  const segments = path.split('/').filter(Boolean);
  for (const s of segments) {
    if (s === '.' || s === '..') return { error: `a "${s}" segment` };
    if (!SAFE_SEGMENT.test(s)) return { error: `the segment "${s}", which has characters other than letters, digits, ".", "_", "~" and "-"` };
  }
  return segments.length ? `/${segments.join('/')}` : '';
}

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** KB_VERSIONS's word for every version the content directory holds (its tags, or its version folders). */
export const ALL_VERSIONS = 'all';

const VERSION_NAME_EXPECTED = 'expected a version name of letters, digits, ".", "-" or "_" that starts with a letter or digit, with no ".." and no .html ending (the version is published at /<name>/)';
const SITE_ROOT_LIST = [...SITE_ROOT_SEGMENTS, ...SITE_ROOT_PREFIXES.map((p) => `${p}…`)].join(', ');

/**
 * Why `name` cannot be a version, as the `expected …` text of a problem; undefined when it can.
 * A version is published at `/<name>/`, next to the site's own first URL segments, so the rule
 * is a URL segment's (src/lib/links.ts) minus `..` and minus those segments, in any case.
 * Settings check the names listed in KB_VERSIONS with it, src/versions/ the names it finds for `all`.
 */
export function versionNameProblem(name: string): string | undefined {
  if (!isRouteSegment(name) || name.includes('..')) return VERSION_NAME_EXPECTED;
  if (isSiteRootSegment(name)) {
    return `expected a version name other than the first URL segments the site uses itself (${SITE_ROOT_LIST}; in any case), since the version is published at /${name}/`;
  }
  return undefined;
}

interface ValueProblem {
  expected: string;
  /** What in the value is wrong, as the problem line's `found`. */
  found: string;
}

/** KB_VERSIONS read: `all`, or the names of a comma-separated list, and what is wrong with it. */
function readVersionList(value: string): { versions: readonly string[] | 'all'; problems: ValueProblem[] } {
  if (value === ALL_VERSIONS) return { versions: ALL_VERSIONS, problems: [] };
  const names = value.split(',').map((n) => n.trim());
  const inList = (name: string) => (names.length > 1 ? `${JSON.stringify(name)} in ${JSON.stringify(value)}` : JSON.stringify(name));
  const problems: ValueProblem[] = [];
  if (names.some((n) => n === '')) problems.push({ expected: 'expected a comma-separated list of version names such as v3.40.0,v3.54.0, or all', found: `an empty name in ${JSON.stringify(value)}` });
  if (names.length > 1 && names.includes(ALL_VERSIONS)) problems.push({ expected: 'expected either all or a list of version names, not both', found: JSON.stringify(value) });
  const seen = new Map<string, string>();
  for (const name of names) {
    if (name === '' || name === ALL_VERSIONS) continue;
    const why = versionNameProblem(name);
    if (why) problems.push({ expected: why, found: inList(name) });
    // `V1` and `v1` would be one folder on a case-insensitive disk.
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) problems.push({ expected: 'expected each version once', found: first === name ? `${JSON.stringify(name)} twice in ${JSON.stringify(value)}` : `${JSON.stringify(first)} and ${JSON.stringify(name)}, one folder on a case-insensitive disk` });
    else seen.set(name.toLowerCase(), name);
  }
  return { versions: names, problems };
}

const BASE_PATH_EXPECTED = 'expected "/" or a path such as /docs or /team/handbook: segments of letters, digits, ".", "_", "~" or "-", with no backslash, query, fragment, ".." or "//"';
const SITE_URL_EXPECTED = 'expected an absolute http(s) URL such as https://docs.example.com or https://org.github.io/repo, with no query, fragment or credentials';

/** The variables, as documented in the README's table (a test keeps the two in step). */
export const SettingsSchema = z.object({
  KB_CONTENT_DIR: optionalText.describe('the content/ directory to build'),
  SITE_URL: optionalText
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: SITE_URL_EXPECTED });
        return;
      }
      const bad =
        !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password || typeof checkPath(url.pathname) !== 'string';
      if (bad || v.includes('?') || v.includes('#') || /\/\.\.?(\/|$)/.test(v)) ctx.addIssue({ code: 'custom', message: SITE_URL_EXPECTED });
    })
    .describe('the absolute URL the site is served at'),
  BASE_PATH: optionalText
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      const checked = checkPath(v);
      if (typeof checked !== 'string') ctx.addIssue({ code: 'custom', message: `${BASE_PATH_EXPECTED} (this one has ${checked.error})` });
    })
    .describe('the path the site is served under'),
  KB_ALIASES: optionalText.describe('a YAML file of former entry names and heading ids'),
  KB_PREVIOUS_PERMALINKS: optionalText.describe("an earlier build's permalinks.json"),
  KB_STRICT: optionalText
    .superRefine((v, ctx) => {
      if (v !== undefined && ![...TRUE, ...FALSE].includes(v.toLowerCase())) ctx.addIssue({ code: 'custom', message: 'expected one of 1, 0, true, false, yes, no' });
    })
    .describe('broken published links fail the build'),
  KB_OG_IMAGES: optionalText
    .superRefine((v, ctx) => {
      if (v !== undefined && !(OG_IMAGE_MODES as readonly string[]).includes(v)) ctx.addIssue({ code: 'custom', message: `expected one of ${OG_IMAGE_MODES.join(', ')}` });
    })
    .describe('which link-preview images to draw'),
  KB_EDIT_URL: optionalText
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      let url: URL | undefined;
      try {
        url = new URL(v);
      } catch {
        // Reported below.
      }
      if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
        ctx.addIssue({ code: 'custom', message: 'expected an absolute http(s) URL that a file\'s path in the tree is appended to, such as https://github.com/org/scaffold/edit/main/content/' });
      }
    })
    .describe('the edit URL of the tree, for "Edit this page"'),
  KB_VERSIONS: optionalText
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      for (const p of readVersionList(v).problems) ctx.addIssue({ code: 'custom', message: p.expected, params: { found: p.found } });
    })
    .describe('the versions published side by side'),
  KB_LATEST: optionalText
    .superRefine((v, ctx) => {
      const why = v === undefined ? undefined : versionNameProblem(v);
      if (why) ctx.addIssue({ code: 'custom', message: why });
    })
    .describe("the version at today's URLs"),
});

/** Every variable the site reads; test harnesses clear exactly these. */
export const SETTING_NAMES = Object.keys(SettingsSchema.shape) as (keyof typeof SettingsSchema.shape)[];

export class SettingsError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The site settings have ${count}:\n${problems.map(formatProblem).join('\n')}\nSet each variable named above as the README's table of variables says, or unset it, and run again.`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

const problem = (field: string, expected: string, value: unknown): Problem => ({ file: 'environment', field, expected, found: describeValue(value) });

/** Parses the environment; throws SettingsError listing every bad value. */
export function parseSettings(env: Record<string, string | undefined>, cwd: string): Settings {
  const raw = Object.fromEntries(SETTING_NAMES.map((name) => [name, env[name]]));
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SettingsError(
      parsed.error.issues.map((i) => {
        const field = String(i.path[0]);
        const found = i.code === 'custom' && typeof i.params?.found === 'string' ? i.params.found : describeValue(raw[field]);
        return { file: 'environment', field, expected: i.message, found };
      }),
    );
  }
  const v = parsed.data;
  const site = v.SITE_URL ? new URL(v.SITE_URL) : undefined;
  const sitePath = site ? (checkPath(site.pathname) as string) : '';
  const basePath = v.BASE_PATH === undefined ? sitePath : (checkPath(v.BASE_PATH) as string);
  // Settings that must agree with each other, checked once each is valid on its own.
  const disagreements: Problem[] = [];
  // A project site (https://org.github.io/repo) is served under its path: the path is the base.
  if (v.BASE_PATH !== undefined && sitePath && sitePath !== basePath) {
    disagreements.push(problem('BASE_PATH', `expected ${sitePath} (the path of SITE_URL ${v.SITE_URL}), or BASE_PATH unset so it is taken from SITE_URL`, raw.BASE_PATH));
  }
  const versions = v.KB_VERSIONS === undefined ? undefined : readVersionList(v.KB_VERSIONS).versions;
  if (v.KB_LATEST !== undefined && versions === undefined) {
    disagreements.push(problem('KB_LATEST', "expected KB_VERSIONS to be set too: KB_LATEST names which of its versions is published at today's URLs", raw.KB_LATEST));
  } else if (v.KB_LATEST !== undefined && versions !== undefined && versions !== ALL_VERSIONS && !versions.includes(v.KB_LATEST)) {
    // With `all`, the versions are known once they are found (src/versions/versionSources.ts checks there).
    disagreements.push(problem('KB_LATEST', `expected one of the versions in KB_VERSIONS (${versions.join(', ')})`, raw.KB_LATEST));
  }
  if (disagreements.length) throw new SettingsError(disagreements);
  const path = (p: string | undefined) => (p === undefined ? undefined : resolve(cwd, p));
  return {
    contentDir: resolve(cwd, v.KB_CONTENT_DIR ?? 'content'),
    siteOrigin: site?.origin,
    basePath,
    aliasesFile: path(v.KB_ALIASES),
    previousPermalinks: path(v.KB_PREVIOUS_PERMALINKS),
    strict: v.KB_STRICT !== undefined && TRUE.includes(v.KB_STRICT.toLowerCase()),
    ogImages: v.KB_OG_IMAGES as OgImageMode | undefined,
    editUrl: v.KB_EDIT_URL === undefined ? undefined : v.KB_EDIT_URL.replace(/\/?$/, '/'),
    versions,
    latestVersion: v.KB_LATEST,
  };
}

/** The environment with every setting unset, then `overrides`: what a test or benchmark build should see. */
export function withSettings(env: Record<string, string | undefined>, overrides: Partial<Record<(typeof SETTING_NAMES)[number], string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !(SETTING_NAMES as string[]).includes(k)) out[k] = v;
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) out[k] = v;
  return out;
}
