#!/usr/bin/env node
// `npm run bench`: build cost, page weight and search latency on a real tree, and how build
// cost grows on synthetic trees. Prints figures and writes them to bench/results/; asserts nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateTree } from './generateTree.mjs';
import { dirStats, entryPageMedians, pageWeight } from './measurePages.mjs';
import { median } from './median.mjs';
import { measureSearch } from './measureSearch.mjs';
import { buildStarlight } from './starlight.mjs';
import { measuredRun } from './measuredRun.mjs';
import { withSettings } from '../src/lib/settings.ts';
import { measureCheck, measureDevStart, measureWarmRebuild } from './authoring.mjs';
import { RELEVANCE_QUERIES } from '../tests/build/relevanceQueries.ts';

const { values: opt } = parseArgs({
  options: {
    content: { type: 'string', default: '../shared/corpus/scaffold/content' },
    runs: { type: 'string' },
    sizes: { type: 'string' },
    loads: { type: 'string' },
    label: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-scale': { type: 'boolean', default: false },
    'no-authoring': { type: 'boolean', default: false },
    /** Also build the tree with a stock Starlight site (installed into bench/work/) and print the ratios. */
    'vs-starlight': { type: 'boolean', default: false },
    /** A git bundle of releases (../shared/corpus/scaffold-versions/scaffold-content.bundle): the versioned site's cost against its latest release alone. */
    versions: { type: 'string' },
    'version-list': { type: 'string', default: 'v3.30.0,v3.40.0,v3.54.0' },
    /** Skip the first-query bytes of every relevance-suite query (shared corpus only). */
    'no-relevance-bytes': { type: 'boolean', default: false },
  },
});
const quick = opt.quick;
const runs = Number(opt.runs ?? (quick ? 1 : 3));
const sizes = (opt.sizes ?? (quick ? '1000' : '1000,3000,10000')).split(',').map(Number).filter(Boolean);
const loads = Number(opt.loads ?? (quick ? 3 : 10));
const content = resolve(opt.content);
const work = resolve('bench/work');
const label = opt.label ?? (quick ? 'quick' : 'full');
const QUERIES = ['watermarks', 'PII', 'exactly-once', 'manifest v3', 'model drift', 'qqzzxxjj'];
mkdirSync(work, { recursive: true });

const num = (re, text) => {
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
};

/** One clean build in its own process; the OS reports CPU time, /proc the memory of its process tree. */
async function build(tree, outDir, settings = {}) {
  rmSync(outDir, { recursive: true, force: true });
  rmSync('.astro', { recursive: true, force: true });
  rmSync('node_modules/.astro', { recursive: true, force: true });
  const cmd = [process.execPath, 'scripts/build.mjs', '--outDir', outDir];
  const res = await measuredRun(cmd, { env: { ...withSettings(process.env, { KB_CONTENT_DIR: tree, ...settings }), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' } });
  const out = res.out;
  if (res.status !== 0) throw new Error(`build of ${tree} failed:\n${out.slice(-6000)}`);
  return {
    wallS: res.wallS,
    cpuS: res.cpuS,
    peakRssMb: res.peakRssMb,
    peakTreeMb: res.peakTreeMb,
    peakByCommandMb: res.peakByCommandMb,
    phases: {
      contentSyncS: num(/\[types\] Generated ([\d.]+)s/, out) ?? (num(/\[types\] Generated (\d+)ms/, out) ?? 0) / 1000,
      renderS: num(/generating static routes[\s\S]*?Completed in ([\d.]+)s/, out) ?? (num(/generating static routes[\s\S]*?Completed in (\d+)ms/, out) ?? NaN) / 1000,
      pagefindS: (num(/indexed \d+ pages (?:\(\d+ of them while pages were generated\) )?in (\d+) ms/, out) ?? NaN) / 1000,
      astroTotalS: num(/page\(s\) built in ([\d.]+)s/, out),
    },
    pages: num(/(\d+) page\(s\) built/, out),
    ogImages: {
      drawn: num(/preview images \((\d+) drawn/, out),
      cpuS: num(/drawing took ([\d.]+) s CPU/, out),
      waitedS: (num(/the build waited (\d+) ms for it/, out) ?? NaN) / 1000,
    },
  };
}

const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const kb = (b) => round(b / 1024, 1);

function representativePages(dist) {
  const first = (dir) => (existsSync(join(dist, dir)) ? readdirSync(join(dist, dir)).filter((f) => f !== 'index.html').sort()[0] : undefined);
  const entry = existsSync(join(dist, 'kb/data-pipeline-streaming-patterns')) ? 'data-pipeline-streaming-patterns' : first('kb');
  const type = existsSync(join(dist, 'types/data-pipeline')) ? 'data-pipeline' : first('types');
  return { entry: `/kb/${entry}/`, landing: `/types/${type}/`, home: '/' };
}

const report = {
  date: new Date().toISOString(),
  label,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGb: round(totalmem() / 2 ** 30), node: process.version },
  tree: content,
  builds: [],
};

console.log(`Benchmark "${label}": ${runs} clean build(s) of ${content}`);
const dist = join(work, 'dist');
const starlightRuns = [];
for (let i = 0; i < runs; i++) {
  const b = await build(content, dist);
  report.builds.push(b);
  console.log(`  run ${i + 1}: ${b.wallS} s wall, ${b.cpuS} s CPU, peak ${b.peakTreeMb} MB for the process tree (${JSON.stringify(b.peakByCommandMb)}), phases ${JSON.stringify(b.phases)}`);
  if (opt['vs-starlight']) {
    // Interleaved with ours, one build at a time: a machine that slows down during the run
    // slows both, and two builds at once would share the cores unevenly.
    const sl = await buildStarlight(content, work);
    starlightRuns.push(sl);
    console.log(`  Starlight run ${i + 1}: ${sl.wallS} s wall, peak ${sl.peakTreeMb} MB for the process tree, ${sl.pages} pages`);
  }
}
const med = (f) => round(median(report.builds.map(f).filter((x) => x !== undefined)), 2);
report.median = { wallS: med((b) => b.wallS), cpuS: med((b) => b.cpuS), peakRssMb: med((b) => b.peakRssMb), peakTreeMb: med((b) => b.peakTreeMb) };
const site = dirStats(dist);
const index = dirStats(join(dist, 'pagefind'));
report.output = { pages: site.pages, distBytes: site.bytes, indexBytes: index.bytes, indexFiles: index.files };
const rep = representativePages(dist);
report.entryMedian = entryPageMedians(dist);
report.pageWeight = Object.fromEntries(Object.entries(rep).map(([k, p]) => [k, pageWeight(dist, p)]));

if (!opt['no-search']) {
  console.log(`Search: ${QUERIES.length} queries × ${loads} fresh page loads`);
  report.search = await measureSearch({ dist, queries: QUERIES, loads, startPath: rep.entry });
}

if (!opt['no-search'] && !opt['no-relevance-bytes'] && existsSync(join(dist, 'kb', RELEVANCE_QUERIES[0].expect))) {
  // Bytes do not vary between loads: one load per query of the whole relevance suite.
  console.log(`Search: first-query bytes over the ${RELEVANCE_QUERIES.length} queries of the relevance suite`);
  const suite = await measureSearch({ dist, queries: RELEVANCE_QUERIES.map((r) => r.q), loads: 1, startPath: rep.entry });
  const sizes = suite.map((r) => ({ query: r.query, gzipKb: kb(r.firstQueryBytes.gzipped), transferredKb: kb(r.firstQueryBytes.transferred) }));
  const largest = sizes.reduce((a, b) => (b.gzipKb > a.gzipKb ? b : a));
  report.relevanceBytes = { queries: sizes.length, medianGzipKb: round(median(sizes.map((s) => s.gzipKb))), largest, over150: sizes.filter((s) => s.gzipKb > 150).map((s) => s.query), sizes };
}

if (opt.versions) {
  // The releases side by side against the latest alone, interleaved, from clean each time
  // (the extracted trees and preview cards are rebuilt too).
  const releases = opt['version-list'].split(',');
  const latest = releases.at(-1);
  const repo = join(work, 'releases');
  rmSync(repo, { recursive: true, force: true });
  execFileSync('git', ['clone', '-q', resolve(opt.versions), repo]);
  execFileSync('git', ['-C', repo, 'checkout', '-q', latest]);
  const site = { SITE_URL: 'https://kb.example.org' };
  const alone = [];
  const all = [];
  console.log(`Versions: ${releases.join(', ')} side by side against ${latest} alone, ${runs} run(s) each, interleaved`);
  for (let i = 0; i < runs; i++) {
    alone.push(await build(join(repo, 'content'), join(work, 'dist-release'), site));
    all.push(await build(join(repo, 'content'), join(work, 'dist-releases'), { ...site, KB_VERSIONS: releases.join(',') }));
    console.log(`  run ${i + 1}: ${latest} alone ${alone[i].wallS} s / ${alone[i].peakTreeMb} MB; all ${all[i].wallS} s / ${all[i].peakTreeMb} MB, ${all[i].pages} pages`);
  }
  const m = (list, f) => round(median(list.map(f)), 2);
  report.versions = {
    releases,
    alone: { wallS: m(alone, (b) => b.wallS), peakTreeMb: m(alone, (b) => b.peakTreeMb), pages: alone[0].pages },
    all: { wallS: m(all, (b) => b.wallS), peakTreeMb: m(all, (b) => b.peakTreeMb), pages: all[0].pages },
  };
  report.versions.timeRatio = round(report.versions.all.wallS / report.versions.alone.wallS, 2);
  report.versions.memoryRatio = round(report.versions.all.peakTreeMb / report.versions.alone.peakTreeMb, 2);
  if (!opt['no-search']) {
    // Search as a reader of the oldest release meets it: that release's own index.
    report.versions.search = await measureSearch({ dist: join(work, 'dist-releases'), queries: QUERIES.slice(0, 3), loads, startPath: `/${releases[0]}/kb/data-pipeline-streaming-patterns/` });
  }
}

if (!opt['no-authoring']) {
  console.log('Authoring: npm run check, a rebuild after editing one entry, npm run dev until its first page');
  const check = await measureCheck(content, runs);
  report.authoring = { check, checkRatio: round(check.wallS / report.median.wallS, 2), warm: await measureWarmRebuild(content, work), dev: await measureDevStart(content) };
}

if (!opt['no-scale']) {
  report.scale = [];
  for (const n of sizes) {
    const tree = join(work, `tree-${n}`, 'content');
    const gen = generateTree(tree, n);
    console.log(`Scale: ${n} synthetic entries (${gen.topics} topics, ${gen.domains} domains)`);
    const b = await build(tree, join(work, `dist-${n}`));
    const idx = dirStats(join(work, `dist-${n}`, 'pagefind'));
    report.scale.push({ entries: n, ...b, perEntryMs: round((b.wallS * 1000) / n, 1), indexBytes: idx.bytes });
    rmSync(join(work, `dist-${n}`), { recursive: true, force: true });
  }
  const base = report.median.wallS * 1000;
  report.realPerEntryMs = round(base / readdirSync(join(dist, 'kb')).filter((f) => !f.endsWith('.md')).length, 1);
}

if (starlightRuns.length) {
  const wallS = round(median(starlightRuns.map((b) => b.wallS)), 2);
  const peakTreeMb = round(median(starlightRuns.map((b) => b.peakTreeMb)), 0);
  report.starlight = { runs: starlightRuns, median: { wallS, peakTreeMb }, wallRatio: round(report.median.wallS / wallS, 2), memoryRatio: round(report.median.peakTreeMb / peakTreeMb, 2) };
}

const lines = [];
lines.push(`| measure | value |`, `|---|---|`);
lines.push(`| clean build, median of ${runs} (wall / CPU / peak memory of the process tree / largest process) | ${report.median.wallS} s / ${report.median.cpuS} s / ${report.median.peakTreeMb} MB / ${report.median.peakRssMb} MB |`);
const ph = report.builds[0].phases;
lines.push(`| phases of run 1 (content sync / page render / pagefind) | ${ph.contentSyncS} s / ${ph.renderS} s / ${ph.pagefindS} s |`);
const og = report.builds[0].ogImages;
if (og?.drawn !== undefined) lines.push(`| preview images in run 1 (drawn / CPU on the second core / build waited at the end) | ${og.drawn} / ${og.cpuS} s / ${og.waitedS} s |`);
lines.push(`| output | ${report.output.pages} pages, ${round(report.output.distBytes / 2 ** 20)} MB; index ${round(report.output.indexBytes / 2 ** 20, 2)} MB in ${report.output.indexFiles} files |`);
if (report.entryMedian) lines.push(`| median entry page over ${report.entryMedian.pages} (HTML raw / gzip) | ${kb(report.entryMedian.rawBytes)} KB / ${kb(report.entryMedian.gzipBytes)} KB |`);
for (const [k, w] of Object.entries(report.pageWeight)) {
  lines.push(`| ${k} \`${w.path}\` HTML raw / gzip | ${kb(w.htmlBytes)} KB / ${kb(w.htmlGzip)} KB |`);
  lines.push(`| ${k} CSS / JS before interaction (gzip) | ${kb(w.cssGzip)} KB / ${kb(w.jsGzip)} KB |`);
}
for (const s of report.search ?? []) {
  lines.push(`| search "${s.query}": keystroke → first result / full results, median of ${loads} | ${s.firstResultMedianMs} ms / ${s.medianMs} ms; first query ${kb(s.firstQueryBytes.transferred)} KB transferred (${kb(s.firstQueryBytes.gzipped)} KB gzipped, ${s.firstQueryBytes.requests} requests) |`);
}
if (report.versions) {
  const v = report.versions;
  lines.push(`| ${v.releases.join(', ')} side by side: clean build (median wall / peak memory of the process tree; pages) | ${v.all.wallS} s / ${v.all.peakTreeMb} MB; ${v.all.pages} pages |`);
  lines.push(`| ${v.releases.at(-1)} alone, same way | ${v.alone.wallS} s / ${v.alone.peakTreeMb} MB; ${v.alone.pages} pages |`);
  lines.push(`| versioned ÷ latest alone (time / memory) | ${v.timeRatio}× / ${v.memoryRatio}× |`);
  for (const q of v.search ?? []) lines.push(`| versioned site, search "${q.query}" from ${v.releases[0]}: first result / full results; first query | ${q.firstResultMedianMs} ms / ${q.medianMs} ms; ${kb(q.firstQueryBytes.gzipped)} KB gzipped (${q.firstQueryBytes.requests} requests) |`);
}
if (report.relevanceBytes) {
  const r = report.relevanceBytes;
  lines.push(`| first-query bytes over the ${r.queries} relevance queries (gzip: median / largest) | ${r.medianGzipKb} KB / ${r.largest.gzipKb} KB ("${r.largest.query}"); over 150 KB: ${r.over150.length ? r.over150.join(', ') : 'none'} |`);
}
for (const s of report.scale ?? []) {
  lines.push(`| ${s.entries} synthetic entries | ${s.wallS} s, ${s.peakTreeMb} MB process tree (largest process ${s.peakRssMb} MB), ${s.perEntryMs} ms/entry, index ${round(s.indexBytes / 2 ** 20, 1)} MB |`);
}
if (report.starlight) {
  const st = report.starlight;
  lines.push(`| same tree, stock Starlight (median wall / peak memory of the process tree) | ${st.median.wallS} s / ${st.median.peakTreeMb} MB |`);
  lines.push(`| scaffold-kb ÷ Starlight (wall / memory) | ${st.wallRatio}× / ${st.memoryRatio}× |`);
}
if (report.authoring) {
  const a = report.authoring;
  lines.push(`| npm run check, median of ${a.check.runs.length} (÷ clean build) | ${a.check.wallS} s (${a.checkRatio}×) |`);
  lines.push(`| rebuild after editing one entry (clean build of the same copy; ratio) | ${a.warm.warmS} s (${a.warm.cleanS} s; ${a.warm.ratio}×) |`);
  lines.push(`| npm run dev: start until the first page answers | ${a.dev.firstPageS} s |`);
}
if (report.realPerEntryMs) lines.push(`| real tree per entry | ${report.realPerEntryMs} ms/entry |`);
const table = lines.join('\n');
console.log(`\n${table}\n`);

mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${report.date.slice(0, 10)}-${label}.json`;
writeFileSync(file, JSON.stringify({ ...report, table }, null, 2) + '\n');
console.log(`written to ${file}`);
