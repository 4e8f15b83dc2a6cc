import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/lib/markdown/renderBody';
import type { LinkTarget } from '../../src/lib/markdown/resolveRelativeLink';
import { resolveRelativeLink } from '../../src/lib/markdown/resolveRelativeLink';

const targets = new Map<string, LinkTarget>([
  ['knowledge/core/testing-strategy.md', { url: '/kb/testing-strategy/', kind: 'entry', name: 'testing-strategy' }],
  ['knowledge/execution/worktree-management.md', { url: '/kb/worktree-management/', kind: 'entry', name: 'worktree-management' }],
]);
const render = (md: string) => renderBody(md, { file: 'knowledge/execution/tdd-loop.md', targets });

describe('rendering entry bodies', () => {
  it("should label each fenced code block with its language in a bar above it", async () => {
    const out = await render('```yaml\nkey: value\n```\n\n```\nplain\n```\n\n```foo-lang\nx\n```\n');
    expect(out.html).toContain('<div class="code"><div class="code-bar" data-pagefind-ignore=""><span class="code-lang">YAML</span></div><pre tabindex="0"><code class="hljs language-yaml">');
    expect(out.html).toContain('<span class="code-lang">Text</span></div><pre tabindex="0"><code>plain');
    expect(out.html).toContain('<span class="code-lang">foo-lang</span>');
    // The copy button needs JavaScript, so the script adds it; the HTML has none.
    expect(out.html).not.toContain('<button');
  });

  it('should turn a leading h1 into the title instead of a second h1', async () => {
    const out = await render('# The Loop\n\nIntro.\n\n# Another Top\n\n## Step\n');
    expect(out.title).toBe('The Loop');
    expect(out.html).not.toContain('<h1');
    expect(out.headings.map((h) => [h.depth, h.text])).toEqual([[2, 'Another Top'], [2, 'Step']]);
  });

  it('should give every heading a stable id and a link to itself', async () => {
    const out = await render('## Setup\n\n### Setup\n\n## Watermarks & Lateness\n');
    expect(out.headings.map((h) => h.slug)).toEqual(['setup', 'setup-1', 'watermarks--lateness']);
    expect(out.html).toContain('<h2 id="setup">Setup<a class="anchor" href="#setup" aria-label="Link to section: Setup" data-pagefind-ignore="">#</a><button type="button" class="anchor-md"');
  });

  it('should rewrite relative links to entry pages and keep anchors', async () => {
    const out = await render('See [testing](../core/testing-strategy.md#unit-tests) and [wt](./worktree-management.md).');
    expect(out.html).toContain('href="/kb/testing-strategy/#unit-tests"');
    expect(out.html).toContain('href="/kb/worktree-management/"');
    expect(out.links.map((l) => l.anchor)).toEqual(['unit-tests', undefined]);
  });

  it('should unlink a link to a file that is not a page and report it', async () => {
    const out = await render('Read [the guide](../../docs/guide.md) now.');
    expect(out.html).toContain('Read the guide now.');
    expect(out.html).not.toContain('.md');
    expect(out.deadLinks[0].reason).toContain('../../docs/guide.md');
  });

  it('should render task lists as text and footnotes as links within the page', async () => {
    const out = await render('- [ ] to do\n- [x] done\n\nA claim.[^1]\n\n[^1]: The source.\n');
    expect(out.html).toContain('<li>☐ to do</li>');
    expect(out.html).toContain('<li>☑ done</li>');
    expect(out.html).toMatch(/href="#fn1"/);
    expect(out.deadLinks).toEqual([]);
  });

  it('should give an empty heading an id and decode encoded anchors', async () => {
    const out = await render('## ![img](x.png)\n\n## Über uns\n\n[up](../core/testing-strategy.md#%C3%BCber)\n');
    expect(out.headings.map((h) => h.slug)).toEqual(['section', 'über-uns']);
    expect(out.links[0].anchor).toBe('über');
  });

  it('should leave external and in-page links alone', async () => {
    const out = await render('[a](https://example.org/x.md) [b](#setup) [c](mailto:a@b.c)');
    expect(out.html).toContain('href="https://example.org/x.md"');
    expect(out.html).toContain('href="#setup"');
    expect(out.deadLinks).toEqual([]);
  });

  it('should render GFM tables inside a focusable scroll region', async () => {
    const out = await render('| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(out.html).toMatch(/<div class="table-wrap" tabindex="0" role="region" aria-label="Table 1: a b"><table>/);
    expect(out.html).toContain('<td>1</td>');
  });

  it('should highlight known languages and render unknown ones as plain code', async () => {
    const out = await render('```python\ndef f():\n    return 1\n```\n\n```made-up-lang\nx := y\n```\n');
    expect(out.html).toContain('<span class="hljs-keyword">def</span>');
    expect(out.html).toContain('x := y');
  });
});

describe('resolving relative links', () => {
  it('should resolve ../ and ./ against the source file', () => {
    expect(resolveRelativeLink('knowledge/core/a.md', '../execution/worktree-management.md', targets)).toMatchObject({
      action: 'rewrite',
      url: '/kb/worktree-management/',
    });
  });
  it('should keep absolute URLs', () => {
    expect(resolveRelativeLink('knowledge/core/a.md', 'https://x.org/', targets)).toEqual({ action: 'keep' });
  });
});
