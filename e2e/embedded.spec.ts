import { expect, Site, test } from './fixtures';

test.describe('the embedded knowledge base', () => {
  test('should show the data-pipeline landing with its configuration and every entry by step', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('main').getByRole('link', { name: 'Data pipeline', exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Data pipeline' })).toBeVisible();
    const config = page.getByRole('region', { name: 'Configuration reference' });
    const row = config.getByRole('region', { name: 'Configuration fields' }).getByRole('row', { name: /processingModel/ });
    await expect(row.getByRole('link', { name: 'processingModel' })).toBeVisible();
    await expect(row).toContainText('streaming');
    await expect(row).toContainText('--pipeline-processing');
    await config.getByText('What each value means').click();
    await expect(config.locator('#config-processingModel')).toBeVisible();
    // Every entry once in the reading path; the steps in pipeline order as blocks with stable ids.
    const path = await page.locator('#reading-path > li .path-head > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(path.length).toBeGreaterThan(0);
    expect(new Set(path).size).toBe(path.length);
    await page.locator('#step-system-architecture > summary').click();
    await expect(page.locator('#step-system-architecture').getByRole('link').first()).toBeVisible();
  });

  for (const type of ['ML', 'Browser extension']) {
    test(`should reach the ${type} landing from the home page, with its twelve entries`, async ({ page }) => {
      await page.goto('/');
      await page.getByRole('main').getByRole('link', { name: type, exact: true }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: type })).toBeVisible();
      await expect(page.locator('#reading-path > li')).toHaveCount(12);
      await expect(page.getByRole('region', { name: 'Configuration reference' })).toBeVisible();
    });
  }

  test('should find the streaming and security entries by search', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/search/?q=watermarks');
    await expect(site.searchPageResults.locator('a.result').first()).toHaveAttribute('href', /data-pipeline-streaming-patterns/);
    await page.goto('/search/?q=PII');
    await expect(site.searchPageResults.locator('a.result').first()).toHaveAttribute('href', /data-pipeline-security/);
  });
});
