/**
 * The only module that queries content collections. It rebuilds the tree from them once
 * per build and derives everything pages show, so pages stay thin and nothing is computed twice.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { buildMethodology, type MethodologyModel } from './lib/kb/projectTypes';
import { buildRelated, type RelatedEntry } from './lib/kb/related';
import { buildStepPages, type StepPage } from './lib/kb/stepMatrix';
import { indexSteps } from './lib/kb/stepIndex';
import { buildTopics, type Topic } from './lib/kb/topics';
import type { KnowledgeTree, PresetDoc } from './lib/kb/types';
import { buildUsedBy, type EntryUse } from './lib/kb/usedBy';
import { createLinks, type Links } from './lib/links';
import { topicSlug } from './lib/slugs';

export type Entry = CollectionEntry<'entries'>;

export interface DomainView {
  domain: string;
  entries: Entry[];
  intro?: CollectionEntry<'domains'>;
}

export interface SiteModel {
  links: Links;
  version: string | null;
  hasPipeline: boolean;
  entries: Entry[];
  entryByName: Map<string, Entry>;
  domains: DomainView[];
  methodology: MethodologyModel;
  topics: Topic[];
  topicBySlug: Map<string, Topic>;
  related: Map<string, RelatedEntry[]>;
  usedBy: Map<string, EntryUse>;
  stepPages: StepPage[];
  steps: Map<string, CollectionEntry<'steps'>>;
  presets: PresetDoc[];
}

let model: Promise<SiteModel> | undefined;

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
  const info = meta[0]?.data ?? { root: '', version: null, hasPipeline: false, projectTypeConfigs: [], presets: [] };
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
  const stepIndex = indexSteps(tree.steps);
  const methodology = buildMethodology(tree, stepIndex);
  const topics = buildTopics(tree.entries);
  const byDomain = new Map<string, Entry[]>();
  for (const e of entries) byDomain.set(e.data.domain, [...(byDomain.get(e.data.domain) ?? []), e]);
  return {
    links: createLinks(import.meta.env.BASE_URL),
    version: info.version,
    hasPipeline: info.hasPipeline,
    entries,
    entryByName: new Map(entries.map((e) => [e.id, e])),
    domains: domains
      .map((d) => ({ domain: d.id, entries: byDomain.get(d.id) ?? [], intro: d.data.body ? d : undefined }))
      .sort((a, b) => a.domain.localeCompare(b.domain)),
    methodology,
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
export function bodyHtml(body: { html: string } | null | undefined): string {
  return body ? readFileSync(body.html, 'utf8') : '';
}

export const topicHref = (site: SiteModel, topic: string) => site.links.topic(topicSlug(topic));
