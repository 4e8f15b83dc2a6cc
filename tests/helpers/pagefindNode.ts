import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Pagefind } from '../../src/browser/search/pagefindTypes';

const ORIGIN = 'http://pagefind.test';

/**
 * Pagefind's own browser client, run in Node against a built index: `fetch` of the index files
 * is answered from disk, so the ranking measured here is the one readers get.
 */
export async function loadPagefind(indexDir: string, options: Record<string, unknown> = {}): Promise<Pagefind> {
  const root = normalize(indexDir);
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.origin !== ORIGIN) return realFetch(input, init);
    const file = normalize(join(root, decodeURIComponent(url.pathname.replace(/^\/pagefind\//, ''))));
    if (!file.startsWith(root + sep)) return new Response(null, { status: 404 });
    try {
      return new Response(await readFile(file), { status: 200 });
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
  // A query string makes each load a fresh module instance with its own options.
  const pf = (await import(`${pathToFileURL(join(root, 'pagefind.js')).href}?n=${Math.random()}`)) as Pagefind;
  await pf.options({ basePath: `${ORIGIN}/pagefind/`, baseUrl: '/', excerptLength: 24, noWorker: true, ...options });
  await pf.init();
  return pf;
}
