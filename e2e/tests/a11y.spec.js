// axe-core finds no serious or critical violation, in both colour schemes,
// in the states a user reaches.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp, startFrom } from './fixtures.js';

async function expectNoSeriousViolations(page, state) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  expect(report, `axe in state "${state}"`).toEqual([]);
}

for (const colorScheme of ['light', 'dark']) {
  test(`no serious axe violation, ${colorScheme} scheme, wide and phone`, async ({ page }) => {
    test.setTimeout(180_000); // five full-page axe runs over a large DOM
    await page.emulateMedia({ colorScheme });
    await openApp(page);
    await expectNoSeriousViolations(page, 'blank draft');
    await startFrom(page, 'US 28-point plan (Nov 2025)');
    await page.locator('li.card[data-actor="ukraine"] .card-head').click();
    await page.locator('.library li.clause details summary').first().click();
    await page.getByRole('button', { name: /actor × topic grid/ }).click();
    await page.getByRole('button', { name: 'Compare the draft with a plan' }).click();
    // Finding agreement: repairs with their positions, then a lock (the pairs table shows ✕).
    await page.getByRole('button', { name: /Find agreement: the smallest change/ }).click();
    await page.getByRole('button', { name: 'Ukraine, the US and the EU' }).click();
    await page.getByRole('button', { name: 'Find the smallest change' }).click();
    await expect(page.locator('#agreement-answer li.repair').first()).toBeVisible();
    await page.getByRole('button', { name: 'Lock All of Donbas under de facto Russian control' }).click();
    await expect(page.locator('.pairs button.no').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'preset loaded, card and clause expanded');
    await page.setViewportSize({ width: 360, height: 740 });
    for (const tab of ['Library', 'Draft', 'Verdicts']) {
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: tab, exact: true }).click();
      await expectNoSeriousViolations(page, `phone, ${tab} tab`);
    }
  });
}

test('keyboard alone reaches a clause, adds it, and shows where focus is', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Search clauses, topics, actors, plans').focus();
  // Tab past the search box and the preset filter to the first clause.
  let focused = '';
  for (let i = 0; i < 6 && !focused.includes('toggle'); i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement.className);
  }
  expect(focused).toContain('toggle');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.locator('.library .toggle[aria-pressed="true"]')).toHaveCount(1);
});
