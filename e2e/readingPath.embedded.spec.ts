import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * Reading paths, entry navigation, theme, code copy, accessibility and narrow screens on the
 * embedded site. Everything is read from the pages (types from /types/, paths from each
 * landing), so the tests hold as project types are added.
 */

async function typePaths(page: Page): Promise<string[]> {
  await page.goto('/types/');
  const hrefs = await page.locator('main .card h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  expect(hrefs.length).toBeGreaterThan(0);
  return hrefs;
}

/** The path previous/next follow from the landing: the whole reading path, in the landing's order. */
async function ownPath(page: Page): Promise<string[]> {
  return page.locator('#reading-path > li .path-head > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
}

test.describe('reading paths', () => {
  test('should take the reader from the first entry of each path to the last by "next" links alone, the sidebar marking each', async ({ page }) => {
    test.setTimeout(180_000); // every entry of every type, on a shared machine
    for (const landing of await typePaths(page)) {
      await page.goto(landing);
      const expected = await ownPath(page);
      expect(expected.length, `${landing} has a reading path`).toBeGreaterThan(0);
      await page.locator('#reading-path > li .path-head > a').first().click();
      const visited: string[] = [];
      for (let guard = 0; guard <= expected.length; guard++) {
        visited.push(new URL(page.url()).pathname);
        // The sidebar lists this path and marks the page being read, once; on a wide screen it is always shown.
        const sidebar = page.getByRole('navigation', { name: / reading path$/ });
        await expect(sidebar).toBeVisible();
        const current = sidebar.locator('a[aria-current="page"]');
        await expect(current).toHaveCount(1);
        await expect(current).toContainText((await page.getByRole('heading', { level: 1 }).textContent())!.trim());
        expect(await current.evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(visited.at(-1));
        const next = page.locator('a[rel="next"]');
        if ((await next.count()) === 0) break;
        await next.click();
      }
      expect(visited, `walking ${landing} by next links`).toEqual(expected);
      // And back: the first page has no previous link, the second points at the first.
      await page.goto(expected[0]);
      await expect(page.locator('a[rel="prev"]')).toHaveCount(0);
      if (expected.length > 1) {
        await page.goto(expected[1]);
        expect(await page.locator('a[rel="prev"]').evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(expected[0]);
      }
    }
  });

  test('should show the breadcrumb of the type on its entries', async ({ page }) => {
    const [landing] = await typePaths(page);
    await page.goto(landing);
    const type = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    const [first] = await ownPath(page);
    await page.goto(first);
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link', { name: 'Project types' })).toBeVisible();
    await expect(crumbs.getByRole('link', { name: type, exact: true })).toHaveAttribute('href', landing);
  });

  test('should open a step block from its stable id', async ({ page }) => {
    const [landing] = await typePaths(page);
    await page.goto(landing);
    const id = await page.locator('details[id^="step-"]').first().getAttribute('id');
    await page.goto(`${landing}#${id}`);
    await expect(page.locator(`details[id="${id}"]`)).toHaveAttribute('open', '');
  });
});

test.describe('reading-path switch', () => {
  test('should show everything or this type only, and both lists without JavaScript', async ({ browser, page }) => {
    for (const landing of await typePaths(page)) {
      await page.goto(landing);
      if ((await page.locator('#reading-path-own').count()) === 0) continue; // no base knowledge: one list, no switch
      const all = page.locator('#reading-path');
      const own = page.locator('#reading-path-own');
      await expect(all).toBeVisible();
      await expect(own).toBeHidden();
      await page.getByRole('button', { name: /only/ }).click();
      await expect(own).toBeVisible();
      await expect(all).toBeHidden();
      const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL: new URL(page.url()).origin });
      const plain = await noJs.newPage();
      await plain.goto(landing);
      await expect(plain.locator('#reading-path')).toBeVisible();
      await expect(plain.locator('#reading-path-own')).toBeVisible();
      await expect(plain.locator('[data-path-switch]')).toBeHidden();
      await noJs.close();
    }
  });
});

declare global {
  interface Window {
    __firstPaint?: { theme: string | undefined; background: string };
  }
}

const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(21, 23, 28)' };

test.describe('theme', () => {
  for (const [system, chosen] of [['light', 'dark'], ['dark', 'light']] as const) {
    test.describe(() => {
      test.use({ colorScheme: system });
      test(`should keep "${chosen}" chosen on a ${system} system across pages, from the first paint`, async ({ page }) => {
        // Recorded in each new document at its first animation frame, before anything is painted.
        await page.addInitScript(() => {
          requestAnimationFrame(() => {
            window.__firstPaint = { theme: document.documentElement.dataset.theme, background: getComputedStyle(document.documentElement).backgroundColor };
          });
        });
        const [landing] = await typePaths(page);
        expect(await page.evaluate(() => window.__firstPaint)).toEqual({ theme: undefined, background: BACKGROUND[system] });
        await page.getByLabel('Theme').selectOption(chosen);
        await expect(page.locator('html')).toHaveAttribute('data-theme', chosen);
        await page.goto(landing);
        await expect.poll(() => page.evaluate(() => window.__firstPaint)).toEqual({ theme: chosen, background: BACKGROUND[chosen] });
        await expect(page.getByLabel('Theme')).toHaveValue(chosen);
        await page.getByRole('link', { name: 'About' }).first().click();
        await expect.poll(() => page.evaluate(() => window.__firstPaint)).toEqual({ theme: chosen, background: BACKGROUND[chosen] });
        // Back to the system's choice.
        await page.getByLabel('Theme').selectOption('system');
        await page.reload();
        await expect.poll(() => page.evaluate(() => window.__firstPaint)).toEqual({ theme: undefined, background: BACKGROUND[system] });
      });
    });
  }

  test('should follow prefers-color-scheme without JavaScript, with no theme menu', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark', baseURL });
    const page = await context.newPage();
    await page.goto('/about/');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(BACKGROUND.dark);
    await expect(page.getByLabel('Theme')).toBeHidden();
    await context.close();
  });
});

test.describe('code blocks', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test('should name their language and copy their code', async ({ page }) => {
    const [landing] = await typePaths(page);
    await page.goto(landing);
    let found = false;
    for (const entry of await ownPath(page)) {
      await page.goto(entry);
      const block = page.locator('.code').first();
      if ((await block.count()) === 0) continue;
      found = true;
      await expect(block.locator('.code-lang')).not.toBeEmpty();
      const button = block.getByRole('button', { name: /^Copy .* code$/ });
      await button.click();
      await expect(button).toHaveText('Copied');
      const code = await block.locator('pre').textContent();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      break;
    }
    expect(found, 'an entry of the path with a code block').toBe(true);
  });
});

test.describe('table of contents', () => {
  test('should mark the section in view', async ({ page }) => {
    const [landing] = await typePaths(page);
    await page.goto(landing);
    const [entry] = await ownPath(page);
    await page.goto(entry);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const last = toc.getByRole('link').last();
    const target = (await last.getAttribute('href'))!.slice(1);
    await page.locator(`[id="${target}"]`).scrollIntoViewIfNeeded();
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), target);
    await expect(toc.locator('a[aria-current]')).toHaveCount(1);
    await expect(toc.locator('a[aria-current]')).toHaveAttribute('href', `#${target}`);
  });
});

async function changedPages(page: Page): Promise<string[]> {
  const types = await typePaths(page);
  await page.goto(types[0]);
  const [entry] = await ownPath(page);
  return ['/', '/types/', ...types, entry, '/about/'];
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    test('should have no axe violations on new and changed pages, disclosures open', async ({ page }) => {
      test.setTimeout(120_000);
      for (const path of await changedPages(page)) {
        await page.goto(path);
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        await expectNoAxeViolations(page, `${path} (${scheme})`);
      }
    });

    test('should have no axe violations with the theme chosen in the menu', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/about/');
      await page.getByLabel('Theme').selectOption(scheme === 'light' ? 'dark' : 'light');
      for (const path of await changedPages(page)) {
        await page.goto(path);
        await expectNoAxeViolations(page, `${path} (chosen ${scheme === 'light' ? 'dark' : 'light'} on a ${scheme} system)`);
      }
    });
  });
}

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('should not scroll horizontally at 390 px, disclosures closed or open', async ({ page }) => {
    test.setTimeout(180_000);
    const types = await typePaths(page);
    const paths = ['/', '/types/', '/about/', '/search/', ...types];
    for (const t of types) {
      await page.goto(t);
      paths.push(...(await ownPath(page)));
    }
    for (const path of paths) {
      await page.goto(path);
      for (const open of [false, true]) {
        if (open) await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path}${open ? ' (details open)' : ''}`).toBeLessThanOrEqual(0);
      }
    }
  });

  test('should fold the reading path and the table of contents into panels the sticky header opens', async ({ page }) => {
    const [landing] = await typePaths(page);
    await page.goto(landing);
    const [entry] = await ownPath(page);
    await page.goto(entry);
    const sidebar = page.getByRole('navigation', { name: / reading path$/ });
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(sidebar).toBeHidden();
    await expect(toc).toBeHidden();
    await page.getByRole('button', { name: / reading path, 1 of \d+$/ }).click();
    await expect(sidebar.locator('a[aria-current="page"]')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sidebar).toBeHidden();
    await page.getByRole('button', { name: /^On this page/ }).click();
    await expect(toc.getByRole('link').first()).toBeVisible();
  });

  test('should open both panels without JavaScript', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const [landing] = await typePaths(page);
    await page.goto(landing);
    const [entry] = await ownPath(page);
    await page.goto(entry);
    await page.getByRole('button', { name: / reading path, 1 of \d+$/ }).click();
    await expect(page.getByRole('navigation', { name: / reading path$/ }).locator('a[aria-current="page"]')).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).first().click();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' })).toBeVisible();
    await context.close();
  });
});

test.describe('print', () => {
  test('should print the article without header, search or navigation, with external URLs and wrapping code', async ({ page }) => {
    const [landing] = await typePaths(page);
    await page.goto(landing);
    let entry: string | undefined;
    for (const candidate of await ownPath(page)) {
      await page.goto(candidate);
      if (await page.locator('.prose pre').count()) {
        entry = candidate;
        break;
      }
    }
    expect(entry, 'an entry of the path with a code block').toBeDefined();
    // The tree may have no external link yet; the rule is the stylesheet's, so give it one (never fetched).
    if ((await page.locator('article a[href^="http"]').count()) === 0) {
      await page.evaluate(() => {
        const a = Object.assign(document.createElement('a'), { href: 'https://example.org/guide', textContent: 'a guide' });
        document.querySelector('.prose')!.append(a);
      });
    }
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.path-nav', '.toc', '.pager']) {
      if (await page.locator(hidden).count()) await expect(page.locator(hidden).first(), hidden).toBeHidden();
    }
    const external = page.locator('article a[href^="http"]').first();
    expect(await external.evaluate((a) => getComputedStyle(a, '::after').content)).toContain((await external.getAttribute('href'))!);
    expect(await page.locator('.prose pre').first().evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
  });
});
