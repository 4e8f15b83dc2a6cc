#!/usr/bin/env node
// `npm run bench:same-output -- --base <git ref>`: builds one tree with an earlier commit and
// with the working copy, and lists every output file that differs, so a change meant to move
// code around can show that no page changed. Prints; asserts nothing. Exit 1 when files differ.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { withSettings } from '../src/lib/settings.ts';

const { values: opt } = parseArgs({
  options: {
    base: { type: 'string' },
    content: { type: 'string', default: '../shared/corpus/scaffold/content' },
    site: { type: 'string', default: 'https://kb.example.org' },
    /** Compare bundled assets by name without their content hash, so a page that only names a changed bundle counts as the same. */
    'ignore-asset-hashes': { type: 'boolean', default: false },
  },
});
if (!opt.base) {
  console.error('usage: node bench/sameOutput.mjs --base <git ref> [--content <tree>] [--site <url>]');
  process.exit(2);
}
const content = resolve(opt.content);
const work = resolve('bench/work/same-output');
const baseTree = join(work, 'base');

function build(cwd, outDir) {
  // Both checkouts share node_modules, so Astro's cache there would carry one build's bodies to the other.
  rmSync(join(cwd, '.astro'), { recursive: true, force: true });
  rmSync(resolve('node_modules/.astro'), { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  const env = { ...withSettings(process.env, { KB_CONTENT_DIR: content, SITE_URL: opt.site }), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  execFileSync(process.execPath, ['scripts/build.mjs', '--outDir', outDir], { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });
}

// `_astro/searchUi.CH3ngf5V.js` → `_astro/searchUi.js`
const HASHED = /(_astro\/[\w.@-]+?)\.[\w-]{8}(\.(?:js|css))/g;
const TEXT = /\.(html|js|css|json|txt|xml|md|atom)$/;

function hashes(dir) {
  const out = new Map();
  for (const d of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!d.isFile()) continue;
    const file = join(d.parentPath, d.name);
    let name = relative(dir, file);
    let bytes = readFileSync(file);
    if (opt['ignore-asset-hashes']) {
      name = name.replace(HASHED, '$1$2');
      if (TEXT.test(name)) bytes = Buffer.from(bytes.toString('utf8').replace(HASHED, '$1$2'));
    }
    out.set(name, createHash('sha256').update(bytes).digest('hex'));
  }
  return out;
}

rmSync(work, { recursive: true, force: true });
execFileSync('git', ['worktree', 'prune']);
execFileSync('git', ['worktree', 'add', '--detach', '--force', baseTree, opt.base], { stdio: 'ignore' });
try {
  symlinkSync(resolve('node_modules'), join(baseTree, 'node_modules'));
  const commit = execFileSync('git', ['rev-parse', '--short', opt.base], { encoding: 'utf8' }).trim();
  console.log(`building ${content} with ${opt.base} (${commit}) and with the working copy …`);
  build(baseTree, join(work, 'dist-base'));
  build(process.cwd(), join(work, 'dist-head'));
  const before = hashes(join(work, 'dist-base'));
  const after = hashes(join(work, 'dist-head'));
  const gone = [...before.keys()].filter((f) => !after.has(f));
  const added = [...after.keys()].filter((f) => !before.has(f));
  const changed = [...after.keys()].filter((f) => before.has(f) && before.get(f) !== after.get(f));
  const section = (title, files) => {
    if (!files.length) return;
    const byFolder = Map.groupBy(files, (f) => f.split('/').slice(0, 2).join('/'));
    console.log(`${title} (${files.length}):`);
    for (const [folder, list] of byFolder) console.log(`  ${folder}: ${list.length}${list.length <= 3 ? ` (${list.join(', ')})` : ''}`);
  };
  console.log(`${after.size} files built; ${after.size - added.length - changed.length} identical to ${opt.base}`);
  section('only in the base build', gone);
  section('only in the working copy build', added);
  section('different bytes', changed);
  if (gone.length || added.length || changed.length) process.exitCode = 1;
  else console.log('byte-identical');
} finally {
  if (existsSync(baseTree)) execFileSync('git', ['worktree', 'remove', '--force', baseTree]);
}
