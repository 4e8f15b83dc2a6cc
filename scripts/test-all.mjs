#!/usr/bin/env node
// `npm test`: unit tests, the three builds the checks need, build checks, browser tests.
// Each stage runs as its own process so a failure names the stage that broke.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Older Node runs the TypeScript sources and Vitest itself only part way (Vitest's reporter
// calls Map.groupBy, Node 21+), and fails with errors that do not say why.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`The tests need Node 22.18 or newer (package.json "engines"); this is Node ${process.versions.node}. Run them with npm test, which installs Node 22 into .tools/ when the machine's is older.`);
  process.exit(1);
}
// Loaded after the check: a TypeScript import fails on older Node before any line here runs.
const { SETTING_NAMES } = await import('../src/lib/settings.ts');

const corpus = resolve('../shared/corpus/scaffold/content');
// Three releases of the same knowledge base as git history (see its SOURCE.md).
const bundle = resolve('../shared/corpus/scaffold-versions/scaffold-content.bundle');
const versionsRepo = resolve('.test-report/versions-repo');
const RELEASES = 'v3.30.0,v3.40.0,v3.54.0';
const ci = process.env.CI === 'true';
const astro = ['node_modules/astro/bin/astro.mjs'];
// The build as `npm run build` runs it (heap limit sized to the tree).
const build = ['scripts/build.mjs'];
const report = resolve('.test-report');
rmSync(report, { recursive: true, force: true });
mkdirSync(report, { recursive: true });

function run(label, args, env = {}, log) {
  const started = Date.now();
  console.log(`\n── ${label}`);
  // With `log`, output is captured (and still printed) so a build check can read what the build said.
  const res = spawnSync(process.execPath, args, {
    stdio: log ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  if (log) {
    process.stdout.write(res.stdout ?? '');
    process.stderr.write(res.stderr ?? '');
    writeFileSync(log, `${res.stdout ?? ''}${res.stderr ?? ''}`);
  }
  console.log(`── ${label}: ${res.status === 0 ? 'ok' : `failed (exit ${res.status ?? res.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return res.status === 0;
}

if (!existsSync(corpus) && ci) {
  console.error(`The shared corpus is missing at ${corpus}; CI=true requires it.`);
  process.exit(1);
}

// The checks expect these builds exactly; a BASE_PATH or tree left set in the shell must not leak in.
const EMBEDDED = Object.fromEntries(SETTING_NAMES.map((name) => [name, '']));
const vitest = (dir, name) => ['node_modules/vitest/vitest.mjs', 'run', dir, '--no-file-parallelism', '--reporter=default', '--reporter=json', `--outputFile.json=${report}/${name}.json`];
const stages = [
  // `astro sync` writes the types of `astro:content` that a fresh clone does not have yet.
  () => run('astro sync', [...astro, 'sync'], EMBEDDED),
  () => run('typecheck', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']),
  () => run('unit tests', vitest('tests/unit', 'unit')),
  () => run('build: embedded content → dist/', build, EMBEDDED, `${report}/build-embedded.log`),
  () => run('build: embedded content with BASE_PATH=/kb → dist-base/', [...build, '--outDir', 'dist-base'], { ...EMBEDDED, BASE_PATH: '/kb', SITE_URL: 'https://docs.example.com' }),
  // A GitHub Pages project site: SITE_URL's path is the base path.
  () => run('build: embedded content with SITE_URL=https://org.example/handbook → dist-handbook/', [...build, '--outDir', 'dist-handbook'], { ...EMBEDDED, SITE_URL: 'https://org.example/handbook' }),
  () => (existsSync(corpus) ? run('build: shared corpus → dist-corpus/', [...build, '--outDir', 'dist-corpus'], { ...EMBEDDED, KB_CONTENT_DIR: corpus, KB_ALIASES: 'tests/fixtures/corpus-aliases.yml' }) : (console.log('\n── shared corpus absent: skipping its build'), true)),
  () => {
    if (!existsSync(bundle)) return (console.log('\n── release bundle absent: skipping the versioned build'), true);
    rmSync('dist-versions', { recursive: true, force: true });
    if (spawnSync('git', ['clone', '-q', bundle, versionsRepo], { stdio: 'inherit' }).status !== 0) return false;
    return run(`build: the bundle's releases ${RELEASES} side by side → dist-versions/`, [...build, '--outDir', 'dist-versions'], { ...EMBEDDED, KB_CONTENT_DIR: `${versionsRepo}/content`, KB_VERSIONS: RELEASES, SITE_URL: 'https://kb.example.org' }, `${report}/build-versions.log`);
  },
  () => run('build checks', vitest('tests/build', 'build')),
  () => run('browser tests', ['node_modules/@playwright/test/cli.js', 'test'], { ...EMBEDDED, PLAYWRIGHT_JSON_OUTPUT_NAME: `${report}/e2e.json` }),
];

let ok = true;
for (const stage of stages) {
  if (!stage()) {
    ok = false;
    break;
  }
}

let passed = 0;
let failed = 0;
for (const name of ['unit', 'build']) {
  const file = `${report}/${name}.json`;
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
if (existsSync(`${report}/e2e.json`)) {
  const s = JSON.parse(readFileSync(`${report}/e2e.json`, 'utf8')).stats;
  passed += s.expected;
  failed += s.unexpected;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
