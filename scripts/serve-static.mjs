#!/usr/bin/env node
// A static file server for tests and benchmarks: 127.0.0.1 only, directory URLs served from
// index.html, the site's 404 page with a 404 status. `astro preview` allows one server per
// project, and the tests need two sites at once.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const [dirArg = 'dist', portArg = '4321', baseArg = ''] = process.argv.slice(2);
const root = resolve(dirArg);
const base = baseArg.replace(/\/+$/, '');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

function fileFor(pathname) {
  if (base && !pathname.startsWith(`${base}/`)) return undefined;
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return undefined;
  }
  const full = normalize(join(root, rel));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  if (existsSync(full) && statSync(full).isFile()) return full;
  const index = join(full, 'index.html');
  return existsSync(index) ? index : undefined;
}

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  const file = fileFor(pathname);
  if (!file && !pathname.endsWith('/') && !extname(pathname) && fileFor(`${pathname}/`)) {
    res.writeHead(301, { location: `${pathname}/` }).end();
    return;
  }
  const target = file ?? join(root, '404.html');
  res.writeHead(file ? 200 : 404, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(target).pipe(res);
});
server.listen(Number(portArg), '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${server.address().port}${base}/`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
