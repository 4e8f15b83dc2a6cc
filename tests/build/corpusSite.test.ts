import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/lib/kb/loadTree';
import { buildMethodology } from '../../src/lib/kb/projectTypes';
import { indexSteps } from '../../src/lib/kb/stepIndex';
import { buildTopics } from '../../src/lib/kb/topics';
import { brokenLinks, mainText, readBuiltSite } from '../helpers/builtSite';
import { CORPUS_CONTENT, corpusAvailable, requireCorpus, SITES } from './sites';

describe.runIf(corpusAvailable || requireCorpus)('the site built from the shared corpus', () => {
  const dist = SITES.corpus;

  it('should have been built', () => {
    expect(corpusAvailable, `${CORPUS_CONTENT} is missing (required when CI=true)`).toBe(true);
    expect(existsSync(join(dist, 'index.html')), `no build in ${dist}; run npm test`).toBe(true);
  });

  const { tree } = corpusAvailable ? loadTree(CORPUS_CONTENT) : { tree: undefined };

  it('should have one entry page per knowledge entry', () => {
    expect(tree!.entries).toHaveLength(301);
    const built = readdirSync(join(dist, 'kb')).sort();
    expect(built).toEqual(tree!.entries.map((e) => e.name).sort());
  });

  it('should have one landing page per project type and one page per topic', () => {
    const model = buildMethodology(tree!, indexSteps(tree!.steps));
    expect(model.projectTypes.length).toBeGreaterThanOrEqual(14);
    for (const t of model.projectTypes) expect(existsSync(join(dist, 'types', t.id, 'index.html')), t.id).toBe(true);
    const topics = buildTopics(tree!.entries);
    expect(readdirSync(join(dist, 'topics')).filter((f) => f !== 'index.html').sort()).toEqual(topics.map((t) => t.slug).sort());
    expect(existsSync(join(dist, 'overlays', 'multi-service', 'index.html'))).toBe(true);
  });

  it('should resolve every internal link and anchor', () => {
    expect(brokenLinks(dist)).toEqual([]);
  });

  it('should give every page a non-empty main', () => {
    const empty = readBuiltSite(dist).filter((p) => mainText(p.html).length < 20).map((p) => p.path);
    expect(empty).toEqual([]);
  });

  it('should render exactly one h1 on every page', () => {
    const wrong = readBuiltSite(dist).filter((p) => (p.html.match(/<h1[\s>]/g) ?? []).length !== 1).map((p) => p.path);
    expect(wrong).toEqual([]);
  });

  it('should write a search index covering every entry', () => {
    expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(301);
  });

  it('should rewrite upstream relative .md links to entry pages', () => {
    const html = readBuiltSite(dist).find((p) => p.path === '/kb/per-worktree-environments/')!.html;
    expect(html).toContain('href="/kb/worktree-management/"');
    const dotMd = readBuiltSite(dist).filter((p) => /href="[^"#:]+\.md["#]/.test(p.html)).map((p) => p.path);
    expect(dotMd).toEqual([]);
  });
});
