/**
 * The only module that queries content collections. It rebuilds the tree from them once
 * per build and derives everything pages show, so pages stay thin and nothing is computed twice.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { readBody, type BodySpan } from './render/bodyPack';
import { buildMethodology, type MethodologyModel, type ProjectType } from './lib/kb/projectTypes';
import { entryPlace, pathItems } from './lib/kb/entryPath';
import type { PathNavView } from './lib/kb/pathNavView';
import { typePathView, type ReadingPathNav } from './lib/kb/readingPathNav';
import { buildReadingPath, entryHomes, ownItems, type ReadingPath } from './lib/kb/readingPath';
import { typeSummary } from './lib/kb/typeSummary';
import { buildRelated, type RelatedEntry } from './lib/kb/related';
import { buildStepPages, type StepPage } from './lib/kb/stepMatrix';
import { indexSteps } from './lib/kb/stepIndex';
import { buildTopics, type Topic } from './lib/kb/topics';
import type { KnowledgeTree, PresetDoc } from './lib/kb/types';
import { buildUsedBy, type EntryUse } from './lib/kb/usedBy';
import { createLinks, type Links } from './lib/links';
import { siteSettings } from './siteSettings';
import { topicSlug } from './lib/slugs';
import type { LinkTarget } from './lib/markdown/resolveRelativeLink';
import { absolutizeLinks } from './lib/exports/entryMarkdown';
import { join, relative } from 'node:path';
import { AstroError } from 'astro/errors';
import type { OgImageMode } from './lib/og/policy';

export type Entry = CollectionEntry<'entries'>;

export interface DomainView {
  domain: string;
  entries: Entry[];
  intro?: CollectionEntry<'domains'>;
}

export interface SiteModel {
  links: Links;
  /** Which link-preview cards this build draws (and pages name). */
  ogMode: OgImageMode;
  version: string | null;
  hasPipeline: boolean;
  entries: Entry[];
  entryByName: Map<string, Entry>;
  /** An entry's human title (src/lib/kb/titles.ts); the name itself for a name the tree lacks. */
  title: (name: string) => string;
  domains: DomainView[];
  methodology: MethodologyModel;
  projectTypeById: Map<string, ProjectType>;
  /** A project type's human name (`ML`, `Data pipeline`); the id for a type the tree lacks. */
  typeTitle: (id: string) => string;
  /** What a reader choosing the type reads about it (src/lib/kb/typeSummary.ts). */
  typeSummary: Map<string, string>;
  /** Each project type as a reading path (src/lib/kb/readingPath.ts), by type id. */
  readingPaths: Map<string, ReadingPath>;
  /** Entry name → the one project type whose path is its home; absent for shared entries. */
  entryHome: Map<string, string>;
  topics: Topic[];
  topicBySlug: Map<string, Topic>;
  related: Map<string, RelatedEntry[]>;
  usedBy: Map<string, EntryUse>;
  stepPages: StepPage[];
  steps: Map<string, CollectionEntry<'steps'>>;
  presets: PresetDoc[];
  /** Absolute path of the tree, for exports that serve an entry's own markdown. */
  root: string;
  aliases: { entries: Map<string, string>; anchors: Map<string, Map<string, string>> };
  /** Files of the tree a markdown link may name → the page each becomes. */
  linkTargets: Map<string, LinkTarget>;
}

let model: Promise<SiteModel> | undefined;

/**
 * The tree's problems as Astro's error overlay shows them under `npm run dev`: the list, and
 * the first problem's file, line and column with its source. The location is relative to the
 * project, which Astro expects (it prefixes the project root to other paths).
 */
function contentProblems(root: string, problems: NonNullable<CollectionEntry<'meta'>['data']['problems']>): Error {
  const error = new AstroError(problems.title, problems.message) as AstroError & { title?: string; loc?: { file: string; line?: number; column?: number } };
  error.title = 'The knowledge base has problems';
  if (problems.file) error.loc = { file: relative(process.cwd(), join(root, problems.file)), line: problems.line, column: problems.column };
  error.stack = '';
  return error;
}

export function getSite(): Promise<SiteModel> {
  model ??= buildSite();
  return model;
}

async function buildSite(): Promise<SiteModel> {
  const [entries, steps, overlays, domains, meta] = await Promise.all([
    getCollection('entries'),
    getCollection('steps'),
    getCollection('overlays'),
    getCollection('domains'),
    getCollection('meta'),
  ]);
  const info = meta[0]?.data ?? { root: '', version: null, hasPipeline: false, ogMode: 'off' as const, projectTypeConfigs: [], presets: [], aliases: { entries: {}, anchors: {} }, problems: null };
  if (info.problems) throw contentProblems(info.root, info.problems);
  const presets = [...info.presets].sort((a, b) => a.data.default_depth - b.data.default_depth);
  entries.sort((a, b) => a.data.title.localeCompare(b.data.title));
  const tree: KnowledgeTree = {
    root: info.root,
    hasPipeline: info.hasPipeline,
    entries: entries.map((e) => ({ name: e.id, domain: e.data.domain, file: e.data.file, data: e.data, body: '' })),
    domainIntros: [],
    steps: steps.map((s) => ({ name: s.id, file: s.data.file, data: s.data, body: '' })),
    overlays: overlays.map((o) => ({ id: o.id, file: o.data.file, data: o.data })),
    presets,
    projectTypeConfigs: info.projectTypeConfigs.map((data) => ({ file: '', data })),
  };
  const entryByName = new Map(entries.map((e) => [e.id, e]));
  const stepIndex = indexSteps(tree.steps);
  const methodology = buildMethodology(tree, stepIndex);
  const projectTypeById = new Map(methodology.projectTypes.map((t) => [t.id, t]));
  const readingPaths = new Map(methodology.projectTypes.map((t) => [t.id, buildReadingPath(t, stepIndex, tree.presets)]));
  const topics = buildTopics(tree.entries);
  const byDomain = new Map<string, Entry[]>();
  for (const e of entries) byDomain.set(e.data.domain, [...(byDomain.get(e.data.domain) ?? []), e]);
  const links = createLinks(import.meta.env.BASE_URL, import.meta.env.SITE, siteSettings().editUrl);
  const linkTargets = new Map<string, LinkTarget>();
  for (const e of entries) linkTargets.set(e.data.file, { url: links.entry(e.id), kind: 'entry', name: e.id });
  for (const s of steps) linkTargets.set(s.data.file, { url: links.step(s.id), kind: 'step', name: s.id });
  for (const d of domains) if (d.data.file) linkTargets.set(d.data.file, { url: links.domain(d.id), kind: 'domain', name: d.id });
  return {
    links,
    ogMode: info.ogMode,
    linkTargets,
    root: info.root,
    aliases: {
      entries: new Map(Object.entries(info.aliases.entries)),
      anchors: new Map(Object.entries(info.aliases.anchors).map(([name, map]) => [name, new Map(Object.entries(map))])),
    },
    version: info.version,
    hasPipeline: info.hasPipeline,
    entries,
    entryByName,
    title: (name) => entryByName.get(name)?.data.title ?? name,
    domains: domains
      .map((d) => ({ domain: d.id, entries: byDomain.get(d.id) ?? [], intro: d.data.body ? d : undefined }))
      .sort((a, b) => a.domain.localeCompare(b.domain)),
    methodology,
    projectTypeById,
    typeTitle: (id) => projectTypeById.get(id)?.title ?? id,
    typeSummary: new Map(
      methodology.projectTypes.map((t) => [t.id, typeSummary(t, ownItems(readingPaths.get(t.id)!).map((i) => entryByName.get(i.name)?.data.title ?? i.name))]),
    ),
    readingPaths,
    entryHome: entryHomes([...readingPaths.values()]),
    topics,
    topicBySlug: new Map(topics.map((t) => [t.slug, t])),
    related: buildRelated(tree.entries),
    usedBy: buildUsedBy(tree, methodology),
    stepPages: buildStepPages(tree, methodology, stepIndex),
    steps: new Map(steps.map((s) => [s.id, s])),
    presets,
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
