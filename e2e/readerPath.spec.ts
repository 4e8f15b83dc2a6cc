import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The reader's path on the corpus site: an entry opened from a project type's reading path keeps
 * that path (sidebar, breadcrumb, position, previous/next), with the landing's numbers, whether
 * the entry is the type's own or base knowledge every type reads.
 */

/** The landing's list as a reader sees it: each entry's path and query, in order. */
async function landingOrder(page: Page, list = '#reading-path'): Promise<{ href: string; title: string }[]> {
  return page.locator(`${list} > li .path-head > a`).evaluateAll((as) =>
    as.map((a) => ({ href: (a as HTMLAnchorElement).pathname + (a as HTMLAnchorElement).search, title: a.textContent!.trim() })),
  );
}

const here = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

test.describe("the reader's path", () => {
  test('should take the reader from /types/ml/ through ten "next" links in the landing\'s order, with its numbers', async ({ page }) => {
    await page.goto('/types/ml/');
    const order = await landingOrder(page);
    expect(order.length).toBe(74);
    const own = await landingOrder(page, '#reading-path-own');
    expect(own.length).toBeGreaterThan(0);
    expect(order.filter((o) => own.some((x) => x.title === o.title)).length, 'the type-only list is part of the path').toBe(own.length);

    await page.locator('#reading-path > li .path-head > a').first().click();
    const visited: string[] = [];
    for (let step = 0; step <= 10; step++) {
      visited.push(here(page));
      const n = step + 1;
      await expect(page.locator('[data-path-pos]')).toHaveText(`${n} of ${order.length}`);
      const sidebar = page.getByRole('navigation', { name: 'ML reading path' });
      // The type's own entries say so to screen readers: "ML Requirements (ML only)".
      await expect(sidebar.locator('a[aria-current="page"]')).toHaveText(new RegExp(`^${order[step].title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(ML only\\))?$`));
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      await expect(crumbs.getByRole('link')).toHaveText(['Project types', 'ML']);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(order[step].title);
      if (step > 0) await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', order[step - 1].href);
      if (step < 10) {
        await expect(page.locator('a[rel="next"]')).toContainText(`${n + 1} of ${order.length}`);
        await page.locator('a[rel="next"]').click();
      }
    }
    expect(visited).toEqual(order.slice(0, 11).map((o) => o.href));
    // Ten steps in, the walk has crossed both kinds: base knowledge and the type's own entries.
    expect(order.slice(0, 11).some((o) => own.some((x) => x.title === o.title))).toBe(true);
  });

  test("should walk only the type's own entries when the reader chose them on the landing", async ({ page }) => {
    await page.goto('/types/ml/');
    await page.getByRole('button', { name: 'ML only (12)' }).click();
    const own = await landingOrder(page, '#reading-path-own');
    await page.locator('#reading-path-own > li .path-head > a').first().click();
    for (let step = 0; step < 3; step++) {
      expect(here(page)).toBe(own[step].href);
      await expect(page.locator('[data-path-pos]')).toHaveText(`${step + 1} of ${own.length} ML entries`);
      await page.locator('a[rel="next"]').click();
    }
    expect(here(page)).toBe(own[3].href);
  });

  test('should keep the entry its own address: the canonical page, and "Copy link" without the path', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/kb/vision-craft/?path=ml');
    await expect(page.locator('[data-path-pos]')).toHaveText(/^1 of /);
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(new URL('/kb/vision-craft/', page.url()).href);
  });

  test('should keep the domain navigation for an entry reached from elsewhere, and for a path that does not hold it', async ({ page }) => {
    await page.goto('/kb/vision-craft/');
    await expect(page.getByRole('navigation', { name: 'product domain' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link')).toHaveText(['Domains', 'product']);
    // ml-requirements is not on the web-app path: the page stays as it was built and drops the query.
    await page.goto('/kb/ml-requirements/?path=web-app');
    await expect(page).toHaveURL(/\/kb\/ml-requirements\/$/);
    await expect(page.getByRole('navigation', { name: 'ML reading path' })).toBeVisible();
  });

  test.describe(() => {
    // The browser logs the 404 of the missing type's path file; that is the case under test.
    test.use({ allowedConsoleErrors: [/status of 404/] });
    test('should keep the navigation the page was built with for a type that does not exist', async ({ page }) => {
      await page.goto('/kb/vision-craft/?path=no-such-type');
      await expect(page).toHaveURL(/\/kb\/vision-craft\/$/);
      await expect(page.getByRole('navigation', { name: 'product domain' })).toBeVisible();
    });
  });

  test("should number an entry whose home is the type as the landing does, even reached from elsewhere", async ({ page }) => {
    await page.goto('/types/ml/');
    const order = await landingOrder(page);
    const index = order.findIndex((o) => o.title === 'ML Requirements');
    await page.goto('/kb/ml-requirements/');
    await expect(page.locator('[data-path-pos]')).toHaveText(`${index + 1} of ${order.length}`);
  });

  test('should offer real links without JavaScript: the path is in their address', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto('/types/ml/');
    const first = page.locator('#reading-path > li .path-head > a').first();
    await expect(first).toHaveAttribute('href', '/kb/vision-craft/?path=ml');
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vision Craft');
    await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', /^\/kb\/[^?]+\/$/);
    await context.close();
  });
});

test.describe('the landing', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  test('should start the reading path on the first screen, the glossary folded, and tell own entries from shared ones', async ({ page }) => {
    await page.goto('/types/ml/');
    const first = page.locator('#reading-path > li').first();
    await expect(first).toBeInViewport();
    expect((await first.boundingBox())!.y + 60).toBeLessThan(900);
    const glossary = page.locator('details.terms-box');
    await expect(glossary).not.toHaveAttribute('open', '');
    await glossary.locator('summary').click();
    await expect(glossary.getByRole('link', { name: 'reading path' })).toBeVisible();
    const own = page.locator('#reading-path > li[data-origin="type"]').first();
    const base = page.locator('#reading-path > li[data-origin="base"]').first();
    await expect(own.locator('.badge')).toHaveText('ML only');
    await expect(base.locator('.badge')).toHaveText('every type');
    const look = (li: typeof own) => li.evaluate((el) => getComputedStyle(el).backgroundImage + getComputedStyle(el, '::before').backgroundColor);
    expect(await look(own)).not.toBe(await look(base));
  });
});
