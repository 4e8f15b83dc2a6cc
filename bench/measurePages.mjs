// Page weight as a first visit pays it: the HTML, plus the CSS and JS the page loads before
// any interaction (static imports followed, dynamic imports not: those wait for the reader).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './median.mjs';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

export function dirStats(dir) {
  let bytes = 0;
  let files = 0;
  let pages = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else {
        bytes += st.size;
        files++;
        if (name.endsWith('.html')) pages++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, files, pages };
}

function staticImports(dist, file, seen) {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"();]*?from\s*)?["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g)) {
    const spec = m[1];
    const next = spec.startsWith('/') ? join(dist, spec) : join(file, '..', spec);
    staticImports(dist, next, seen);
  }
}

/** Median raw and gzip size over every entry page: one page can be unrepresentative. */
export function entryPageMedians(dist) {
  const dir = join(dist, 'kb');
  if (!existsSync(dir)) return undefined;
  // kb/ also holds markdown exports (`<name>.md`) and redirect pages of former names.
  const sizes = readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'index.html')))
    .map((name) => readFileSync(join(dir, name, 'index.html')))
    .filter((html) => !html.includes('data-redirect='))
    .map((html) => ({ raw: html.length, gzip: gz(html) }));
  return { pages: sizes.length, rawBytes: median(sizes.map((s) => s.raw)), gzipBytes: median(sizes.map((s) => s.gzip)) };
}

export function pageWeight(dist, urlPath, base = '') {
  const file = join(dist, urlPath.slice(base.length), 'index.html');
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const local = (href) => join(dist, href.replace(/^https?:\/\/[^/]+/, '').slice(base.length));
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => readFileSync(local(m[1])));
  const scripts = new Set();
  for (const m of text.matchAll(/<script[^>]+src="([^"]+)"/g)) staticImports(dist, local(m[1]), scripts);
  const inline = [...text.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => Buffer.from(m[1]));
  for (const code of inline) {
    for (const m of code.toString().matchAll(/(?:import|export)\s*(?:[^'"();]*?from\s*)?["'](\/[^"']+)["']/g)) staticImports(dist, local(m[1]), scripts);
  }
  const js = [...[...scripts].map((f) => readFileSync(f)), ...inline];
  const sum = (bufs, f) => bufs.reduce((a, b) => a + f(b), 0);
  return {
    path: urlPath,
    htmlBytes: html.length,
    htmlGzip: gz(html),
    cssBytes: sum(css, (b) => b.length),
    cssGzip: sum(css, gz),
    jsBytes: sum(js, (b) => b.length),
    // Inline scripts travel inside the HTML's gzip stream; counted separately to show the JS cost.
    jsGzip: sum(js, gz),
  };
}
