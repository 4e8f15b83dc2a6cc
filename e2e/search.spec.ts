import { loadTree } from '../src/tree/loadTree';
import { buildMethodology } from '../src/lib/kb/projectTypes';
import { indexSteps } from '../src/lib/kb/stepIndex';
import { CORPUS_CONTENT } from '../tests/build/sites';
import { expect, expectNoAxeViolations, Site, test } from './fixtures';

const corpus = loadTree(CORPUS_CONTENT).tree;
const mlEntries = new Set(buildMethodology(corpus, indexSteps(corpus.steps)).projectTypes.find((t) => t.id === 'ml')!.entries);
const titleOf = new Map(corpus.entries.map((e) => [e.name, e]));

/** The policy every page will carry (issue 12), sent as a header here so search is tested under it. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";

test.describe('search', () => {
  // A violation is a console error, which fails the test (see fixtures).
  test.beforeEach(async ({ page }) => {
    await page.route(
      (url) => url.hostname === '127.0.0.1',
      async (route) => {
        if (route.request().resourceType() !== 'document') return route.fallback();
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
      },
    );
  });
  test('should find the streaming entry for "watermarks" with a link to its watermark section', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/');
    await site.headerSearch.fill('watermarks');
    const results = site.headerResults;
    // Results stream in; the count is announced once the list is complete.
    await expect(page.getByRole('status').filter({ hasText: / for watermarks$/ })).toBeAttached();
    const top3 = (await results.locator('a.result').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))).slice(0, 3);
    expect(top3).toContain('/kb/data-pipeline-streaming-patterns/');

    const group = results.locator('.result-group', { has: page.locator('a.result[href*="/kb/data-pipeline-streaming-patterns/"]') });
    const sub = group.locator('a.sub', { hasText: /watermark/i }).first();
    const href = (await sub.getAttribute('href'))!;
    expect(href).toMatch(/#watermarks[a-z-]*$/);
    await sub.click();
    await expect(page).toHaveURL(/\/kb\/data-pipeline-streaming-patterns\/\?highlight=watermarks#watermarks/);
    const heading = page.locator(`[id="${href.split('#')[1]}"]`);
    await expect(heading).toBeInViewport();
    await expect(page.locator('mark.pagefind-highlight').first()).toBeAttached();
    expect(await page.locator('mark.pagefind-highlight').count()).toBeGreaterThan(2);
    // The first mark of the section the result pointed at is on screen.
    await expect(heading.locator('xpath=following::mark[1]')).toBeInViewport();
  });

  test('should rank the security entry in the top 5 for "PII"', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/search/?q=PII');
    await expect(site.searchPageResults.locator('a.result').first()).toBeVisible();
    const hrefs = await site.searchPageResults.locator('a.result').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs.slice(0, 5)).toContain('/kb/data-pipeline-security/');
  });

  test('should only return entries the ml overlay injects when filtered to type=ml', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/search/?q=PII&type=ml');
    await expect(site.searchPageResults.locator('a.result').first()).toBeVisible();
    const names = await site.searchPageResults.locator('a.result').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname.split('/')[2]));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(mlEntries.has(name), `${name} is not injected by the ml overlay`).toBe(true);
  });

  test('should show results from the URL without typing, and put facet changes in the URL', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/search/?q=watermarks&type=data-pipeline');
    await expect(site.searchPageInput).toHaveValue('watermarks');
    await expect(site.searchPageResults.locator('a.result').first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'with type data-pipeline' })).toBeVisible();
    const facet = page.getByRole('group', { name: 'Project type' }).getByRole('checkbox', { name: /^ml/ });
    await facet.check();
    await expect(page).toHaveURL(/[?&]type=data-pipeline&type=ml/);
    await page.getByRole('group', { name: 'Project type' }).getByRole('checkbox', { name: /^data-pipeline/ }).uncheck();
    await expect(page).toHaveURL(/\/search\/\?q=watermarks&type=ml$/);
  });

  test('should list matches for a filter alone', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/search/?topic=watermarks');
    await expect(site.searchPageResults.locator('a.result').first()).toBeVisible();
    const titles = await site.resultTitles();
    const expected = corpus.entries.filter((e) => e.data.topics.includes('watermarks')).length;
    expect(titles).toHaveLength(expected);
  });

  test('should help when nothing matches', async ({ page }) => {
    await page.goto('/search/?q=watermarks&topic=no-such-topic');
    const empty = page.getByRole('region', { name: 'No exact match for “watermarks” with topic no-such-topic' });
    await expect(empty).toBeVisible();
    await expect(empty).toContainText('remove filters');
    await expect(empty.getByRole('link').first()).toHaveAttribute('href', /\/topics\//);
  });

  test('should work from the keyboard alone: / → type → ↓ → Enter', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/topics/');
    await page.keyboard.press('/');
    await expect(site.headerSearch).toBeFocused();
    await page.keyboard.type('watermarks');
    await expect(site.headerResults.locator('a.result').first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: / for watermarks$/ })).toBeAttached();
    await page.keyboard.press('ArrowDown');
    await expect(site.headerSearch).toHaveAttribute('aria-activedescendant', /.+/);
    const first = await site.headerResults.locator('a.result').first().getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(first!.replace(/[?]/g, '\\?')));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('should close with Escape and keep focus in the box; Ctrl+K focuses it', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/kb/data-pipeline-security/');
    await page.keyboard.press('Control+k');
    await expect(site.headerSearch).toBeFocused();
    await page.keyboard.type('pii');
    await expect(site.headerResults).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(site.headerResults).toBeHidden();
    await expect(site.headerSearch).toBeFocused();
    await expect(site.headerSearch).toHaveAttribute('aria-expanded', 'false');
  });

  test('should load no search code on an entry page until search is used', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script' || r.url().includes('pagefind')) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto('/kb/data-pipeline-security/');
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((s) => /pagefind|searchUi/.test(s))).toEqual([]);
    await new Site(page).headerSearch.focus();
    await expect.poll(() => scripts.some((s) => s.includes('pagefind'))).toBe(true);
  });

  for (const q of ['qqzzxxjj', 'xyzzyplugh']) {
    test(`should show the empty state for nonsense ("${q}") on the search page and in the popup`, async ({ page }) => {
      const site = new Site(page);
      await page.goto(`/search/?q=${q}`);
      // One heading says what happened; nothing below contradicts it.
      const empty = page.getByRole('region', { name: `No exact match for “${q}”` });
      await expect(empty).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: `No exact match` })).toBeVisible();
      // Anything listed is under the "Related matches" label, never passed off as a result.
      const results = site.searchPageResults;
      expect(await results.locator('a.result').count()).toBe(await results.getByRole('group', { name: 'Related matches' }).locator('a.result').count());
      if ((await results.locator('a.result').count()) === 0) await expect(empty).toContainText('Nothing related either.');
      // Filters count what is shown: with nothing shown, no filter promises a result.
      if ((await results.locator('a.result').count()) === 0) {
        await expect(page.locator('[data-facets] input[type="checkbox"]')).toHaveCount(0);
        await expect(page.locator('[data-search-filter-summary]')).toHaveText('(0 project types, 0 topics)');
      }

      await site.headerSearch.fill(q);
      const notice = page.locator('[data-search-notice]');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(`No exact match for “${q}”`);
      await expect(page.locator('[data-search-status]')).toHaveText(new RegExp(`for ${q}$`));
      const header = site.headerResults;
      expect(await header.locator('a.result').count()).toBe(await header.getByRole('group', { name: 'Related matches' }).locator('a.result').count());
    });
  }

  test('should label related matches of a typo and offer the word meant; one click searches it', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/');
    await site.headerSearch.fill('watermrks');
    const notice = page.locator('[data-search-notice]');
    await expect(notice).toContainText('No exact match for “watermrks”');
    await expect(notice).toContainText(/\d+ related match(es)? below/);
    const partial = site.headerResults.getByRole('group', { name: 'Related matches' });
    await expect(partial.locator('a.result').first()).toBeVisible();
    // Related to what was typed: the word meant, never "water_shallow" from an unrelated entry; and its
    // link highlights that word, which the page has, not the typo, which it has not.
    for (const href of await partial.locator('a.result').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      expect(new URL(href).searchParams.get('highlight')).toMatch(/^watermarks?( watermarks?)?$/);
    }
    await expect(partial.locator('mark', { hasText: /water_shallow/ })).toHaveCount(0);
    const suggestion = notice.getByRole('link', { name: 'watermarks', exact: true });
    await expect(suggestion).toBeVisible();
    await expectNoAxeViolations(page, 'popup with partial matches and a suggestion');
    await suggestion.click();
    await expect(site.headerSearch).toHaveValue('watermarks');
    await expect(page.getByRole('status').filter({ hasText: /^\d+ results? for watermarks$/ })).toBeAttached();
    await expect(notice).toBeHidden();
    const first = await site.headerResults.locator('a.result').first().evaluate((a) => (a as HTMLAnchorElement).pathname);
    expect(first).toBe('/kb/data-pipeline-streaming-patterns/');

    // The same on the search page, where the address follows.
    await page.goto('/search/?q=watermrks');
    const empty = page.getByRole('region', { name: 'No exact match for “watermrks”' });
    await empty.getByRole('link', { name: 'watermarks', exact: true }).click();
    await expect(page).toHaveURL(/\/search\/\?q=watermarks$/);
    await expect(site.searchPageResults.locator('a.result').first()).toBeVisible();
    await expect(empty).toBeHidden();
  });

  test('should show the count and the way to all results at the top of the popup, without scrolling', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/kb/data-pipeline-security/');
    await site.headerSearch.fill('testing');
    const summary = page.locator('[data-search-summary]');
    await expect(summary).toContainText(/^\d+ results/);
    const all = summary.getByRole('link', { name: /^Show all \d+ with filters$/ });
    await expect(all).toBeVisible();
    const popup = (await page.locator('[data-search-popup]').boundingBox())!;
    const link = (await all.boundingBox())!;
    expect(link.y).toBeGreaterThanOrEqual(popup.y);
    expect(link.y + link.height).toBeLessThanOrEqual(popup.y + Math.min(popup.height, 120));
    const total = Number(/(\d+)/.exec((await all.textContent())!)![1]);
    expect(total).toBeGreaterThan(await site.headerResults.locator('a.result').count());
    await all.click();
    await expect(page).toHaveURL(/\/search\/\?q=testing$/);
  });

  test('should highlight, on arrival from a related match, the word it matched', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/');
    await site.headerSearch.fill('watermrks');
    const related = site.headerResults.getByRole('group', { name: 'Related matches' }).locator('a.result').first();
    await expect(related).toBeVisible();
    await related.click();
    await expect(page).toHaveURL(/[?&]highlight=watermarks?/);
    await expect(page.locator('main mark.pagefind-highlight').first()).toBeAttached();
  });

  test('should highlight hyphenated and stemmed terms on arrival', async ({ page }) => {
    await page.goto('/kb/data-pipeline-streaming-patterns/?highlight=exactlyonce#exactly-once-semantics');
    const marks = page.locator('main mark.pagefind-highlight');
    await expect(marks.first()).toBeAttached();
    expect((await marks.allInnerTexts()).map((t) => t.toLowerCase())).toContain('exactly-once');
    await expect(page.locator('#exactly-once-semantics').locator('xpath=following::mark[1]')).toBeInViewport();

    await page.goto('/kb/data-pipeline-streaming-patterns/?highlight=exactly-once');
    await expect(marks.first()).toBeAttached();
    expect((await marks.allInnerTexts()).map((t) => t.toLowerCase())).toContain('exactly-once');

    await page.goto('/kb/data-pipeline-streaming-patterns/?highlight=watermarks#watermarks');
    await expect(marks.first()).toBeAttached();
    const texts = (await marks.allInnerTexts()).map((t) => t.toLowerCase());
    expect(texts).toContain('watermark');
    expect(texts).toContain('watermarks');

    await page.goto('/kb/data-pipeline-security/?highlight=PII');
    await expect(marks.first()).toBeAttached();
    expect(await marks.allInnerTexts()).toContain('PII');
  });

  test('should put the query box first on a phone, with filters collapsed under "Filters"', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const site = new Site(page);
    await page.goto('/search/?q=watermarks');
    await expect(site.searchPageResults.locator('a.result').first()).toBeVisible();
    const box = (await site.searchPageInput.boundingBox())!;
    const summary = page.locator('summary', { hasText: 'Filters' });
    await expect(summary).toBeVisible();
    await expect(summary).toContainText(/\(\d+ project types, \d+ topics\)/);
    expect(box.y).toBeLessThan((await summary.boundingBox())!.y);
    expect(box.y).toBeLessThan((await site.searchPageResults.boundingBox())!.y);
    const typeFacet = page.getByRole('group', { name: 'Project type' });
    await expect(typeFacet).toBeHidden();
    await summary.click();
    await expect(typeFacet).toBeVisible();
    await typeFacet.getByRole('checkbox', { name: /^data-pipeline/ }).check();
    await expect(summary).toContainText('(1 selected)');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`should have no axe violations with results open (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const site = new Site(page);
      await page.goto('/search/?q=watermarks');
      await expect(site.searchPageResults.locator('a.result').first()).toBeVisible();
      await site.headerSearch.fill('pii');
      await expect(site.headerResults.locator('a.result').first()).toBeVisible();
      // Checked once the list is complete: a list replaced mid-check confuses the contrast rule.
      await expect(page.locator('[data-search-status]')).toHaveText(/ for pii$/);
      await expectNoAxeViolations(page, `search page with results (${scheme})`);
    });
  }
});
