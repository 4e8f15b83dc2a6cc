import { expect, Site, test } from './fixtures';

test.describe('a site hosted under BASE_PATH=/kb', () => {
  test('should search and link inside the base path', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/kb/');
    await expect(page.getByRole('link', { name: 'Project types' })).toHaveAttribute('href', '/kb/types/');
    await site.headerSearch.fill('watermarks');
    // The quick title matches are replaced by full-text results; click once those are in.
    await expect(page.locator('[data-search-summary]')).toContainText(/^\d+ results/);
    const first = site.headerResults.locator('a.result').first();
    await expect(first).toHaveAttribute('href', /^\/kb\/kb\/data-pipeline-streaming-patterns\//);
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data Pipeline Streaming Patterns');
    await expect(page.locator('mark.pagefind-highlight').first()).toBeAttached();
  });
});
