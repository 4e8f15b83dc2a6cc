import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { searchExactFirst } from '../../src/browser/search/exactFirst';
import type { Pagefind } from '../../src/browser/search/pagefindTypes';
import { RANKING } from '../../src/browser/search/ranking';
import { toResultView } from '../../src/browser/search/resultView';
import { queryTerms } from '../../src/lib/search/terms';
import { loadPagefind } from '../helpers/pagefindNode';
import { RELEVANCE_QUERIES } from './relevanceQueries';
import { requireCorpus, SITES } from './sites';

const indexDir = join(SITES.corpus, 'pagefind');
const built = existsSync(join(indexDir, 'pagefind.js'));
if (!built && requireCorpus) throw new Error(`The corpus build has no search index at ${indexDir}.`);

/** Entry names in the order the search UI lists them: exact matches, then partial ones. */
async function ranked(pf: Pagefind, q: string) {
  const r = (await searchExactFirst(pf, q))!;
  return [...r.exact, ...r.partial];
}
const nameOf = (url: string) => url.split('/').filter(Boolean)[1];

describe.skipIf(!built)('search relevance on the shared corpus', () => {
  let pf: Pagefind;
  beforeAll(async () => {
    pf = await loadPagefind(indexDir, { ranking: RANKING });
  });

  test(`has at least 30 queries`, () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(30);
  });

  test.each(RELEVANCE_QUERIES)('"$q" lists $expect in the top 3', async ({ q, expect: name }) => {
    const results = await ranked(pf, q);
    const top3 = await Promise.all(results.slice(0, 3).map(async (r) => nameOf((await r.data()).url)));
    expect(top3, `top 3 for "${q}"`).toContain(name);
  });

  test.each(RELEVANCE_QUERIES.filter((x) => x.section))('"$q" links $expect to its #$section section', async ({ q, expect: name, section }) => {
    const results = await ranked(pf, q);
    const datas = await Promise.all(results.slice(0, 3).map((r) => r.data()));
    const data = datas.find((d) => nameOf(d.url) === name)!;
    const subs = toResultView(data, 3, queryTerms(q)).subs.map((s) => s.url.split('#')[1]);
    expect(subs, `section links of ${name} for "${q}"`).toContain(section);
  });

  test('scores: top-1 and top-3 over the suite', async () => {
    let top1 = 0;
    let top3 = 0;
    for (const { q, expect: name } of RELEVANCE_QUERIES) {
      const results = await ranked(pf, q);
      const names = await Promise.all(results.slice(0, 3).map(async (r) => nameOf((await r.data()).url)));
      if (names[0] === name) top1++;
      if (names.includes(name)) top3++;
    }
    console.log(`relevance: top-1 ${top1}/${RELEVANCE_QUERIES.length}, top-3 ${top3}/${RELEVANCE_QUERIES.length}`);
    expect(top3).toBe(RELEVANCE_QUERIES.length);
  });

  test('nonsense has no exact match; a typo has only partial ones', async () => {
    for (const q of ['qqzzxxjj', 'xyzzyplugh', 'watermrks']) {
      const r = (await searchExactFirst(pf, q))!;
      expect(r.exact, q).toEqual([]);
      expect(r.missing.map((t) => t.key), q).toEqual([q]);
    }
    const ok = (await searchExactFirst(pf, 'watermarks'))!;
    expect(ok.exact.length).toBeGreaterThan(0);
    expect(ok.missing).toEqual([]);
  });
});
