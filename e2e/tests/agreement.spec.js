// Finding agreement (#9) as a user does it: a coalition by checkboxes and
// quick picks, its minimal repairs applied and undone, locks in the draft,
// who can agree with whom, a conflict's quotes side by side, and all of it
// by keyboard. Exactness against brute force is tested natively (src/repair.rs,
// tests/repair.rs); here: what the page shows agrees with the verdict cards.
import { test, expect, openApp, regions, startFrom } from './fixtures.js';

const US28 = 'US 28-point plan (partly described)';

async function openAgreement(page) {
  await page.getByRole('button', { name: /Find agreement: the smallest change/ }).click();
  await expect(page.getByRole('heading', { name: 'Find agreement' })).toBeVisible();
}

const card = (page, actor) => page.locator(`li.card[data-actor="${actor}"]`);
const answer = (page) => page.locator('#agreement-answer');
const outcome = (page) => answer(page).locator('[data-outcome]');

test('a coalition picked by checkboxes and quick picks gets its minimal repairs; one applies in one undoable step', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  const { draft } = regions(page);
  const rowsBefore = await draft.locator('.draft-row').count();
  await openAgreement(page);
  const box = (name) => page.getByRole('checkbox', { name, exact: true });

  // Quick picks tick exactly their actors; "None" clears; no actor, no search.
  await page.getByRole('button', { name: 'Ukraine, the US and the EU' }).click();
  for (const name of ['Ukraine', 'United States', 'European Union']) await expect(box(name)).toBeChecked();
  await expect(box('Russia')).not.toBeChecked();
  await page.getByRole('button', { name: 'All parties' }).click();
  await expect(page.locator('.coalition input:not(:checked)')).toHaveCount(0);
  await page.getByRole('button', { name: 'None', exact: true }).click();
  await expect(page.locator('.coalition input:checked')).toHaveCount(0);
  await page.getByRole('button', { name: 'Find the smallest change' }).click();
  await expect(answer(page).getByRole('status')).toHaveText('Pick at least one actor for the coalition.');

  // Ukraine and Russia by checkbox: the 28-point plan crosses Ukraine's red lines.
  await box('Ukraine').check();
  await box('Russia').check();
  await expect(card(page, 'ukraine')).toHaveClass(/crosses-red-line/);
  await page.getByRole('button', { name: 'Find the smallest change' }).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'repairs');
  await expect(answer(page).getByRole('status')).toContainText(/The smallest change takes \d+ edits?; no smaller one exists/);
  const repairs = answer(page).locator('li.repair');
  const count = await repairs.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(5);
  // Every repair offered has the minimal size, and reads as a list of edits.
  const sizes = await repairs.evaluateAll((rs) => rs.map((r) => Number(r.dataset.edits)));
  expect(new Set(sizes).size).toBe(1);
  for (let i = 0; i < count; i++) {
    const edits = await repairs.nth(i).locator('ol > li').allTextContents();
    expect(edits).toHaveLength(sizes[0]);
    for (const e of edits) expect(e).toMatch(/^(Add|Remove|Switch|Set) “/);
  }
  // The positions they resolve, with actor and quote.
  const resolved = answer(page).locator('.side-by-side .position');
  expect(await resolved.count()).toBeGreaterThan(0);
  await expect(resolved.first().locator('.who')).toHaveText('Ukraine');
  await expect(resolved.first().locator('blockquote')).not.toBeEmpty();

  // Apply the last repair: the coalition's cards show no red line crossed.
  await page.getByRole('button', { name: `Apply repair ${count}` }).click();
  for (const actor of ['ukraine', 'russia']) await expect(card(page, actor)).not.toHaveClass(/crosses-red-line/);
  await expect(answer(page).getByRole('status')).toContainText(`Repair ${count} applied`);
  await expect(answer(page)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Apply repair 1' })).toBeDisabled();

  // One undo step restores the draft, and the answer fits it again.
  await draft.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(card(page, 'ukraine')).toHaveClass(/crosses-red-line/);
  await expect(draft.locator('.draft-row')).toHaveCount(rowsBefore);
  await expect(page.getByRole('button', { name: 'Apply repair 1' })).toBeEnabled();
  await expect(answer(page).getByRole('status')).toContainText('The smallest change takes');
});

test('a coalition the draft already satisfies is told so', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  await openAgreement(page);
  await page.getByRole('checkbox', { name: 'Russia', exact: true }).check();
  await page.getByRole('button', { name: 'Find the smallest change' }).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'acceptable');
  await expect(answer(page).getByRole('status')).toContainText('The draft as it is crosses no hard red line of Russia.');
});

test('locks change who can agree; a red cell shows the conflict with its actor and quote', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  const { draft } = regions(page);
  await openAgreement(page);
  const pairs = page.getByRole('region', { name: 'Pairs of actors, scrollable' });
  await expect(page.getByText(/Nothing is locked, so every pair can agree/)).toBeVisible();
  await expect(pairs.locator('button.no')).toHaveCount(0);
  const parties = await page.locator('.coalition input[data-actor]').count();
  await expect(pairs.locator('button.yes')).toHaveCount(parties * (parties + 1) / 2);

  // Lock the whole of Donbas as Russian: no plan keeping it satisfies Ukraine.
  const lock = draft.getByRole('button', { name: 'Lock All of Donbas under de facto Russian control' });
  await lock.click();
  await expect(lock).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/With your 1 locked clause kept/)).toBeVisible();
  await expect(pairs.getByRole('button', { name: 'Ukraine alone: cannot agree' })).toHaveText('✕');
  await expect(pairs.getByRole('button', { name: 'Russia alone: can agree' })).toHaveText('✓');
  expect(await pairs.locator('button.no').count()).toBeGreaterThanOrEqual(parties);

  // The Ukraine–Russia cell: the conflict, as quotes side by side with actors.
  await pairs.getByRole('button', { name: 'Russia and Ukraine: cannot agree' }).click();
  await expect(answer(page)).toBeFocused();
  await expect(page.getByRole('checkbox', { name: 'Ukraine', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Russia', exact: true })).toBeChecked();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'conflict');
  await expect(answer(page).getByRole('status')).toContainText('No repair exists that keeps your 1 locked clause');
  const quotes = answer(page).locator('.side-by-side .position');
  expect(await quotes.count()).toBeGreaterThan(0);
  for (let i = 0; i < await quotes.count(); i++) {
    await expect(quotes.nth(i).locator('.who')).not.toBeEmpty();
    await expect(quotes.nth(i).locator('blockquote')).not.toBeEmpty();
    await expect(quotes.nth(i).locator('figcaption cite')).not.toBeEmpty();
  }
  // A green cell shows that pair's smallest change, or that the draft already fits.
  await pairs.getByRole('button', { name: 'United States and Russia: can agree' }).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', /^(repairs|acceptable)$/);

  // Unlocking restores the picture; removing a locked clause drops its lock.
  await lock.click();
  await expect(pairs.locator('button.no')).toHaveCount(0);
  await lock.click();
  await expect(pairs.locator('button.no')).not.toHaveCount(0);
  await draft.getByRole('button', { name: 'Remove All of Donbas under de facto Russian control' }).click();
  await expect(page.getByText(/Nothing is locked/)).toBeVisible();
  await expect(pairs.locator('button.no')).toHaveCount(0);
});

test('keyboard alone: open, pick, find, apply, undo, and a cell', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  const disclosure = page.getByRole('button', { name: /Find agreement: the smallest change/ });
  await disclosure.focus();
  await page.keyboard.press('Enter');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  const focusedText = () => page.evaluate(() => document.activeElement.textContent.trim());
  // Tab to the quick pick "Ukraine and Russia" and on to the search button.
  const tabTo = async (text, limit) => {
    for (let i = 0; i < limit && (await focusedText()) !== text; i++) await page.keyboard.press('Tab');
    expect(await focusedText()).toBe(text);
  };
  await tabTo('Ukraine and Russia', 5);
  await page.keyboard.press('Enter');
  await tabTo('Find the smallest change', 40);
  await page.keyboard.press('Enter');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'repairs');
  await tabTo('Apply repair 1', 2);
  await page.keyboard.press('Space');
  await expect(card(page, 'ukraine')).not.toHaveClass(/crosses-red-line/);
  await expect(answer(page)).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(card(page, 'ukraine')).toHaveClass(/crosses-red-line/);
  // A cell of the pairs table, from the keyboard.
  const cell = page.getByRole('button', { name: 'European Union and Ukraine: can agree' });
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'repairs');
  await expect(page.getByRole('checkbox', { name: 'European Union', exact: true })).toBeChecked();
});
