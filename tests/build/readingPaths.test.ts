import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/tree/loadTree';
import type { KnowledgeTree } from '../../src/lib/kb/types';
import { CORPUS_CONTENT, corpusAvailable, SITES } from './sites';

/**
 * What each project type gets, computed straight from the files, not through the site model:
 * every step that runs for the type (its overlay's step override, else the deepest preset,
 * else it runs) contributes its own `knowledge-base` (minus the overlay's removals, with its
 * replacements) plus the overlay's and its sub-overlays' prepends and appends.
 */
function expectedEntries(tree: KnowledgeTree): Map<string, Set<string>> {
  const deepest = [...tree.presets].sort((a, b) => b.data.default_depth - a.data.default_depth)[0];
  const out = new Map<string, Set<string>>();
  const types = new Set(tree.overlays.map((o) => o.data['project-type']).filter((t): t is string => !!t));
  for (const type of types) {
    const base = tree.overlays.find((o) => o.data['project-type'] === type && !o.data.domain)?.data;
    const subs = tree.overlays.filter((o) => o.data['project-type'] === type && o.data.domain).map((o) => o.data);
    const steps = new Set([...tree.steps.map((s) => s.name), ...[base, ...subs].flatMap((o) => (o ? Object.keys(o['knowledge-overrides']) : []))]);
    const got = new Set<string>();
    for (const step of steps) {
      const toggle = base?.['step-overrides'][step] ?? deepest?.data.steps[step];
      if (toggle && !toggle.enabled) continue;
      const o = base?.['knowledge-overrides'][step];
      const own = tree.steps.find((s) => s.name === step)?.data['knowledge-base'] ?? [];
      for (const n of own) if (!o?.remove?.includes(n)) got.add(o?.replace?.[n] ?? n);
      for (const n of [...(o?.prepend ?? []), ...(o?.append ?? [])]) got.add(n);
      for (const sub of subs) for (const n of [...(sub['knowledge-overrides'][step]?.prepend ?? []), ...(sub['knowledge-overrides'][step]?.append ?? [])]) got.add(n);
    }
    out.set(type, got);
  }
  return out;
}

const listed = (html: string, id: string) => {
  const list = new RegExp(`<ol id="${id}"[^>]*>([\\s\\S]*?)</ol>`).exec(html)?.[1];
  // Links carry the reader's path (`/kb/<name>/?path=<type>`), so the entry's page keeps it.
  return list === undefined ? undefined : [...list.matchAll(/<li[^>]*>\s*<div class="path-head">\s*<a href="[^"]*\/kb\/([^/"]+)\/(?:\?[^"#]*)?"/g)].map((m) => decodeURIComponent(m[1]));
};

// The tree is read when a test runs, not while tests are collected: a skipped suite is still
// collected, and on a fresh clone the corpus is not there to read.
function checkSite(dist: string, readTree: () => KnowledgeTree) {
  let tree: KnowledgeTree | undefined;
  let cached: Map<string, Set<string>> | undefined;
  const treeOf = () => (tree ??= readTree());
  const expectedOf = () => (cached ??= expectedEntries(treeOf()));

  it('should list, on every landing, each distinct entry the type gets exactly once', () => {
    const expected = expectedOf();
    expect(expected.size).toBeGreaterThan(0);
    for (const [type, entries] of expected) {
      const html = readFileSync(join(dist, 'types', type, 'index.html'), 'utf8');
      const path = listed(html, 'reading-path');
      expect(path, `${type}: no <ol id="reading-path">`).toBeDefined();
      expect(new Set(path).size, `${type}: an entry is listed twice`).toBe(path!.length);
      expect([...path!].sort(), type).toEqual([...entries].sort());
      // The "this type only" list, when there is one, is a subsequence of the full path.
      const own = listed(html, 'reading-path-own');
      if (own) expect(path!.filter((n) => own.includes(n)), type).toEqual(own);
    }
  });

  it('should say on every landing when the tree carries only the types\' own knowledge (no step names base knowledge)', () => {
    const typesOnly = treeOf().steps.every((s) => s.data['knowledge-base'].length === 0);
    for (const type of expectedOf().keys()) {
      const html = readFileSync(join(dist, 'types', type, 'index.html'), 'utf8');
      const note = /<p id="types-only">([\s\S]*?)<\/p>/.exec(html)?.[1].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
      if (!typesOnly) expect(note, type).toBeUndefined();
      else {
        expect(note, `${type}: the note on the reading path`).toBeDefined();
        expect(note).toContain("carries only the project types' own knowledge");
        expect(note).toContain(`only the entries the ${type} overlay adds`);
      }
    }
  });

  it('should give step blocks unique, stable ids', () => {
    for (const type of expectedOf().keys()) {
      const html = readFileSync(join(dist, 'types', type, 'index.html'), 'utf8');
      const ids = [...html.matchAll(/<details id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length, type).toBeGreaterThan(0);
      expect(new Set(ids).size, `${type}: duplicate step ids`).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^step-[a-z0-9-]+$/);
      const all = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(all.filter((id, i) => all.indexOf(id) !== i), `${type}: duplicate ids`).toEqual([]);
    }
  });
}

describe('reading paths of the embedded site', () => {
  checkSite(SITES.embedded, () => loadTree(join(process.cwd(), 'content')).tree);
});

describe.runIf(corpusAvailable && existsSync(join(SITES.corpus, 'index.html')))('reading paths of the corpus site', () => {
  checkSite(SITES.corpus, () => loadTree(CORPUS_CONTENT).tree);
});
