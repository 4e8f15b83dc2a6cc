import { loadTree } from '../src/lib/kb/loadTree';
import { buildMethodology } from '../src/lib/kb/projectTypes';
import { indexSteps } from '../src/lib/kb/stepIndex';
import { CORPUS_CONTENT } from '../tests/build/sites';
import { expect, expectNoAxeViolations, Site, test } from './fixtures';

const corpus = loadTree(CORPUS_CONTENT).tree;
const mlEntries = new Set(buildMethodology(corpus, indexSteps(corpus.steps)).projectTypes.find((t) => t.id === 'ml')!.entries);
const titleOf = new Map(corpus.entries.map((e) => [e.name, e]));

test.describe('search', () => {
  test('should find the streaming entry for "watermarks" with a link to its watermark section', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/');
    await site.headerSearch.fill('watermarks');
    const results = site.headerResults;
    // Results stream in; the count is announced once the list is complete.
    await expect(page.getByRole('status').filter({ hasText: /results? for watermarks$/ })).toBeAttached();
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
    // Pagefind forgives typos, so an empty result needs a filter nothing carries.
    await page.goto('/search/?q=watermarks&topic=no-such-topic');
    const empty = page.getByRole('region', { name: 'Nothing found' });
    await expect(empty).toBeVisible();
    await expect(empty).toContainText('No entry matches “watermarks” with topic no-such-topic');
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
    await expect(page.getByRole('status').filter({ hasText: /results? for watermarks/ })).toBeAttached();
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

  for (const scheme of ['light', 'dark'] as const) {
    test(`should have no axe violations with results open (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const site = new Site(page);
      await page.goto('/search/?q=watermarks');
      await expect(site.searchPageResults.locator('a.result').first()).toBeVisible();
      await site.headerSearch.fill('pii');
      await expect(site.headerResults.locator('a.result').first()).toBeVisible();
      await expectNoAxeViolations(page, `search page with results (${scheme})`);
    });
  }
});
