import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { KnowledgeEntryFrontmatter } from './lib/schema/knowledgeEntry';
import type { PipelineStepFrontmatter } from './lib/schema/pipelineStep';
import type { BodyRef } from './lib/schema/bodyRef';
import type { SiteData } from './lib/kb/siteModel';
import type { OgImageMode } from './lib/og/policy';
import type { PublishedVersion } from './lib/versions/versionsIndex';
import type { VersionChanges } from './lib/versions/changes';
import type { CrossVersion } from './lib/versions/crossVersion';
import { knowledgeTreeLoader, type DevProblems, type Slice } from './loaders/knowledgeTreeLoader';
import { siteSettings } from './siteSettings';

const settings = siteSettings();
const loader = (slice: Slice) => knowledgeTreeLoader(slice, settings);

/**
 * The loader validates every file with one schema per kind (src/lib/schema/, in src/tree/readTree.ts)
 * before anything reaches a collection, and reports each problem with its file and line. So the
 * collections take that parsed data as it is, typed by those schemas, instead of parsing it again.
 */
const parsed = <T>() => z.custom<T>(() => true);

/** The published version an item belongs to; null at today's URLs. */
interface InRelease {
  release: string | null;
}

export interface EntryData extends KnowledgeEntryFrontmatter, InRelease {
  file: string;
  domain: string;
  title: string;
  words: number;
  body: BodyRef;
  /** When the entry last changed: its `last-reviewed`, else its file's last commit (src/loaders/gitDates.ts). */
  updated: { date: string; source: 'last-reviewed' | 'git' } | null;
}

export interface StepData extends PipelineStepFrontmatter, InRelease {
  file: string;
  body: BodyRef;
}

export interface DomainData extends InRelease {
  domain: string;
  file: string | null;
  body: BodyRef | null;
}

export interface SiteMeta {
  root: string;
  /** The scaffold version the tree says it is. */
  version: string | null;
  /** The published version these pages are (`/<release>/…`); null at today's URLs. */
  release: string | null;
  /** Every published version, oldest first; empty without KB_VERSIONS. */
  versions: PublishedVersion[];
  /** At today's URLs only: the version pairs compared (src/lib/versions/changes.ts). */
  changes: VersionChanges[];
  crossVersion: CrossVersion | null;
  hasPipeline: boolean;
  ogMode: OgImageMode;
  /** Null only when the tree has problems under `npm run dev`: the pages show them instead. */
  model: SiteData | null;
  problems: DevProblems | null;
}

export const collections = {
  entries: defineCollection({ loader: loader('entries'), schema: parsed<EntryData>() }),
  steps: defineCollection({ loader: loader('steps'), schema: parsed<StepData>() }),
  domains: defineCollection({ loader: loader('domains'), schema: parsed<DomainData>() }),
  meta: defineCollection({ loader: loader('meta'), schema: parsed<SiteMeta>() }),
};
