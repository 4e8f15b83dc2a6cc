import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * dist-versions: the release bundle's v3.30.0, v3.40.0 and v3.54.0 built side by side
 * (scripts/test-all.mjs). git-workflow-patterns renamed its heading "Quality gates (CI
 * deferred)" to "Quality gates" in v3.54.0; brownfield-adoption is new in v3.54.0.
 */
test.describe('reading one release of the knowledge base', () => {
  test('should switch release on the same entry and the same section, through a heading rename', async ({ page }) => {
    await page.goto('/v3.40.0/kb/git-workflow-patterns/#quality-gates-ci-deferred');
    await expect(page.getByRole('note')).toContainText('the latest is v3.54.0');
    await page.getByRole('button', { name: /Version v3\.40\.0/ }).click();
    const menu = page.locator('#kb-versions');
    await expect(menu).toBeVisible();
    await menu.getByRole('link', { name: 'v3.54.0 (latest)' }).click();
    await expect(page).toHaveURL(/\/kb\/git-workflow-patterns\/#quality-gates$/);
    await expect(page.locator('#quality-gates')).toBeInViewport();
    // And back, with the section's old id.
    await page.getByRole('button', { name: /Version v3\.54\.0/ }).click();
    await page.locator('#kb-versions').getByRole('link', { name: 'v3.40.0', exact: true }).click();
    await expect(page).toHaveURL(/\/v3\.40\.0\/kb\/git-workflow-patterns\/#quality-gates-ci-deferred$/);
  });

  test('should land on the nearest page, and say so, when the entry is not in that release', async ({ page }) => {
    await page.goto('/kb/brownfield-adoption/');
    await page.getByRole('button', { name: /Version v3\.54\.0/ }).click();
    const older = page.locator('#kb-versions').getByRole('listitem').filter({ hasText: 'v3.40.0' });
    await expect(older).toContainText('not in v3.40.0');
    await older.getByRole('link').click();
    await expect(page).toHaveURL(/\/v3\.40\.0\/(types\/[^/]+\/)?\?from=v3\.54\.0&missing=/);
    const note = page.getByRole('status').filter({ hasText: 'is not in v3.40.0' });
    await expect(note).toBeVisible();
    await expect(note).toContainText('Brownfield');
  });

  test('should search only the release being read until the reader widens it, and then label every result', async ({ page }) => {
    await page.goto('/v3.30.0/search/?q=watermarks');
    const results = page.locator('[data-search-page-results] a.result');
    await expect(results.first()).toBeVisible();
    const scoped = await results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.filter((p) => !p.startsWith('/v3.30.0/'))).toEqual([]);
    await expect(page.locator('.badge-version')).toHaveCount(0);

    await page.getByLabel(/Search every version/).check();
    await expect(page).toHaveURL(/versions=all/);
    await expect(page.locator('[data-search-page-status]')).toContainText('every version');
    const everywhere = await results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(everywhere.some((p) => p.startsWith('/v3.30.0/'))).toBe(true);
    expect(everywhere.some((p) => !p.startsWith('/v3.30.0/'))).toBe(true);
    // Never mixed without a label: each result names its release, by its own address.
    const labels = await page.locator('[data-search-page-results] a.result').evaluateAll((links) =>
      links.map((a) => [new URL((a as HTMLAnchorElement).href).pathname, a.querySelector('.badge-version')?.textContent ?? '']),
    );
    for (const [path, label] of labels) expect(label, path).toBe(/^\/(v3\.\d+\.0)\//.exec(path)?.[1] ?? 'v3.54.0');
  });

  test('should offer every version from the header search of a release', async ({ page }) => {
    await page.goto('/v3.40.0/kb/git-workflow-patterns/');
    await page.locator('#kb-search-input').fill('watermarks');
    const popup = page.locator('[data-search-popup]');
    await expect(popup.locator('a.result').first()).toHaveAttribute('href', /^\/v3\.40\.0\//);
    const widen = popup.getByRole('link', { name: 'Search every version' });
    await expect(widen).toHaveAttribute('href', '/v3.40.0/search/?q=watermarks&versions=all');
  });

  test('should show what changed as a word diff a phone can read', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/changes/v3.40.0...v3.54.0/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What changed from v3.40.0 to v3.54.0');
    const diff = page.locator('.word-diff').filter({ has: page.locator('ins') }).first();
    await diff.scrollIntoViewIfNeeded();
    await expect(diff).toBeVisible();
    const box = (await diff.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const size = await diff.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(14);
    await expect(diff.locator('ins .sr-only').first()).toHaveText('added: ');
    await expectNoAxeViolations(page, 'what changed, v3.40.0 → v3.54.0');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'what changed, v3.40.0 → v3.54.0 (dark)');
  });

  test('should pass axe on an old release\u2019s entry, with its version bar and menu, in light and dark', async ({ page }) => {
    // The version strip's own stylesheet and script are files of the site, within the CSP.
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/v3.30.0/kb/git-workflow-patterns/');
      await page.getByRole('button', { name: /Version v3\.30\.0/ }).click();
      await expect(page.locator('#kb-versions')).toBeVisible();
      await expectNoAxeViolations(page, `v3.30.0 entry with the version menu open (${scheme})`);
      await expect(page.locator('.version-strip')).toHaveCSS('display', 'flex');
    }
    expect(violations).toEqual([]);
  });

  test('should keep a reader\u2019s path inside the release being read', async ({ page }) => {
    await page.goto('/v3.40.0/kb/data-pipeline-streaming-patterns/?path=data-pipeline');
    const nav = page.locator('[data-path-body]').first();
    await expect(nav.locator('a').first()).toBeAttached();
    await expect(page.locator('a[rel="next"]').first()).toHaveAttribute('href', /path=data-pipeline/);
    const hrefs = await nav.locator('a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(10);
    expect(hrefs.filter((h) => !h.startsWith('/v3.40.0/'))).toEqual([]);
    await expect(page.locator('a[rel="next"]').first()).toHaveAttribute('href', /^\/v3\.40\.0\/kb\/.*path=data-pipeline/);
  });

  test.describe('copying links', () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
    const clipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText());

    test('should copy the pinned link on an old release, and offer today\u2019s', async ({ page }) => {
      await page.goto('/v3.40.0/kb/git-workflow-patterns/');
      await page.getByRole('button', { name: 'Copy link', exact: true }).click();
      await expect.poll(() => clipboard(page)).toBe('https://kb.example.org/v3.40.0/kb/git-workflow-patterns/');
      await page.getByRole('button', { name: 'Copy link to the latest release' }).click();
      await expect.poll(() => clipboard(page)).toBe('https://kb.example.org/kb/git-workflow-patterns/');
    });

    test('should copy today\u2019s link on the latest, and offer the one pinned to its release', async ({ page }) => {
      await page.goto('/kb/git-workflow-patterns/');
      await page.getByRole('button', { name: 'Copy link', exact: true }).click();
      await expect.poll(() => clipboard(page)).toBe('https://kb.example.org/kb/git-workflow-patterns/');
      await page.getByRole('button', { name: 'Copy link pinned to v3.54.0' }).click();
      await expect.poll(() => clipboard(page)).toBe('https://kb.example.org/v3.54.0/kb/git-workflow-patterns/');
    });
  });
});
