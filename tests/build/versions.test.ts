import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { close, createIndex } from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_TARGET, mergeIndexes } from '../../src/pagefindIndex/mergeIndexes';
import { loadPagefind } from '../helpers/pagefindNode';
import { RELEVANCE_QUERIES } from './relevanceQueries';

/**
 * The bundle's three releases built side by side (scripts/test-all.mjs: KB_VERSIONS with
 * KB_CONTENT_DIR in a clone of the bundle). What each version should hold is read from the
 * releases themselves, in a clone of the bundle made here, never written down.
 */
const bundle = resolve('../shared/corpus/scaffold-versions/scaffold-content.bundle');
const dist = resolve('dist-versions');
const RELEASES = ['v3.30.0', 'v3.40.0', 'v3.54.0'];
const LATEST = 'v3.54.0';
const ORIGIN = 'https://kb.example.org';

let repo: string;
const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
/** Entry names of a release: its knowledge files (README.md files are not entries). */
const entriesAt = (tag: string) =>
  git('ls-tree', '-r', '--name-only', tag, '--', 'content/knowledge')
    .split('\n')
    .filter((f) => f.endsWith('.md') && basename(f) !== 'README.md')
    .map((f) => basename(f, '.md'))
    .sort();
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
/** Entry pages a folder of the site holds: the ones Pagefind indexes, not the redirects of former names. */
const entryPagesIn = (prefix: string) =>
  readdirSync(join(dist, prefix, 'kb'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && readFileSync(join(dist, prefix, 'kb', d.name, 'index.html'), 'utf8').includes('data-pagefind-body'))
    .map((d) => d.name)
    .sort();

describe.skipIf(!existsSync(bundle))("the bundle's three releases, published side by side", () => {
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'kb-releases-'));
    execFileSync('git', ['clone', '-q', bundle, repo]);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('should publish each release with exactly its entries, and the latest at today\u2019s URLs too', () => {
    for (const tag of RELEASES) expect(entryPagesIn(tag), tag).toEqual(entriesAt(tag));
    expect(entryPagesIn('')).toEqual(entriesAt(LATEST));
    // The releases differ, or this would prove little.
    expect(entriesAt('v3.30.0').length).toBeLessThan(entriesAt(LATEST).length);
  });

  it('should list the releases in versions.json, oldest first, with their dates from git', () => {
    const json = JSON.parse(read('versions.json'));
    expect(json.versions).toEqual(
      RELEASES.map((name) => ({ name, path: `/${name}/`, url: `${ORIGIN}/${name}/`, date: git('log', '-1', '--format=%cI', name).trim(), latest: name === LATEST })),
    );
    expect(json.latest).toBe('/');
  });

  it('should keep every link in a page\u2019s content inside its own release, and every one should resolve', () => {
    const broken: string[] = [];
    const outside: string[] = [];
    let checked = 0;
    for (const tag of RELEASES) {
      for (const page of ['', 'types/', 'topics/', 'steps/', ...entriesAt(tag).slice(0, 60).map((n) => `kb/${n}/`), 'types/ml/', 'types/data-pipeline/']) {
        const file = join(tag, page, 'index.html');
        if (!existsSync(join(dist, file))) continue;
        const html = read(file);
        const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
        for (const [, href] of main.matchAll(/href="(\/[^"#?]*)[^"]*"/g)) {
          checked++;
          // Site-wide pages live once, at today's base.
          if (href.startsWith('/changes/')) continue;
          if (!href.startsWith(`/${tag}/`)) outside.push(`${file} → ${href}`);
          const target = join(dist, decodeURIComponent(href), href.endsWith('/') ? 'index.html' : '');
          if (!existsSync(target)) broken.push(`${file} → ${href}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
  });

  it('should list in what changed from v3.40.0 to v3.54.0 the entries added and removed between the two trees', () => {
    const before = entriesAt('v3.40.0');
    const after = entriesAt('v3.54.0');
    const added = after.filter((n) => !before.includes(n));
    const removed = before.filter((n) => !after.includes(n));
    expect(added.length).toBeGreaterThan(0);
    const html = read('changes/v3.40.0...v3.54.0/index.html');
    const everyEntry = html.slice(html.indexOf('id="entries"'));
    const list = (heading: string) => {
      const at = everyEntry.indexOf(`<h3>${heading}</h3>`);
      if (at < 0) return [];
      const ul = everyEntry.slice(at, everyEntry.indexOf('</ul>', at));
      return [...ul.matchAll(/href="\/v3\.\d+\.0\/kb\/([^/]+)\/"/g)].map((m) => decodeURIComponent(m[1])).sort();
    };
    expect(list('Added')).toEqual(added);
    expect(list('Removed')).toEqual(removed);
  });

  it('should keep old releases out of search engines and the sitemap, and name today\u2019s URL from the latest\u2019s pinned pages', () => {
    const old = read('v3.40.0/kb/git-workflow-patterns/index.html');
    expect(old).toContain(`<link rel="canonical" href="${ORIGIN}/v3.40.0/kb/git-workflow-patterns/">`);
    expect(old).toContain('<meta name="robots" content="noindex">');
    const pinned = read(`${LATEST}/kb/git-workflow-patterns/index.html`);
    expect(pinned).toContain(`<link rel="canonical" href="${ORIGIN}/kb/git-workflow-patterns/">`);
    expect(pinned).not.toContain('noindex');
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain(`${ORIGIN}/kb/git-workflow-patterns/`);
    for (const tag of RELEASES) expect(sitemap).not.toContain(`${ORIGIN}/${tag}/`);
  });

  it('should give each release its own exports, and each old one its own search index', () => {
    for (const tag of RELEASES) {
      const kb = JSON.parse(read(`${tag}/kb.json`));
      expect(kb.entries.map((e: { name: string }) => e.name).sort(), tag).toEqual(entriesAt(tag));
      expect(kb.entries[0].url.startsWith(`${ORIGIN}/${tag}/kb/`)).toBe(true);
      expect(existsSync(join(dist, tag, 'llms.txt'))).toBe(true);
      // Its URL contract names its own pages, below its folder, as today's does.
      const pages: string[] = JSON.parse(read(`${tag}/permalinks.json`)).pages;
      expect(pages).toContain('/kb/git-workflow-patterns/');
      expect(pages.filter((p) => /^\/v\d/.test(p))).toEqual([]);
      expect(pages.filter((p) => p.startsWith('/kb/') && !p.endsWith('.md')).length).toBeGreaterThanOrEqual(entriesAt(tag).length);
      expect(JSON.parse(read('permalinks.json')).pages.filter((p: string) => /^\/v\d/.test(p))).toEqual([]);
      // The latest's pinned pages search today's index.
      expect(existsSync(join(dist, tag, 'pagefind', 'pagefind.js')), tag).toBe(tag !== LATEST);
    }
  });

  it('should render a body shared by releases once, and index each old release as Pagefind indexes its pages alone, most taken from today\u2019s index', async () => {
    const log = readFileSync(resolve('.test-report', 'build-versions.log'), 'utf8');
    const bodies = /markdown bodies of 4 sites: (\d+) rendered, (\d+) the same as one already rendered/.exec(log);
    expect(bodies, 'the build reports the bodies it rendered').not.toBeNull();
    // Today's site and the latest's pinned one are the same tree, and old releases mostly repeat it.
    expect(Number(bodies![2])).toBeGreaterThan(Number(bodies![1]));
    const work = mkdtempSync(join(tmpdir(), 'kb-release-index-'));
    try {
      for (const tag of RELEASES.filter((t) => t !== LATEST)) {
        const line = new RegExp(`indexed (\\d+) pages of ${tag} .*?; (\\d+) the same as today's, taken from its index`).exec(log);
        expect(line, `the build reports the pages of ${tag} taken from today's index`).not.toBeNull();
        const pages = entryPagesIn(tag);
        expect(Number(line![1])).toBe(pages.length);
        expect(Number(line![2])).toBeGreaterThan(pages.length / 2);
        expect(Number(line![2])).toBeLessThan(pages.length);
        // The reference: Pagefind's own index of the release's entry pages.
        const site = join(work, tag, 'site');
        for (const name of pages) {
          mkdirSync(join(site, 'kb', name), { recursive: true });
          linkSync(join(dist, tag, 'kb', name, 'index.html'), join(site, 'kb', name, 'index.html'));
        }
        const written = join(work, tag, 'written');
        const { index } = await createIndex({});
        expect((await index!.addDirectory({ path: site })).errors).toEqual([]);
        await index!.writeFiles({ outputPath: written });
        await close();
        // Chunked as every index of the site is (a query's results depend on where chunks end).
        const own = join(work, tag, 'own');
        mergeIndexes([written], own, CHUNK_TARGET);
        // Fragments are named by their content: each page holds what Pagefind alone wrote for it.
        const fragments = (dir: string) => readdirSync(join(dir, 'fragment')).sort();
        expect(fragments(join(dist, tag, 'pagefind')), tag).toEqual(fragments(own));
        const answers = async (dir: string) => {
          const pf = await loadPagefind(dir);
          const out: string[][] = [];
          for (const { q } of RELEVANCE_QUERIES) {
            const r = await pf.search(q);
            out.push(await Promise.all(r!.results.slice(0, 10).map(async (x) => `${(await x.data()).url} ${x.score.toFixed(5)}`)));
          }
          const filtered = await pf.search('testing', { filters: { domain: { any: ['core'] } } });
          out.push((await Promise.all(filtered!.results.map(async (x) => (await x.data()).url))).sort());
          return out;
        };
        const mine = await answers(join(dist, tag, 'pagefind'));
        expect(mine, tag).toEqual(await answers(own));
        expect(mine.filter((list) => list.length).length).toBeGreaterThan(RELEVANCE_QUERIES.length / 2);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);

  it('should follow a real heading rename when switching release, and offer a feed per release pair and project type', () => {
    const old = read('v3.40.0/kb/git-workflow-patterns/index.html');
    const anchors = /href="\/kb\/git-workflow-patterns\/" data-keep-anchor data-anchors="([^"]+)"/.exec(old)?.[1].replaceAll('&quot;', '"');
    expect(JSON.parse(anchors ?? '{}')).toMatchObject({ 'quality-gates-ci-deferred': 'quality-gates' });
    const feed = read('changes.atom');
    const pairs = readdirSync(join(dist, 'changes')).filter((d) => d.includes('...'));
    const types = (feed.match(/<entry>/g) ?? []).length;
    expect(pairs.length).toBe(3);
    expect(types % pairs.length).toBe(0);
    expect(feed).toContain(`<link rel="alternate" type="text/html" href="${ORIGIN}/changes/v3.40.0...v3.54.0/#type-ml"/>`);
  });

  it('should check every release with npm run check, naming each problem by release, and refuse an unknown one', () => {
    const check = (versions: string) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, ['scripts/check.mjs', join(repo, 'content')], { encoding: 'utf8', env: { ...process.env, KB_VERSIONS: versions } }) };
      } catch (err) {
        const e = err as { status: number; stdout: string };
        return { code: e.status, out: e.stdout };
      }
    };
    const all = check(RELEASES.join(','));
    expect(all.code).toBe(0);
    for (const tag of RELEASES) expect(all.out).toContain(`- ${tag}:methodology/`);
    const unknown = check('v3.40.0,v9.9.9');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('**v9.9.9**: expected a tag, branch or commit of the git repository');
  });
});
