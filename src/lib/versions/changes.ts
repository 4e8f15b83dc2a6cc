import type { KnowledgeEntry } from '../kb/types';
import { entryRenames, matchSections, type EntryRename, type SectionRenameEvidence } from './renames';
import { splitSections, type Section } from './sections';
import type { EntryRef, VersionSnapshot } from './types';
import { wordDiff, type DiffOp } from './wordDiff';
import { overlayChanges, configChanges, type ConfigChanges, type OverlayChanges } from './overlayChanges';

export interface RenamedEntry extends EntryRename {
  /** Title in the newer version. */
  title: string;
}

export interface SectionRef {
  id: string;
  depth: number;
  heading: string;
}

export interface EntryChange extends EntryRef {
  /** Its name in the older version, when it was renamed. */
  formerName?: string;
  /** Its title in the older version, when that differs. */
  formerTitle?: string;
  /** Frontmatter `description`, when it changed. */
  description?: { before: string; after: string };
  /** The prose before the first heading, when its wording changed. */
  intro?: DiffOp[];
  sections: {
    added: SectionRef[];
    removed: SectionRef[];
    /** `diff` when the wording changed too. */
    renamed: { from: SectionRef; to: SectionRef; by: SectionRenameEvidence; diff?: DiffOp[] }[];
    /** Same id, different wording: the word diff of the section's own prose. */
    reworded: (SectionRef & { diff: DiffOp[] })[];
  };
}

/** What happened to every entry of the knowledge base, whatever its project types. */
export interface TreeChanges {
  added: EntryRef[];
  removed: EntryRef[];
  renamed: RenamedEntry[];
  /** Entries in both versions (renamed ones under their new name) whose wording, description or title changed. */
  changed: EntryChange[];
}

export interface ChangeCounts {
  entriesAdded: number;
  entriesRemoved: number;
  entriesRenamed: number;
  entriesChanged: number;
  /** Entry-at-step pairs an overlay injects now and did not before, and the reverse. */
  injectionsAdded: number;
  injectionsRemoved: number;
  stepOverridesSwitched: number;
  configOptionsAdded: number;
  configOptionsRemoved: number;
  configDefaultsChanged: number;
}

/** What changed for readers of one project type. */
export interface TypeChanges {
  type: string;
  /** As the newer version names it (the older one, for a type that is gone). */
  title: string;
  /** `added`: the type is new in the newer version; `removed`: it is gone from it. */
  status: 'added' | 'removed' | 'kept';
  /** The type's reading path (every entry a project of the type reads). */
  path: {
    /** `newEntry`: new to the knowledge base, not only to this path. */
    added: (EntryRef & { newEntry: boolean })[];
    /** `deletedEntry`: gone from the knowledge base, not only from this path. */
    removed: (EntryRef & { deletedEntry: boolean })[];
    renamed: RenamedEntry[];
    /**
     * Entries on the path in both versions whose content changed; what changed in each is in
     * VersionChanges.entries.changed, once for all types (a body's diff can be long).
     */
    changed: EntryRef[];
  };
  /** Overlays of the type (base and domain sub-overlays) that changed, in file order. */
  overlays: OverlayChanges[];
  config: ConfigChanges;
  counts: ChangeCounts;
  /** Whether a reader of the type has anything to look at. */
  changed: boolean;
}

export interface VersionChanges {
  older: { name: string; date: string | null };
  newer: { name: string; date: string | null };
  entries: TreeChanges;
  /** Every project type of either version, by id. */
  types: TypeChanges[];
}

/** Whitespace does not count: rewrapped lines are not a change a reader can see. */
const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);

const sectionRef = ({ id, depth, heading }: Section): SectionRef => ({ id, depth, heading });

function entryChange(older: VersionSnapshot, newer: VersionSnapshot, before: KnowledgeEntry, after: KnowledgeEntry): EntryChange | undefined {
  const title = newer.titles.get(after.name) ?? after.name;
  const formerTitle = older.titles.get(before.name) ?? before.name;
  const descriptionChanged = before.data.description !== after.data.description;
  if (words(before.body) === words(after.body) && !descriptionChanged && title === formerTitle) return undefined;
  const a = splitSections(before.body, older.headings.get(before.name));
  const b = splitSections(after.body, newer.headings.get(after.name));
  const match = matchSections(a.sections, b.sections, newer.model.aliases.anchors.get(after.name));
  const diffIfReworded = (x: string, y: string) => (words(x) === words(y) ? undefined : wordDiff(x, y));
  const intro = diffIfReworded(a.intro, b.intro);
  return {
    name: after.name,
    title,
    ...(before.name !== after.name && { formerName: before.name }),
    ...(formerTitle !== title && { formerTitle }),
    ...(descriptionChanged && { description: { before: before.data.description, after: after.data.description } }),
    ...(intro && { intro }),
    sections: {
      added: match.added.map(sectionRef),
      removed: match.removed.map(sectionRef),
      renamed: match.renamed.map((r) => {
        const diff = diffIfReworded(r.before.text, r.after.text);
        return { from: sectionRef(r.before), to: sectionRef(r.after), by: r.by, ...(diff && { diff }) };
      }),
      reworded: match.kept.flatMap((k) => {
        const diff = diffIfReworded(k.before.text, k.after.text);
        return diff ? [{ ...sectionRef(k.after), diff }] : [];
      }),
    },
  };
}

function treeChanges(older: VersionSnapshot, newer: VersionSnapshot, renames: readonly EntryRename[]): TreeChanges {
  const oldByName = new Map(older.tree.entries.map((e) => [e.name, e]));
  const newByName = new Map(newer.tree.entries.map((e) => [e.name, e]));
  const formerName = new Map(renames.map((r) => [r.to, r.from]));
  const renamedAway = new Set(renames.map((r) => r.from));
  const ref = (s: VersionSnapshot, name: string): EntryRef => ({ name, title: s.titles.get(name) ?? name });
  const changed: EntryChange[] = [];
  for (const after of newer.tree.entries) {
    const before = oldByName.get(formerName.get(after.name) ?? after.name);
    const change = before && entryChange(older, newer, before, after);
    if (change) changed.push(change);
  }
  return {
    added: newer.tree.entries.filter((e) => !oldByName.has(e.name) && !formerName.has(e.name)).map((e) => ref(newer, e.name)),
    removed: older.tree.entries.filter((e) => !newByName.has(e.name) && !renamedAway.has(e.name)).map((e) => ref(older, e.name)),
    renamed: renames.map((r) => ({ ...r, title: ref(newer, r.to).title })),
    changed,
  };
}

function typeChanges(older: VersionSnapshot, newer: VersionSnapshot, type: string, tree: TreeChanges): TypeChanges {
  const oldType = older.model.methodology.projectTypes.find((t) => t.id === type);
  const newType = newer.model.methodology.projectTypes.find((t) => t.id === type);
  const renameOf = new Map(tree.renamed.map((r) => [r.from, r]));
  const currentName = (name: string) => renameOf.get(name)?.to ?? name;
  const oldPath = (older.model.readingPaths.get(type)?.items ?? []).map((i) => i.name);
  const newPath = (newer.model.readingPaths.get(type)?.items ?? []).map((i) => i.name);
  const wasOnPath = new Set(oldPath.map(currentName));
  const isOnPath = new Set(newPath);
  const newEntries = new Set(tree.added.map((e) => e.name));
  const deletedEntries = new Set(tree.removed.map((e) => e.name));
  // Titles of the newer version; an entry that is gone keeps its last one.
  const ref = (name: string) => ({ name, title: newer.titles.get(name) ?? older.titles.get(name) ?? name });
  const path: TypeChanges['path'] = {
    added: newPath.filter((n) => !wasOnPath.has(n)).map((name) => ({ ...ref(name), newEntry: newEntries.has(name) })),
    removed: oldPath.filter((n) => !isOnPath.has(currentName(n))).map((name) => ({ ...ref(name), deletedEntry: deletedEntries.has(name) })),
    renamed: oldPath.flatMap((n) => {
      const r = renameOf.get(n);
      return r && isOnPath.has(r.to) ? [r] : [];
    }),
    changed: tree.changed.filter((c) => isOnPath.has(c.name) && wasOnPath.has(c.name)).map(({ name, title }) => ({ name, title })),
  };
  const overlays = overlayChanges(oldType, newType, { current: currentName, ref });
  const config = configChanges(oldType?.config, newType?.config);
  const counts: ChangeCounts = {
    entriesAdded: path.added.length,
    entriesRemoved: path.removed.length,
    entriesRenamed: path.renamed.length,
    entriesChanged: path.changed.length,
    injectionsAdded: sum(overlays.flatMap((o) => o.injections.map((i) => i.injected.length))),
    injectionsRemoved: sum(overlays.flatMap((o) => o.injections.map((i) => i.dropped.length))),
    stepOverridesSwitched: sum(overlays.map((o) => o.stepOverrides.length)),
    configOptionsAdded: config.added.length,
    configOptionsRemoved: config.removed.length,
    configDefaultsChanged: config.defaults.length,
  };
  const status = !oldType ? 'added' : !newType ? 'removed' : 'kept';
  return {
    type,
    title: (newType ?? oldType)!.title,
    status,
    path,
    overlays,
    config,
    counts,
    changed: status !== 'kept' || Object.values(counts).some((n) => n > 0),
  };
}

/**
 * Everything that changed from `older` to `newer`: for the whole knowledge base, and for each
 * project type as its readers see it (reading path, overlays, configuration reference).
 * Plain data, so the loader can keep it in Astro's data store and pages and feeds can read it.
 */
export function compareVersions(older: VersionSnapshot, newer: VersionSnapshot): VersionChanges {
  const entries = treeChanges(older, newer, entryRenames(older, newer));
  const ids = [...new Set([...older.model.methodology.projectTypes, ...newer.model.methodology.projectTypes].map((t) => t.id))].sort();
  return {
    older: { name: older.name, date: older.date },
    newer: { name: newer.name, date: newer.date },
    entries,
    types: ids.map((id) => typeChanges(older, newer, id, entries)),
  };
}
