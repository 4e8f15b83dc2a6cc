import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnv } from '../helpers/buildTree';
import { goodTree } from '../helpers/tempTree';

function build(root: string, outDir: string) {
  const out = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    env: buildEnv({ KB_CONTENT_DIR: root }),
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(out.status, out.stdout + out.stderr).toBe(0);
}

describe('building again after an edit', () => {
  // Astro keeps its content store between builds; an overlay edit must not be served stale.
  it('should show an overlay change on the next build', () => {
    const root = goodTree();
    const out = join(root, 'dist');
    build(root, out);
    const page = () => readFileSync(join(out, 'types', 'web-app', 'index.html'), 'utf8');
    // The block of the landing page that lists what a web-app project gets at create-prd.
    const createPrd = () => page().split('<details id="step-create-prd"')[1].split('</details>')[0];
    expect(page()).toContain('Web apps.');
    expect(createPrd()).not.toContain('href="/kb/gamma/');

    const overlay = join(root, 'methodology', 'web-app-overlay.yml');
    writeFileSync(overlay, readFileSync(overlay, 'utf8').replace('Web apps.', 'Browser apps, edited.').replace('append: [alpha]', 'append: [alpha, gamma]'));
    build(root, out);
    expect(page()).toContain('Browser apps, edited.');
    expect(createPrd()).toContain('href="/kb/gamma/?path=web-app"');
  }, 240_000);
});
