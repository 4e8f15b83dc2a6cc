import type { Section } from './sections';
import type { VersionSnapshot } from './types';
import { wordSimilarity } from './wordDiff';

/**
 * Share of 3-word phrases two bodies must have in common (Jaccard) to be one entry under two
 * names. Measured on the scaffold releases v3.30.0–v3.54.0: two different entries of one release
 * share at most 0.04; an entry edited between releases under its own name keeps 0.37–0.95 (0.63
 * and up from v3.40.0 to v3.54.0). Half sits far above chance and still admits a rename that
 * came with a thorough edit.
 */
export const ENTRY_SIMILARITY = 0.5;

/**
 * Share of a section's words (kept words over both sides' words, as wordSimilarity measures)
 * that makes a removed and an added heading one section renamed. On the same releases the real
 * heading renames keep 0.62–0.91, unrelated sections of the same entry 0.09 at most.
 */
export const SECTION_SIMILARITY = 0.5;

/** Phrases shorter than this match across unrelated text too often ("of the"). */
const SHINGLE_WORDS = 3;

export interface EntryRename {
  from: string;
  to: string;
  /** `alias`: the new entry names the old one in `aliases` (or the site's aliases file). */
  by: 'alias' | 'content';
}

/** What showed a heading renamed: the entry's `anchor-aliases` (old id → new id), or its wording. */
export type SectionRenameEvidence = 'anchor-alias' | 'content';

/**
 * Pairs each `from` with at most one `to` and back, highest score first, ignoring scores below
 * `threshold`: a split or merge keeps its closest half as the rename, the rest stay added/removed.
 */
function bestPairs<A, B>(froms: readonly A[], tos: readonly B[], score: (a: A, b: B) => number, threshold: number): [A, B][] {
  const scored: { a: A; b: B; s: number }[] = [];
  for (const a of froms) {
    for (const b of tos) {
      const s = score(a, b);
      if (s >= threshold) scored.push({ a, b, s });
    }
  }
  scored.sort((x, y) => y.s - x.s);
  const usedA = new Set<A>();
  const usedB = new Set<B>();
  const pairs: [A, B][] = [];
  for (const { a, b } of scored) {
    if (usedA.has(a) || usedB.has(b)) continue;
    usedA.add(a);
    usedB.add(b);
    pairs.push([a, b]);
  }
  return pairs;
}

function shingles(body: string): Set<string> {
  const words = body.toLowerCase().split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  // A body shorter than one phrase is its own phrase.
  if (!out.size && words.length) out.add(words.join(' '));
  return out;
}

/** Jaccard of two phrase sets; 0 when their sizes alone keep it under ENTRY_SIMILARITY, as most pairs' do. */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (Math.min(a.size, b.size) < ENTRY_SIMILARITY * Math.max(a.size, b.size)) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Entries of `older` missing from `newer` that live on in `newer` under another name: named in
 * its aliases first, then by mostly the same body.
 */
export function entryRenames(older: VersionSnapshot, newer: VersionSnapshot): EntryRename[] {
  const oldNames = new Set(older.tree.entries.map((e) => e.name));
  const newNames = new Set(newer.tree.entries.map((e) => e.name));
  const removed = older.tree.entries.filter((e) => !newNames.has(e.name));
  const added = newer.tree.entries.filter((e) => !oldNames.has(e.name));
  const renames: EntryRename[] = [];
  const taken = new Set<string>();
  for (const e of removed) {
    const to = newer.model.aliases.entries.get(e.name);
    if (to && added.some((a) => a.name === to) && !taken.has(to)) {
      renames.push({ from: e.name, to, by: 'alias' });
      taken.add(e.name).add(to);
    }
  }
  const bodies = (entries: typeof removed) => entries.filter((e) => !taken.has(e.name)).map((e) => ({ name: e.name, phrases: shingles(e.body) }));
  for (const [a, b] of bestPairs(bodies(removed), bodies(added), (a, b) => jaccard(a.phrases, b.phrases), ENTRY_SIMILARITY)) {
    renames.push({ from: a.name, to: b.name, by: 'content' });
  }
  return renames;
}

export interface SectionMatch {
  /** Same id in both versions. */
  kept: { before: Section; after: Section }[];
  renamed: { before: Section; after: Section; by: SectionRenameEvidence }[];
  removed: Section[];
  added: Section[];
}

/**
 * Lines up one entry's sections in two versions: by id, then the renamed ones. A removed and an
 * added heading are one section renamed when `anchorAliases` (old id → new id) says so, else when
 * they kept most of their wording. Sections without prose of their own are matched only by
 * alias: two empty sections say nothing about being the same one.
 */
export function matchSections(before: readonly Section[], after: readonly Section[], anchorAliases: ReadonlyMap<string, string> = new Map()): SectionMatch {
  const afterById = new Map(after.map((s) => [s.id, s]));
  const beforeIds = new Set(before.map((s) => s.id));
  const kept = before.filter((s) => afterById.has(s.id)).map((s) => ({ before: s, after: afterById.get(s.id)! }));
  let removed = before.filter((s) => !afterById.has(s.id));
  let added = after.filter((s) => !beforeIds.has(s.id));
  const renamed: SectionMatch['renamed'] = [];
  const rename = (b: Section, a: Section, by: SectionRenameEvidence) => {
    renamed.push({ before: b, after: a, by });
    removed = removed.filter((s) => s !== b);
    added = added.filter((s) => s !== a);
  };
  for (const s of removed) {
    const to = added.find((a) => a.id === anchorAliases.get(s.id));
    if (to) rename(s, to, 'anchor-alias');
  }
  const prose = (list: readonly Section[]) => list.filter((s) => s.text);
  for (const [b, a] of bestPairs(prose(removed), prose(added), (b, a) => wordSimilarity(b.text, a.text, SECTION_SIMILARITY), SECTION_SIMILARITY)) rename(b, a, 'content');
  return { kept, renamed, removed, added };
}
