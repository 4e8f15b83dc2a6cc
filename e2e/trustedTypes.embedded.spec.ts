import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { fencesOf, type Fence } from '../tests/support/codeFences';
import { expect, test } from './fixtures';

/**
 * The Trusted Types advice in browser-extension-security.md, run as a reader would copy it: the
 * entry's own `extension_pages` CSP (sent as a response header) and its own `shared/trustedHtml.ts`
 * sample, bundled with the DOMPurify in node_modules as an extension build would bundle it.
 * Sanitising must return the safe part of the markup, not an empty string (what DOMPurify returns
 * when the CSP refuses the policy it needs and its parser is blocked), and the sinks the entry
 * recommends must render it. Everything is read from the entry, so a sample that regresses fails here.
 * No built site is needed: the page is served by a server this file starts and stops.
 */
const ENTRY = 'content/knowledge/browser-extension/browser-extension-security.md';
const DIRTY = '<b>hi</b><img src=x onerror=alert(1)>';

const source = readFileSync(ENTRY, 'utf8');
const fences = fencesOf(source, ENTRY);

function onlyFence(what: string, match: (f: Fence) => boolean): Fence {
  const found = fences.filter(match);
  expect(found, `exactly one ${what} in ${ENTRY}`).toHaveLength(1);
  return found[0];
}

/** The `extension_pages` policy of the entry's manifest sample that enforces Trusted Types. */
function entryCsp(): string {
  const fence = onlyFence('```json manifest with require-trusted-types-for', (f) => f.lang === 'json' && f.code.includes('require-trusted-types-for'));
  const csp = (JSON.parse(fence.code) as { content_security_policy?: { extension_pages?: string } }).content_security_policy?.extension_pages;
  expect(csp, `${ENTRY}:${fence.line} content_security_policy.extension_pages`).toMatch(/require-trusted-types-for 'script'/);
  return csp!;
}

/** The sample that creates the entry's Trusted Types policy (`shared/trustedHtml.ts`). */
function entrySample(): Fence {
  return onlyFence('```ts sample that creates a Trusted Types policy', (f) => f.lang === 'ts' && f.code.includes('trustedTypes') && f.code.includes('createPolicy'));
}

/** The "safe" cell of the XSS table's row for HTML that must be rendered, e.g. `DOMPurify.sanitize(html, …)`. */
function tableExpression(): string {
  const row = source.split('\n').find((l) => /^\|\s*HTML that must be rendered\s*\|/.test(l));
  expect(row, `the "HTML that must be rendered" row of the table in ${ENTRY}`).toBeTruthy();
  const expr = /^\|[^|]*\|\s*`([^`]+)`/.exec(row!)?.[1];
  expect(expr, 'a code span in its "Safe" cell').toMatch(/^DOMPurify\.sanitize\(html\b/);
  return expr!;
}

// The page's script, bundled from the entry's code with the DOMPurify in node_modules. Its checks
// run in the page (a file from 'self', so the CSP applies as it would in an extension page) and
// report to window.__result; nothing is evaluated from a string.
async function pageScript(): Promise<string> {
  const sample = entrySample().code;
  const harness = `
${sample}
function run(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const attempt = (key: string, f: () => unknown) => {
    try { out[key] = f(); } catch (e) { out[key] = 'threw: ' + String(e); }
  };
  attempt('enforced', () => {
    try { document.createElement('div').innerHTML = '<i>x</i>'; return false; } catch { return true; }
  });
  attempt('sanitized', () => String(DOMPurify.sanitize(${JSON.stringify(DIRTY)})));
  attempt('sample', () => {
    const el = document.createElement('div');
    setSafeHtml(el, ${JSON.stringify(DIRTY)});
    return el.innerHTML;
  });
  attempt('table', () => {
    const html = ${JSON.stringify(DIRTY)};
    const el = document.createElement('div');
    el.innerHTML = ${tableExpression()} as unknown as string;
    return el.innerHTML;
  });
  return out;
}
(window as unknown as { __result: unknown }).__result = run();
`;
  const out = await build({
    stdin: { contents: harness, loader: 'ts', resolveDir: process.cwd(), sourcefile: `${ENTRY} (trustedHtml.ts sample)` },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

// What the sanitised <img src="x"> loads once it is in a document: a 1×1 GIF, so no 404 is logged.
const GIF = Buffer.from('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==', 'base64');

let server: Server;
let origin: string;

test.beforeAll(async () => {
  const csp = entryCsp();
  const script = await pageScript();
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>trusted types</title><script src="/page.js"></script></head><body></body></html>';
  server = createServer((req, res) => {
    const headers = { 'content-security-policy': csp, 'cache-control': 'no-store' };
    if (req.url === '/') res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (req.url === '/x') res.writeHead(200, { ...headers, 'content-type': 'image/gif' }).end(GIF);
    else if (req.url === '/page.js') res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

// Console errors the page is expected to log: the probe below (a plain string into innerHTML, refused),
// and Chromium refusing to compile the dirty input's onerror handler while DOMParser parses it for
// DOMPurify (before DOMPurify strips it). Any other error fails the test.
const PROBE_ERROR = /^This document requires 'TrustedHTML' assignment\. The action has been blocked\.$/;
const INLINE_HANDLER = /^Executing inline event handler violates the following Content Security Policy directive 'script-src 'self''/;
// One pattern: a two-element array would read to Playwright as [value, fixture options].
test.use({ allowedConsoleErrors: [new RegExp(`${PROBE_ERROR.source}|${INLINE_HANDLER.source}`)] });

test.describe('Trusted Types sample in browser-extension-security', () => {
  test('should sanitise to non-empty, safe HTML under the entry\'s own CSP', async ({ page }) => {
    const refusals: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && PROBE_ERROR.test(m.text())) refusals.push(m.text());
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective}: ${e.sample}`));
    });
    await page.goto(`${origin}/`);
    const result = (await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result).then((h) => h.jsonValue())) as Record<string, unknown>;
    const violations = (await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).filter((v) => /trusted-types/.test(v));

    for (const key of ['sanitized', 'sample', 'table'] as const) {
      const got = String(result[key]);
      // Soft, so a failure shows every path that broke, not just the first.
      expect.soft(got, `${key}: DOMPurify returned nothing (the CSP blocked its parser)`).not.toBe('');
      expect.soft(got, key).not.toMatch(/^threw: /);
      expect.soft(got, `${key} keeps the harmless markup`).toContain('<b>hi</b>');
      expect.soft(got, `${key} keeps the image`).toContain('<img src="x">');
      expect.soft(got, `${key} drops the handler`).not.toMatch(/onerror/i);
    }
    // The CSP is in force (a plain string into innerHTML is refused), so the checks above are not vacuous,
    // and that probe is the only thing it refused: no policy creation, no parse.
    expect(result.enforced, 'a plain-string innerHTML assignment throws under the entry\'s CSP').toBe(true);
    expect(violations, 'Trusted Types violations').toEqual(['require-trusted-types-for: Element innerHTML|<i>x</i>']);
    expect(refusals, 'refused assignments logged').toHaveLength(1);
  });
});
