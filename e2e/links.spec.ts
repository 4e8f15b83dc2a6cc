import { expect, test } from './fixtures';

// The corpus build carries tests/fixtures/corpus-aliases.yml: `streaming-patterns` is a former
// name of data-pipeline-streaming-patterns, and `watermarks-and-lateness` a former heading id.
test.describe('old links from a wiki', () => {
  test('should take an alias URL to the new page at the same section', async ({ page }) => {
    await page.goto('/kb/streaming-patterns/#window-types');
    await expect(page).toHaveURL(/\/kb\/data-pipeline-streaming-patterns\/#window-types$/);
    await expect(page.getByRole('heading', { name: /^Window Types/ })).toBeInViewport();
  });

  test('should land a former heading id on the section that replaced it', async ({ page }) => {
    await page.goto('/kb/data-pipeline-streaming-patterns/#watermarks-and-lateness');
    await expect(page.getByRole('heading', { name: /^Watermarks/, level: 3 })).toBeInViewport();
    const top = await page.locator('#watermarks-and-lateness').evaluate((el) => el.closest('h3')?.id);
    expect(top).toBe('watermarks');
  });

});

test.describe('a missing page', () => {
  // The browser logs the missing page's 404 status as a console error; that one is expected.
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test('should suggest the renamed entry on the 404 page', async ({ page }) => {
    const res = await page.goto('/kb/streaming-pattern/');
    expect(res?.status()).toBe(404);
    const suggestions = page.getByRole('region', { name: 'Were you looking for' }).getByRole('listitem');
    await expect(suggestions.first()).toHaveText(/Data Pipeline Streaming Patterns/);
    await suggestions.first().getByRole('link').click();
    await expect(page).toHaveURL(/\/kb\/data-pipeline-streaming-patterns\/$/);
  });

  test('should say so when no entry has a similar name, and offer to search its words', async ({ page }) => {
    const res = await page.goto('/qqzzxxjj/');
    expect(res?.status()).toBe(404);
    const region = page.getByRole('region', { name: 'No entry has a name like “qqzzxxjj”' });
    await expect(region).toBeVisible();
    await expect(region.getByRole('list')).toHaveCount(0);
    await region.getByRole('link', { name: 'Search for “qqzzxxjj”' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=qqzzxxjj$/);
  });
});
