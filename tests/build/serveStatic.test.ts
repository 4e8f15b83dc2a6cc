import { spawn, type ChildProcess } from 'node:child_process';
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

  it('should refuse methods other than GET and HEAD', async () => {
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });
});
