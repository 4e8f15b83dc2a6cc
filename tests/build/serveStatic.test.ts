import { spawn, type ChildProcess } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp';
import { SITES } from './sites';

// `npm start` and `npm run preview` serve through this server; it must never show internals.
let child: ChildProcess;
let origin = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['scripts/serve-static.mjs', SITES.embedded, '0', ''], { stdio: ['ignore', 'pipe', 'inherit'] });
  origin = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(String(d));
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
});
afterAll(() => {
  child?.kill();
});

describe('the static server behind npm start and npm run preview', () => {
  const hostile = ['/%2F..%2F', '/%2e%2e/%2e%2e/etc/passwd', '/kb/%E0%A4%A/', '/..%5c..%5c', '/%00', '/kb/%2F/', '/nope/', '/_astro/../../package.json'];

  it.each(hostile)('should answer %s with the site 404 page and no internals', async (path) => {
    const res = await fetch(origin + path, { redirect: 'manual' });
    const text = await res.text();
    expect(res.status).toBe(404);
    expect(text).toContain('Page not found');
    expect(text).not.toMatch(/Error|at \w+ \(|\/work\/|node:internal|node_modules/);
  });

  it('should send the site CSP and nosniff with every answer', async () => {
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('should redirect a directory without its slash on the same origin only', async () => {
    expect((await fetch(`${origin}/topics`, { redirect: 'manual' })).headers.get('location')).toBe('/topics/');
    const sneaky = await fetch(`${origin}//example.org/topics`, { redirect: 'manual' });
    expect(sneaky.headers.get('location') ?? '').not.toMatch(/^\/\/|^https?:/);
  });

  it('should gzip text for clients that take it, as static hosts do, and leave Pagefind files as they are', async () => {
    const { request } = await import('node:http');
    const raw = (path: string, encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(`${origin}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    const zipped = await raw('/', 'gzip, br');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    const plainPage = await raw('/', 'identity');
    expect(plainPage.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(zipped.body).toString()).toBe(plainPage.body.toString());
    expect(zipped.body.length).toBeLessThan(plainPage.body.length / 2);
    const entry = JSON.parse((await raw('/pagefind/pagefind-entry.json', 'identity')).body.toString());
    const meta = await raw(`/pagefind/pagefind.${entry.languages.en.hash}.pf_meta`, 'gzip');
    expect(meta.headers['content-encoding']).toBeUndefined();
  });

  it('should refuse methods other than GET and HEAD', async () => {
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });
});
