import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/tree/loadTree';
import { renderTree, renderTreeInParallel } from '../../src/render/renderTree';
import { createLinks } from '../../src/lib/links';
import { MARKDOWN_FOR_WORKERS, workersFor } from '../../src/render/renderPool';
import { entry, goodTree } from '../helpers/tempTree';

/** The embedded tree plus entries that warn (a dead link, a missing anchor) and one that fails (a script URL). */
function treeWithProblems() {
  const root = goodTree({
    'knowledge/core/delta.md': entry('delta', '', '## Delta\n\nSee [alpha](./alpha.md#nowhere) and [gone](./gone.md).\n\n```ts\nconst a: number = 1;\n```\n'),
    'knowledge/core/epsilon.md': entry('epsilon', '', '## E\n\n[x](javascript:alert(1)) and ![chart](https://example.org/c.png)\n'),
  });
  return root;
}

describe('rendering markdown on worker threads', () => {
  it('should give what one thread gives, body for body, in the same order', async () => {
    for (const root of ['content', treeWithProblems()]) {
      const writes: string[][] = [[], []];
      const one = renderTree(loadTree(root).tree, createLinks('/base'), { write: (k, n, html) => writes[0].push(`${k}/${n}\n${html}`) });
      const tree = loadTree(root).tree;
      const many = await renderTreeInParallel(tree, createLinks('/base'), {
        write: (k, n, html) => writes[1].push(`${k}/${n}\n${html}`),
        releaseSources: true,
        workers: 2,
        projectRoot: process.cwd(),
      });
      expect(writes[1]).toEqual(writes[0]);
      expect(writes[0].length).toBeGreaterThan(3);
      expect(many).toEqual(one);
      expect(tree.entries.every((e) => e.body === '')).toBe(true);
      if (root !== 'content') {
        expect(many.problems.map((p) => p.file)).toEqual(['knowledge/core/epsilon.md']);
        expect(many.warnings.map((w) => w.expected)).toEqual(expect.arrayContaining([expect.stringContaining('#nowhere')]));
        rmSync(root, { recursive: true, force: true });
      }
    }
  }, 30_000);

  it('should fail naming the worker script when it cannot run', async () => {
    const { tree } = loadTree('content');
    await expect(renderTreeInParallel(tree, createLinks(''), { workers: 1, projectRoot: '/nonexistent' })).rejects.toThrow(/\/nonexistent\/src\/render\/renderWorker\.mjs/);
  }, 30_000);

  it('should use workers only for trees big enough to pay for them, one core short of all, three at most', () => {
    expect(workersFor(MARKDOWN_FOR_WORKERS - 1, 8)).toBe(0);
    expect(workersFor(MARKDOWN_FOR_WORKERS, 2)).toBe(1);
    expect(workersFor(MARKDOWN_FOR_WORKERS, 16)).toBe(3);
    expect(workersFor(MARKDOWN_FOR_WORKERS * 10, 1)).toBe(0);
  });
});
