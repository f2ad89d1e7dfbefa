// The builder as a user drives it: library, draft, verdicts, pictures.
import { test, expect, openApp, appReady, regions, clause, startFrom, openCard } from './fixtures.js';

const US28 = 'US 28-point plan (partly described)';

test('search as you type narrows the library by clause, actor and preset', async ({ page }) => {
  await openApp(page);
  const { library } = regions(page);
  const count = library.locator('.count');
  await expect(count).toHaveText(/^96 of 96 clauses$|^\d+ of \d+ clauses$/);
  const total = Number((await count.textContent()).split(' of ')[1].split(' ')[0]);
  await page.getByLabel('Search clauses, topics, actors, plans').fill('crimea');
  await expect(count).not.toHaveText(`${total} of ${total} clauses`);
  const shown = library.locator('li.clause:visible');
  expect(await shown.count()).toBeGreaterThan(0);
  for (const text of await shown.locator('.title').allTextContents()) expect(text).toBeTruthy();
  await expect(clause(page, 'crimea-de-jure-russian')).toBeVisible();
  await expect(clause(page, 'army-cap')).toBeHidden();
  // An actor's name finds the clauses its positions name; a preset's name finds its clauses.
  await page.getByLabel('Search clauses, topics, actors, plans').fill('Poland');
  expect(await library.locator('li.clause:visible').count()).toBeGreaterThan(0);
  await page.getByLabel('Search clauses, topics, actors, plans').fill('Witkoff');
  await expect(clause(page, 'crimea-de-jure-russian')).toBeVisible();
  await page.getByLabel('Search clauses, topics, actors, plans').fill('zzzz nothing');
  await expect(count).toHaveText(`0 of ${total} clauses`);
  await page.getByLabel('Search clauses, topics, actors, plans').fill('');
  await expect(count).toHaveText(`${total} of ${total} clauses`);
});

test('filtering to one preset shows its clauses with their point numbers', async ({ page }) => {
  await openApp(page);
  const { library } = regions(page);
  await page.getByLabel('Show').selectOption({ label: US28 });
  await expect(library.locator('.count')).toHaveText(/^2\d of \d+ clauses$/);
  await expect(clause(page, 'army-cap').locator('.point')).toHaveText('point 6');
  await expect(clause(page, 'crimea-restored-to-ukraine')).toBeHidden();
  // A question shows while one of its alternatives does, and only then.
  const questionsFollow = () => library.evaluate((panel) => [...panel.querySelectorAll('li.question')].every(
    (q) => q.hidden === [...q.querySelectorAll('li.clause')].every((c) => c.hidden)));
  expect(await library.locator('li.question[hidden]').count()).toBeGreaterThan(0);
  expect(await questionsFollow()).toBe(true);
  await page.getByLabel('Show').selectOption({ label: 'All clauses' });
  await expect(library.locator('.point')).toHaveCount(0);
  await expect(clause(page, 'crimea-restored-to-ukraine')).toBeVisible();
  await expect(library.locator('li.question[hidden], li.clause[hidden]')).toHaveCount(0);
  expect(await questionsFollow()).toBe(true);
});

test('a clause is added and removed with one key, and alternatives replace each other', async ({ page }) => {
  await openApp(page);
  const { draft } = regions(page);
  const deJure = clause(page, 'crimea-de-jure-russian').locator('.toggle');
  const deFacto = clause(page, 'crimea-de-facto-russian').locator('.toggle');
  await deJure.focus();
  await page.keyboard.press('Enter');
  await expect(deJure).toHaveAttribute('aria-checked', 'true');
  await expect(draft.locator('.draft-row')).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect(deJure).toHaveAttribute('aria-checked', 'false');
  await expect(draft.locator('.draft-row')).toHaveCount(0);
  // One answer per question: choosing de facto replaces de jure.
  await deJure.click();
  await deFacto.click();
  await expect(deJure).toHaveAttribute('aria-checked', 'false');
  await expect(deFacto).toHaveAttribute('aria-checked', 'true');
  await expect(draft.locator('.draft-row')).toHaveCount(1);
  await expect(draft).toContainText('Crimea recognised as Russian de facto');
});

test('a parameter is set from the values the sources name, and the verdict follows it', async ({ page }) => {
  await openApp(page);
  const { draft } = regions(page);
  await clause(page, 'army-cap').locator('.toggle').click();
  const row = draft.locator('#draft-army-cap');
  const ukraine = page.locator('li.card[data-actor="ukraine"]');
  await row.getByRole('button', { name: /600,000 personnel/ }).click();
  const field = row.getByRole('textbox');
  await expect(field).toHaveValue('600,000');
  await expect(ukraine.locator('.card-head .verdict')).toHaveText('crosses a hard red line');
  await row.getByRole('button', { name: /800,000 personnel/ }).click();
  await expect(row.getByRole('button', { name: /800,000 personnel/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(ukraine.locator('.card-head .verdict')).not.toHaveText('crosses a hard red line');
  // Typing updates the draft at once, with or without separators.
  await field.fill('600000');
  await expect(row.getByRole('button', { name: /600,000 personnel/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(ukraine.locator('.card-head .verdict')).toHaveText('crosses a hard red line');
  await field.fill('800,000');
  await expect(row.getByRole('button', { name: /800,000 personnel/ })).toHaveAttribute('aria-pressed', 'true');
  // A dot that groups thousands, as much of Europe writes them.
  await field.fill('600.000');
  await expect(row.getByRole('button', { name: /600,000 personnel/ })).toHaveAttribute('aria-pressed', 'true');
  await field.fill('800.000');
  await expect(row.getByRole('button', { name: /800,000 personnel/ })).toHaveAttribute('aria-pressed', 'true');
  // A value out of range is said beside the field; the draft keeps the last valid one.
  await field.fill('-5');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/^Out of range: enter a number from [\d,]+ to [\d,]+\. The verdicts use 800,000 personnel until then\.$/);
  await expect(row.getByRole('button', { name: /800,000 personnel/ })).toHaveAttribute('aria-pressed', 'true');
  await field.fill('900000');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await expect(row.locator('.problem')).toBeEmpty();
  // A value picked after a wrong entry replaces it, and the complaint goes.
  await field.fill('8OO');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await row.getByRole('button', { name: /600,000 personnel/ }).click();
  await expect(field).toHaveValue('600,000');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await expect(row.locator('.problem')).toBeEmpty();
  // Undo brings the field back with the draft.
  await draft.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(field).toHaveValue('900,000');
  await expect(row.getByRole('button', { name: /600,000 personnel/ })).toHaveAttribute('aria-pressed', 'false');
  // Typed digit by digit, the field takes no separators under the fingers
  // ("500,0000"), and a number out of range says which value the verdicts
  // still use; leaving the field writes the separators.
  await field.fill('');
  await field.pressSequentially('5000000');
  await expect(field).toHaveValue('5000000');
  await expect(field).toHaveAccessibleDescription('Out of range: enter a number from 100,000 to 1,000,000. The verdicts use 500,000 personnel until then.');
  await field.fill('');
  await field.pressSequentially('700000');
  await expect(field).toHaveValue('700000');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await field.press('Tab');
  await expect(field).toHaveValue('700,000');
});

test('title, notes, presets, clear, undo and redo, by button and by keyboard', async ({ page }) => {
  await openApp(page);
  const { draft } = regions(page);
  await page.getByLabel('Title').fill('Kyiv talks draft');
  await page.getByLabel('Notes').fill('<b>not markup</b>');
  await expect(page.getByLabel('Notes')).toHaveValue('<b>not markup</b>');
  await startFrom(page, US28);
  const rows = draft.locator('.draft-row');
  const presetCount = await rows.count();
  expect(presetCount).toBeGreaterThan(20);
  await expect(page.getByLabel('Title')).toHaveValue('US 28-point plan');
  await draft.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(rows).toHaveCount(0);
  await draft.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(rows).toHaveCount(presetCount);
  await draft.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(rows).toHaveCount(0);
  // Keyboard: Ctrl+Z and Ctrl+Shift+Z outside text fields.
  await draft.getByRole('button', { name: 'Undo', exact: true }).focus();
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(presetCount);
  // The preset opened as a new draft, so its history starts there; the
  // earlier draft is kept whole in the drafts list, not in this history.
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(presetCount);
  await expect(page.getByLabel('Title')).toHaveValue('US 28-point plan');
  expect(await page.locator('#draft-picker option').allTextContents()).toContain('Kyiv talks draft');
  await page.keyboard.press('Control+Shift+z');
  await expect(rows).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(presetCount);
});

test('a verdict card explains itself and points at the clauses behind it', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  const summary = regions(page).verdicts.locator('.summary');
  await expect(summary).toHaveText(/^This draft crosses hard red lines of \D+ \(\d+ of \d+ parties\)\.$/);
  const ukraine = page.locator('li.card[data-actor="ukraine"]');
  const head = ukraine.locator('.card-head');
  await expect(head).toHaveAttribute('aria-expanded', 'false');
  await expect(ukraine.locator('.card-body')).toBeHidden();
  await head.click();
  await expect(head).toHaveAttribute('aria-expanded', 'true');
  const first = ukraine.locator('.position').first();
  await expect(first.locator('.strength')).toHaveText('hard red line');
  await expect(first.locator('blockquote').first()).not.toBeEmpty();
  await expect(first.locator('figcaption').first()).toContainText(/\d{4}/);
  await expect(first.locator('.attribution')).toContainText(/\d{4}/);
  // The clause behind the breach is highlighted and focused in the draft.
  const because = first.locator('.clause-link').first();
  const title = (await because.textContent()).trim();
  await because.click();
  const highlighted = regions(page).draft.locator('.draft-row.highlight');
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toContainText(title);
  await expect(highlighted).toBeFocused();
});

test('a missing demand can be added from the card that asks for it', async ({ page }) => {
  await openApp(page);
  // On a blank draft Russia's demands (recognition of territory) are open.
  const card = page.locator('li.card[data-actor="russia"]');
  await openCard(page, 'russia');
  const add = card.locator('.clause-link.add').first();
  await expect(add).toBeVisible();
  const title = (await add.textContent()).replace(/^\+ Add\s*/, '').trim();
  await add.click();
  await expect(regions(page).draft).toContainText(title);
  // The open card follows the draft: the demand is now listed as met by it.
  await expect(card.locator('.positions.met .clause-link', { hasText: title })).toBeVisible();
});

test('evaluating as of an earlier date uses the positions stated by then', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  const verdict = page.locator('li.card[data-actor="ukraine"] .card-head .verdict');
  await expect(verdict).toHaveText('crosses a hard red line');
  // An open card's reasons follow the date too.
  const ukraine = page.locator('li.card[data-actor="ukraine"]');
  await openCard(page, 'ukraine');
  await expect(ukraine.locator('.positions:not(.met):not(.open) > .position').first()).toBeVisible();
  // The timeline's first date (2022) is before any of Ukraine's positions.
  await page.getByLabel('Positions as stated by').press('Home');
  await expect(verdict).toHaveText('no stated objection');
  await expect(ukraine.locator('.card-body')).toContainText('This draft crosses none of its stated positions.');
  await expect(ukraine.locator('.positions:not(.met):not(.open) > .position')).toHaveCount(0);
  await expect(page.locator('.as-of .hint')).toContainText('2022');
  await page.getByRole('button', { name: 'Latest' }).click();
  await expect(verdict).toHaveText('crosses a hard red line');
  await expect(ukraine.locator('.positions:not(.met):not(.open) > .position').first()).toBeVisible();
});

test('the grid shows each actor\'s worst verdict per topic', async ({ page }) => {
  await openApp(page);
  const toggle = page.getByRole('button', { name: /actor × topic grid/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const grid = page.getByRole('region', { name: 'Who objects to what' });
  await expect(grid.locator('td.crosses-red-line')).toHaveCount(0);
  await startFrom(page, US28);
  const ukraineRow = grid.locator('tr', { has: page.getByRole('rowheader', { name: 'Ukraine', exact: true }) });
  await expect(ukraineRow.locator('td.crosses-red-line').first()).toBeVisible();
  await expect(ukraineRow.locator('td.crosses-red-line .visually-hidden').first()).toContainText('Ukraine: crosses a hard red line on');
});

test('the comparison lists added and removed clauses and verdicts before and after', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  await page.getByRole('button', { name: 'Compare the draft with a plan' }).click();
  const cmp = page.getByRole('region', { name: 'Compare with a plan' });
  await cmp.getByLabel('Compare the draft with').selectOption({ label: US28 });
  await expect(cmp.locator('caption')).toContainText('(0 actors changed)');
  await expect(cmp.locator('caption')).toContainText('US 28-point plan');
  await expect(cmp.locator('.diff section').first()).toContainText('None.');
  await cmp.getByLabel('Compare the draft with').selectOption({ index: 3 });
  await expect(cmp.locator('caption')).toContainText('European counter-proposal');
  await expect(cmp.locator('caption')).not.toContainText('(0 actors changed)');
  await expect(cmp.locator('tr.shifted').first()).toBeVisible();
  expect(await cmp.locator('.diff section').first().locator('li').count()).toBeGreaterThan(0);
});

test('on a phone the regions are tabs and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page);
  const { library, draft, verdicts } = regions(page);
  const tabs = page.getByRole('navigation', { name: 'Sections' });
  await expect(library).toBeVisible();
  await expect(draft).toBeHidden();
  for (const [name, region] of [['Draft', draft], ['Verdicts', verdicts], ['Library', library]]) {
    await tabs.getByRole('button', { name, exact: true }).click();
    await expect(region).toBeVisible();
    await expect(tabs.getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'true');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
});

test('on a phone the draft and the verdicts, hidden while the reader clicks in the library, catch up when shown or printed', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  // By class, not role: a hidden region has no role to find it by.
  const [draft, verdicts] = [page.locator('section.panel.draft'), page.locator('section.panel.verdicts')];
  const tabs = page.getByRole('navigation', { name: 'Sections' });
  const show = (name) => tabs.getByRole('button', { name, exact: true }).click();
  // Both panels built, then hidden behind the library.
  await show('Draft');
  await show('Verdicts');
  await expect(verdicts.locator('li.card')).not.toHaveCount(0);
  await show('Library');
  // Each card's actor, verdict and tally, in the order shown (not the
  // passing "changed" mark of the last edits).
  const cards = () => verdicts.locator('li.card').evaluateAll((cards) => cards.map((c) =>
    `${c.dataset.actor} ${c.className.replace(' changed', '')} ${c.querySelector('.tally').textContent}`));
  const cardsBefore = await cards();
  const bar = page.locator('.verdict-bar');
  const barBefore = await bar.textContent();
  for (const id of ['nato-path-open', 'army-cap', 'crimea-de-jure-russian', 'nato-path-open']) {
    await clause(page, id).locator('button.toggle').click();
  }
  // The phone's verdict bar, in sight in every tab, follows each click...
  await expect(bar).not.toHaveText(barBefore);
  // ...while the hidden panels wait: nothing is built or changed behind the library.
  await expect(draft.locator('li.draft-row')).toHaveCount(0);
  expect(await cards()).toEqual(cardsBefore);

  await show('Draft');
  // The two held, in the draft's topic order; the one added and removed again is not there.
  await expect(draft.locator('li.draft-row')).toHaveCount(2);
  expect(await draft.locator('li.draft-row').evaluateAll((rows) => rows.map((r) => r.id).sort()))
    .toEqual(['draft-army-cap', 'draft-crimea-de-jure-russian']);
  await show('Verdicts');
  const caughtUp = await cards();
  expect(caughtUp).not.toEqual(cardsBefore);
  // The same plan built afresh (the draft is kept in this browser) shows the same cards.
  await page.reload();
  await appReady(page);
  await show('Verdicts');
  await expect(verdicts.locator('li.card')).toHaveCount(caughtUp.length);
  expect(await cards()).toEqual(caughtUp);

  // Printing from the library tab prints the draft as it is.
  await show('Library');
  await clause(page, 'crimea-restored-to-ukraine').locator('button.toggle').click();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(draft.locator('li.draft-row[id="draft-crimea-restored-to-ukraine"]')).toBeVisible();
});

test('on a phone each skip link shows the tab its target is in and moves focus there', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Keep the hidden tabs unbuilt until shown: the link must build and show them.
  await page.addInitScript(() => { window.requestIdleCallback = () => 1; });
  await openApp(page);
  const tabs = page.getByRole('navigation', { name: 'Sections' });
  for (const [link, target, tab] of [
    ['Skip to the draft', page.locator('#draft-heading'), 'Draft'],
    ['Skip to the verdicts', page.locator('#verdicts-heading'), 'Verdicts'],
    ['Skip to the search', page.getByLabel('Search clauses, topics, actors, plans'), 'Library'],
  ]) {
    // As a keyboard reader meets them: the first Tab stops of the page.
    await page.getByRole('link', { name: link }).focus();
    await page.keyboard.press('Enter');
    await expect(target).toBeFocused();
    await expect(target).toBeInViewport();
    await expect(tabs.getByRole('button', { name: tab, exact: true })).toHaveAttribute('aria-current', 'true');
    // Not under the sticky tabs.
    const [box, bar] = [await target.boundingBox(), await tabs.boundingBox()];
    expect(box.y, link).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  }
});

test('on a tablet, tabbing through the library never leaves focus under the sticky tabs or the verdict bar', async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await openApp(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Draft', exact: true }).click();
  await startFrom(page, US28);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByLabel('Search clauses, topics, actors, plans').focus();
  let checked = 0;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.closest('.library')) return null;
      const r = el.getBoundingClientRect();
      const tabs = document.querySelector('.tabs').getBoundingClientRect();
      const bar = document.querySelector('.verdict-bar').getBoundingClientRect();
      return { label: el.textContent.trim().slice(0, 40), top: r.top, bottom: r.bottom, under: tabs.bottom, over: bar.top };
    });
    if (!seen) continue;
    checked++;
    expect(seen.top, seen.label).toBeGreaterThanOrEqual(seen.under - 1);
    expect(seen.bottom, seen.label).toBeLessThanOrEqual(seen.over + 1);
  }
  expect(checked).toBeGreaterThan(20);
});

test('on a wide screen the three regions stand side by side', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page);
  const { library, draft, verdicts } = regions(page);
  const [a, b, c] = await Promise.all([library, draft, verdicts].map((r) => r.boundingBox()));
  expect(a.x + a.width).toBeLessThanOrEqual(b.x);
  expect(b.x + b.width).toBeLessThanOrEqual(c.x);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
});

test('printing shows the plan, every verdict with its reasons, and the sources', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  const notes = Array.from({ length: 15 }, (_, i) => `Note line ${i + 1}`).join('\n');
  await page.getByLabel('Notes').fill(notes);
  await page.emulateMedia({ media: 'print' });
  // An A4 page at 96 dpi, less Chromium's default margins (1 cm each side).
  await page.setViewportSize({ width: 718, height: 1047 });
  // What the browser fires when the user prints.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const { library, draft, verdicts } = regions(page);
  // The notes print whole, as text, not as a box three lines high.
  await expect(draft.getByLabel('Notes')).toBeHidden();
  await expect(draft.locator('.on-paper .notes')).toBeVisible();
  expect(await draft.locator('.on-paper .notes').innerText()).toBe(notes);
  // Nothing is wider than the page: the browser would shrink every page to fit it.
  await expect(page.locator('.grid table')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(718);
  await expect(page.getByText('arrow keys move between cells')).toBeHidden();
  await expect(library).toBeHidden();
  await expect(draft).toBeVisible();
  await expect(verdicts.locator('li.card[data-actor="ukraine"] .card-body')).toBeVisible();
  await expect(verdicts.locator('li.card[data-actor="ukraine"] .card-body li.position').first()).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(draft.getByRole('button', { name: 'Undo', exact: true })).toBeHidden();
  // What would meet a crossed demand prints as clause names under its label,
  // not a label over nothing (the add buttons were hidden whole).
  const lacks = verdicts.locator('li.card[data-actor="russia"] li.position', { hasText: 'The draft lacks any of:' }).first();
  const names = lacks.locator('.clause-link.add');
  await expect(names.first()).toBeVisible();
  expect(await names.first().innerText()).not.toContain('Add');
  await expect(verdicts.locator('.about-link').first()).toBeHidden();
  // The commentators' views print too: a rule meant for the masthead's
  // analyses links (also class "views") once hid their whole list.
  await expect(verdicts.locator('#view-cards')).toBeVisible();
  await expect(verdicts.locator('#view-cards li.card').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Analyses' })).toBeHidden();
  // Paper is white whatever the screen's scheme: a reader in dark mode
  // prints the light colours, not pale red and khaki on white.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const colours = await page.evaluate(() => {
    const root = getComputedStyle(document.documentElement);
    return ['--accent', '--strains', '--bg'].map((v) => root.getPropertyValue(v).trim());
  });
  expect(colours).toEqual(['#8b1a1a', '#4a3f00', '#fff']);
});

test('on a phone, "/" from another tab shows the library with the search focused, and what is typed next lands in it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Draft', exact: true }).click();
  await page.keyboard.press('/');
  await page.keyboard.type('Crimea');
  const search = page.getByLabel('Search clauses, topics, actors, plans');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('Crimea');
  await expect(page.locator('.builder')).toHaveAttribute('data-tab', 'library');
});

test('search finds speakers, quoted words and numbers either way, and says so when nothing matches', async ({ page }) => {
  await openApp(page);
  const { library } = regions(page);
  const search = page.getByLabel('Search clauses, topics, actors, plans');
  // "/" focuses the search from anywhere but a text field.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('Zelensky');
  const byName = await library.locator('li.clause:visible').count();
  expect(byName).toBeGreaterThan(0);
  // Another transliteration finds the same clauses.
  await search.fill('Zelenskyy');
  await expect(library.locator('li.clause:visible')).toHaveCount(byName);
  await search.fill('600000');
  await expect(clause(page, 'army-cap')).toBeVisible();
  const plain = await library.locator('li.clause:visible').count();
  await search.fill('600,000');
  await expect(library.locator('li.clause:visible')).toHaveCount(plain);
  // Quote marks make a phrase, and are not searched for themselves.
  await search.fill('"security guarantees"');
  expect(await library.locator('li.clause:visible').count()).toBeGreaterThan(0);
  await search.fill('“security guarantees”');
  expect(await library.locator('li.clause:visible').count()).toBeGreaterThan(0);
  await search.fill('zzzz nothing at all');
  const none = library.locator('.no-match');
  await expect(none).toContainText('No clause matches');
  await none.getByRole('button', { name: 'Clear the search' }).click();
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await expect(none).toHaveCount(0);
  // With a plan shown, the message and the button say that the plan filter is part of it.
  await page.locator('#preset-filter').selectOption({ index: 1 });
  await search.fill('zzzz nothing at all');
  await expect(none).toContainText('No clause of the plan shown matches.');
  await none.getByRole('button', { name: 'Clear the search and show every plan' }).click();
  await expect(page.locator('#preset-filter')).toHaveValue('');
  await expect(search).toHaveValue('');
  // Skip links reach the verdicts and the search.
  await expect(page.getByRole('link', { name: 'Skip to the verdicts' })).toHaveAttribute('href', '#verdicts-heading');
  await expect(page.getByRole('link', { name: 'Skip to the search' })).toHaveAttribute('href', '#clause-search');
});
