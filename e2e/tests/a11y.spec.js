// axe-core finds no serious or critical violation, in both colour schemes,
// in the states a user reaches.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp, startFrom, openCard } from './fixtures.js';

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
    await startFrom(page, 'US 28-point plan (partly described)');
    await openCard(page, 'ukraine');
    await page.locator('.library li.clause details summary').first().click();
    await page.getByRole('button', { name: /actor × topic grid/ }).click();
    await page.getByRole('button', { name: 'Compare the draft with a plan' }).click();
    // Finding agreement: a settlement with its positions, the terms open, the
    // largest coalitions, then a lock (the pairs table shows ✕).
    await page.getByRole('button', { name: /Find agreement: the settlement/ }).click();
    await page.locator('details.settle > summary').click();
    await page.getByRole('button', { name: 'Ukraine, the US and the EU' }).click();
    await page.getByRole('button', { name: 'Find the nearest settlement' }).click();
    await expect(page.locator('#agreement-answer li.repair').first()).toBeVisible();
    await page.getByRole('radio', { name: 'red lines and firm demands' }).check();
    await page.getByRole('button', { name: 'Show the largest coalitions' }).click();
    await expect(page.locator('#coalitions .coalition-found').first()).toBeVisible();
    await page.getByRole('button', { name: 'Lock All of Donbas under de facto Russian control' }).click();
    await expect(page.locator('.pairs button.no').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'preset loaded, card and clause expanded, agreement found');
    await page.setViewportSize({ width: 360, height: 740 });
    for (const tab of ['Library', 'Draft', 'Verdicts']) {
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: tab, exact: true }).click();
      await expectNoSeriousViolations(page, `phone, ${tab} tab`);
    }
  });

  test(`no serious axe violation in viewing mode, ${colorScheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openApp(page);
    await page.getByLabel('Title').fill('Shared for axe');
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = await page.getByLabel('Link to this draft').inputValue();
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.getByRole('region', { name: 'Viewing a shared plan: Shared for axe' })).toBeVisible();
    await expectNoSeriousViolations(page, 'viewing a shared plan');
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
  await expect(page.locator('.library .toggle[aria-checked="true"]')).toHaveCount(1);
});

// Containment that clips paint (style/main.css) must leave the focus ring
// whole. The ring is drawn 2 to 5 px outside the element; on each side, in
// the middle, the pixels the browser painted 1 to 8 px out must include at
// least two of the ring's colour (two: a clipped ring leaves none, and
// pixel snapping may move it by one).
test('the focus ring is drawn whole around draft rows, their buttons, clauses and cards', async ({ page }) => {
  await openApp(page);
  await startFrom(page, 'US 28-point plan (partly described)');
  const row = page.locator('.draft-row').first();
  const targets = {
    'a draft row': row,
    "a draft row's Remove button": row.locator('.remove'),
    'the number field of a parameter': page.locator('.draft-row .param input').first(),
    'a clause in the library': page.locator('.library .toggle').first(),
    'a verdict card': page.locator('.card-head').first(),
  };
  const pixels = await page.context().newPage(); // no CSP there, to decode screenshots
  for (const [what, target] of Object.entries(targets)) {
    await page.keyboard.press('Shift'); // keyboard modality: focus shows its ring
    await target.focus();
    await target.scrollIntoViewIfNeeded();
    const ring = await target.evaluate((el) => getComputedStyle(el).outlineColor);
    const box = await target.boundingBox();
    const margin = 10;
    const clip = { x: Math.floor(box.x) - margin, y: Math.floor(box.y) - margin };
    clip.width = Math.ceil(box.x + box.width) + margin - clip.x;
    clip.height = Math.ceil(box.y + box.height) + margin - clip.y;
    const png = (await page.screenshot({ clip })).toString('base64');
    const sides = await pixels.evaluate(async ({ png, edges }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d');
      g.drawImage(bitmap, 0, 0);
      const at = (x, y) => `rgb(${[...g.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)].join(', ')})`;
      const [midX, midY] = [(edges.left + edges.right) / 2, (edges.top + edges.bottom) / 2];
      const out = [1, 2, 3, 4, 5, 6, 7, 8];
      return {
        left: out.map((d) => at(edges.left - d, midY)),
        top: out.map((d) => at(midX, edges.top - d)),
        right: out.map((d) => at(edges.right + d, midY)),
        bottom: out.map((d) => at(midX, edges.bottom + d)),
      };
    }, { png, edges: { left: box.x - clip.x, top: box.y - clip.y, right: box.x + box.width - clip.x, bottom: box.y + box.height - clip.y } });
    for (const [side, colours] of Object.entries(sides)) {
      expect(colours.filter((c) => c === ring).length, `focus ring of ${what}, ${side} side: ${colours.join(' ')}`).toBeGreaterThanOrEqual(2);
    }
  }
  await pixels.close();
});
