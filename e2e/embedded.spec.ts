import { expect, Site, test } from './fixtures';

test.describe('the embedded knowledge base', () => {
  test('should show the data-pipeline landing with its configuration and every entry by step', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('main').getByRole('link', { name: 'data-pipeline', exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'data-pipeline' })).toBeVisible();
    const config = page.getByRole('region', { name: 'Configuration reference' });
    await expect(config.getByText('processingModel', { exact: true })).toBeVisible();
    await expect(config.getByRole('region', { name: 'Choices for processingModel' }).getByRole('cell', { name: 'streaming', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'system-architecture' })).toBeVisible();
    const all = page.locator('#all-entries + ul > li');
    await expect(all).toHaveCount(12);
  });

  test('should find the streaming and security entries by search', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/search/?q=watermarks');
    await expect(site.searchPageResults.locator('a.result').first()).toHaveAttribute('href', /data-pipeline-streaming-patterns/);
    await page.goto('/search/?q=PII');
    await expect(site.searchPageResults.locator('a.result').first()).toHaveAttribute('href', /data-pipeline-security/);
  });
});
