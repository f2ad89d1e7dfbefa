// Everyday use (#22): the library's keyboard path (a choice of one is a
// radio group, one tab stop per group), the actor × topic grid and the
// comparison at wide and phone sizes, search, and the small things seen.
import { test, expect, openApp, clause, startFrom } from './fixtures.js';

/** Presses Tab from the search field until focus leaves the library; returns how many presses stayed in it. */
async function tabStopsAcrossLibrary(page) {
  await page.getByLabel('Search clauses, topics, actors, plans').focus();
  let stops = 0;
  for (; stops < 400; stops++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => !!document.activeElement?.closest('.library'));
    if (!inside) break;
  }
  return stops;
}

test('the library costs one tab stop per group, not two per clause', async ({ page }) => {
  await openApp(page);
  const stops = await tabStopsAcrossLibrary(page);
  console.log(`tab stops across the library: ${stops}`);
  const groups = await page.locator('.library .rove').evaluateAll((gs) => gs.filter((g) => g.querySelector(':scope > li.clause')).length);
  const clauses = await page.locator('.library li.clause').count();
  // The preset filter, then one stop per group (a question, or a topic's other clauses).
  expect(stops).toBe(1 + groups);
  // Before: every clause's toggle and its "Text and sources", 2 × 100 + 1.
  expect(stops).toBeLessThan(clauses / 2);
  // A search hiding a group's tab stop leaves the group reachable.
  await page.getByLabel('Search clauses, topics, actors, plans').fill('Zaporizhzhia');
  const shownGroups = await page.locator('.library .rove').evaluateAll((gs) => gs.filter((g) => g.querySelector(':scope > li.clause:not([hidden])') && !g.closest('[hidden]')).length);
  expect(await tabStopsAcrossLibrary(page)).toBe(1 + shownGroups);
});

for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`a question is a radio group: arrows move, Enter picks and replaces, ${size.width} px`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    if (size.width < 600) await page.getByRole('region', { name: 'How to start' }).getByRole('button', { name: 'Start blank' }).click();
    const group = page.getByRole('radiogroup', { name: /Crimea/ });
    await expect(group).toHaveAccessibleDescription(/picking one replaces the current answer/);
    const radios = group.getByRole('radio');
    const count = await radios.count();
    expect(count).toBeGreaterThan(1);
    await expect(radios.first()).toHaveAttribute('tabindex', '0');
    await expect(radios.nth(1)).toHaveAttribute('tabindex', '-1');
    await radios.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(radios.nth(1)).toBeFocused();
    await expect(radios.nth(1)).toHaveAttribute('aria-checked', 'false');
    await page.keyboard.press('Enter');
    await expect(radios.nth(1)).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press(' ');
    await expect(radios.first()).toHaveAttribute('aria-checked', 'true');
    await expect(radios.nth(1)).toHaveAttribute('aria-checked', 'false');
    await expect(group.getByRole('radio', { checked: true })).toHaveCount(1);
    // Right steps into the picked clause's text and sources; Enter opens it.
    await page.keyboard.press('ArrowRight');
    await expect(group.locator('summary').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(group.locator('details').first()).toHaveAttribute('open', '');
    // Tab leaves the group at once, and Shift+Tab comes back to the picked answer.
    await radios.nth(count - 1).focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement.closest('[role="radiogroup"]')?.getAttribute('aria-labelledby'))).resolves
      .not.toBe(await group.getAttribute('aria-labelledby'));
    await page.keyboard.press('Shift+Tab');
    await expect(radios.first()).toBeFocused();
  });
}

test('a parameter with one value named by the sources shows the value, not a one-button choice', async ({ page }) => {
  await openApp(page);
  const ids = await page.evaluate(() => [...document.querySelectorAll('.library li.clause')].map((li) => li.dataset.clause));
  expect(ids).toContain('elections-within-days');
  await clause(page, 'elections-within-days').locator('.toggle').click();
  const row = page.getByRole('region', { name: 'Your draft', exact: true }).locator('.draft-row').filter({ hasText: /election/i });
  await expect(row.locator('.one-mark')).toContainText('The source names');
  await expect(row.locator('.mark-value')).toHaveCount(0);
});
