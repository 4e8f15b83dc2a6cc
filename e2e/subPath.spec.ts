import { expect, Site, test } from './fixtures';

/**
 * The GitHub Pages case: SITE_URL=https://org.example/handbook and nothing else, served under
 * /handbook/ with the headers of the build's own `_headers` file, as Netlify or Cloudflare
 * Pages would send them. One page of every kind.
 */
const ORIGIN = 'https://org.example/handbook/';
const PAGES = [
  '/handbook/',
  '/handbook/types/',
  '/handbook/types/ml/',
  '/handbook/kb/ml-security/',
  '/handbook/topics/',
  '/handbook/topics/pii/',
  '/handbook/domains/',
  '/handbook/domains/ml/',
  '/handbook/steps/',
  '/handbook/steps/tech-stack/',
  '/handbook/about/',
  '/handbook/presets/',
  '/handbook/search/?q=watermarks',
];

test.describe('a GitHub Pages project site (SITE_URL with a path, served under it)', () => {
  for (const path of PAGES) {
    test(`should keep ${path} inside /handbook/, with its canonical URL, its links and the CSP`, async ({ page }) => {
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy'], 'CSP header from dist/_headers').toContain("default-src 'self'");
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `https://org.example${new URL(path, 'http://x').pathname}`);
      const urls = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href], link[href], script[src], img[src]')]
          .map((el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src)
          .filter((u) => u.startsWith(location.origin))
          .map((u) => u.split('#')[0]),
      );
      expect(urls.length).toBeGreaterThan(5);
      for (const url of new Set(urls)) {
        expect(new URL(url).pathname, `${url} leaves the base path`).toMatch(/^\/handbook\//);
        expect((await page.request.get(url)).status(), url).toBe(200);
      }
      for (const meta of ['og:url']) {
        const content = await page.locator(`meta[property="${meta}"]`).getAttribute('content');
        if (content) expect(content.startsWith(ORIGIN), `${meta} ${content}`).toBe(true);
      }
      expect(violations).toEqual([]);
    });
  }

  test('should find and open a section from the header search', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/handbook/');
    await site.headerSearch.fill('watermarks');
    // The quick title matches are replaced by full-text results; click once those are in.
    await expect(page.locator('[data-search-summary]')).toContainText(/^\d+ results/);
    const first = site.headerResults.locator('a.result').first();
    await expect(first).toHaveAttribute('href', /^\/handbook\/kb\/data-pipeline-streaming-patterns\//);
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data Pipeline Streaming Patterns');
  });

  test.describe('a missing page', () => {
    test.use({ allowedConsoleErrors: [/status of 404/] });
    test('should answer an address outside the site with its 404 page, inside the base path', async ({ page }) => {
    const response = await page.goto('/handbook/kb/no-such-entry/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('link', { name: 'Project types' })).toHaveAttribute('href', '/handbook/types/');
    });
  });
});
