// Verdicts a reader can trust (#18), as a reader checks them: silence never
// crosses, a contradiction always does; parties are counted, commentators
// shown apart; every preset carries its caveats.
import { test, expect, openApp, regions, clause, startFrom, openCard } from './fixtures.js';

const card = (page, actor) => regions(page).verdicts.locator(`.card[data-actor="${actor}"]`);
const verdictOf = (page, actor) => card(page, actor).locator('.verdict');

test('the blank draft crosses nothing; its demands stand open, and the headline counts parties only', async ({ page }) => {
  await openApp(page);
  const { verdicts } = regions(page);
  await expect(verdicts.locator('.summary')).toHaveText(/^This draft crosses no hard red line of the \d+ parties\.$/);
  const parties = Number((await verdicts.locator('.summary').textContent()).match(/of the (\d+) parties/)[1]);
  for (const text of await verdicts.locator('.card .verdict').allTextContents()) expect(text).toBe('no stated objection');
  await expect(verdicts.locator('.card .tally', { hasText: /[✖▲◆]/ })).toHaveCount(0);
  await expect(card(page, 'russia').locator('.tally')).toHaveText(/^\d+ open$/);
  // Parties and commentators in two labelled groups; only parties are counted.
  const partyCards = verdicts.getByRole('list', { name: /^Parties/ }).locator('.card');
  const views = verdicts.getByRole('list', { name: /^Commentators and analysts/ }).locator('.card');
  await expect(partyCards).toHaveCount(parties);
  expect(await views.count()).toBeGreaterThan(0);
  await expect(verdicts.locator('.cards.views .card[data-actor="swp-authors"]')).toHaveCount(1);
  await expect(verdicts.locator('.cards.views .card[data-actor="ukraine"]')).toHaveCount(0);
  // An open demand is listed apart, with a way to meet it, and is no breach.
  await openCard(page, 'russia');
  const body = card(page, 'russia').locator('.card-body');
  await expect(body).toContainText('This draft crosses none of its stated positions.');
  await expect(body.getByRole('heading', { name: 'Not settled by this draft' })).toBeVisible();
  await expect(body.locator('.positions.open > li').first()).toContainText('Would be met by any of:');
});

test('a clause that contradicts a demand crosses it, where the blank draft left it open', async ({ page }) => {
  await openApp(page);
  await expect(verdictOf(page, 'russia')).toHaveText('no stated objection');
  await clause(page, 'nato-path-open').locator('.toggle').click();
  await expect(verdictOf(page, 'russia')).toHaveText('conflicts with a firm demand');
  await openCard(page, 'russia');
  const crossed = card(page, 'russia').locator('.card-body > .positions').first().locator('> li');
  await expect(crossed).toHaveCount(1);
  await expect(crossed).toContainText(/neutral/i);
  await expect(crossed).toContainText('Because the draft includes:');
  // Taking it out again leaves the demand open, not crossed.
  await clause(page, 'nato-path-open').locator('.toggle').click();
  await expect(verdictOf(page, 'russia')).toHaveText('no stated objection');
});

test('proposers do not object to their own plans: the Istanbul model and Russia, the 20-point plan and Ukraine', async ({ page }) => {
  await openApp(page);
  await startFrom(page, 'Istanbul model (2022) (partly described)');
  await expect(verdictOf(page, 'russia')).toHaveText('no stated objection');
  await startFrom(page, '20-point plan (partly described)');
  await expect(verdictOf(page, 'ukraine')).not.toHaveText('crosses a hard red line');
  await expect(verdictOf(page, 'ukraine')).toHaveText('no stated objection');
});

test('a preset shows its caveats where it is offered, and a draft based on it says so until edited away', async ({ page }) => {
  await openApp(page);
  const start = page.locator('.start-from');
  const caveat = start.locator('.preset-caveat');
  // A blank draft's picker offers, and shows no plan's caveat beside the draft until one is picked.
  await expect(page.locator('#start-preset option:checked')).toHaveText('Choose a plan…');
  await expect(caveat).toHaveCount(0);
  await expect(start.getByRole('button', { name: 'Start from this plan' })).toBeDisabled();
  await page.locator('#start-preset').selectOption({ label: 'US 28-point plan (partly described)' });
  await expect(start.getByRole('button', { name: 'Start from this plan' })).toBeEnabled();
  await expect(caveat).toContainText('proposed by United States');
  await expect(caveat).toContainText('Described only in part by the sources');
  await expect(caveat.locator('.completeness')).toContainText('point numbers');
  await start.getByRole('button', { name: 'Start from this plan' }).click();
  await expect(page.getByLabel('Notes')).toHaveValue(/^Based on: US 28-point plan, proposed by United States .*Partly described in the sources/);
  const partial = regions(page).verdicts.locator('.partial-verdict');
  await expect(partial).toContainText('Based on the US 28-point plan, which the sources describe only in part');
  // The library filter and the comparison show the same caveats.
  await page.getByLabel('Show').selectOption({ label: 'Hegseth parameters' });
  await expect(regions(page).library.locator('.preset-caveat')).toContainText('Described in full by the sources.');
  await page.getByRole('button', { name: 'Compare the draft with a plan' }).click();
  await expect(page.locator('.comparison .preset-caveat')).toContainText('proposed by');
  // Edited away, the caveat goes from the verdicts too.
  await page.getByLabel('Notes').fill('My own notes');
  await expect(partial).toHaveCount(0);
});

test('a card head counts by kind, in symbols beside the key and in words for a screen reader, and tells untouched from met', async ({ page }) => {
  await openApp(page);
  await startFrom(page, 'US 28-point plan (partly described)');
  const ukraine = card(page, 'ukraine');
  const tally = ukraine.locator('.tally');
  await expect(tally).toHaveText(/^\d+ ✖( · \d+ [▲◆])*( · \d+ open)?( · \d+ met)?$/);
  await expect(tally).toHaveAttribute('aria-label', /^\d+ hard red lines? crossed/);
  // The head's name, as a screen reader announces it, carries the words.
  await expect(ukraine.locator('.card-head')).toHaveAccessibleName(/hard red lines? crossed/);
  // Nothing in the blank draft touches some actor's positions: its card says so.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  // With nothing crossed, every card sits in the line of names: opened, they show.
  await page.locator('#party-cards .quiet-toggle').click();
  await expect(page.locator('.card .tally', { hasText: 'nothing in this draft touches its positions' }).first()).toBeVisible();
});

test('an open card shows each quote once: positions that share words point back to them', async ({ page }) => {
  await openApp(page);
  await startFrom(page, 'US 28-point plan (partly described)');
  let pointers = 0;
  for (const actor of ['ukraine', 'russia', 'usa']) {
    const c = card(page, actor);
    await openCard(page, actor);
    await expect(c.locator('.card-body')).toBeVisible();
    const quotes = await c.locator('.card-body blockquote').allTextContents();
    expect(new Set(quotes).size, `${actor}: every quote once`).toBe(quotes.length);
    const back = c.locator('.quoted-above');
    for (const text of await back.allTextContents()) {
      const start = text.match(/^In the words quoted above: “(.+?)(…)?”$/)[1];
      expect(quotes.some((q) => q.trim().startsWith(start)), `${actor}: "${start}" is quoted above`).toBe(true);
    }
    pointers += await back.count();
    // Nor any reporter twice: a date that is only the report's says so once.
    for (const line of await c.locator('.card-body .attribution').allTextContents()) {
      const when = line.replace(/^.*?\(as reported by [^)]*\)/, '');
      expect(when.match(/reported by/g)?.length ?? 0, `${actor}: ${line}`).toBeLessThanOrEqual(1);
    }
  }
  expect(pointers, 'some position shares its words with another').toBeGreaterThan(0);
  await expect(card(page, 'ukraine').locator('.attribution').filter({ hasText: 'date not given' }).first())
    .toHaveText(/date not given; reported by [^·]+$/);
});

test('a cap above the figure an actor rejected is not listed as a demand the draft meets; a plan proposing that cap is', async ({ page }) => {
  await openApp(page);
  await startFrom(page, 'European counter-proposal (partly described)');
  // Ukraine rejected the cut to 600,000 and named no figure it accepts: 800,000 does not "meet" it.
  const ukraine = await openCard(page, 'ukraine');
  await expect(ukraine.locator('.card-body')).toBeVisible();
  await expect(ukraine.locator('ul.positions.met')).not.toContainText('cutting its army');
  // The European plan's own 800,000 is met.
  const eu = await openCard(page, 'eu');
  await expect(eu.locator('ul.positions.met')).toContainText('cap on Ukraine\'s army of 800,000');
});

test('a demand for two things, of which the draft gives one, is shown as not settled, not as met', async ({ page }) => {
  await openApp(page);
  await startFrom(page, 'European counter-proposal (partly described)');
  // The policy paper asks for "territorial integrity and sovereignty"; the plan confirms sovereignty and defers territory.
  const paper = await openCard(page, 'swp-authors');
  await expect(paper.locator('.card-body')).toBeVisible();
  await expect(paper.locator('ul.positions.open')).toContainText('territorial integrity and sovereignty');
  await expect(paper.locator('ul.positions.met')).not.toContainText('territorial integrity and sovereignty');
});
