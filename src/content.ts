/**
 * The only module that queries content collections. The loader has worked out the tree-wide
 * model once (src/lib/kb/siteModel.ts); this joins it with the collections' entries for pages.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstroError } from 'astro/errors';
import { readBody, type BodySpan } from './render/bodyPack';
import type { ProjectType } from './lib/kb/projectTypes';
import { entryPlace, pathItems } from './lib/kb/entryPath';
import type { PathNavView } from './lib/kb/pathNavView';
import { typePathView, type ReadingPathNav } from './lib/kb/readingPathNav';
import type { SiteData } from './lib/kb/siteModel';
import type { Topic } from './lib/kb/topics';
import { createLinks, type Links } from './lib/links';
import { siteSettings } from './siteSettings';
import { topicSlug } from './lib/slugs';
import { absolutizeLinks } from './lib/exports/entryMarkdown';
import type { OgImageMode } from './lib/og/policy';
import type { DevProblems } from './loaders/knowledgeTreeLoader';
import type { PublishedVersion } from './lib/versions/versionsIndex';
import type { VersionChanges } from './lib/versions/changes';
import type { CrossVersion } from './lib/versions/crossVersion';

export type Entry = CollectionEntry<'entries'>;

export interface DomainView {
  domain: string;
  entries: Entry[];
  intro?: CollectionEntry<'domains'>;
}

/** The tree-wide model the loader worked out (src/lib/kb/siteModel.ts), with the collections' entries and the URL factory. */
export interface SiteModel extends SiteData {
  /** URLs of this version's pages. */
  links: Links;
  /** URLs of today's pages (the latest version), and of what exists once per site (versions, changes). */
  latestLinks: Links;
  /** URLs of a published release's pinned pages (`/<release>/…`). */
  releaseLinks: (release: string) => Links;
  /** Where a release is read: the latest at today's URLs, the others under their folder. */
  readingLinks: (release: PublishedVersion) => Links;
  /** The published version these pages are; null at today's URLs. */
  release: string | null;
  /** Every published version, oldest first; empty without KB_VERSIONS. */
  versions: PublishedVersion[];
  /** What changed between published versions; at today's URLs only. */
  changes: VersionChanges[];
  crossVersion: CrossVersion;
  /** Which link-preview cards this build draws (and pages name). */
  ogMode: OgImageMode;
  version: string | null;
  hasPipeline: boolean;
  entries: Entry[];
  entryByName: Map<string, Entry>;
  /** An entry's human title (src/lib/kb/titles.ts); the name itself for a name the tree lacks. */
  title: (name: string) => string;
  domains: DomainView[];
  projectTypeById: Map<string, ProjectType>;
  /** A project type's human name (`ML`, `Data pipeline`); the id for a type the tree lacks. */
  typeTitle: (id: string) => string;
  topicBySlug: Map<string, Topic>;
  steps: Map<string, CollectionEntry<'steps'>>;
  /** Absolute path of the tree, for exports that serve an entry's own markdown. */
  root: string;
}

/** One model per published version; `undefined` is the tree at today's URLs. */
const models = new Map<string | undefined, Promise<SiteModel>>();

/**
 * The tree's problems as Astro's error overlay shows them under `npm run dev`: the list, and
 * the first problem's file, line and column with its source. The location is relative to the
 * project, which Astro expects (it prefixes the project root to other paths).
 */
function contentProblems(root: string, problems: DevProblems): Error {
  const error = new AstroError(problems.title, problems.message) as AstroError & { title?: string; loc?: { file: string; line?: number; column?: number } };
  error.title = 'The knowledge base has problems';
  if (problems.file) error.loc = { file: relative(process.cwd(), join(root, problems.file)), line: problems.line, column: problems.column };
  error.stack = '';
  return error;
}

/** The site model of a version's pages (`Astro.params.version`); today's URLs without one. */
export function getSite(version?: string): Promise<SiteModel> {
  let model = models.get(version);
  if (!model) models.set(version, (model = buildSite(version ?? null)));
  return model;
}

type PathItem = { params: Record<string, string | undefined>; props?: Record<string, unknown> };

/** Every version the build publishes pages for: `undefined` is today's URLs. */
export async function publishedVersions(): Promise<(string | undefined)[]> {
  const site = await getSite();
  return [undefined, ...site.versions.map((v) => v.name)];
}

/**
 * Every page is generated once per published version (src/pages/[...version]/): `paths` lists a
 * version's pages, and each gets the version as its first URL segment, or none at today's URLs.
 */
export async function versionPaths(paths: (site: SiteModel) => PathItem[] = () => [{ params: {} }]): Promise<PathItem[]> {
  const out: PathItem[] = [];
  for (const version of await publishedVersions()) {
    const site = await getSite(version);
    for (const p of paths(site)) out.push({ ...p, params: { ...p.params, version } });
  }
  return out;
}

/** A version's items carry it in their id (`v3.40.0/<name>`); pages know them by name. */
function ofRelease<T extends { id: string; data: { release: string | null } }>(items: T[], release: string | null): T[] {
  const prefix = release ? `${release}/` : '';
  return items.filter((i) => i.data.release === release).map((i) => (prefix ? { ...i, id: i.id.slice(prefix.length) } : i));
}

async function buildSite(release: string | null): Promise<SiteModel> {
  const [all, allSteps, allDomains, meta] = await Promise.all([getCollection('entries'), getCollection('steps'), getCollection('domains'), getCollection('meta')]);
  const info = meta.find((m) => m.data.release === release)?.data ?? meta[0]?.data;
  if (info?.problems) throw contentProblems(info.root, info.problems);
  if (!info?.model) throw new Error('The content loader left no site model: the knowledge base was not loaded.');
  if (info.release !== release) throw new Error(`No version ${release} is published: KB_VERSIONS lists ${info.versions.map((v) => v.name).join(', ') || 'none'}.`);
  const [entries, steps, domains] = [ofRelease(all, release), ofRelease(allSteps, release), ofRelease(allDomains, release)];
  const base = import.meta.env.BASE_URL;
  const latestLinks = createLinks(base, import.meta.env.SITE, siteSettings().editUrl);
  const releaseLinks = (name: string) => createLinks(`${base.replace(/\/?$/, '/')}${name}/`, import.meta.env.SITE, siteSettings().editUrl);
  const { model } = info;
  entries.sort((a, b) => a.data.title.localeCompare(b.data.title));
  const entryByName = new Map(entries.map((e) => [e.id, e]));
  const projectTypeById = new Map(model.methodology.projectTypes.map((t) => [t.id, t]));
  const byDomain = Map.groupBy(entries, (e) => e.data.domain);
  return {
    ...model,
    links: release ? releaseLinks(release) : latestLinks,
    latestLinks,
    releaseLinks,
    readingLinks: (v) => (v.latest ? latestLinks : releaseLinks(v.name)),
    release,
    versions: info.versions,
    changes: info.changes,
    crossVersion: info.crossVersion ?? { routes: new Map(), entryRenames: new Map(), anchorRenames: new Map() },
    ogMode: info.ogMode,
    root: info.root,
    version: info.version,
    hasPipeline: info.hasPipeline,
    entries,
    entryByName,
    title: (name) => entryByName.get(name)?.data.title ?? name,
    domains: domains
      .map((d) => ({ domain: d.id, entries: byDomain.get(d.id) ?? [], intro: d.data.body ? d : undefined }))
      .sort((a, b) => a.domain.localeCompare(b.domain)),
    projectTypeById,
    typeTitle: (id) => projectTypeById.get(id)?.title ?? id,
    topicBySlug: new Map(model.topics.map((t) => [t.slug, t])),
    steps: new Map(steps.map((s) => [s.id, s])),
  };
}

/** The rendered HTML of a body, read when the page that shows it is generated. */
export function bodyHtml(body: BodySpan | null | undefined): string {
  return body ? readBody(body) : '';
}

/** A type's reading path as entry pages navigate along it (published as `/types/<type>/path.json`). */
const navs = new WeakMap<SiteModel, Map<string, ReadingPathNav>>();

export function readingPathNav(site: SiteModel, type: string): ReadingPathNav {
  const known = navs.get(site)?.get(type);
  if (known) return known;
  const nav = buildPathNav(site, type);
  navs.set(site, (navs.get(site) ?? new Map()).set(type, nav));
  return nav;
}

function buildPathNav(site: SiteModel, type: string): ReadingPathNav {
  const { links } = site;
  const title = site.typeTitle(type);
  return {
    type,
    title,
    landing: `${links.projectType(type)}#path`,
    trail: [{ label: 'Project types', href: links.projectTypes() }, { label: title, href: links.projectType(type) }],
    items: pathItems(site.readingPaths.get(type)!.items).map((i) => ({ ...i, title: site.title(i.name), url: links.entry(i.name) })),
  };
}

/**
 * The navigation an entry page is built with: its home type's whole reading path, else its
 * domain. A reader arriving from another type's path gets that one in the browser instead.
 */
export function entryNav(site: SiteModel, entry: Entry): PathNavView {
  const { links } = site;
  const home = site.entryHome.get(entry.id);
  const domain = entry.data.domain;
  const domainNames = site.domains.find((x) => x.domain === domain)!.entries.map((e) => e.id);
  const place = entryPlace(entry.id, domain, home ? { type: home, items: pathItems(site.readingPaths.get(home)!.items) } : undefined, domainNames);
  if (place.kind === 'type') return typePathView(readingPathNav(site, place.id), place, site.title, (n) => links.entry(n));
  return {
    place,
    title: domain,
    homeHref: links.domain(domain),
    trail: [{ label: 'Domains', href: links.domains() }, { label: domain, href: links.domain(domain) }],
    entryTitle: site.title,
    entryHref: (n) => links.entry(n),
  };
}

export const topicHref = (site: SiteModel, topic: string) => site.links.topic(topicSlug(topic));

/** The entry's file as its author wrote it, frontmatter included, with links made absolute. */
export function entryMarkdown(site: SiteModel, entry: Entry): string {
  const source = readFileSync(join(site.root, entry.data.file), 'utf8').replace(/^\uFEFF/, '');
  return absolutizeLinks(source, entry.data.file, site.linkTargets, site.links.absolute);
}
