import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/tree/loadTree';
import { buildMethodology } from '../../src/lib/kb/projectTypes';
import { indexSteps } from '../../src/lib/kb/stepIndex';
import { buildTopics } from '../../src/lib/kb/topics';
import { lostSpellings } from '../../src/lib/kb/titles';
import { brokenLinks, isRedirectPage, mainText, readBuiltSite } from '../helpers/builtSite';
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
    const names = tree!.entries.map((e) => e.name).sort();
    // Beside each page folder: the entry as markdown. Former names (aliases) are redirect pages.
    const built = readdirSync(join(dist, 'kb')).filter((f) => !f.endsWith('.md') && !isRedirectPage(join(dist, 'kb', f, 'index.html'))).sort();
    expect(built).toEqual(names);
    expect(readdirSync(join(dist, 'kb')).filter((f) => f.endsWith('.md')).sort()).toEqual(names.map((n) => `${n}.md`).sort());
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
    // The one .md link on purpose: an entry's own markdown export ("Copy whole entry as Markdown").
    const dotMd = readBuiltSite(dist).filter((p) => /href="[^"#:]+\.md["#]/.test(p.html.replace(/<a [^>]*data-copy="markdown"[^>]*>/g, ''))).map((p) => p.path);
    expect(dotMd).toEqual([]);
  });
  it('should give every entry a title that keeps its acronyms and brand spellings', () => {
    const pages = readBuiltSite(dist).filter((p) => p.path.startsWith('/kb/') && !isRedirectPage(p.file));
    expect(pages.length).toBe(301);
    const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').trim();
    const lost: string[] = [];
    for (const p of pages) {
      const h1 = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(p.html)?.[1] ?? '');
      const title = decode(/<title>([\s\S]*?)<\/title>/.exec(p.html)?.[1] ?? '');
      expect(title.startsWith(h1), `${p.path}: <title> ${title} does not start with the h1 ${h1}`).toBe(true);
      const words = lostSpellings(h1);
      if (words.length) lost.push(`${p.path}: "${h1}" (${words.join(', ')})`);
    }
    expect(lost).toEqual([]);
    const h1Of = (name: string) => decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(pages.find((p) => p.path === `/kb/${name}/`)!.html)![1]);
    expect(h1Of('ml-security')).toBe('ML Security');
    expect(h1Of('macos-swiftui-appkit-interop')).toBe('macOS SwiftUI AppKit Interop');
  });
});
