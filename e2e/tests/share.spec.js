// Share links as a user sends and opens them: copy in one browser, open in
// a fresh one; a link never overwrites a draft; broken links say what is wrong.
import { readFile } from 'node:fs/promises';
import { test, expect, openApp, regions, clause, startFrom, watchProblems } from './fixtures.js';

const US28 = 'US 28-point plan (Nov 2025)';
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
  await clause(page, 'crimea-restored-to-ukraine').getByRole('button').first().click();
  const field = await openShare(page);
  const link = await field.inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#plan=[A-Za-z0-9_-]+$/);
  await expect(page.locator('.share-panel')).toContainText(`${link.split('#')[1].length + 1 + link.split('#')[0].length} characters`);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(page.locator('.qr svg path')).toHaveAttribute('d', /^M\d/);
  const expected = { ids: await draftIds(page), verdicts: await verdicts(page) };
  expect(expected.verdicts.cards.length).toBeGreaterThan(20);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const problems = watchProblems(other);
  await other.goto(link);
  const offer = other.getByRole('status').filter({ hasText: 'This link holds a plan: “Sent to a colleague”' });
  await expect(offer).toContainText(`${expected.ids.length} clauses`);
  expect(await storage(other)).toEqual({});
  await offer.getByRole('button', { name: 'View it' }).click();
  await expect(other.getByLabel('Title')).toHaveValue('Sent to a colleague');
  await expect(other.getByLabel('Notes')).toHaveValue('Second line\nwith a line break');
  expect(await draftIds(other)).toEqual(expected.ids);
  expect(await verdicts(other)).toEqual(expected.verdicts);
  expect(new URL(other.url()).hash).toBe('');
  // Viewing stores nothing; a change makes it a draft of its own.
  expect(Object.keys(await storage(other)).filter((k) => k.startsWith('redline:draft:'))).toEqual([]);
  await clause(other, 'army-cap').getByRole('button').first().click();
  await saved(other);
  expect(Object.keys(await storage(other)).filter((k) => k.startsWith('redline:draft:'))).toHaveLength(1);
  expect(problems).toEqual([]);
  await fresh.close();
});

test('opening a link over an open draft never overwrites it: it is saved as a new draft only when asked', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('My own work');
  await clause(page, 'army-cap').getByRole('button').first().click();
  await saved(page);
  await startFrom(page, US28);
  await page.getByLabel('Title').fill('To share');
  const link = await (await openShare(page)).inputValue();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('My own work');
  await saved(page);
  const mine = await storage(page);
  // Pasting the link into the same tab: a hash change, not a reload.
  await page.goto(link);
  const offer = page.getByRole('status').filter({ hasText: 'This link holds a plan: “To share”' });
  await expect(offer).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('My own work');
  expect(await storage(page)).toEqual(mine);
  await offer.getByRole('button', { name: 'Save as a new draft' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('To share');
  await saved(page);
  const after = await storage(page);
  for (const [key, value] of Object.entries(mine)) if (key.startsWith('redline:draft:')) expect(after[key]).toBe(value);
  expect(Object.keys(after).filter((k) => k.startsWith('redline:draft:'))).toHaveLength(2);
  expect(new URL(page.url()).hash).toBe('');
});

test('broken links name the problem and leave the app and the drafts untouched', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  const good = (await (await openShare(page)).inputValue()).split('#')[1];
  await page.getByLabel('Title').fill('Keep me');
  await saved(page);
  const before = await storage(page);
  const b64 = (bytes) => Buffer.from(bytes).toString('base64url');
  const cases = [
    ['truncated', good.slice(0, -12), 'cut short'],
    ['malformed', 'plan=not*a(link', 'characters a Redline link never has'],
    ['newer version', `plan=${b64([2, 0, 0, 0, 0])}`, 'made by a newer Redline'],
    ['tampered clause index', `plan=${b64([1, 1, 0xff, 0x7f, 0, 0, 0])}`, 'names clause #16383'],
    ['extra data', `${good}AAAA`, 'extra data'],
    ['empty', 'plan=', 'holds no plan'],
  ];
  for (const [what, fragment, message] of cases) {
    await page.goto(`/#${fragment}`);
    const alert = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
    await expect(alert, what).toContainText(message);
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
  await expect(page.getByRole('status').filter({ hasText: 'This link holds' })).toHaveCount(0);
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
  const offer = other.getByRole('status').filter({ hasText: 'This link holds a plan' });
  await expect(offer).toContainText(title);
  await offer.getByRole('button', { name: 'View it' }).click();
  await expect(other.getByLabel('Title')).toHaveValue(title);
  await expect(other.getByLabel('Notes')).toHaveValue(notes);
  await other.getByRole('button', { name: 'Share link' }).click();
  expect(await other.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await other.locator('img[src="x"], b').count()).toBe(0);
  expect(problems).toEqual([]);
  await fresh.close();
});
