// Share links as a user sends and opens them: copy in one browser, open in
// a fresh one; a link never overwrites a draft; broken links say what is wrong.
import { readFile } from 'node:fs/promises';
import { test, expect, openApp, regions, clause, startFrom, watchProblems } from './fixtures.js';

const US28 = 'US 28-point plan (partly described)';
const saved = (page) => expect(page.locator('.save-status')).toHaveText('Saved in this browser.');

async function draftIds(page) {
  return (await regions(page).draft.locator('.draft-row').evaluateAll((els) => els.map((e) => e.id.replace(/^draft-/, '')))).sort();
}

/** Everything a reader compares: the summary and each actor's verdict line. */
async function verdicts(page) {
  const v = regions(page).verdicts;
  return { summary: await v.locator('.summary').textContent(), cards: await v.locator('.cards > li h3').allTextContents() };
}

async function storage(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

async function openShare(page) {
  await page.getByRole('button', { name: 'Share link' }).click();
  return page.getByLabel('Link to this draft');
}

test('a copied link opens the same plan and verdicts in a fresh browser, and nothing is stored until asked', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await startFrom(page, US28);
  await page.getByLabel('Title').fill('Sent to a colleague');
  await page.getByLabel('Notes').fill('Second line\nwith a line break');
  await clause(page, 'crimea-restored-to-ukraine').locator('.toggle').click();
  const field = await openShare(page);
  const link = await field.inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#plan=[A-Za-z0-9_-]+$/);
  await expect(page.locator('.share-panel')).toContainText(`${link.split('#')[1].length + 1 + link.split('#')[0].length} characters`);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(page.locator('.qr svg path')).toHaveAttribute('d', /^M\d/);
  const expected = { ids: await draftIds(page), verdicts: await verdicts(page) };
  expect(expected.verdicts.cards.length).toBeGreaterThan(15);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const problems = watchProblems(other);
  await other.goto(link);
  // The shared plan is on screen at once: title, notes, clauses and every verdict.
  const bar = other.getByRole('region', { name: 'Viewing a shared plan: Sent to a colleague' });
  await expect(bar).toBeVisible();
  await expect(other.getByLabel('Title')).toHaveValue('Sent to a colleague');
  await expect(other.getByLabel('Notes')).toHaveValue('Second line\nwith a line break');
  expect(await draftIds(other)).toEqual(expected.ids);
  expect(await verdicts(other)).toEqual(expected.verdicts);
  expect(await storage(other)).toEqual({});
  // The link stays in the address: a reload shows the same plan, still unstored.
  expect(new URL(other.url()).hash).toBe(new URL(link).hash);
  await other.reload();
  await expect(bar).toBeVisible();
  expect(await draftIds(other)).toEqual(expected.ids);
  expect(await storage(other)).toEqual({});
  // On paper the bar says what the plan is, without its buttons.
  await other.emulateMedia({ media: 'print' });
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Save a copy' })).toBeHidden();
  await other.emulateMedia({ media: 'screen' });
  // A skip link (a page anchor) is no way out of viewing mode.
  await other.getByRole('link', { name: 'Skip to the verdicts' }).focus();
  await other.keyboard.press('Enter');
  await expect(bar).toBeVisible();
  // Nor does a page anchor take the link out of the address: a reload, a
  // bookmark or a copied address still opens the plan.
  await expect.poll(() => new URL(other.url()).hash).toBe(new URL(link).hash);
  await other.getByRole('link', { name: 'About the data', exact: true }).click();
  await expect(other.locator('#about')).toBeInViewport();
  await expect.poll(() => new URL(other.url()).hash).toBe(new URL(link).hash);
  await other.reload();
  await expect(bar).toBeVisible();
  await other.goBack();
  await expect(bar).toBeVisible();
  // "Save a copy" stores it, ends viewing mode and drops the fragment.
  await bar.getByRole('button', { name: 'Save a copy' }).click();
  await expect(bar).toBeHidden();
  await saved(other);
  expect(new URL(other.url()).hash).toBe('');
  await expect(other.getByRole('status').filter({ hasText: 'The shared plan is saved as a new draft.' })).toBeVisible();
  expect(Object.keys(await storage(other)).filter((k) => k.startsWith('redline:draft:'))).toHaveLength(1);
  await other.reload();
  await expect(other.getByLabel('Title')).toHaveValue('Sent to a colleague');
  expect(await draftIds(other)).toEqual(expected.ids);
  await expect(other.getByRole('region', { name: /Viewing a shared plan/ })).toHaveCount(0);
  expect(problems).toEqual([]);
  await fresh.close();
});

test('a link copied out of a sentence, with its closing marks, opens the plan', async ({ page, browser }) => {
  await openApp(page);
  await startFrom(page, US28);
  await page.getByLabel('Title').fill('Quoted in a message');
  const link = await (await openShare(page)).inputValue();
  const ids = await draftIds(page);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(`${link}).`);
  await expect(other.getByRole('region', { name: 'Viewing a shared plan: Quoted in a message' })).toBeVisible();
  expect(await draftIds(other)).toEqual(ids);
  await fresh.close();
});

test('a link carries the date the verdicts are read as of, and going back restores the reader\'s own', async ({ page, browser }) => {
  await openApp(page);
  await startFrom(page, US28);
  const timeline = (p) => p.getByRole('slider', { name: 'Positions as stated by' });
  await timeline(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(timeline(page)).toHaveAttribute('aria-valuetext', /^14 Jun 2024: /);
  const field = await openShare(page);
  const said = page.locator('.share-panel .as-of-shared');
  await expect(said).toHaveText('The link opens with the positions as stated by 14 Jun 2024, as you see them now.');
  const link = await field.inputValue();
  const expected = await verdicts(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const problems = watchProblems(other);
  await other.goto(link);
  const bar = other.getByRole('region', { name: /^Viewing a shared plan/ });
  await expect(bar).toContainText('Shared as of 14 Jun 2024: the verdicts count only the positions stated by then.');
  await expect(timeline(other)).toHaveAttribute('aria-valuetext', /^14 Jun 2024: /);
  expect(await verdicts(other)).toEqual(expected);
  // The reader's own drafts come back with the reader's own date: the latest.
  await bar.getByRole('button', { name: 'Back to your drafts' }).click();
  await expect(bar).toBeHidden();
  // Focus goes to the draft now open, not to the top of the page.
  await expect(other.locator('#draft-heading')).toBeFocused();
  await expect(timeline(other)).toHaveAttribute('aria-valuetext', /^Latest, /);
  await expect(other.getByRole('button', { name: 'Latest', exact: true })).toBeDisabled();
  expect(problems).toEqual([]);
  await fresh.close();

  // At the latest positions the link says nothing of dates, and opens at the latest.
  await page.getByRole('button', { name: 'Latest', exact: true }).click();
  await expect(said).toHaveCount(0);
  const latest = await field.inputValue();
  expect(latest).not.toBe(link);
  await page.goto(latest);
  await expect(page.getByRole('region', { name: /^Viewing a shared plan/ })).not.toContainText('Shared as of');
  await expect(timeline(page)).toHaveAttribute('aria-valuetext', /^Latest, /);
});

test('an edit to a shared plan saves a copy first, and says so', async ({ page, browser }) => {
  await openApp(page);
  await startFrom(page, US28);
  await page.getByLabel('Title').fill('Edit me');
  const link = await (await openShare(page)).inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('region', { name: 'Viewing a shared plan: Edit me' })).toBeVisible();
  await clause(other, 'army-cap').locator('.toggle').click();
  await saved(other);
  await expect(other.getByRole('status').filter({ hasText: 'Your change made a new draft: a copy of the shared plan.' })).toBeVisible();
  await expect(other.getByRole('region', { name: /Viewing a shared plan/ })).toHaveCount(0);
  expect(new URL(other.url()).hash).toBe('');
  const stored = Object.entries(await storage(other)).filter(([k]) => k.startsWith('redline:draft:'));
  expect(stored).toHaveLength(1);
  expect(JSON.parse(stored[0][1]).plan.title).toBe('Edit me');
  await fresh.close();
});

test('opening a link over an open draft never touches it; back and forward move between the two', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('My own work');
  await clause(page, 'army-cap').locator('.toggle').click();
  await saved(page);
  await page.getByLabel('Title').fill('To share');
  const link = await (await openShare(page)).inputValue();
  await page.getByLabel('Title').fill('My own work');
  await saved(page);
  const mine = await storage(page);
  // Pasting the link into the same tab: a hash change, not a reload.
  await page.goto(link);
  const bar = page.getByRole('region', { name: 'Viewing a shared plan: To share' });
  await expect(bar).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('To share');
  expect(await storage(page)).toEqual(mine);
  // Back: the reader's own draft; forward: the shared plan again.
  await page.goBack();
  await expect(bar).toBeHidden();
  await expect(page.getByLabel('Title')).toHaveValue('My own work');
  await page.goForward();
  await expect(bar).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('To share');
  // "Back to your drafts" leaves a history entry: Back returns to the plan.
  await bar.getByRole('button', { name: 'Back to your drafts' }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByLabel('Title')).toHaveValue('My own work');
  expect(new URL(page.url()).hash).toBe('');
  await page.goBack();
  await expect(bar).toBeVisible();
  expect(await storage(page)).toEqual(mine);
  await bar.getByRole('button', { name: 'Save a copy' }).click();
  await saved(page);
  const after = await storage(page);
  for (const [key, value] of Object.entries(mine)) if (key.startsWith('redline:draft:')) expect(after[key]).toBe(value);
  expect(Object.keys(after).filter((k) => k.startsWith('redline:draft:'))).toHaveLength(2);
});

test('broken links name the problem and leave the app and the drafts untouched', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  const good = (await (await openShare(page)).inputValue()).split('#')[1];
  await page.getByLabel('Title').fill('Keep me');
  await saved(page);
  const before = await storage(page);
  const b64 = (bytes) => Buffer.from(bytes).toString('base64url');
  const changed = (link, at) => link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
  const cases = [
    ['truncated', good.slice(0, -12), 'cut short'],
    // A word that happens to be valid base64url is damaged, not "cut short" alone.
    ['a plain word', 'plan=garbage', 'cut short or damaged'],
    ['malformed', 'plan=not*a(link', 'characters a Redline link never has'],
    // One character changed in the middle: the checksum refuses it, where it
    // once opened the 28-point plan with two clauses swapped.
    ['one character changed', changed(good, 12), 'changed or cut short on its way, so it may not be the plan that was sent'],
    ['added data', `${good}AAAA`, 'changed or cut short on its way'],
    ['newer version', `plan=${b64([4, 0, 0, 0, 0])}`, 'made by a newer Redline'],
    // Links written before the checksum still open, and are still checked.
    ['tampered clause index', `plan=${b64([1, 1, 0xff, 0x7f, 0, 0, 0])}`, 'names clause #16383'],
    ['extra data', `plan=${b64([1, 0, 0, 0, 0, 7])}`, 'extra data'],
    ['empty', 'plan=', 'holds no plan'],
  ];
  for (const [what, fragment, message] of cases) {
    await page.goto(`/#${fragment}`);
    const alert = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
    await expect(alert, what).toContainText(message);
    // One colon: "could not be opened: the link is cut short (copy …)", never "…: copy" (#22).
    const reason = (await alert.textContent()).match(/could not be opened: (.*?)\. Nothing was changed/)[1];
    expect(reason, what).not.toContain(':');
    await expect(page.getByLabel('Title')).toHaveValue('Keep me');
    expect(await storage(page), what).toEqual(before);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toBeHidden();
    expect(new URL(page.url()).hash).toBe('');
  }
  // The page's own anchors are not links.
  await page.getByRole('link', { name: 'Skip to the draft' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: /Viewing a shared plan/ })).toHaveCount(0);
});

test('a broken link\'s message is in sight on a first visit, on a wide screen and on a phone', async ({ page }) => {
  // A first visit shows the welcome above the draft, and a phone opens on
  // the library tab, the draft behind its own: the message must not wait
  // in the draft panel where neither reader looks.
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await openApp(page, '/#plan=AAAAzzzz');
    await expect(page.getByRole('heading', { name: 'How to start' })).toBeVisible();
    const alert = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
    await expect(alert, `${viewport.width} px`).toBeInViewport();
    await expect(alert).toContainText('Nothing was changed');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);
    await page.evaluate(() => localStorage.clear());
  }
});

test('a link longer than chat apps allow warns and offers the file; the length is shown', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('Long notes');
  await page.getByLabel('Notes').fill('A long annotated draft. '.repeat(120));
  const field = await openShare(page);
  const length = (await field.inputValue()).length;
  expect(length).toBeGreaterThan(2000);
  await expect(page.locator('.share-panel')).toContainText(`${length} characters`);
  const warning = page.getByRole('alert').filter({ hasText: 'longer than 2000 characters' });
  await expect(warning).toBeVisible();
  await expect(page.locator('.share-panel')).toContainText('Too long for a QR code');
  const [download] = await Promise.all([page.waitForEvent('download'), warning.getByRole('button', { name: 'Export file' }).click()]);
  expect(JSON.parse(await readFile(await download.path(), 'utf8')).title).toBe('Long notes');
  await page.getByLabel('Notes').fill('Short again.');
  await expect(warning).toBeHidden();
  await expect(page.locator('.qr svg')).toBeVisible();
});

test('the system share sheet is offered only where the browser has one, with the link', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Share link' }).click();
  const hasShare = await page.evaluate(() => typeof navigator.share === 'function');
  await expect(page.getByRole('button', { name: 'Share…' })).toHaveCount(hasShare ? 1 : 0);
  await page.addInitScript(() => {
    navigator.share = async (data) => { window.__shared = data; };
  });
  await page.reload();
  await page.getByLabel('Title').fill('Via the share sheet');
  const link = await (await openShare(page)).inputValue();
  await page.getByRole('button', { name: 'Share…' }).click();
  await expect.poll(() => page.evaluate(() => window.__shared)).toEqual({ title: 'Via the share sheet', url: link });
});

test('markup and script in a shared title and notes are shown as plain text, never run', async ({ page, browser }) => {
  const title = '<img src=x onerror="window.__pwned=1">';
  const notes = '<script>window.__pwned=2</script><b>bold?</b>';
  await openApp(page);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Notes').fill(notes);
  const link = await (await openShare(page)).inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const problems = watchProblems(other);
  await other.goto(link);
  const bar = other.locator('.viewing-bar');
  await expect(bar.locator('.shared-title')).toHaveText(title);
  await expect(other.getByLabel('Title')).toHaveValue(title);
  await expect(other.getByLabel('Notes')).toHaveValue(notes);
  await other.getByRole('button', { name: 'Share link' }).click();
  expect(await other.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await other.locator('img[src="x"], b').count()).toBe(0);
  expect(problems).toEqual([]);
  await fresh.close();
});

test('a clause the library lacks is left out of the link, and said; a draft no reader could open gets no link, and says why', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const input = page.locator('.drafts-bar input[type=file]');
  await input.setInputFiles({ name: 'old.json', mimeType: 'application/json',
    buffer: Buffer.from('{"format":"redline-plan","version":1,"title":"Old","clauses":[{"id":"made-up-clause"},{"id":"nato-ruled-out"}]}') });
  await expect(regions(page).draft.locator('.retired code')).toHaveText('made-up-clause');
  const field = await openShare(page);
  await expect(field).toHaveValue(/#plan=[A-Za-z0-9_-]+$/);
  const panel = page.locator('.share-panel');
  await expect(panel.getByRole('alert').locator('p')).toHaveText("The link leaves out what this Redline's library does not have: made-up-clause.");
  // A title longer than any link may carry, as a file can bring: no link, no empty copy.
  await page.evaluate(() => navigator.clipboard.writeText('kept'));
  await input.setInputFiles({ name: 'long.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'redline-plan', version: 1, title: 'Ж'.repeat(600), clauses: [] })) });
  await expect(field).toHaveValue('');
  await expect(panel.getByRole('alert')).toContainText('No link can be made for this draft: its title is longer than a link can carry (1,200 bytes, at most 1,000)');
  await panel.getByRole('button', { name: 'Copy link' }).click();
  await expect(panel.getByRole('status')).toHaveText('No link to copy: see the warning above.');
  await expect(panel.locator('.qr')).toHaveCount(0);
  await expect(panel).not.toContainText('Too long for a QR code');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('kept');
});

test('"Save a copy" of a shared plan with storage full says it is not saved', async ({ page, browser }) => {
  await openApp(page);
  await startFrom(page, US28);
  const link = await (await openShare(page)).inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k.startsWith('redline:draft:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  });
  await other.goto(link);
  const bar = other.getByRole('region', { name: /Viewing a shared plan/ });
  await bar.getByRole('button', { name: 'Save a copy' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'The shared plan is a new draft, not saved' })).toBeVisible();
  await expect(other.getByRole('status').filter({ hasText: 'The shared plan is saved as a new draft.' })).toHaveCount(0);
  await fresh.close();
});
