import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KbIndexSchema, ProjectTypeIndexSchema } from '../../src/lib/exports/kbIndex';
import { PermalinksSchema } from '../../src/lib/permalinks/permalinks';
import { buildEnv } from '../helpers/buildTree';
import { idsOf, isRedirectHtml, readBuiltSite } from '../helpers/builtSite';
import { pngSize } from '../helpers/png';
import { corpusAvailable, requireCorpus, SITES } from './sites';

const SITE = 'https://docs.example.com';
const read = (dist: string, path: string) => readFileSync(join(dist, path), 'utf8');
const meta = (html: string, property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];

/** A URL of the site → the file that serves it, or undefined when it leaves the site. */
function fileFor(dist: string, url: string, origin: string, base: string): string | undefined {
  if (!url.startsWith(origin + base + '/')) return undefined;
  const path = url.slice((origin + base).length).split('#')[0];
  return join(dist, path.endsWith('/') ? `${path}index.html` : path);
}

function checkPermalinks(dist: string) {
  const permalinks = PermalinksSchema().parse(JSON.parse(read(dist, 'permalinks.json')));
  const pages = readBuiltSite(dist).filter((p) => p.path !== '/404/');
  expect(permalinks.pages).toEqual(pages.map((p) => p.path).sort());
  for (const [name, e] of Object.entries(permalinks.entries)) {
    const html = read(dist, `kb/${name}/index.html`);
    const headingIds = [...html.matchAll(/<h[2-6] id="([^"]+)"/g)].map((m) => m[1]);
    // Every heading of the body is in the contract, and every id in it exists on the page.
    const ids = idsOf(html);
    expect(e.anchors.filter((a) => !ids.has(a)), name).toEqual([]);
    const bodyHeadings = headingIds.filter((id) => !id.startsWith('kb-') && id !== 'footnote-label');
    expect(bodyHeadings.filter((id) => !e.anchors.includes(id)), name).toEqual([]);
  }
  return permalinks;
}

describe('the published-URL contract and exports, embedded site', () => {
  const dist = SITES.embedded;

  it('should list every published page and every entry heading in permalinks.json', () => {
    const p = checkPermalinks(dist);
    expect(Object.keys(p.entries).length).toBeGreaterThanOrEqual(12);
  });

  it('should publish each entry as markdown with its frontmatter', () => {
    const kb = KbIndexSchema().parse(JSON.parse(read(dist, 'kb.json')));
    expect(kb.entries.length).toBe(Object.keys(PermalinksSchema().parse(JSON.parse(read(dist, 'permalinks.json'))).entries).length);
    for (const e of kb.entries) {
      const md = read(dist, `kb/${e.name}.md`);
      expect(md.startsWith(`---\nname: ${e.name}\n`), e.name).toBe(true);
      // Links between files of the tree became site URLs.
      expect(md, e.name).not.toMatch(/\]\((?!https?:|mailto:|#|\/)[^)]*\.md(#[^)]*)?\)/);
    }
  });

  it('should warn when SITE_URL is missing and still give every page its preview tags', () => {
    for (const page of readBuiltSite(dist).filter((p) => !isRedirectHtml(p.html))) {
      for (const p of ['og:title', 'og:description', 'og:site_name', 'og:type']) expect(meta(page.html, p), `${page.path} ${p}`).toBeTruthy();
    }
  });

  it('should give the same bytes when built again', () => {
    const out = mkdtempSync(join(tmpdir(), 'kb-again-'));
    const res = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
      env: buildEnv(),
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toContain('SITE_URL is not set');
    const exports = ['kb.json', 'llms.txt', 'llms-full.txt', 'permalinks.json', 'robots.txt'];
    for (const name of readdirSync(join(dist, 'kb'))) if (name.endsWith('.md')) exports.push(`kb/${name}`);
    for (const kind of ['kb', 'types']) for (const name of readdirSync(join(dist, 'og', kind))) exports.push(`og/${kind}/${name}`);
    for (const file of exports) expect(readFileSync(join(out, file)).equals(readFileSync(join(dist, file))), file).toBe(true);
  }, 200_000);
});

describe('previews and exports under SITE_URL and BASE_PATH', () => {
  const dist = SITES.basePath;
  const base = '/kb';
  const pages = () => readBuiltSite(dist, base);

  it('should give every page canonical and Open Graph tags with absolute URLs', () => {
    for (const page of pages()) {
      if (page.path === `${base}/404/`) continue;
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(page.html)?.[1];
      expect(canonical, page.path).toBeTruthy();
      if (isRedirectHtml(page.html)) continue;
      expect(canonical).toBe(`${SITE}${page.path}`);
      expect(meta(page.html, 'og:url')).toBe(canonical);
      for (const p of ['og:title', 'og:description', 'og:site_name', 'og:type']) expect(meta(page.html, p), `${page.path} ${p}`).toBeTruthy();
    }
  });

  it('should give entries and project types a 1200×630 preview image that exists', () => {
    const withImage = pages().filter((p) => /^\/kb\/(kb|types)\/[^/]+\/$/.test(p.path) && !isRedirectHtml(p.html) && p.path !== `${base}/types/`);
    expect(withImage.length).toBeGreaterThan(12);
    for (const page of withImage) {
      const image = meta(page.html, 'og:image');
      expect(image, page.path).toMatch(new RegExp(`^${SITE}${base}/og/(kb|types)/[^/]+\\.png$`));
      expect(meta(page.html, 'twitter:card')).toBe('summary_large_image');
      expect(pngSize(fileFor(dist, image!, SITE, base)!)).toEqual({ width: 1200, height: 630 });
    }
    if (pages().some((p) => p.html.includes('property="article:modified_time"'))) {
      expect(pages().find((p) => p.path === `${base}/kb/data-pipeline-streaming-patterns/`)!.html).toMatch(/article:modified_time" content="\d{4}-\d{2}-\d{2}"/);
    }
  });

  it('should list every indexable page in the sitemap, and point robots.txt at it', () => {
    const sitemap = readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => read(dist, f)).join('');
    const locs = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    const expected = pages().filter((p) => p.path !== `${base}/404/` && !isRedirectHtml(p.html)).map((p) => `${SITE}${p.path}`);
    expect([...locs].sort()).toEqual(expected.sort());
    expect(read(dist, 'robots.txt')).toContain(`Sitemap: ${SITE}${base}/sitemap-index.xml`);
    expect(existsSync(join(dist, 'sitemap-index.xml'))).toBe(true);
  });

  it('should resolve every link in llms.txt and list each project type', () => {
    const text = read(dist, 'llms.txt');
    expect(text.startsWith('# scaffold-kb\n\n> ')).toBe(true);
    const urls = [...text.matchAll(/\]\((https?:[^)]+)\)|(https?:\/\/\S+)$/gm)].map((m) => m[1] ?? m[2]);
    expect(urls.length).toBeGreaterThan(12);
    for (const url of urls) {
      const file = fileFor(dist, url, SITE, base);
      expect(file && existsSync(file) && statSync(file).isFile(), url).toBe(true);
    }
    const kb = KbIndexSchema().parse(JSON.parse(read(dist, 'kb.json')));
    for (const t of new Set(kb.entries.flatMap((e) => e.projectTypes))) expect(text).toContain(`## ${t} projects`);
    expect(read(dist, 'llms-full.txt').match(/^<!-- .*: https:\/\/docs\.example\.com\/kb\/kb\/[^ ]+\/ -->$/gm)?.length).toBe(kb.entries.length);
  });

  it('should describe kb.json and each project type JSON with their schemas, with URLs that resolve', () => {
    const kb = KbIndexSchema().parse(JSON.parse(read(dist, 'kb.json')));
    for (const e of kb.entries) {
      expect(existsSync(fileFor(dist, e.url, SITE, base)!), e.url).toBe(true);
      expect(existsSync(fileFor(dist, e.markdownUrl, SITE, base)!), e.markdownUrl).toBe(true);
      const ids = idsOf(readFileSync(fileFor(dist, e.url, SITE, base)!, 'utf8'));
      for (const h of e.headings) expect(ids.has(h.id), h.url).toBe(true);
    }
    for (const t of new Set(kb.entries.flatMap((e) => e.projectTypes))) {
      const index = ProjectTypeIndexSchema().parse(JSON.parse(read(dist, `types/${t}.json`)));
      expect(index.readingPath.length).toBeGreaterThan(0);
      for (const r of index.readingPath) expect(existsSync(fileFor(dist, r.url, SITE, base)!), r.url).toBe(true);
    }
  });
});

describe.skipIf(!corpusAvailable && !requireCorpus)('the published-URL contract on the shared corpus', () => {
  it('should cover all 301 entries and every page', () => {
    const p = checkPermalinks(SITES.corpus);
    expect(Object.keys(p.entries).length).toBe(301);
  });
});
