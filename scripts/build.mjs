#!/usr/bin/env node
// `npm run build`: `astro build` with a V8 heap limit sized to the tree. Left to itself, V8 lets
// the heap grow towards a quarter of the machine's memory before collecting much: a 10,000-entry
// build held 1.6 GB, most of it garbage. A limit of 512 MB plus 50 KB per entry (1 GB at least)
// keeps it near 1 GB there, for ~8% more build time. An explicit --max-old-space-size wins.
// glibc's allocator is asked to return freed memory to the system (allocations of 64 KB and more
// are mapped, free memory past 1 MB trimmed, two arenas): 200 MB less at 10,000 entries.
// Other C libraries ignore these variables.
import { spawn } from 'node:child_process';
import { siteSettings } from '../src/siteSettings.ts';
import { countEntries } from './countEntries.mjs';

function heapLimitMb(entries) {
  return Math.max(1024, 512 + Math.ceil(entries * 0.05));
}

// A bad setting stops here, before Astro starts, with the settings problem list.
const root = siteSettings().contentDir;
const chosen = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '');
const flags = chosen ? [] : [`--max-old-space-size=${heapLimitMb(countEntries(root))}`];
const malloc = { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=65536:glibc.malloc.trim_threshold=1048576', MALLOC_ARENA_MAX: '2' };
const child = spawn(process.execPath, [...flags, 'node_modules/astro/bin/astro.mjs', 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...malloc, ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
