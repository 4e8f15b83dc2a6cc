import { expect, test } from './fixtures';

const SITE = 'https://docs.example.com';
const ENTRY = '/kb/kb/data-pipeline-streaming-patterns/';

test.describe('copying links to share in a wiki (SITE_URL and BASE_PATH=/kb)', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  const clipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText());

  test('should copy a heading’s absolute URL with one click and announce it', async ({ page }) => {
    await page.goto(ENTRY);
    const heading = page.getByRole('heading', { name: /^Summary/ });
    const id = await heading.getAttribute('id');
    await heading.getByRole('link', { name: 'Link to section: Summary' }).click();
    await expect.poll(() => clipboard(page)).toBe(`${SITE}${ENTRY}#${id}`);
    await expect(page.locator('#kb-announce')).toHaveText('Link copied');
    // The link still does what a link does: the address now points at the section.
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
  });

  test('should copy a Markdown link to a section from the keyboard', async ({ page }) => {
    await page.goto(ENTRY);
    const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    const button = page.getByRole('button', { name: 'md: copy Markdown link to section: Summary' });
    await button.focus();
    await expect(button).toBeVisible();
    // "md" alone says little: focused, it shows what it does.
    expect(await button.evaluate((b) => getComputedStyle(b, '::before').content)).toBe('"Copy Markdown link"');
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboard(page)).toBe(`[${title} › Summary](${SITE}${ENTRY}#summary)`);
    await expect(page.locator('#kb-announce')).toHaveText('Markdown link copied');
  });

  test('should copy the entry’s link, a Markdown link to it and its whole markdown from the header', async ({ page }) => {
    // Opened from a reading path: what is copied is still the entry's own canonical address.
    await page.goto(`${ENTRY}?path=data-pipeline`);
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(() => clipboard(page)).toBe(`${SITE}${ENTRY}`);
    await page.getByRole('button', { name: 'Copy Markdown link', exact: true }).click();
    await expect.poll(() => clipboard(page)).toBe(`[Data Pipeline Streaming Patterns](${SITE}${ENTRY})`);
    await expect(page.locator('#kb-announce')).toHaveText('Markdown link copied');
    await page.getByRole('link', { name: 'Copy whole entry as Markdown' }).click();
    await expect.poll(() => clipboard(page)).toMatch(/^---\nname: data-pipeline-streaming-patterns\n[\s\S]*## Summary/);
    await expect(page.locator('#kb-announce')).toHaveText('Markdown copied');
    // Copying is not navigating: the reader stays on the page.
    await expect(page).toHaveURL(new RegExp(`${ENTRY}\\?path=data-pipeline$`));
  });
});

test.describe('copying a link to a step of a landing page', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('should copy the step block’s URL and a Markdown link named after the step', async ({ page }) => {
    await page.goto('/kb/types/data-pipeline/');
    // The controls sit beside the block's summary, so they work with the block closed.
    const block = page.locator('.step-wrap', { has: page.locator('details#step-create-prd') });
    await block.getByRole('link', { name: 'Link to section: Step create-prd' }).click();
    const url = `${SITE}/kb/types/data-pipeline/#step-create-prd`;
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await block.getByRole('button', { name: 'md: copy Markdown link to section: Step create-prd' }).click();
    const h1 = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`[${h1} › create-prd](${url})`);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('should still navigate from a heading link and hide controls that need script', async ({ page }) => {
    await page.goto(ENTRY);
    await page.getByRole('link', { name: 'Link to section: Summary' }).click();
    await expect(page).toHaveURL(/#summary$/);
    await expect(page.getByRole('button', { name: /copy Markdown link to section/i })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Copy whole entry as Markdown' })).toHaveAttribute('href', '/kb/kb/data-pipeline-streaming-patterns.md');
    await expect(page.getByRole('button', { name: 'Copy Markdown link', exact: true })).toBeHidden();
  });
});
