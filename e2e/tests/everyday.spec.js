// Everyday use (#22), the parts about how controls look and feel: a held
// clause does not wear the red of a crossed line, the severities differ in
// lightness as well as hue, and on a phone every control is a 44 px target.
import { test, expect, openApp, clause, openCard, startFrom } from './fixtures.js';

/** Relative luminance (WCAG) and hue of a computed CSS colour. */
function measure(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => c / 255);
  const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let hue = 0;
  if (max !== min) {
    if (max === r) hue = (60 * ((g - b) / (max - min)) + 360) % 360;
    else if (max === g) hue = 60 * ((b - r) / (max - min)) + 120;
    else hue = 60 * ((r - g) / (max - min)) + 240;
  }
  return { luminance, hue };
}

for (const colorScheme of ['light', 'dark']) {
  test(`a held clause is not red, and the three severities differ in lightness, ${colorScheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openApp(page);
    const entry = clause(page, 'crimea-de-facto-russian');
    await entry.locator('.toggle').click();
    await expect(entry).toHaveClass(/held/);
    const held = measure(await entry.evaluate((el) => getComputedStyle(el).backgroundColor));
    // Reds sit near 0° / 360°; the selection is blue.
    expect(held.hue, 'hue of a held clause').toBeGreaterThan(180);
    expect(held.hue).toBeLessThan(260);
    const severities = await page.evaluate(() => ['crosses-red-line', 'conflicts-with-demand', 'strains-preference'].map((c) => {
      const el = document.querySelector(`.legend .${c} .symbol`);
      return getComputedStyle(el).color;
    }));
    const [crosses, conflicts, strains] = severities.map(measure);
    for (const [a, b, what] of [[crosses, conflicts, '✖ and ▲'], [conflicts, strains, '▲ and ◆'], [crosses, strains, '✖ and ◆']]) {
      const ratio = (Math.max(a.luminance, b.luminance) + 0.05) / (Math.min(a.luminance, b.luminance) + 0.05);
      expect(ratio, `lightness of ${what}`).toBeGreaterThan(1.2);
    }
  });
}

test('on a phone every visible control is at least 44 px tall, and a row scrolled to clears the sticky tabs', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await page.getByRole('region', { name: 'How to start' }).getByRole('button', { name: 'Start blank' }).click();
  for (const tab of ['Library', 'Draft', 'Verdicts']) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: tab, exact: true }).click();
    const small = await page.evaluate(() => [...document.querySelectorAll('#app button, #app select, #app summary, #app input, #app .views a')]
      .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.skip'))
      .filter((el) => el.type !== 'file' && el.type !== 'range' && el.getBoundingClientRect().height < 44)
      .map((el) => `${el.localName} "${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().height)}px`));
    expect(small, `${tab} tab`).toEqual([]);
  }
  // The three analyses line up under one another.
  const lefts = await page.locator('#grid > .disclosure, #compare > .disclosure, #agree > .disclosure').evaluateAll((buttons) =>
    buttons.filter((b) => b.getClientRects().length).map((b) => Math.round(b.getBoundingClientRect().left)));
  expect(lefts.length).toBe(3);
  expect(new Set(lefts).size, `left edges ${lefts}`).toBe(1);
  const margin = await clause(page, 'army-cap').evaluate((el) => parseFloat(getComputedStyle(el).scrollMarginTop));
  const tabs = await page.getByRole('navigation', { name: 'Sections' }).evaluate((el) => el.getBoundingClientRect().height);
  expect(margin).toBeGreaterThanOrEqual(tabs);
});

test('after Remove, focus goes to the neighbouring row; after Clear, to the draft', async ({ page }) => {
  await openApp(page);
  for (const id of ['crimea-de-facto-russian', 'army-cap', 'nato-path-open']) {
    await clause(page, id).locator('.toggle').click();
  }
  const draft = page.getByRole('region', { name: 'Your draft', exact: true });
  const removes = draft.locator('.draft-row .remove');
  await expect(removes).toHaveCount(3);
  const second = await removes.nth(1).getAttribute('aria-label');
  await removes.nth(0).focus();
  await page.keyboard.press('Enter');
  await expect(removes).toHaveCount(2);
  // The row that followed the removed one has focus, in whatever order the topics come.
  await expect(draft.getByRole('button', { name: second })).toBeFocused();
  await removes.last().focus();
  await page.keyboard.press('Enter');
  await expect(removes).toHaveCount(1);
  await expect(removes.first()).toBeFocused();
  await draft.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(draft.getByRole('heading', { name: 'Your draft' })).toBeFocused();
});

test('"About the data" is reachable from the top: the five documents, how a position is read, what Redline does not know', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation', { name: 'Analyses' }).getByRole('link', { name: 'About the data' }).click();
  await expect(page).toHaveURL(/#about$/);
  const about = page.getByRole('contentinfo');
  await expect(about.getByRole('heading', { name: 'About the data' })).toBeInViewport();
  await expect(about).toContainText('five documents');
  await expect(about).toContainText('Silence never crosses');
  await expect(about).toContainText('“rules out”');
  const sources = about.getByRole('list', { name: 'Sources' }).getByRole('listitem');
  await expect(sources).toHaveCount(5);
  await expect(sources.first()).toContainText('outlet not named');
});

for (const layout of [{ name: 'wide', viewport: { width: 1280, height: 800 } }, { name: 'phone', viewport: { width: 390, height: 844 } }]) {
  test(`a card links to "About the data", and an undated document's note is a link away, not beside every quote, ${layout.name}`, async ({ page }) => {
    await page.setViewportSize(layout.viewport);
    await openApp(page);
    if (layout.name === 'phone') await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Draft' }).click();
    await startFrom(page, 'US 28-point plan (partly described)');
    if (layout.name === 'phone') await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Verdicts' }).click();
    const card = await openCard(page, 'russia');
    // Putin's war aims are quoted from the undated policy paper.
    const caption = card.locator('figcaption', { hasText: 'Systemic Chaos' }).first();
    await expect(caption).toContainText('Policy paper (publisher and authors not named in the document), Jan 2026 (undated; why this date)');
    await expect(caption).not.toContainText('National Defense Strategy');
    await caption.getByRole('link', { name: 'why this date' }).click();
    await expect(page).toHaveURL(/#source-003_ff4689357309e44a$/);
    const entry = page.getByRole('contentinfo').getByRole('listitem').filter({ hasText: 'Systemic Chaos' });
    await expect(entry).toBeInViewport();
    await expect(entry).toContainText('it discusses the US National Defense Strategy of 23 January 2026');
    await expect(entry).toHaveCSS('background-color', await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--highlight)';
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    }));
    await page.goBack();
    await card.getByRole('link', { name: 'How Redline reads a position, and its sources' }).click();
    await expect(page).toHaveURL(/#about$/);
    await expect(page.getByRole('contentinfo').getByRole('heading', { name: 'About the data' })).toBeInViewport();
  });
}

test('a lock says when it is on, in words and with a padlock drawn from an SVG', async ({ page }) => {
  await openApp(page);
  await clause(page, 'army-cap').locator('.toggle').click();
  const lock = page.getByRole('button', { name: "Lock Cap on Ukraine's peacetime armed forces", exact: true });
  await expect(lock).toHaveText('Lock');
  const svg = page.waitForResponse((r) => r.url().endsWith('/lock.svg') && r.ok());
  await lock.click();
  const locked = page.getByRole('button', { name: "Locked: Cap on Ukraine's peacetime armed forces", exact: true });
  await expect(locked).toHaveAttribute('aria-pressed', 'true');
  await expect(locked).toHaveText('Locked');
  await svg;
  expect(await locked.evaluate((el) => getComputedStyle(el, '::before').maskImage || getComputedStyle(el, '::before').webkitMaskImage)).toContain('lock.svg');
});
