/**
 * The response headers a host should send with the site, in one place: the build writes them
 * to `dist/_headers` (the file Netlify and Cloudflare Pages read), the static server applies
 * that file as those hosts do, and the README's nginx and Caddy blocks spell out the same.
 * No frame-blocking header: wikis (Notion, Confluence) embed pages in frames.
 */
import { CONTENT_SECURITY_POLICY } from './csp.ts';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** Bundled assets have a content hash in their name, so a browser may keep them for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface HeaderRule {
  /** A request path; `*` matches any run of characters. */
  path: string;
  headers: Record<string, string>;
}

/** @param basePath `''` or `/segment…`, as in src/lib/settings.ts */
export function hostHeaderRules(basePath: string): HeaderRule[] {
  return [
    { path: '/*', headers: { ...SECURITY_HEADERS } },
    { path: `${basePath}/_astro/*`, headers: { 'Cache-Control': IMMUTABLE } },
  ];
}

export function formatHeadersFile(rules: HeaderRule[]): string {
  const head = '# Response headers for hosts that read this file (Netlify, Cloudflare Pages); written by scaffold-kb.\n';
  return head + rules.map((r) => `${r.path}\n${Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}\n`).join('')}`).join('');
}

/** Reads a `_headers` file: a path at the start of a line, then its indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const at = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && at > 0) rule.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return rules;
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** The headers for one request path: every matching rule, later rules winning per header. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (new RegExp(`^${rule.path.split('*').map(escape).join('.*')}$`).test(pathname)) Object.assign(out, rule.headers);
  }
  return out;
}
