import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVersions, type VersionChanges } from '../../src/lib/versions/changes';
import type { VersionSnapshot } from '../../src/lib/versions/types';
import { extractReleases, haveReleases, type Releases } from '../support/scaffoldReleases';
import { versionSnapshot } from '../support/versionSnapshot';

/**
 * The comparison on three real releases of the scaffold knowledge base. What it must find is
 * worked out here from the files themselves (names on disk, bodies, overlay YAML), not written down.
 */
const TAGS = ['v3.30.0', 'v3.40.0', 'v3.54.0'];

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(dir.length + 1));

/** Entry name → file, from the folder layout alone: `knowledge/<domain>/<name>.md`, READMEs being domain intros. */
function entryFiles(content: string): Map<string, string> {
  const files = filesUnder(join(content, 'knowledge')).filter((f) => /^[^/]+\/[^/]+\.md$/.test(f) && basename(f) !== 'README.md');
  return new Map(files.map((f) => [basename(f, '.md'), join(content, 'knowledge', f)]));
}

/** Frontmatter and body of a markdown file, read without the site's parser. */
function splitFile(path: string): { frontmatter: Record<string, unknown>; body: string } {
  const [, fm, body] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(path, 'utf8'))!;
  return { frontmatter: load(fm) as Record<string, unknown>, body };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');

/**
 * A copy of `content` where entry `from` lives on as `to`: file moved, `name` changed, every
 * mention of the name in other files (overlays, steps, links) changed with it, and `edit` applied
 * to its file.
 */
function withEntryMoved(content: string, from: string, to: string, edit: (text: string) => string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'kb-moved-')), 'content');
  cpSync(content, copy, { recursive: true });
  const mention = new RegExp(`(?<![\\w-])${from}(?![\\w-])`, 'g');
  for (const f of filesUnder(copy).filter((f) => /\.(md|yml)$/.test(f))) {
    const path = join(copy, f);
    const text = readFileSync(path, 'utf8');
    if (mention.test(text)) writeFileSync(path, text.replace(mention, to));
  }
  const old = entryFiles(copy).get(from)!;
  const moved = join(old, '..', `${to}.md`);
  renameSync(old, moved);
  writeFileSync(moved, edit(readFileSync(moved, 'utf8')));
  return copy;
}

describe.skipIf(!haveReleases)('what changed between real scaffold releases', () => {
  let releases: Releases;
  const snapshots = new Map<string, VersionSnapshot>();
  const copies: string[] = [];
  const snap = (tag: string) => snapshots.get(tag)!;

  beforeAll(() => {
    releases = extractReleases(TAGS);
    for (const tag of TAGS) snapshots.set(tag, versionSnapshot(releases.content.get(tag)!, tag));
  }, 120_000);
  afterAll(() => {
    releases?.dispose();
    for (const c of copies) rmSync(join(c, '..'), { recursive: true, force: true });
  });

  describe('headings renamed inside an entry', () => {
    // The two renames between v3.40.0 and v3.54.0 named in the brief of this feature; the entry
    // that holds them is found by its headings.
    const renames = [
      ['Quality gates (CI deferred)', 'Quality gates'],
      ['Adding CI at launch', 'Adding CI at launch (base projects)'],
    ];

    it('should pair each old heading id with its new one', () => {
      const older = snap('v3.40.0');
      const newer = snap('v3.54.0');
      const holder = [...older.headings].find(([, hs]) => hs.some((h) => h.text === renames[0][0]))?.[0];
      expect(holder).toBeDefined();
      const idOf = (s: VersionSnapshot, text: string) => s.headings.get(holder!)!.find((h) => h.text === text)!.slug;
      const expected = renames.map(([was, is]) => [idOf(older, was), idOf(newer, is)]);
      // The ids really changed: otherwise there would be nothing to detect.
      for (const [was, is] of expected) expect(was).not.toBe(is);

      const change = compareVersions(older, newer).entries.changed.find((c) => c.name === holder)!;
      expect(change.sections.renamed.map((r) => [r.from.id, r.to.id])).toEqual(expect.arrayContaining(expected));
      const loose = [...change.sections.added, ...change.sections.removed].map((s) => s.id);
      for (const id of expected.flat()) expect(loose).not.toContain(id);
    });
  });

  describe('an entry moved to a new name', () => {
    /** An entry on the ml reading path that the ml overlay adds, with enough prose to recognise. */
    const pick = (s: VersionSnapshot) =>
      s.model.readingPaths.get('ml')!.items.find((i) => i.origin === 'type' && s.tree.entries.find((e) => e.name === i.name)!.body.split(/\s+/).length > 300)!.name;

    function compareMoved(edit: (text: string, from: string) => string): { from: string; to: string; changes: VersionChanges } {
      const older = snap('v3.40.0');
      const from = pick(older);
      const to = `${from}-moved`;
      const copy = withEntryMoved(releases.content.get('v3.40.0')!, from, to, (t) => edit(t, from));
      copies.push(copy);
      return { from, to, changes: compareVersions(older, versionSnapshot(copy, 'moved')) };
    }

    it('should find it by its mostly unchanged body, with a small edit', () => {
      const { from, to, changes } = compareMoved((text) => `${text.trimEnd()}\n\nOne sentence added after the move.\n`);
      expect(changes.entries.renamed).toEqual([expect.objectContaining({ from, to, by: 'content' })]);
      expect(changes.entries.added).toEqual([]);
      expect(changes.entries.removed).toEqual([]);
      expect(changes.entries.changed.find((c) => c.name === to)).toMatchObject({ formerName: from });
      const ml = changes.types.find((t) => t.type === 'ml')!;
      expect(ml.path.renamed.map((r) => [r.from, r.to])).toEqual([[from, to]]);
      expect(ml.path.added).toEqual([]);
      expect(ml.path.removed).toEqual([]);
      // The overlays name the entry by its new name now; that is the rename, not a change of injections.
      expect(ml.overlays).toEqual([]);
    });

    it('should find it by `aliases` even when the body was rewritten', () => {
      const rewritten = (text: string, from: string) => text.replace(/^(name: .*)$/m, `$1\naliases: [${from}]`).replace(/\n---\n[\s\S]*$/, '\n---\n\n## Rewritten\n\nNothing of the former text is left in this body.\n');
      const { from, to, changes } = compareMoved(rewritten);
      expect(changes.entries.renamed).toEqual([expect.objectContaining({ from, to, by: 'alias' })]);
    });

    it('should not call a rewritten body without an alias a rename', () => {
      const { from, to, changes } = compareMoved((text) => text.replace(/\n---\n[\s\S]*$/, '\n---\n\n## Rewritten\n\nNothing of the former text is left in this body.\n'));
      expect(changes.entries.renamed).toEqual([]);
      expect(changes.entries.added.map((e) => e.name)).toEqual([to]);
      expect(changes.entries.removed.map((e) => e.name)).toEqual([from]);
    });
  });

  describe('v3.40.0 → v3.54.0', () => {
    let changes: VersionChanges;
    beforeAll(() => {
      changes = compareVersions(snap('v3.40.0'), snap('v3.54.0'));
    });

    it('should list as added and removed exactly the entry files that appeared and went', () => {
      const older = entryFiles(releases.content.get('v3.40.0')!);
      const newer = entryFiles(releases.content.get('v3.54.0')!);
      const added = [...newer.keys()].filter((n) => !older.has(n)).sort();
      const removed = [...older.keys()].filter((n) => !newer.has(n)).sort();
      expect(added.length + removed.length).toBeGreaterThan(0);
      expect(changes.entries.added.map((e) => e.name).sort()).toEqual(added);
      expect(changes.entries.removed.map((e) => e.name).sort()).toEqual(removed);
      expect(changes.entries.renamed).toEqual([]);
    });

    it('should list as changed exactly the entries whose wording or description changed', () => {
      const older = entryFiles(releases.content.get('v3.40.0')!);
      const newer = entryFiles(releases.content.get('v3.54.0')!);
      const changed = [...newer].filter(([name, file]) => {
        if (!older.has(name)) return false;
        const [a, b] = [splitFile(older.get(name)!), splitFile(file)];
        return words(a.body) !== words(b.body) || a.frontmatter.description !== b.frontmatter.description;
      });
      expect(changed.length).toBeGreaterThan(0);
      expect(changes.entries.changed.map((c) => c.name).sort()).toEqual(changed.map(([n]) => n).sort());
      for (const c of changes.entries.changed) {
        const s = c.sections;
        expect(s.added.length + s.removed.length + s.renamed.length + s.reworded.length + (c.intro ? 1 : 0) + (c.description ? 1 : 0), c.name).toBeGreaterThan(0);
      }
    });

    it('should keep each reading path consistent: the old path, less what left, plus what joined, is the new one', () => {
      for (const t of changes.types) {
        const was = (snap('v3.40.0').model.readingPaths.get(t.type)?.items ?? []).map((i) => i.name);
        const is = (snap('v3.54.0').model.readingPaths.get(t.type)?.items ?? []).map((i) => i.name);
        const gone = new Set(t.path.removed.map((e) => e.name));
        expect([...was.filter((n) => !gone.has(n)), ...t.path.added.map((e) => e.name)].sort(), t.type).toEqual([...is].sort());
        for (const e of t.path.changed) expect(was.includes(e.name) && is.includes(e.name), e.name).toBe(true);
        expect(t.changed).toBe(true);
      }
    });

    it('should report overlay changes exactly where the overlay YAML differs', () => {
      overlayChangesMatchYaml('v3.40.0', 'v3.54.0', changes);
    });
  });

  describe('v3.30.0 → v3.40.0', () => {
    it('should report overlay changes exactly where the overlay YAML differs', () => {
      const changes = compareVersions(snap('v3.30.0'), snap('v3.40.0'));
      // The data-pipeline and ml overlays, among others, changed between these releases.
      expect(overlayChangesMatchYaml('v3.30.0', 'v3.40.0', changes)).toBeGreaterThan(1);
      expect(changes.types.find((t) => t.type === 'ml')!.overlays.map((o) => o.file)).toEqual(['methodology/ml-overlay.yml']);
    });
  });

  type Yaml = { 'project-type'?: string; 'step-overrides'?: Record<string, { enabled: boolean; conditional?: string | null }>; 'knowledge-overrides'?: Record<string, { append?: string[]; prepend?: string[] }> };

  /** The overlays of a project type in a release, read straight from their YAML: file → data. */
  function overlayYaml(tag: string): Map<string, Yaml> {
    const dir = join(releases.content.get(tag)!, 'methodology');
    const parsed = filesUnder(dir)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => [`methodology/${f}`, load(readFileSync(join(dir, f), 'utf8')) as Yaml] as const);
    return new Map(parsed.filter(([, y]) => y?.['project-type']));
  }

  /**
   * Checks every overlay file of two releases against what `changes` reports for it: step
   * overrides added, removed or switched, and entries injected or dropped at each step, as the
   * YAML says. Returns how many files had changes.
   */
  function overlayChangesMatchYaml(olderTag: string, newerTag: string, changes: VersionChanges): number {
    const [was, is] = [overlayYaml(olderTag), overlayYaml(newerTag)];
    let changed = 0;
    for (const file of new Set([...was.keys(), ...is.keys()])) {
      const [a, b] = [was.get(file), is.get(file)];
      const reported = changes.types.find((t) => t.type === (b ?? a)!['project-type'])!.overlays.find((o) => o.file === file);
      const toggles = (y?: Yaml) => y?.['step-overrides'] ?? {};
      const switched = [...new Set([...Object.keys(toggles(a)), ...Object.keys(toggles(b))])].filter((step) => {
        const [x, y] = [toggles(a)[step], toggles(b)[step]];
        return !x || !y || x.enabled !== y.enabled || (x.conditional ?? null) !== (y.conditional ?? null);
      });
      const injected = (y?: Yaml) => new Set(Object.entries(y?.['knowledge-overrides'] ?? {}).flatMap(([step, o]) => [...(o.prepend ?? []), ...(o.append ?? [])].map((e) => `${step} ${e}`)));
      const [ia, ib] = [injected(a), injected(b)];
      const added = [...ib].filter((x) => !ia.has(x)).sort();
      const dropped = [...ia].filter((x) => !ib.has(x)).sort();
      if (!switched.length && !added.length && !dropped.length) {
        expect(reported, file).toBeUndefined();
        continue;
      }
      changed++;
      expect(reported?.status, file).toBe(!a ? 'added' : !b ? 'removed' : 'changed');
      expect(reported!.stepOverrides.map((s) => s.step).sort(), file).toEqual(switched.sort());
      for (const s of reported!.stepOverrides) {
        expect(s.before?.enabled, `${file} ${s.step}`).toBe(toggles(a)[s.step]?.enabled);
        expect(s.after?.enabled, `${file} ${s.step}`).toBe(toggles(b)[s.step]?.enabled);
        expect(s.after?.conditional ?? null, `${file} ${s.step}`).toBe(toggles(b)[s.step]?.conditional ?? null);
      }
      const pairs = (key: 'injected' | 'dropped') => reported!.injections.flatMap((i) => i[key].map((e) => `${i.step} ${e.name}`)).sort();
      expect(pairs('injected'), file).toEqual(added);
      expect(pairs('dropped'), file).toEqual(dropped);
    }
    return changed;
  }
});
