import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardKey, clampText } from '../../src/lib/og/cards';
import { readBuiltSite } from '../helpers/builtSite';
import { corpusAvailable, SITES } from './sites';

/**
 * What a reader sees agrees with itself across pages: no placeholder for a field the tree lacks,
 * no list with nothing in it, and a project type counts the same entries on its card, its
 * landing and its link-preview image.
 */
const OG_CACHE = resolve('node_modules/.astro/scaffold-kb/og');

const decode = (s: string) =>
  s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim();

function checkSite(dist: string) {
  // Read when a test runs: a skipped suite is still collected, and a fresh clone has no corpus site.
  let built: ReturnType<typeof readBuiltSite> | undefined;
  const site = () => (built ??= readBuiltSite(dist));
  const page = (path: string) => site().find((p) => p.path === path)!.html;

  it('should show "Last reviewed" only with a date', () => {
    const entries = site().filter((p) => p.path.startsWith('/kb/'));
    expect(entries.length).toBeGreaterThan(0);
    const never = entries.filter((p) => /Last reviewed<\/dt>\s*<dd>(?!\d{4}-\d{2}-\d{2}<)/.test(p.html)).map((p) => p.path);
    expect(never).toEqual([]);
    expect(entries.some((p) => /Last reviewed<\/dt>\s*<dd>\d{4}-\d{2}-\d{2}</.test(p.html)), 'some entry has a date').toBe(true);
  });

  it('should write no empty list on any page, the 404 page included', () => {
    const empty = site().filter((p) => /<(ol|ul)\b[^>]*>\s*<\/\1>/.test(p.html)).map((p) => p.path);
    expect(empty).toEqual([]);
    expect(page('/404/')).not.toContain('id="kb-suggestions"');
  });

  it("should count a type's entries the same on its cards, its landing and its preview image", () => {
    const types = [...page('/types/').matchAll(/<h2 class="card-title"><a href="\/types\/([^/"]+)\/">/g)].map((m) => m[1]);
    expect(types.length).toBeGreaterThan(0);
    const card = (html: string, type: string) => new RegExp(`<a href="/types/${type}/">[\\s\\S]*?<span class="badge badge-own">(\\d+) entr`).exec(html)?.[1];
    for (const type of types) {
      const landing = page(`/types/${type}/`);
      const listed = (/<ol id="reading-path"[^>]*>([\s\S]*?)<\/ol>/.exec(landing)![1].match(/<li /g) ?? []).length;
      const said = /<li><strong>(\d+) entr(?:y|ies)<\/strong>/.exec(landing)?.[1];
      expect(Number(said), `${type}: the landing's count`).toBe(listed);
      expect(Number(card(page('/types/'), type)), `${type}: its card on /types/`).toBe(listed);
      expect(Number(card(page('/'), type)), `${type}: its card on the home page`).toBe(listed);
      // The image is the cached drawing of exactly what the landing says: its title, summary and count.
      const title = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(landing)![1]);
      const lede = decode(/<p class="lede">([\s\S]*?)<\/p>/.exec(landing)![1]);
      const key = cardKey({ kind: 'types', id: type, title: clampText(title, 90), description: clampText(lede, 180), eyebrow: `Project type · ${listed} ${listed === 1 ? 'entry' : 'entries'}` });
      const drawn = join(OG_CACHE, `${key}.png`);
      expect(existsSync(drawn), `${type}: no preview image drawn for "${title}" with ${listed} entries`).toBe(true);
      expect(readFileSync(join(dist, 'og', 'types', `${type}.png`)).equals(readFileSync(drawn)), `${type}: the published image is another drawing`).toBe(true);
    }
  });
}

describe('reader-facing agreement on the embedded site', () => {
  checkSite(SITES.embedded);
});

describe.runIf(corpusAvailable && existsSync(join(SITES.corpus, 'index.html')))('reader-facing agreement on the corpus site', () => {
  checkSite(SITES.corpus);
});
