import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinks } from '../../src/lib/links';
import { RenderMemo } from '../../src/render/renderMemo';
import { renderTree, renderTreeInParallel, type RenderTreeOptions } from '../../src/render/renderTree';
import { loadTree } from '../../src/tree/loadTree';
import { entry, goodTree } from '../helpers/tempTree';
import { extractReleases, haveReleases, type Releases } from '../support/scaffoldReleases';

/** Every body a render wrote, as `<kind>/<name>` and its HTML, and what the render returned. */
function rendered(root: string, base: string, options: RenderTreeOptions = {}) {
  const writes: string[] = [];
  const tree = renderTree(loadTree(root).tree, createLinks(base), { ...options, write: (k, n, html) => writes.push(`${k}/${n}\n${html}`) });
  return { writes, tree };
}

describe('bodies rendered once for every site of a build', () => {
  it('should give each site its own URLs, as rendering it alone does', () => {
    const memo = new RenderMemo();
    const today = rendered('content', '/docs', { memo });
    const pinned = rendered('content', '/docs/v1.0.0', { memo });
    expect(today).toEqual(rendered('content', '/docs'));
    expect(pinned).toEqual(rendered('content', '/docs/v1.0.0'));
    // The second site found every body in the memo.
    expect(memo.hits).toBe(pinned.writes.length);
    expect(pinned.writes.join('\n')).toContain('href="/docs/v1.0.0/kb/');
    expect(pinned.writes.join('\n')).not.toMatch(/href="\/docs\/kb\//);
  });

  it('should render a body again where a file it links to exists in one site and not the other', () => {
    const linking = entry('delta', '', '## Delta\n\nSee [beta](./beta.md#summary) and [zeta](./zeta.md).\n');
    const withZeta = goodTree({ 'knowledge/core/delta.md': linking, 'knowledge/core/zeta.md': entry('zeta') });
    const without = goodTree({ 'knowledge/core/delta.md': linking });
    try {
      const memo = new RenderMemo();
      const a = rendered(withZeta, '/v2/', { memo });
      const b = rendered(without, '/v1/', { memo });
      expect(b).toEqual(rendered(without, '/v1/'));
      expect(a.writes.find((w) => w.startsWith('entries/delta\n'))).toContain('href="/v2/kb/zeta/"');
      expect(b.writes.find((w) => w.startsWith('entries/delta\n'))).not.toContain('zeta/"');
      expect(b.tree.warnings.map((w) => w.expected)).toContainEqual(expect.stringContaining('zeta.md, which is not a page'));
      expect(a.tree.warnings.map((w) => w.expected)).not.toContainEqual(expect.stringContaining('zeta.md'));
      // Every other body of the second tree is the first one's.
      expect(memo.misses - a.writes.length).toBe(1);
    } finally {
      rmSync(withZeta, { recursive: true, force: true });
      rmSync(without, { recursive: true, force: true });
    }
  });

  it('should keep a link placeholder out of the HTML even when the source has NUL characters', () => {
    const root = goodTree({ 'knowledge/core/delta.md': entry('delta', '', '## Delta\n\nA \u00000\u0000 and [beta](./beta.md).\n') });
    try {
      const memo = new RenderMemo();
      rendered(root, '/a/', { memo });
      const again = rendered(root, '/b/', { memo });
      const delta = again.writes.find((w) => w.startsWith('entries/delta\n'))!;
      expect(delta).toContain('href="/b/kb/beta/"');
      expect(delta).not.toContain('\u0000');
      expect(delta).toContain('\uFFFD0\uFFFD');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('should hand remembered and rendered bodies back in tree order on worker threads', async () => {
    const memo = new RenderMemo();
    rendered('content', '/', { memo });
    const writes: string[] = [];
    const tree = loadTree('content').tree;
    // Half the bodies change, so found and rendered ones alternate.
    tree.entries.forEach((e, i) => {
      if (i % 2) e.body += '\n\nA changed paragraph.\n';
    });
    const many = await renderTreeInParallel(tree, createLinks('/v1/'), { memo, workers: 1, projectRoot: process.cwd(), write: (k, n, html) => writes.push(`${k}/${n}\n${html}`) });
    const alone = loadTree('content').tree;
    alone.entries.forEach((e, i) => {
      if (i % 2) e.body += '\n\nA changed paragraph.\n';
    });
    const aloneWrites: string[] = [];
    expect(many).toEqual(renderTree(alone, createLinks('/v1/'), { write: (k, n, html) => aloneWrites.push(`${k}/${n}\n${html}`) }));
    expect(writes).toEqual(aloneWrites);
  }, 30_000);
});

describe.skipIf(!haveReleases)('bodies shared by two real releases', () => {
  let releases: Releases;
  beforeAll(() => {
    releases = extractReleases(['v3.40.0', 'v3.54.0']);
  });
  afterAll(() => releases?.dispose());

  it('should render only the bodies v3.40.0 changed, and publish what rendering it alone publishes', () => {
    const memo = new RenderMemo();
    const older = releases.content.get('v3.40.0')!;
    const newer = releases.content.get('v3.54.0')!;
    rendered(newer, '/', { memo });
    const before = memo.misses;
    const shared = rendered(older, '/v3.40.0/', { memo });
    expect(shared).toEqual(rendered(older, '/v3.40.0/'));
    // Bodies whose markdown differs between the trees, counted from the files.
    const newerBodies = new Map(loadTree(newer).tree.entries.map((e) => [e.file, e.body]));
    const changed = loadTree(older).tree.entries.filter((e) => newerBodies.get(e.file) !== e.body).length;
    const rerendered = memo.misses - before;
    expect(changed).toBeGreaterThan(0);
    expect(rerendered).toBeGreaterThanOrEqual(changed);
    // The rest are the newer release's bodies (a few more render again: they link to entries only one release has).
    expect(memo.hits).toBeGreaterThan(shared.writes.length * 0.8);
  }, 60_000);
});
