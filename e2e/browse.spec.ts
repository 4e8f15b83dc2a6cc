import { expect, expectNoAxeViolations, Site, test } from './fixtures';

test.describe('browsing by project type', () => {
  test('should go home → a project type → an entry → a topic and back', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'scaffold-kb' })).toBeVisible();
    await site.main.getByRole('link', { name: 'Data pipeline', exact: true }).first().click();
    await expect(page).toHaveURL(/\/types\/data-pipeline\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Data pipeline' })).toBeVisible();

    // Opened from the type's reading path, the entry keeps that path in its address.
    await site.main.getByRole('link', { name: 'Data Pipeline Streaming Patterns' }).first().click();
    await expect(page).toHaveURL(/\/kb\/data-pipeline-streaming-patterns\/\?path=data-pipeline$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data Pipeline Streaming Patterns');
    await expect(page.getByRole('region', { name: 'Used by' }).getByRole('link', { name: 'Data pipeline' })).toBeVisible();

    await site.main.getByRole('list', { name: 'Topics' }).getByRole('link', { name: 'watermarks' }).click();
    await expect(page).toHaveURL(/\/topics\/watermarks\/$/);
    await expect(site.main.getByRole('link', { name: 'Data Pipeline Streaming Patterns' })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/\/kb\/data-pipeline-streaming-patterns\/\?path=data-pipeline$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/types\/data-pipeline\/$/);
  });

  test('should land on the heading each table-of-contents link names', async ({ page }) => {
    await page.goto('/kb/data-pipeline-streaming-patterns/');
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const links = toc.getByRole('link');
    const count = await links.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      const link = links.nth(i);
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      const heading = page.locator(`[id="${href.slice(1)}"]`);
      await expect(heading).toBeInViewport();
      expect(await heading.evaluate((el) => /^H[2-6]$/.test(el.tagName))).toBe(true);
    }
  });

  test.describe(() => {
    // The browser logs the 404 status of the page itself; that is the point of this test.
    test.use({ allowedConsoleErrors: [/status of 404/] });
    test('should show a useful 404', async ({ page }) => {
    const res = await page.goto('/kb/no-such-entry/');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('link', { name: 'Search the knowledge base' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();
    });
  });

  test('should be usable at 360 px wide without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    for (const path of ['/', '/types/data-pipeline/', '/kb/data-pipeline-streaming-patterns/', '/topics/']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test('should offer a skip link to the main content', async ({ page }) => {
    await page.goto('/kb/data-pipeline-security/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const [label, path] of [
      ['home', '/'],
      ['a project-type landing', '/types/backend/'],
      ['an entry', '/kb/data-pipeline-streaming-patterns/'],
      ['a topic', '/topics/security/'],
      ['a step', '/steps/system-architecture/'],
    ] as const) {
      test(`should have no axe violations on ${label}`, async ({ page }) => {
        await page.goto(path);
        await expectNoAxeViolations(page, `${label} (${scheme})`);
      });
    }
  });
}
