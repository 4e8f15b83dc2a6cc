#!/usr/bin/env node
// The static server behind `npm start`, `npm run preview`, the browser tests and benchmarks:
// `node scripts/serve-static.mjs [dir=dist] [port=4321] [base=$BASE_PATH]`.
// 127.0.0.1 only; directory URLs served from index.html; the site's own 404 page with a 404
// status. It never shows internals: malformed or hostile URLs (`/%2F..%2F`, `%E0%A4%A`, NUL
// bytes, `..`, links out of the folder) get the 404 page or a plain 400, and any failure a
// plain 500 with no message, path or stack. It replaces `astro preview`, which answered an
// encoded slash with a stack trace naming absolute paths, and allows one server per project.
// Response headers come from the build's `_headers` file, applied as Netlify and Cloudflare
// Pages apply it, so what the tests see is what those hosts send.
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import { headersFor, hostHeaderRules, parseHeadersFile } from '../src/lib/hostHeaders.ts';
import { normalizeBase } from '../src/lib/links.ts';
import { siteSettings } from '../src/siteSettings.ts';

const [dirArg = 'dist', portArg = '4321', baseArg] = process.argv.slice(2);
if (!existsSync(resolve(dirArg, 'index.html'))) {
  console.error(`No built site in ${dirArg}/: run \`npm run build\` first.`);
  process.exit(1);
}
const root = realpathSync(resolve(dirArg));
const base = baseArg === undefined ? siteSettings().basePath : normalizeBase(baseArg);
const headersFile = join(root, '_headers');
// A build from before `_headers` existed gets the same headers from their source.
const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : hostHeaderRules(base);
const notFoundPage = join(root, '404.html');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};
/** What the host sends for `pathname`; locally every file is revalidated unless `_headers` says otherwise. */
function headersOf(pathname) {
  const out = { 'cache-control': 'no-cache' };
  for (const [name, value] of Object.entries(headersFor(rules, pathname))) out[name.toLowerCase()] = value;
  return out;
}

const inside = (p) => p === root || p.startsWith(root + sep);

/** The file a URL path names, only if it is a regular file inside the served folder. */
function fileFor(pathname) {
  if (base && pathname !== base && !pathname.startsWith(`${base}/`)) return undefined;
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return undefined;
  }
  if (rel.includes('\0') || rel.includes('\\')) return undefined;
  const full = normalize(join(root, rel));
  if (!inside(full)) return undefined;
  // `/topics` is redirected to `/topics/` (below), so relative URLs and canonical links agree.
  for (const candidate of pathname.endsWith('/') ? [join(full, 'index.html')] : [full]) {
    try {
      if (!existsSync(candidate)) continue;
      const real = realpathSync(candidate);
      // `_headers` is the host's configuration, not a page: hosts do not serve it.
      if (inside(real) && real !== headersFile && statSync(real).isFile()) return real;
    } catch {
      // Unreadable, a loop, a name the OS refuses: not found, like any missing file.
    }
  }
  return undefined;
}

/** Text is sent gzipped when the client takes it, as static hosts do; Pagefind's files are gzip already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.txt', '.svg']);

function send(req, res, status, file, head, pathname) {
  const gzip = COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(status, {
    ...headersOf(pathname),
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    ...(COMPRESSIBLE.has(extname(file)) ? { vary: 'accept-encoding' } : {}),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  if (head) return res.end();
  const body = createReadStream(file).on('error', () => res.destroy());
  (gzip ? body.pipe(createGzip()).on('error', () => res.destroy()) : body).pipe(res);
}

function plain(res, status, text, pathname = '/') {
  res.writeHead(status, { ...headersOf(pathname), 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
}

const server = createServer((req, res) => {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return plain(res, 405, 'Method not allowed');
    }
    const head = req.method === 'HEAD';
    let pathname;
    try {
      // Only the path matters; `//host` must not be read as an authority.
      pathname = new URL(`http://127.0.0.1/${(req.url ?? '/').replace(/^\/+/, '')}`).pathname;
    } catch {
      return plain(res, 400, 'Bad request');
    }
    const file = fileFor(pathname);
    if (file) return send(req, res, 200, file, head, pathname);
    if (!pathname.endsWith('/') && !extname(pathname) && fileFor(`${pathname}/`)) {
      // Same-origin path only: leading slashes collapsed, so this can never redirect off-site.
      res.writeHead(301, { ...headersOf(pathname), location: `${pathname.replace(/^\/+/, '/')}/` }).end();
      return;
    }
    if (existsSync(notFoundPage)) return send(req, res, 404, notFoundPage, head, pathname);
    return plain(res, 404, 'Not found', pathname);
  } catch {
    if (!res.headersSent) plain(res, 500, 'Internal error');
    else res.destroy();
  }
});
server.on('clientError', (_err, socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
server.listen(Number(portArg), '127.0.0.1', () => console.log(`serving ${dirArg} at http://127.0.0.1:${server.address().port}${base}/`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
