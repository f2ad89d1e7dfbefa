// A page fixture that fails the test on any console error, uncaught
// exception or failed request: "no error" is checked in every test.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    await use(page);
    expect(problems, 'console errors, exceptions or failed requests').toEqual([]);
  },
});
export { expect };

/** Opens the app and waits until it has mounted. */
export async function openApp(page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 2, name: 'Clause library' })).toBeVisible();
}
