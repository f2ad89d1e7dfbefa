// Verdict cards that lead with the result (#22): grouped worst first with the
// quiet ones in one line of names, what an edit changed shown for a moment and
// said to screen readers, long quotes cut to two lines, the app's reading set
// apart from the quoted words, and a card's "add" telling what it did.
import { test, expect, openApp, regions, clause, startFrom, openCard } from './fixtures.js';

const RANK = ['crosses-red-line', 'conflicts-with-demand', 'strains-preference', 'no-objection'];

/**
 * The parties' list as it reads: each divider's verdict and the cards under
 * it. Read once the cards an edit moved are in place: a card takes its new
 * group in the task after the click's frame is painted.
 */
async function partyRows(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  return regions(page).verdicts.locator('#party-cards > li').evaluateAll((rows) => rows.map((li) => ({
    divider: li.classList.contains('divider'),
    verdict: ['crosses-red-line', 'conflicts-with-demand', 'strains-preference', 'no-objection'].find((c) => li.classList.contains(c)),
    actor: li.dataset.actor,
    hidden: li.hidden,
  })));
}

/**
 * Checks the rows are grouped: dividers in rank order, each followed by cards
 * of its verdict only, quiet cards hidden; a verdict no card has keeps its
 * divider, hidden. Returns the verdicts shown, in order.
 */
function expectGrouped(rows) {
  let current = -1;
  const seen = [];
  for (const [i, row] of rows.entries()) {
    const rank = RANK.indexOf(row.verdict);
    if (row.divider) {
      expect(rank).toBeGreaterThan(current);
      current = rank;
      const empty = !rows[i + 1] || rows[i + 1].divider;
      expect(row.hidden, `the ${row.verdict} divider is hidden only while no card has that verdict`).toBe(empty);
      if (!empty) seen.push(row.verdict);
    } else {
      expect(rank, `${row.actor} sits under the divider of its verdict`).toBe(current);
      expect(row.hidden).toBe(row.verdict === 'no-objection');
    }
  }
  return seen;
}

for (const [layout, viewport] of [['wide', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`${layout}: cards are grouped by verdict, worst first; the quiet ones are one line of names`, async ({ page }) => {
    await openApp(page);
    await startFrom(page, 'US 28-point plan (partly described)');
    await page.setViewportSize(viewport);
    if (layout === 'phone') await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Verdicts' }).click();
    const rows = await partyRows(page);
    const seen = expectGrouped(rows);
    expect(seen[0]).toBe('crosses-red-line');
    expect(seen).toContain('no-objection');
    // The quiet line names every party with no stated objection.
    const { verdicts } = regions(page);
    const quiet = rows.filter((r) => !r.divider && r.verdict === 'no-objection');
    const toggle = verdicts.locator('#party-cards .quiet-toggle');
    await expect(toggle).toHaveText(`✓ No stated objection (${quiet.length})`);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const names = await verdicts.locator('#party-cards .quiet-names').textContent();
    expect(names.split(', ')).toHaveLength(quiet.length);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(verdicts.locator(`#party-cards li.card[data-actor="${quiet[0].actor}"]`)).toBeVisible();
    // The commentators' list looks like the parties' (a masthead rule for
    // class "views" once made it a flex row and stripped its toggle's border).
    const style = (sel) => verdicts.locator(sel).evaluate((el) => {
      const s = getComputedStyle(el);
      return { display: s.display, border: s.borderTopWidth };
    });
    expect(await style('#view-cards')).toEqual(await style('#party-cards'));
    const viewsToggle = verdicts.locator('#view-cards .quiet-toggle');
    if (await viewsToggle.isVisible()) expect((await style('#view-cards .quiet-toggle')).border).toBe((await style('#party-cards .quiet-toggle')).border);
  });
}

test('through a run of edits, every card moves to its verdict\'s group and cards keep one order within a group', async ({ page }) => {
  await openApp(page);
  const toggles = page.locator('li.clause button.toggle');
  const count = await toggles.count();
  // Pairs seen in one order within a group: the other order must never show.
  const before = new Set();
  let moves = 0;
  let last = (await partyRows(page)).map((r) => r.actor + r.verdict).join();
  for (let i = 0; i < 16; i++) {
    await toggles.nth((i * 37) % count).click();
    const rows = await partyRows(page);
    expectGrouped(rows);
    const now = rows.map((r) => r.actor + r.verdict).join();
    if (now !== last) moves++;
    last = now;
    const cards = rows.filter((r) => !r.divider);
    for (const [k, a] of cards.entries()) {
      for (const b of cards.slice(k + 1).filter((b) => b.verdict === a.verdict)) {
        expect(before.has(`${b.actor}<${a.actor}`), `${a.actor} and ${b.actor} keep one order`).toBe(false);
        before.add(`${a.actor}<${b.actor}`);
      }
    }
  }
  expect(moves, 'the run moved some verdicts').toBeGreaterThan(3);
});

test('on a phone, the Verdicts tab shows its cards in their groups from its first frame, after edits made on the library tab', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Verdicts' }).click();
  await sections.getByRole('button', { name: 'Library' }).click();
  for (const id of ['nato-path-open', 'crimea-de-jure-russian', 'army-demilitarised']) {
    await clause(page, id).locator('.toggle').click();
  }
  // Read in the frame the tab opens in, before any task after it.
  const rows = await page.evaluate(() => new Promise((resolve) => {
    const nav = document.querySelector('nav[aria-label="Sections"]');
    [...nav.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Verdicts').click();
    requestAnimationFrame(() => resolve([...document.querySelectorAll('#party-cards > li')].map((li) => ({
      divider: li.classList.contains('divider'),
      verdict: ['crosses-red-line', 'conflicts-with-demand', 'strains-preference', 'no-objection'].find((c) => li.classList.contains(c)),
      actor: li.dataset.actor,
      hidden: li.hidden,
    }))));
  }));
  const seen = expectGrouped(rows);
  expect(seen[0]).toBe('crosses-red-line');
});

test('after an edit the cards it moved show what changed for a moment, and a live region says it', async ({ page }) => {
  await openApp(page);
  const { verdicts } = regions(page);
  const russia = verdicts.locator('li.card[data-actor="russia"]');
  await clause(page, 'nato-path-open').locator('.toggle').click();
  // Russia moved out of the quiet group, to the top, and says why.
  await expect(russia).toBeVisible();
  await expect(russia).toHaveClass(/\bchanged\b/);
  await expect(russia.locator('.change')).toBeVisible();
  // Redline's reading of the position, in parentheses: quotation marks are
  // for the sources' words, and the card has those too.
  await expect(russia.locator('.change')).toHaveText(/^firm demand now crossed \([^“”"]+\)$/);
  const live = page.locator('#verdict-changes');
  await expect(live).toContainText(/Russia: firm demand now crossed \([^“”"]+\)/);
  const first = (await partyRows(page)).find((r) => !r.divider);
  expect(first.actor).toBe('russia');
  // The moment passes; what is said stays true.
  await expect(russia.locator('.change')).toBeHidden({ timeout: 10_000 });
  await expect(russia.locator('.change')).toHaveText('');
  await expect(russia).not.toHaveClass(/\bchanged\b/);
  // Taking it back says so too.
  await clause(page, 'nato-path-open').locator('.toggle').click();
  await expect(live).toContainText(/Russia: firm demand no longer crossed/);
  // A burst of edits is said once, as its net change: on and off again
  // before the reader pauses says nothing new.
  const toggle = clause(page, 'nato-path-open').locator('.toggle');
  await toggle.click();
  await toggle.click();
  await page.waitForTimeout(1500);
  await expect(live).toContainText(/Russia: firm demand no longer crossed/);
  await toggle.click();
  await expect(live).toContainText(/Russia: firm demand now crossed/);
  await toggle.click();
  // An edit that moves nothing leaves the cards alone: the title is no verdict.
  await expect(verdicts.locator('li.card.changed')).toHaveCount(0, { timeout: 10_000 });
  await regions(page).draft.getByLabel('Title').fill('A title');
  await page.waitForTimeout(300);
  await expect(verdicts.locator('li.card.changed')).toHaveCount(0);
});

test('on a phone the change is said from the library tab too: the live region is outside the hidden panels', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const live = page.locator('#verdict-changes');
  // The verdicts' panel, hidden behind the library tab, is built once the browser is idle.
  const panel = page.locator('.panel.verdicts');
  await expect(panel.locator('li.card[data-actor="russia"]')).toBeAttached();
  await clause(page, 'nato-path-open').locator('.toggle').click();
  await expect(live).toContainText(/Russia: firm demand now crossed \(.+\)/);
  await expect(panel).toBeHidden();
  // Not inside anything hidden, so a screen reader hears it on this tab.
  expect(await live.evaluate((el) => el.checkVisibility())).toBe(true);
});

test('a long quote is cut to two lines with "more"; the app\'s reading is set apart from the quoted words', async ({ page }) => {
  await openApp(page);
  await startFrom(page, 'US 28-point plan (partly described)');
  const ukraine = await openCard(page, 'ukraine');
  const quote = ukraine.locator('figure.quote:has(button.more)').first();
  await expect(quote).toBeVisible();
  const block = quote.locator('blockquote');
  const lineHeight = await block.evaluate((b) => parseFloat(getComputedStyle(b).lineHeight));
  const cut = (await block.boundingBox()).height;
  expect(cut).toBeLessThanOrEqual(lineHeight * 2 + 2);
  const more = quote.getByRole('button', { name: 'more' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(quote.getByRole('button', { name: 'less' })).toHaveAttribute('aria-expanded', 'true');
  expect((await block.boundingBox()).height).toBeGreaterThan(cut + lineHeight);
  // Every word is in the page for a screen reader, cut or not.
  expect((await block.textContent()).length).toBeGreaterThan(200);
  // The reading says whose it is, and is not in the quote's style.
  const reading = ukraine.locator('.position .reading').first();
  await expect(reading).toContainText('as Redline reads it:');
  expect(await reading.evaluate((r) => getComputedStyle(r).fontStyle)).toBe('normal');
  expect(await block.evaluate((b) => getComputedStyle(b).fontStyle)).toBe('italic');
});

test('a card tells a jump to the draft from an add, and adding says "Added X" with Undo', async ({ page }) => {
  await openApp(page);
  const { draft } = regions(page);
  await clause(page, 'nato-path-open').locator('.toggle').click();
  const russia = await openCard(page, 'russia');
  const jump = russia.locator('.clause-link:not(.add)').first();
  await expect(jump).toBeVisible();
  const add = russia.locator('.positions.open .clause-link.add').first();
  await expect(add).toHaveText(/^\+ Add /);
  const style = (l) => l.evaluate((b) => getComputedStyle(b).borderTopStyle);
  expect(await style(jump)).toBe('dashed');
  expect(await style(add)).toBe('solid');
  const title = (await add.textContent()).replace(/^\+ Add /, '');
  const row = draft.locator('li', { hasText: title });
  await expect(row).toHaveCount(0);
  await add.click();
  const note = russia.locator('.added');
  await expect(note).toHaveText(new RegExp(`^Added “${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`));
  const undo = note.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  // The focus is heard, the status inserted with its words may not be: Undo names what it undoes.
  await expect(undo).toHaveAccessibleName(`Undo: added “${title}” to the draft.`);
  await expect(row).toHaveCount(1);
  await undo.press('Enter');
  await expect(row).toHaveCount(0);
  await expect(note).toHaveCount(0);
});
