import type { AliasTable } from './aliases';
import { buildMethodology, type MethodologyModel } from './projectTypes';
import { buildReadingPath, entryHomes, ownItems, type ReadingPath } from './readingPath';
import { buildRelated, type RelatedEntry } from './related';
import { buildStepPages, type StepPage } from './stepMatrix';
import { indexSteps } from './stepIndex';
import { buildTopics, type Topic } from './topics';
import { typeSummary } from './typeSummary';
import type { KnowledgeTree, PresetDoc } from './types';
import { buildUsedBy, type EntryUse } from './usedBy';
import type { LinkTarget } from '../markdown/resolveRelativeLink';
import type { Links } from '../links';
import { linkTargets } from './linkTargets';

/**
 * Everything the pages derive from the tree as a whole, worked out once by the content loader
 * and read by the pages (src/content.ts) from Astro's data store, which keeps Maps as Maps.
 */
export interface SiteData {
  methodology: MethodologyModel;
  /** Each project type as a reading path, by type id. */
  readingPaths: Map<string, ReadingPath>;
  /** Entry name → the one project type whose path is its home; absent for shared entries. */
  entryHome: Map<string, string>;
  /** What a reader choosing the type reads about it (typeSummary.ts), by type id. */
  typeSummary: Map<string, string>;
  topics: Topic[];
  related: Map<string, RelatedEntry[]>;
  usedBy: Map<string, EntryUse>;
  stepPages: StepPage[];
  /** Depth presets, shallowest first. */
  presets: PresetDoc[];
  aliases: AliasTable;
  /** Files of the tree a markdown link may name → the page each becomes. */
  linkTargets: Map<string, LinkTarget>;
}

/** `titles` holds each entry's title (titles.ts), which pages sort and summarise by. */
export function buildSiteData(tree: KnowledgeTree, titles: ReadonlyMap<string, string>, aliases: AliasTable, links: Links): SiteData {
  const title = (name: string) => titles.get(name) ?? name;
  const presets = [...tree.presets].sort((a, b) => a.data.default_depth - b.data.default_depth);
  // Lists built from entries (topics, related) come out in the order readers see entries: by title.
  const entries = [...tree.entries].sort((a, b) => title(a.name).localeCompare(title(b.name)));
  const byTitle: KnowledgeTree = { ...tree, entries, presets };
  const stepIndex = indexSteps(tree.steps);
  const methodology = buildMethodology(byTitle, stepIndex);
  const readingPaths = new Map(methodology.projectTypes.map((t) => [t.id, buildReadingPath(t, stepIndex, presets)]));
  return {
    methodology,
    readingPaths,
    entryHome: entryHomes([...readingPaths.values()]),
    typeSummary: new Map(methodology.projectTypes.map((t) => [t.id, typeSummary(t, ownItems(readingPaths.get(t.id)!).map((i) => title(i.name)))])),
    topics: buildTopics(entries),
    related: buildRelated(entries),
    usedBy: buildUsedBy(byTitle, methodology),
    stepPages: buildStepPages(byTitle, methodology, stepIndex),
    presets,
    aliases,
    linkTargets: linkTargets(tree, links),
  };
}
