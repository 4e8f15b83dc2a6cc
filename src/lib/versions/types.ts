import type { BodyHeading } from '../schema/bodyRef';
import type { SiteData } from '../kb/siteModel';
import type { KnowledgeTree } from '../kb/types';

/** One published release of the knowledge base (KB_VERSIONS). */
export interface VersionInfo {
  /** As it appears in URLs: `v3.40.0`. */
  name: string;
  /** Its content tree on disk: extracted from git at the ref, or the version's folder. */
  root: string;
  /** Release date (ISO 8601) from git; null for a folder outside git. */
  date: string | null;
  /** The commit the tree was read from; null for a folder. */
  commit: string | null;
  /** The version at today's URLs (KB_LATEST, else the newest). */
  latest: boolean;
}

/** What the "what changed" comparison needs of one version, as the loader read it. */
export interface VersionSnapshot {
  name: string;
  date: string | null;
  /** Entry bodies still hold their markdown. */
  tree: KnowledgeTree;
  /** Entry name → title (src/lib/kb/titles.ts). */
  titles: ReadonlyMap<string, string>;
  /** Entry name → its rendered headings in order, with the ids the pages use as anchors. */
  headings: ReadonlyMap<string, readonly BodyHeading[]>;
  model: SiteData;
}

/** An entry as a comparison names it: by its name in the newer version, with its title. */
export interface EntryRef {
  name: string;
  title: string;
}
