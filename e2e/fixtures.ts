import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every test page fails its test on a console error or on any request that would leave
 * 127.0.0.1; such requests are also aborted so a slip cannot reach the network.
 */
export const test = base.extend<{ allowedConsoleErrors: RegExp[] }>({
  allowedConsoleErrors: [[], { option: true }],
  page: async ({ page, allowedConsoleErrors }, use) => {
    const errors: string[] = [];
    const external: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !allowedConsoleErrors.some((re) => re.test(m.text()))) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(
      (url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1',
      (route) => {
        external.push(route.request().url());
        return route.abort();
      },
    );
    await use(page);
    expect(errors, 'console errors').toEqual([]);
    expect(external, 'requests leaving 127.0.0.1').toEqual([]);
  },
});

export { expect };

export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Page objects: what a reader sees, by role, not by our markup. */
export class Site {
  constructor(readonly page: Page) {}
  get main() {
    return this.page.getByRole('main');
  }
  get headerSearch() {
    return this.page.getByRole('combobox', { name: 'Search the knowledge base' });
  }
  get headerResults() {
    return this.page.locator('#kb-search-results');
  }
  get searchPageInput() {
    return this.page.getByRole('combobox', { name: 'Search terms' });
  }
  get searchPageResults() {
    return this.page.locator('#kb-search-page-results');
  }
  resultTitles(list = this.searchPageResults) {
    return list.locator('a.result strong').allInnerTexts();
  }
}
