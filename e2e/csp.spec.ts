import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../src/lib/csp';
import { expect, Site, test } from './fixtures';

/**
 * Every page type works under the site's strict CSP: the policy is on the page, and no
 * `securitypolicyviolation` fires while the page loads, searches or highlights. Violations
 * are recorded in the page from before its first script runs.
 */
declare global {
  interface Window {
    __cspViolations: string[];
  }
}

async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations);

// Any link of the kind on a list page, so the test follows the tree rather than naming entries.
async function firstLink(page: Page, listPath: string, prefix: string): Promise<string> {
  await page.goto(listPath);
  const href = await page.locator(`main a[href^="${prefix}"]:not([href="${prefix}"])`).first().getAttribute('href');
  expect(href, `a link to ${prefix}… on ${listPath}`).toBeTruthy();
  // The page itself: a landing's links also carry the reader's path (`?path=<type>`).
  return href!.split('?')[0];
}

test.describe('content security policy', () => {
  test.beforeEach(async ({ page }) => recordViolations(page));

  test('should hold on every page type with no violation', async ({ page }) => {
    const type = await firstLink(page, '/types/', '/types/');
    const paths = [
      '/',
      '/types/',
      type,
      await firstLink(page, '/types/', '/overlays/'),
      await firstLink(page, type, '/kb/'),
      '/topics/',
      await firstLink(page, '/topics/', '/topics/'),
      '/domains/',
      await firstLink(page, '/domains/', '/domains/'),
      '/steps/',
      await firstLink(page, '/steps/', '/steps/'),
      '/presets/',
      '/about/',
      '/search/',
    ];
    for (const path of paths) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(page.locator('meta[http-equiv="Content-Security-Policy"]'), path).toHaveAttribute('content', CONTENT_SECURITY_POLICY);
      // Nothing inline for the policy to forbid: every script is a file, no style attributes.
      expect(await page.locator('script:not([src])').count(), `inline scripts on ${path}`).toBe(0);
      expect(await page.locator('[style], style').count(), `inline styles on ${path}`).toBe(0);
      expect(await violations(page), path).toEqual([]);
    }
  });

  test.describe('on the 404 page', () => {
    test.use({ allowedConsoleErrors: [/status of 404/] });
    test('should hold with no violation', async ({ page }) => {
      const res = await page.goto('/no-such-page/');
      expect(res?.status()).toBe(404);
      await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', CONTENT_SECURITY_POLICY);
      expect(await page.locator('script:not([src]), [style], style').count()).toBe(0);
      expect(await violations(page)).toEqual([]);
    });
  });

  test('should search from the header box and the search page with no violation', async ({ page }) => {
    const site = new Site(page);
    await page.goto('/');
    await site.headerSearch.fill('watermarks');
    await expect(site.headerResults.locator('a.result').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.goto('/search/?q=PII');
    await expect(site.searchPageResults.locator('a.result').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('should hold on a redirect page for a former entry name (tests/fixtures/corpus-aliases.yml)', async ({ page }) => {
    await page.goto('/kb/streaming-patterns/#watermarks-and-lateness');
    await expect(page).toHaveURL(/\/kb\/data-pipeline-streaming-patterns\/#watermarks-and-lateness$/);
    expect(await violations(page)).toEqual([]);
    const html = await (await page.request.get('/kb/streaming-patterns/')).text();
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/<script>|<script type="module">|\sstyle=/);
  });

  test('should highlight on a ?highlight= arrival with no violation', async ({ page }) => {
    const entry = await firstLink(page, await firstLink(page, '/types/', '/types/'), '/kb/');
    await page.goto(`${entry}?highlight=the`);
    await expect(page.locator('mark.pagefind-highlight').first()).toBeAttached();
    expect(await violations(page)).toEqual([]);
  });
});
