import { expect, expectNoAxeViolations, test } from './fixtures';

/** A long entry of the corpus, so 3,000 px of scrolling stays inside its article. */
const LONG = '/kb/eval-craft/';

test.describe('a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('should keep a compact header whose search and "On this page" work after scrolling 3,000 px', async ({ page }) => {
    await page.goto(`${LONG}?path=ml`);
    const header = page.locator('.site-header');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(100);
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(2500);
    const search = page.getByRole('button', { name: 'Search', exact: true });
    const toc = page.getByRole('button', { name: /^On this page/ });
    await expect(search).toBeInViewport();
    await expect(toc).toBeInViewport();
    // It names the section being read.
    await expect(toc.locator('[data-toc-current]')).not.toBeEmpty();

    await toc.click();
    const contents = page.getByRole('navigation', { name: 'On this page' });
    await expect(contents).toBeVisible();
    const link = contents.getByRole('link').last();
    const target = (await link.getAttribute('href'))!;
    await link.click();
    await expect(contents).toBeHidden();
    await expect(page.locator(`[id="${target.slice(1)}"]`)).toBeInViewport();
    // The heading landed below the sticky header, not under it.
    const headerBottom = (await header.boundingBox())!.height;
    expect((await page.locator(`[id="${target.slice(1)}"]`).boundingBox())!.y).toBeGreaterThanOrEqual(headerBottom - 1);

    await search.click();
    const box = page.getByRole('combobox', { name: 'Search the knowledge base' });
    await expect(box).toBeFocused();
    await box.fill('watermarks');
    await expect(page.locator('#kb-search-results a.result').first()).toBeInViewport();
    await page.getByRole('button', { name: 'Close' }).first().click();
    await expect(box).toBeHidden();
  });

  test("should keep the path within reach: the header's path button opens it with the entry marked", async ({ page }) => {
    await page.goto(`${LONG}?path=ml`);
    await page.mouse.wheel(0, 3000);
    const pathButton = page.getByRole('button', { name: /^ML reading path, \d+ of 74$/ });
    await expect(pathButton).toBeInViewport();
    await pathButton.click();
    const nav = page.getByRole('navigation', { name: 'ML reading path' });
    await expect(nav.locator('a[aria-current="page"]')).toBeInViewport();
    await expect(nav.locator('a[aria-current="page"]')).toHaveText('Eval Craft');
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
  });

  test('should open the menu with the site navigation and the theme', async ({ page }) => {
    await page.goto(LONG);
    await page.getByRole('button', { name: 'Menu' }).click();
    const main = page.getByRole('navigation', { name: 'Main' });
    await expect(main.getByRole('link', { name: 'Project types' })).toBeInViewport();
    await expect(page.getByLabel('Theme')).toBeVisible();
    await main.getByRole('link', { name: 'Topics' }).click();
    await expect(page).toHaveURL(/\/topics\/$/);
  });

  test('should show the section-link controls without hover, large enough to tap, and copy with a tap', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(LONG);
    expect(await page.evaluate(() => matchMedia('(hover: none)').matches)).toBe(true);
    const heading = page.locator('.prose h2').first();
    const anchor = heading.locator('a.anchor');
    const md = heading.locator('button.anchor-md');
    for (const control of [anchor, md]) {
      await expect(control).toBeVisible();
      expect(await control.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
      const box = (await control.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    }
    const id = await heading.getAttribute('id');
    await md.tap();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^\\[Eval Craft › .+\\]\\(.*/kb/eval-craft/#${id}\\)$`));
    await anchor.tap();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`/kb/eval-craft/#${id}`, page.url()).href);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`should have no axe violations with the panels open (${scheme})`, async ({ page }) => {
      test.setTimeout(120_000); // four checks of a long page
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${LONG}?path=ml`);
      await expect(page.locator('[data-path-pos]')).toHaveText(/of 74/);
      await expectNoAxeViolations(page, `${LONG} (${scheme})`);
      for (const name of [/^On this page/, /reading path/, 'Menu']) {
        await page.getByRole('button', { name }).click();
        await expectNoAxeViolations(page, `${LONG} with ${name} open (${scheme})`);
        await page.keyboard.press('Escape');
      }
    });
  }
});

test.describe('table of contents', () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    test(`should mark the last section after End at ${viewport.width} px, and a section mid-page`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(LONG);
      const toc = page.locator('[data-toc]');
      const links = toc.locator('a');
      // As a reader would, End again if the page grew while it scrolled (a late font, say): the
      // test is about the last section being marked once at the bottom.
      await expect
        .poll(async () => {
          await page.keyboard.press('End');
          return page.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight);
        })
        .toBe(true);
      await expect(toc.locator('a[aria-current]')).toHaveCount(1);
      await expect(toc.locator('a[aria-current]')).toHaveAttribute('href', (await links.last().getAttribute('href'))!);
      // Mid-page, wherever the reader is, one section is marked.
      for (const y of [0.3, 0.5, 0.7]) {
        await page.evaluate((f) => scrollTo(0, document.documentElement.scrollHeight * f), y);
        await expect(toc.locator('a[aria-current]')).toHaveCount(1);
      }
      // The header names the marked section. Both change in the frame after a scroll, so they are
      // read together: read one at a time, the second could already name the next section.
      if (viewport.width < 1200) {
        await expect
          .poll(() =>
            page.evaluate(() => {
              const marked = document.querySelector('[data-toc] a[aria-current]')?.textContent ?? '';
              return marked !== '' && document.querySelector('[data-toc-current]')?.textContent === marked;
            }),
          )
          .toBe(true);
      }
    });
  }
});
