#!/usr/bin/env node
// Search figures on an existing build, without rebuilding: `node bench/search.mjs [--dist dist-corpus] [--loads 10]`.
// Keystroke → first result and → full results (median of fresh page loads), bytes of the first
// query, JS before interaction, and the size of the small search files. Asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { pageWeight } from './measurePages.mjs';
import { measureSearch } from './measureSearch.mjs';

const { values: opt } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist-corpus' },
    loads: { type: 'string', default: '10' },
    queries: { type: 'string', default: 'watermarks,PII,exactly-once,manifest v3,model drift,qqzzxxjj' },
  },
});
const dist = resolve(opt.dist);
if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) throw new Error(`${dist} has no search index: build it first`);
const loads = Number(opt.loads);
const kb = (b) => (b / 1024).toFixed(1);
const gz = (f) => (existsSync(f) ? gzipSync(readFileSync(f), { level: 9 }).length : NaN);

const entry = existsSync(join(dist, 'kb/data-pipeline-streaming-patterns')) ? '/kb/data-pipeline-streaming-patterns/' : '/';
console.log(`| measure | value |\n|---|---|`);
for (const p of ['/', entry, '/search/']) {
  const w = pageWeight(dist, p);
  console.log(`| ${p} JS before interaction (gzip) | ${kb(w.jsGzip)} KB |`);
}
console.log(`| prefix index / vocabulary (gzip) | ${kb(gz(join(dist, 'pagefind/kb-prefix.json')))} KB / ${kb(gz(join(dist, 'pagefind/kb-vocabulary.json')))} KB |`);
const results = await measureSearch({ dist, queries: opt.queries.split(','), loads, startPath: entry });
for (const s of results) {
  console.log(
    `| search "${s.query}": keystroke → first result / full results, median of ${loads} | ${s.firstResultMedianMs} ms / ${s.medianMs} ms; first query ${kb(s.firstQueryBytes.transferred)} KB transferred (${kb(s.firstQueryBytes.gzipped)} KB gzipped, ${s.firstQueryBytes.requests} requests) |`,
  );
}
console.log(JSON.stringify(results));
