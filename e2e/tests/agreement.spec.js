// Finding agreement on settlements (#19) as a user does it: a coalition of
// parties, the questions a settlement must decide, the strictness; the
// nearest settlement applied and undone; a minimal conflict quoted; who can
// agree with whom; the largest coalitions; locks on clauses and on values;
// all of it by keyboard. Exactness against brute force is tested natively
// (src/settle/tests.rs, tests/repair.rs); here: what the page shows agrees
// with the verdict cards and the sources.
import { test, expect, openApp, regions, startFrom, clause, openCard } from './fixtures.js';

const US28 = 'US 28-point plan (partly described)';

async function openAgreement(page) {
  await page.getByRole('button', { name: /Find agreement: the settlement/ }).click();
  await expect(page.getByRole('heading', { name: 'Find agreement' })).toBeVisible();
  // Its code loads on demand: the boxes are there once it has.
  await expect(page.locator('.coalition input[data-actor]').first()).toBeVisible();
}

const card = (page, actor) => page.locator(`li.card[data-actor="${actor}"]`);
const answer = (page) => page.locator('#agreement-answer');
// Focus goes to the answer's headline, which says what happened (not the whole answer).
const headline = (page) => page.locator('#agreement-headline');
const outcome = (page) => answer(page).locator('[data-outcome]');
const box = (page, name) => page.getByRole('checkbox', { name, exact: true });
const strict = (page, label) => page.getByRole('radio', { name: label });
const find = (page) => page.getByRole('button', { name: 'Find the nearest settlement' });
const pairs = (page) => page.getByRole('region', { name: 'Pairs of parties, scrollable' });

test('the nearest settlement for Ukraine and Russia at "hard red lines only" applies in one undoable step', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  const { draft } = regions(page);
  const rowsBefore = await draft.locator('.draft-row').count();
  await openAgreement(page);
  await expect(page.locator('#strictness-now')).toHaveText('In force: hard red lines only.');
  // Quick picks tick exactly their parties; "None" clears; no party, no search.
  await page.getByRole('button', { name: 'Ukraine, the US and the EU' }).click();
  for (const name of ['Ukraine', 'United States', 'European Union']) await expect(box(page, name)).toBeChecked();
  await page.getByRole('button', { name: 'All parties' }).click();
  await expect(page.locator('.coalition input:not(:checked)')).toHaveCount(0);
  await expect(page.locator('.coalition input[data-id="swp-authors"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'None', exact: true }).click();
  await find(page).click();
  await expect(answer(page).getByRole('status')).toHaveText('Pick at least one party for the coalition.');

  await box(page, 'Ukraine').check();
  await box(page, 'Russia').check();
  await expect(card(page, 'ukraine')).toHaveClass(/crosses-red-line/);
  await find(page).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'repairs');
  await expect(answer(page).getByRole('status')).toContainText(/The nearest settlement takes \d+ changes?; no smaller one exists/);
  const repairs = answer(page).locator('li.repair');
  const count = await repairs.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(5);
  const sizes = await repairs.evaluateAll((rs) => rs.map((r) => Number(r.dataset.edits)));
  expect(new Set(sizes).size).toBe(1);
  for (const e of await answer(page).locator('li.repair li, .common-edits li').allTextContents()) {
    expect(e).toMatch(/^(Add|Remove|Switch|Set) “/);
  }
  // What the draft does not yet respect, whose, with quotes.
  await expect(answer(page)).toContainText(/does not yet respect \d+ positions?: \d+ of Ukraine/);
  // One sentence that leads into the list below it (it had read "…must decide): It leaves 2 questions of the chosen ones undecided.").
  await expect(answer(page).locator('p', { hasText: 'does not yet respect' }))
    .toHaveText(/^The draft (leaves \d+ of the chosen questions undecided, and )?does not yet respect [^.]*\(crossed, or left open: a settlement must meet each, whichever questions it decides\):$/);
  await expect(answer(page).locator('.side-by-side .position').first().locator('blockquote')).not.toBeEmpty();

  // Apply: a settlement; the coalition's cards show no red line crossed.
  await answer(page).getByRole('button', { name: new RegExp(`^Apply these \\d+ changes? \\(way ${count}\\)$`) }).click();
  for (const actor of ['ukraine', 'russia']) await expect(card(page, actor)).not.toHaveClass(/crosses-red-line/);
  await expect(answer(page).getByRole('status')).toContainText(/changes? applied: a settlement with nothing crossed or open at “hard red lines only”\. (Still crossed or open below that: \d+ positions?|Nothing weaker)/);
  await expect(headline(page)).toBeFocused();
  await expect(headline(page)).toBeInViewport();
  await expect(answer(page).getByRole('button', { name: /^Apply these \d+ changes? \(way 1\)$/ })).toBeDisabled();
  // Another edit since: the headline no longer says the draft is that settlement, nor that Undo restores it.
  await clause(page, 'crimea-de-facto-russian').locator('.toggle').click();
  await expect(headline(page)).toHaveText(/changed since this answer: find again\.$/);
  await draft.getByRole('button', { name: 'Undo', exact: true }).click();
  // Asked again on the applied draft: it is a settlement.
  await find(page).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'acceptable');

  // One undo step restores the draft, and the old answer no longer fits it.
  await draft.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(card(page, 'ukraine')).toHaveClass(/crosses-red-line/);
  await expect(draft.locator('.draft-row')).toHaveCount(rowsBefore);
  await expect(answer(page).getByRole('status')).toContainText('changed since this answer');
});

test('at "red lines and firm demands" Ukraine and Russia have no settlement: a minimal conflict, quoted, in one sentence', async ({ page }) => {
  await openApp(page);
  await openAgreement(page);
  await strict(page, 'red lines and firm demands').check();
  await expect(page.locator('#strictness-now')).toHaveText('In force: red lines and firm demands.');
  await page.getByRole('button', { name: 'Ukraine and Russia' }).click();
  await find(page).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'conflict');
  await expect(answer(page).getByRole('status')).toContainText(/^No settlement exists: .*Ukraine.*Russia.*no answer to “Status of Crimea” meets both/);
  const quotes = answer(page).locator('.side-by-side .position');
  await expect(quotes).toHaveCount(2);
  await expect(quotes.locator('.who')).toHaveText(['Ukraine', 'Russia']);
  // One clash, not the only one: setting one of these aside need not settle.
  await expect(answer(page)).toContainText('These 2 positions cannot all be respected; without any one of them they no longer clash, though other clashes may remain.');
  await expect(answer(page)).not.toContainText('a settlement exists.');
  for (let i = 0; i < 2; i++) {
    await expect(quotes.nth(i).locator('blockquote')).not.toBeEmpty();
    await expect(quotes.nth(i).locator('figcaption cite')).not.toBeEmpty();
  }
  // The United States and Ukraine at "hard red lines only" get a settlement.
  await strict(page, 'hard red lines only').check();
  await page.getByRole('button', { name: 'None', exact: true }).click();
  await box(page, 'United States').check();
  await box(page, 'Ukraine').check();
  await find(page).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'repairs');
});

test('who can agree with whom follows the strictness, leads with a sentence, and a cell opens the pair', async ({ page }) => {
  await openApp(page);
  await openAgreement(page);
  const parties = await page.locator('.coalition input[data-actor]').count();
  await expect(pairs(page).locator('button')).toHaveCount(parties * (parties + 1) / 2);
  await expect(page.locator('#pairs-intro')).toContainText('At “hard red lines only”, with 9 questions decided: every pair can agree.');
  await expect(pairs(page).locator('button.no')).toHaveCount(0);
  await strict(page, 'red lines and firm demands').check();
  await expect(page.locator('#pairs-intro')).toContainText(/Ukraine and Russia/);
  await expect(page.locator('#pairs-intro')).toContainText('every other pair can');
  expect(await pairs(page).locator('button.no').count()).toBeGreaterThan(0);
  await pairs(page).getByRole('button', { name: 'Russia and Ukraine: cannot agree' }).click();
  await expect(headline(page)).toBeFocused();
  await expect(headline(page)).toBeInViewport();
  await expect(box(page, 'Ukraine')).toBeChecked();
  await expect(box(page, 'Russia')).toBeChecked();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'conflict');
  await pairs(page).getByRole('button', { name: 'European Union and Ukraine: can agree' }).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', /^(repairs|acceptable)$/);
  // The table can be folded away.
  await page.locator('.pairs-box > summary').click();
  await expect(pairs(page)).toBeHidden();
});

test('on a phone, the pairs table keeps the party names in view while it scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await openAgreement(page);
  const region = pairs(page);
  await region.scrollIntoViewIfNeeded();
  expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
  await region.evaluate((r) => { r.scrollLeft = r.scrollWidth; });
  const [box, name] = await Promise.all([region.boundingBox(), region.locator('tbody th[scope=row]').last().boundingBox()]);
  expect(name.x).toBeGreaterThanOrEqual(box.x - 1);
  expect(name.x + name.width).toBeLessThanOrEqual(box.x + box.width * 0.4);
});

test('the questions to decide: the major plans\' by default, only the draft\'s, or everything', async ({ page }) => {
  await openApp(page);
  await startFrom(page, 'Witkoff paper (partly described)');
  await openAgreement(page);
  await page.locator('details.settle > summary').click();
  await expect(page.locator('#settle-count')).toHaveText('9 of 14');
  await expect(page.getByRole('checkbox', { name: 'Status of Crimea' })).toBeChecked();
  await page.getByRole('button', { name: 'Everything' }).click();
  await expect(page.locator('#settle-count')).toHaveText('14 of 14');
  await page.getByRole('button', { name: 'Only what my draft decides' }).click();
  const decided = Number((await page.locator('#settle-count').textContent()).split(' ')[0]);
  expect(decided).toBeGreaterThan(0);
  expect(decided).toBeLessThan(15);
  // A draft that decides only what it decides, for a party that accepts it, is a settlement.
  await box(page, 'United States').check();
  await find(page).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', /^(acceptable|repairs)$/);
  await expect(page.locator('#pairs-intro')).toContainText(`with ${decided} question`);
});

test('with no question to decide, a blank draft is a settlement, and the answer does not claim questions settled', async ({ page }) => {
  await openApp(page);
  await openAgreement(page);
  await strict(page, 'hard red lines only').check();
  await page.locator('details.settle > summary').click();
  await page.getByRole('button', { name: 'Nothing', exact: true }).click();
  await expect(page.locator('#settle-count')).toHaveText('0 of 14');
  await box(page, 'Estonia').check();
  await find(page).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'acceptable');
  await expect(headline(page)).toHaveText(/^No question is chosen to decide, and no position of Estonia at “hard red lines only” is crossed or left open\. Exact;/);
});

test('a position re-weighed in the scenario is shown in the answer at the reader\'s strength, and says so', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  await openCard(page, 'uk');
  await page.locator('select[data-position="uk-joint-statement-revisions"]').selectOption('hard');
  await openAgreement(page);
  await box(page, 'United Kingdom').check();
  await find(page).click();
  const shown = answer(page).locator('li.position').filter({ hasText: 'United Kingdom' }).first();
  await expect(shown).toContainText('hard red line (re-weighed in your scenario; the sources give a firm demand)');
});

test('what it would take names a re-weighed position by the reader\'s strength, and says so', async ({ page }) => {
  await openApp(page);
  await openCard(page, 'russia');
  await page.locator('select[data-position="russia-2024-demilitarisation"]').selectOption('hard');
  await openAgreement(page);
  await strict(page, 'red lines and firm demands').check();
  await pairs(page).getByRole('button', { name: 'Russia and Ukraine: cannot agree' }).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'conflict');
  await answer(page).getByRole('button', { name: /^What would it take\?/ }).click();
  const takes = page.locator('#what-it-takes');
  await expect(takes).toContainText('its hard red line as re-weighed in your scenario (Putin\'s war aims of June 2024 demand Ukraine\'s demilitarisation');
  await expect(takes).not.toContainText('its firm demand (Putin\'s war aims of June 2024 demand Ukraine\'s demilitarisation');
});

test('the largest coalitions: who can all agree, and why each outsider cannot join', async ({ page }) => {
  await openApp(page);
  await openAgreement(page);
  await strict(page, 'red lines and firm demands').check();
  await page.getByRole('button', { name: 'Show the largest coalitions' }).click();
  await expect(page.getByRole('heading', { name: 'The largest coalitions' })).toBeFocused();
  const found = page.locator('#coalitions .coalition-found');
  expect(await found.count()).toBeGreaterThanOrEqual(2);
  const sizes = await found.evaluateAll((cs) => cs.map((c) => Number(c.dataset.size)));
  expect(sizes[0]).toBe(Math.max(...sizes));
  await expect(found.first()).toContainText(/These \d+ can all agree/);
  await expect(page.locator('#coalitions')).toContainText('Adding Russia makes it impossible');
  // Other terms: the list says it no longer fits.
  await strict(page, 'hard red lines only').check();
  await expect(page.locator('#coalitions')).toContainText('Found for other terms, locks or scenario');
  await strict(page, 'red lines and firm demands').check();
  await expect(page.locator('#coalitions')).not.toContainText('Found for other');
  // Another scenario: the list no longer fits either.
  const russia = await openCard(page, 'russia');
  await russia.getByRole('button', { name: 'Set aside all its positions' }).click();
  await expect(page.locator('#coalitions')).toContainText('Found for other terms, locks or scenario');
});

/** The army cap at 600,000 in a blank draft, its clause locked: its draft row. */
async function capLocked(page) {
  await openApp(page);
  await page.locator('.library li.clause[data-clause="army-cap"] button.toggle').click();
  const row = regions(page).draft.locator('#draft-army-cap');
  await row.getByRole('button', { name: /600,000 personnel/ }).click();
  await row.locator('button.lock:not(.lock-value)').click();
  return row;
}

test('the largest coalitions follow a locked value: moved, the list says so; found again, it changes', async ({ page }) => {
  const row = await capLocked(page);
  await row.locator('button.lock-value').click();
  await openAgreement(page);
  await strict(page, 'red lines and firm demands').check();
  const show = page.getByRole('button', { name: 'Show the largest coalitions' });
  await show.click();
  const list = page.locator('#coalitions');
  const largest = list.locator('.coalition-found').first();
  await expect(largest).not.toContainText('Ukraine');
  const before = Number(await largest.getAttribute('data-size'));
  // Another clause leaves the list as it was: only the locks count.
  await clause(page, 'turkey-maritime-security').locator('button.toggle').click();
  await expect(list).not.toContainText('Found for other');
  await row.getByRole('button', { name: /800,000 personnel/ }).click();
  await expect(list).toContainText('Found for other terms, locks or scenario: find them again.');
  await show.click();
  await expect(list).not.toContainText('Found for other');
  await expect(largest).toContainText('Ukraine');
  expect(Number(await largest.getAttribute('data-size'))).toBeGreaterThan(before);
});

test('a locked clause keeps its place but its value may move; a locked value stays', async ({ page }) => {
  const row = await capLocked(page);
  await openAgreement(page);
  await page.getByRole('button', { name: 'Ukraine, the US and the EU' }).click();
  await find(page).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'repairs');
  await expect(answer(page)).toContainText(/Set “[^”]+” to \d{3},\d{3} personnel/);
  await expect(answer(page)).not.toContainText(/Remove “Cap/);
  // Locking the value too: the cap cannot move, and that is the conflict.
  await row.locator('button.lock-value').click();
  await expect(row.locator('button.lock-value')).toHaveAttribute('aria-pressed', 'true');
  await find(page).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'conflict');
  await expect(answer(page).locator('.side-by-side .position .who').first()).toHaveText('Ukraine');
});

test('keyboard alone: open, pick, find, apply, undo, and a cell', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  const disclosure = page.getByRole('button', { name: /Find agreement: the settlement/ });
  await disclosure.focus();
  await page.keyboard.press('Enter');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  // Its code loads on demand: Tab before it is there walks past the panel.
  await expect(page.locator('.coalition input[data-actor]').first()).toBeVisible();
  const focusedText = () => page.evaluate(() => document.activeElement.textContent.trim());
  const tabTo = async (text, limit) => {
    for (let i = 0; i < limit && (await focusedText()) !== text; i++) await page.keyboard.press('Tab');
    expect(await focusedText()).toBe(text);
  };
  await tabTo('Ukraine and Russia', 12);
  await page.keyboard.press('Enter');
  await tabTo('Find the nearest settlement', 40);
  await page.keyboard.press('Enter');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'repairs');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement.dataset.apply !== undefined)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(card(page, 'ukraine')).not.toHaveClass(/crosses-red-line/);
  await expect(headline(page)).toBeFocused();
  await expect(headline(page)).toBeInViewport();
  await page.keyboard.press('Control+z');
  await expect(card(page, 'ukraine')).toHaveClass(/crosses-red-line/);
  // The pairs are one tab stop, with arrows inside, not one stop a pair.
  const cells = pairs(page).locator('button[data-pair]');
  expect(await cells.count()).toBeGreaterThan(100);
  await expect(pairs(page).locator('button[data-pair][tabindex="0"]')).toHaveCount(1);
  // The scroll region is no stop of its own: its first pair is, and scrolls it.
  await page.locator('.pairs-box summary').focus();
  await page.keyboard.press('Tab');
  await expect(cells.first()).toBeFocused();
  await cells.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(cells.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(cells.last()).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement.dataset.pair)).toBeUndefined();
  const cell = pairs(page).getByRole('button', { name: 'European Union and Ukraine: can agree' });
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(outcome(page)).toHaveAttribute('data-outcome', /^(repairs|acceptable)$/);
  await expect(box(page, 'European Union')).toBeChecked();
});
