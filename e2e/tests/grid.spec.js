// Everyday use (#22): the library's keyboard path (a choice of one is a
// radio group, one tab stop per group), the actor × topic grid and the
// comparison at wide and phone sizes, search, and the small things seen.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp, clause, startFrom, openCard } from './fixtures.js';

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
    // Open, its citations' links are tab stops of their own; closed again, gone.
    await page.keyboard.press('Enter');
    await expect(group.locator('details').first()).not.toHaveAttribute('open', '');
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

const US28 = 'US 28-point plan (partly described)';

/** Starts from a preset; on a phone the picker is in the Draft tab. */
async function startOnAnySize(page, size) {
  if (size.width < 900) await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Draft', exact: true }).click();
  await startFrom(page, US28);
}

async function openGrid(page) {
  await page.getByRole('button', { name: /actor × topic grid/ }).click();
  return page.getByRole('region', { name: 'Who objects to what' });
}

for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`grid at ${size.width} px: whole column names, a sticky narrow actor column, cells that open their positions`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await startOnAnySize(page, size);
    const grid = await openGrid(page);
    await grid.scrollIntoViewIfNeeded();
    // No topic name is clipped: each header's text fits its cell.
    const clipped = await grid.locator('thead th .vertical').evaluateAll((spans) => spans
      .filter((s) => { const b = s.getBoundingClientRect(); const c = s.closest('th').getBoundingClientRect(); return s.scrollHeight > s.clientHeight + 1 || b.top < c.top - 1 || b.bottom > c.bottom + 1; })
      .map((s) => s.textContent));
    expect(clipped).toEqual([]);
    const ukraine = page.getByRole('rowheader', { name: 'Ukraine', exact: true });
    const actorWidth = await ukraine.evaluate((th) => th.getBoundingClientRect().width);
    if (size.width < 600) {
      expect(actorWidth, 'the actor column leaves room for the topics').toBeLessThan(size.width / 3);
      // Scrolled sideways, the actor column stays where it was.
      const scroller = grid.getByRole('region', { name: 'Actor by topic grid, scrollable' });
      const x = await ukraine.evaluate((th) => th.getBoundingClientRect().left);
      await scroller.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
      await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
      expect(Math.abs(await ukraine.evaluate((th) => th.getBoundingClientRect().left) - x)).toBeLessThanOrEqual(1);
    }
    // "No position" and "met" differ in symbol, words and look.
    const none = grid.locator('td.none').first();
    const met = grid.locator('td.met').first();
    await expect(none.locator('.visually-hidden')).toContainText('no stated position');
    await expect(met.locator('.visually-hidden')).toContainText(': met on ');
    expect(await met.locator('[aria-hidden="true"]').textContent()).toBe('✓');
    expect(await none.locator('[aria-hidden="true"]').textContent()).toBe('');
    const look = (cell) => cell.evaluate((td) => getComputedStyle(td).backgroundImage + getComputedStyle(td).backgroundColor);
    expect(await look(none)).not.toBe(await look(met));
    // A red-line cell of Ukraine lists the positions behind it, worst first.
    const row = grid.locator('tr', { has: ukraine });
    const crossed = row.locator('td.crosses-red-line button').first();
    const words = await crossed.locator('.visually-hidden').textContent();
    const topic = words.split(' on ').pop();
    await crossed.click();
    const reasons = grid.locator('#cell-reasons');
    await expect(reasons.getByRole('heading', { name: `Ukraine on ${topic}` })).toBeVisible();
    await expect(reasons.locator('li').first()).toHaveClass('crosses-red-line');
    await expect(reasons.locator('li').first()).toContainText('crosses a hard red line');
    await reasons.getByRole('button', { name: 'Close' }).click();
    await expect(reasons.locator('h3')).toHaveCount(0);
    // On a phone every cell is a 44 px target.
    if (size.width < 600) {
      expect(await crossed.evaluate((b) => b.getBoundingClientRect().height)).toBeGreaterThanOrEqual(44);
    }
  });
}

test('the grid is one tab stop; arrows move by cell and by row, Enter opens a cell', async ({ page }) => {
  await openApp(page);
  const grid = await openGrid(page);
  const cells = grid.locator('.cell-button');
  await expect(cells.first()).toHaveAttribute('tabindex', '0');
  expect(await grid.locator('.cell-button[tabindex="0"]').count()).toBe(1);
  await cells.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(cells.nth(1)).toBeFocused();
  const columns = await grid.locator('thead th').count() - 1;
  await page.keyboard.press('ArrowDown');
  await expect(cells.nth(1 + columns)).toBeFocused();
  await expect(cells.nth(1 + columns)).toHaveAttribute('tabindex', '0');
  expect(await grid.locator('.cell-button[tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('Enter');
  await expect(grid.locator('#cell-reasons h3')).toBeVisible();
  // A click elsewhere updates the cells without rebuilding the table: focus stays.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(cells.nth(1 + columns)).toBeFocused();
  // Escape closes the reasons; focus stays on the cell.
  await page.keyboard.press('Escape');
  await expect(grid.locator('#cell-reasons h3')).toHaveCount(0);
  await expect(cells.nth(1 + columns)).toBeFocused();
});

test('on a tablet, a cell opened far above its reasons brings them into view', async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await openApp(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Draft', exact: true }).click();
  await startFrom(page, US28);
  const grid = await openGrid(page);
  const cell = grid.getByRole('button', { name: /^Russia: .* on Crimea/ });
  await cell.scrollIntoViewIfNeeded();
  await cell.press('Enter');
  await expect(grid.locator('#cell-reasons h3')).toBeInViewport();
  await expect(cell).toBeFocused();
});

for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`comparison at ${size.width} px: against the plan started from, direction per actor, changed only, add a clause`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await startOnAnySize(page, size);
    await page.getByRole('button', { name: 'Compare the draft with a plan' }).click();
    const cmp = page.getByRole('region', { name: 'Compare with a plan' });
    const select = cmp.getByLabel('Compare the draft with');
    await expect(select.locator('option:checked')).toHaveText(US28);
    await expect(cmp.locator('.against')).toHaveText('Against the plan you started from: US 28-point plan.');
    await expect(cmp.locator('caption')).toContainText('(0 actors changed)');
    // Nothing changed: "Changed verdicts only" leaves no row, not a lone group heading.
    await cmp.getByLabel('Changed verdicts only').check();
    await expect(cmp.locator('tbody tr:visible')).toHaveCount(0);
    await cmp.getByLabel('Changed verdicts only').uncheck();
    // Each of the three lists says when it is empty.
    await expect(cmp.locator('.diff section')).toHaveText([/^Only in the draft\s*None\.$/, /^Only in the US 28-point plan\s*None\.$/, /^Different values\s*None\.$/]);
    await select.selectOption({ label: 'European counter-proposal (partly described)' });
    // A value says which side holds it.
    await expect(cmp.locator('.diff section').nth(2).getByRole('listitem'))
      .toHaveText(["Cap on Ukraine's peacetime armed forces: 800,000 personnel in the European counter-proposal; 600,000 personnel in the draft"]);
    await expect(cmp.locator('.against')).toContainText('not the plan the draft started from');
    // On a phone the verdicts table fits its box, down to 360 px: no sideways
    // scrolling, with the longest plan name (the Paris Declaration's) too.
    if (size.width < 600) {
      for (const plan of ['European counter-proposal (partly described)', 'Paris Declaration (partly described)']) {
        await select.selectOption({ label: plan });
        for (const width of [390, 375, 360]) {
          await page.setViewportSize({ width, height: size.height });
          const table = cmp.getByRole('region', { name: 'Verdicts compared' });
          expect(await table.evaluate((s) => s.scrollWidth - s.clientWidth), `${plan} at ${width} px`).toBeLessThanOrEqual(0);
        }
      }
      await select.selectOption({ label: 'European counter-proposal (partly described)' });
    }
    const shifted = cmp.locator('tr.shifted');
    await expect(shifted.first()).toBeVisible();
    // Each change says its direction in a symbol and a word.
    for (const text of await shifted.locator('td.direction').allTextContents()) {
      expect(text).toMatch(/^(↑ better|↓ worse)$/);
    }
    // An unchanged row says so rather than leaving its cell blank.
    await expect(cmp.locator('tbody tr:not(.group-row):not(.shifted) td.direction').first()).toHaveText('= same');
    const rows = cmp.locator('tbody tr:not(.group-row)');
    const all = await rows.count();
    const changed = await shifted.count();
    expect(changed).toBeLessThan(all);
    await cmp.getByLabel('Changed verdicts only').check();
    await expect(cmp.locator('tbody tr:not(.group-row):visible')).toHaveCount(changed);
    const viewsChanged = await cmp.locator('tbody').nth(1).locator('tr.shifted').count();
    await expect(cmp.locator('tr.group-row')).toBeVisible({ visible: viewsChanged > 0 });
    await cmp.getByLabel('Changed verdicts only').uncheck();
    await expect(cmp.locator('tbody tr:not(.group-row):visible')).toHaveCount(all);
    // "Only in" lists follow the library's topic order.
    const only = cmp.locator('.diff section').nth(1);
    // Each Add button ends its row, beside its title, never inside its lines.
    for (const li of await only.locator('li').all()) {
      const [row, title, button] = await Promise.all([li.boundingBox(), li.locator('span').boundingBox(), li.getByRole('button').boundingBox()]);
      expect(Math.abs(row.x + row.width - (button.x + button.width))).toBeLessThan(2);
      expect(title.x + title.width).toBeLessThanOrEqual(button.x);
    }
    const listed = (await only.locator('li').allTextContents()).map((t) => t.replace(/\s*Add$/, '').trim());
    const libraryOrder = await page.locator('.library li.clause .title').allTextContents();
    const positions = listed.map((t) => libraryOrder.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Add a clause from the other plan: the draft holds it, a notice says so,
    // naming the answer it replaced, and Undo takes it back.
    const first = listed[0];
    expect(first).toBe("Crimea's status left to later talks");
    await only.getByRole('button', { name: `Add to the draft: ${first}` }).click();
    await expect(cmp.getByRole('status')).toContainText(`Added “${first}” in place of “Crimea recognised as Russian de facto”.`);
    await expect(only.locator('li', { hasText: first })).toHaveCount(0);
    await cmp.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect(only.locator('li', { hasText: first })).toHaveCount(1);
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`no serious axe violation in the grid and the comparison, opened, ${colorScheme} scheme, wide and phone`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await openApp(page);
    await startFrom(page, US28);
    const grid = await openGrid(page);
    await grid.locator('td.crosses-red-line button').first().click();
    await expect(grid.locator('#cell-reasons h3')).toBeVisible();
    await page.getByRole('button', { name: 'Compare the draft with a plan' }).click();
    const cmp = page.getByRole('region', { name: 'Compare with a plan' });
    await cmp.getByLabel('Compare the draft with').selectOption({ label: 'European counter-proposal (partly described)' });
    await cmp.getByRole('button', { name: /^Add to the draft/ }).first().click();
    await expect(cmp.getByRole('status')).toContainText('Added');
    for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(size);
      const results = await new AxeBuilder({ page }).include('.pictures').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`), `${size.width} px`).toEqual([]);
    }
  });
}

for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`search finds a speaker, a number with or without separators and a plan; no result says so and offers to clear, ${size.width} px`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    const search = page.getByLabel('Search clauses, topics, actors, plans');
    const shown = page.locator('.library li.clause:visible');
    const total = await page.locator('.library li.clause').count();
    await search.fill('Zelensky');
    await expect(shown.first()).toBeVisible();
    expect(await shown.count()).toBeLessThan(total);
    for (const number of ['600000', '600,000']) {
      await search.fill(number);
      await expect(clause(page, 'army-cap')).toBeVisible();
    }
    await search.fill('Istanbul');
    await expect(shown.first()).toBeVisible();
    await search.fill('qqqq nothing like this');
    await expect(shown).toHaveCount(0);
    const none = page.locator('.library .no-match');
    await expect(none).toContainText('No clause matches');
    await none.getByRole('button', { name: 'Clear the search' }).click();
    await expect(search).toHaveValue('');
    await expect(search).toBeFocused();
    await expect(page.locator('.library li.clause:not([hidden])')).toHaveCount(total);
  });
}

test('small things seen: no plan names its year twice, dates read one way, no landmark called "Pictures"', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /actor × topic grid/ }).click();
  await page.getByRole('button', { name: 'Compare the draft with a plan' }).click();
  const names = await page.locator('#start-preset option, #preset-filter option, #compare-preset option').allTextContents();
  expect(names.length).toBeGreaterThan(10);
  for (const name of names) {
    // "Istanbul model (2022) (2022)", "Russia's terms (Putin, June 2024) (14 Jun 2024)".
    expect(name).not.toMatch(/\((\d{4})\).*\1/);
    expect(name).not.toMatch(/\)\s*\((\d{1,2} \w{3} )?\d{4}\)/);
  }
  // A welcome card gives the date only when its name does not already say the year.
  const cards = page.locator('.preset-card');
  expect(await cards.count()).toBeGreaterThan(10);
  for (const card of await cards.all()) {
    const name = await card.locator('.name').textContent();
    const by = await card.locator('.by').textContent();
    const year = name.match(/\d{4}/)?.[0];
    if (year) expect(by, name).not.toMatch(new RegExp(`${year}$`));
    else expect(by, name).toMatch(/\d{4}$/);
  }
  // Open every clause's text and sources and a card, then look for "Dec 26, 2025" anywhere.
  await page.locator('.library details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
  await openCard(page, 'russia');
  const text = await page.evaluate(() => document.body.innerText);
  const american = text.match(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}, \d{4}/g) ?? [];
  // Quotes are verbatim and may write dates their own way; the app's words never do.
  const inQuotes = await page.evaluate(() => [...document.querySelectorAll('blockquote')].map((q) => q.innerText).join(' '));
  expect(american.filter((d) => !inQuotes.includes(d))).toEqual([]);
  const landmarks = await page.evaluate(() => [...document.querySelectorAll('section[aria-label], [role="region"][aria-label], nav[aria-label]')].map((e) => e.getAttribute('aria-label')));
  expect(landmarks).not.toContain('Pictures');
  await expect(page.getByRole('region', { name: /^Analyses/ })).toHaveCount(1);
});
