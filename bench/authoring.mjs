// What an author waits for: `npm run check`, a rebuild after editing one entry (caches warm),
// and `npm run dev` until its first page answers. Figures only; nothing is asserted.
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './median.mjs';
import { measuredRun } from './measuredRun.mjs';
import { withSettings } from '../src/lib/settings.ts';

const env = (tree) => ({ ...withSettings(process.env, { KB_CONTENT_DIR: tree }), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' });

export async function measureCheck(tree, runs) {
  const walls = [];
  for (let i = 0; i < runs; i++) {
    const res = await measuredRun([process.execPath, 'scripts/check.mjs', tree], { env: env(tree) });
    if (res.status !== 0) throw new Error(`check of ${tree} found problems:\n${res.out.slice(-3000)}`);
    walls.push(res.wallS);
  }
  return { runs: walls, wallS: median(walls) };
}

/** A clean build of a copy, then one entry edited and the build run again with its caches. */
export async function measureWarmRebuild(tree, work) {
  const copy = join(work, 'warm-tree');
  const out = join(work, 'dist-warm');
  rmSync(copy, { recursive: true, force: true });
  cpSync(tree, copy, { recursive: true });
  rmSync('node_modules/.astro', { recursive: true, force: true });
  rmSync('.astro', { recursive: true, force: true });
  const build = async () => {
    const res = await measuredRun([process.execPath, 'scripts/build.mjs', '--outDir', out], { env: env(copy) });
    if (res.status !== 0) throw new Error(`build of ${copy} failed:\n${res.out.slice(-3000)}`);
    return res.wallS;
  };
  const cleanS = await build();
  const domain = readdirSync(join(copy, 'knowledge'), { withFileTypes: true }).find((d) => d.isDirectory()).name;
  const file = join(copy, 'knowledge', domain, readdirSync(join(copy, 'knowledge', domain)).find((f) => f.endsWith('.md') && f !== 'README.md'));
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^## (.*)$/m, '## $1, edited'));
  const warmS = await build();
  rmSync(out, { recursive: true, force: true });
  return { cleanS, warmS, ratio: Math.round((warmS / cleanS) * 100) / 100 };
}

/** `astro dev` on the tree until its home page answers. */
export function measureDevStart(tree, port = 4399) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port)], { env: env(tree), stdio: 'ignore' });
    const deadline = started + 180_000;
    const poll = async () => {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) {
          child.kill('SIGTERM');
          return resolve({ firstPageS: Math.round(performance.now() - started) / 1000 });
        }
      } catch {
        // Not listening yet.
      }
      if (performance.now() > deadline) {
        child.kill('SIGTERM');
        return reject(new Error('astro dev did not answer within 3 minutes'));
      }
      setTimeout(poll, 200);
    };
    poll();
  });
}
