// Drafts kept in local storage, and every way storage can fail: each test
// reproduces one failure and checks that no draft is lost.
import { readFile } from 'node:fs/promises';
import { test, expect, openApp, appReady, regions, clause, startFrom, draftsMenu } from './fixtures.js';

const US28 = 'US 28-point plan (partly described)';
const saved = (page) => expect(page.locator('.save-status')).toHaveText('Saved in this browser.');
const rows = (page) => regions(page).draft.locator('.draft-row');

/** The draft's clause ids as the draft panel shows them (grouped by topic, so sorted here). */
async function draftIds(page) {
  return (await rows(page).evaluateAll((els) => els.map((e) => e.id.replace(/^draft-/, '')))).sort();
}

/** Every stored draft, parsed, keyed by storage key. */
async function storedDrafts(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('redline:draft:'))
    .map((k) => [k, JSON.parse(localStorage.getItem(k))])));
}

/** A switch the test flips (`window.__storageFull`): while on, every write throws as a full quota does. */
async function storageThatFills(page) {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    window.__storageFull = false;
    Storage.prototype.setItem = function (k, v) {
      if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  });
}

/** Two tabs of one browser with the same stored draft, titled `title`, open in both. */
async function twoTabsOnOneDraft(context, title) {
  const a = await context.newPage();
  await openApp(a);
  await a.getByLabel('Title').fill(title);
  await saved(a);
  const b = await context.newPage();
  await openApp(b);
  await expect(b.getByLabel('Title')).toHaveValue(title);
  return [a, b];
}

/**
 * Two stored drafts, "Other" and "Draft A" (with army-cap), then a full
 * storage refuses Draft A's next change (crimea-restored-to-ukraine), which
 * stays on screen; returns Draft A's clauses as shown.
 */
async function draftWithRefusedChanges(page) {
  await storageThatFills(page);
  await openApp(page);
  await page.getByLabel('Title').fill('Other');
  await saved(page);
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  await page.getByLabel('Title').fill('Draft A');
  await clause(page, 'army-cap').locator('.toggle').click();
  await saved(page);
  await page.evaluate(() => { window.__storageFull = true; });
  await clause(page, 'crimea-restored-to-ukraine').locator('.toggle').click();
  await expect(page.locator('.save-status')).toHaveText(/Not saved: .*full/);
  return ['army-cap', 'crimea-restored-to-ukraine'];
}

/**
 * The notice names Draft A's refused changes (`draftWithRefusedChanges`), and
 * its Undo brings them back, asking first (`asking`: what the question says)
 * about the draft on screen, which it would leave.
 */
async function undoBringsBackDraftA(page, notice, unsaved, asking) {
  await expect(notice).toContainText('“Draft A” was not saved: Undo brings it back while this notice shows.');
  const asked = answer(page, true);
  await notice.getByRole('button', { name: 'Undo: reopen the unsaved draft' }).click();
  expect(asked.message).toContain(asking);
  await expect(page.getByLabel('Title')).toHaveValue('Draft A');
  expect(await draftIds(page)).toEqual(unsaved);
}

async function exportDraft(page, button) {
  button ??= (await draftsMenu(page)).getByRole('button', { name: 'Export file' });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('a draft is saved as you work and is there again after a reload', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('.save-status')).toHaveText(/Not saved yet/);
  await startFrom(page, US28);
  await page.getByLabel('Title').fill('Geneva working copy');
  await clause(page, 'crimea-restored-to-ukraine').locator('.toggle').click();
  await saved(page);
  const before = await draftIds(page);
  expect(before.length).toBeGreaterThan(20);
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('Geneva working copy');
  expect(await draftIds(page)).toEqual(before);
  await expect(page.locator('#draft-picker option:checked')).toHaveText('Geneva working copy');
});

test('a change is saved at once when the page is hidden, without waiting for the debounce', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('Hidden at once');
  // Simulate the tab going to the background right after the change.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const stored = Object.values(await storedDrafts(page));
  expect(stored.map((d) => d.plan.title)).toEqual(['Hidden at once']);
});

test('drafts can be created, renamed, duplicated, switched, and deleted with undo', async ({ page }) => {
  await openApp(page);
  const picker = page.locator('#draft-picker');
  await page.getByLabel('Title').fill('First');
  await clause(page, 'army-cap').locator('.toggle').click();
  await saved(page);
  // Opening the menu leaves its button where the reader clicked it, first in
  // the row as in the reading order (it had jumped below Share link).
  const summary = page.locator('details.drafts-menu > summary');
  const before = await summary.boundingBox();
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).waitFor();
  const after = await summary.boundingBox();
  expect([after.x, after.y]).toEqual([before.x, before.y]);
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  await expect(rows(page)).toHaveCount(0);
  await page.getByLabel('Title').fill('Second');
  await saved(page);
  // The notices' live region is there, empty, before its first notice: a
  // status inserted with its words is not heard by every screen reader.
  const notices = page.locator('.banners:not(.page-alerts)');
  await expect(notices).toHaveAttribute('role', 'status');
  await expect(notices).toBeEmpty();
  await (await draftsMenu(page)).getByRole('button', { name: 'Duplicate' }).click();
  await saved(page);
  // Said, for a reader who does not see the title change.
  await expect(page.getByRole('status').filter({ hasText: 'is kept in your drafts' }))
    .toHaveText(/“Copy of Second” is open; “Second” is kept in your drafts\./);
  await expect(notices.locator('.banner')).toHaveCount(1);
  await expect(notices.locator('[role=status], [role=alert]')).toHaveCount(0);
  // Renaming is editing the title; the list follows.
  await page.getByLabel('Title').fill('Second, copy');
  await saved(page);
  expect((await picker.locator('option').allTextContents()).sort()).toEqual(['First', 'Second', 'Second, copy']);
  await picker.selectOption({ label: 'First' });
  await expect(page.getByLabel('Title')).toHaveValue('First');
  expect(await draftIds(page)).toEqual(['army-cap']);
  await (await draftsMenu(page)).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “First”.' })).toBeVisible();
  expect((await picker.locator('option').allTextContents()).sort()).toEqual(['Second', 'Second, copy']);
  await page.getByRole('button', { name: 'Undo delete' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('First');
  expect(await draftIds(page)).toEqual(['army-cap']);
  expect(Object.keys(await storedDrafts(page))).toHaveLength(3);
});

test('a corrupted stored draft is set aside with its text kept, and the other drafts load', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('Healthy');
  await saved(page);
  const raw = '{"schema":1,"id":"broken","plan":{"title":"half a dra';
  await page.evaluate((raw) => localStorage.setItem('redline:draft:broken', raw), raw);
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('Healthy');
  const banner = page.getByRole('alert').filter({ hasText: 'A stored draft could not be read' });
  await expect(banner).toContainText('not JSON');
  await expect(banner).toContainText('kept apart in this browser (under redline:backup:broken)');
  expect(await page.evaluate(() => localStorage.getItem('redline:backup:broken'))).toBe(raw);
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download its text' }).click()]);
  expect(await readFile(await download.path(), 'utf8')).toBe(raw);
  // Saving goes on as usual for the healthy draft.
  await page.getByLabel('Title').fill('Healthy, edited');
  await saved(page);
});

test('a stored draft whose plan the library forbids (a value out of range) is set aside with its text kept, not judged', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('Healthy');
  await saved(page);
  const raw = JSON.stringify({ schema: 1, id: 'neg', created: 1, modified: 2e12, revision: 1,
    plan: { format: 'redline-plan', version: 1, title: 'Negative army', notes: '', clauses: [{ id: 'army-cap', value: -5 }] } });
  await page.evaluate((raw) => { localStorage.setItem('redline:draft:neg', raw); localStorage.setItem('redline:last-open', 'neg'); }, raw);
  await page.reload();
  // The newest and last open, yet not opened: the healthy draft is.
  await expect(page.getByLabel('Title')).toHaveValue('Healthy');
  const banner = page.getByRole('alert').filter({ hasText: 'A stored draft could not be read' });
  await expect(banner).toContainText("its plan breaks the library's rules: clauses[0] (`army-cap`): value -5 is not between 100,000 and");
  expect(await page.evaluate(() => localStorage.getItem('redline:backup:neg'))).toBe(raw);
  expect(await page.evaluate(() => localStorage.getItem('redline:draft:neg'))).toBeNull();
});

test('on a phone, a reload far down the library still shows the alert about a stored draft that cannot be read', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Draft', exact: true }).click();
  await page.getByLabel('Title').fill('Healthy');
  await saved(page);
  await page.evaluate(() => localStorage.setItem('redline:draft:broken', 'junk{'));
  await sections.getByRole('button', { name: 'Library', exact: true }).click();
  await page.evaluate(() => window.scrollTo(0, 3000));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(3000);
  // The browser puts the reader back where they were; the alert comes after, at the top.
  await page.reload();
  await appReady(page);
  const banner = page.getByRole('alert').filter({ hasText: 'A stored draft could not be read' });
  await expect(banner).toBeInViewport();
});

test('thirty unreadable stored values make one message and one file, not thirty alerts; they are named on each visit until deleted', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('Healthy');
  await saved(page);
  await page.evaluate(() => {
    for (let n = 0; n < 30; n++) localStorage.setItem(`redline:draft:junk${String(n).padStart(2, '0')}`, n < 28 ? `junk{${n}` : '{"id":"x"}');
  });
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('Healthy');
  const alerts = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(alerts).toHaveCount(1);
  await expect(alerts).toHaveText(/^30 stored drafts could not be read \(28 of them not JSON; 2 of them no schema number, so Redline did not write it\)\. Their texts are kept apart in this browser, and in the file below\. The other draft is fine\./);
  const [download] = await Promise.all([page.waitForEvent('download'), alerts.getByRole('button', { name: 'Download their texts (one file)' }).click()]);
  expect(download.suggestedFilename()).toBe('redline-unreadable-drafts.txt');
  const text = await readFile(await download.path(), 'utf8');
  for (let n = 0; n < 30; n++) {
    const key = `redline:draft:junk${String(n).padStart(2, '0')}`;
    expect(text).toContain(`=== ${key} (`);
    expect(await page.evaluate((k) => localStorage.getItem(k.replace('draft', 'backup')), key)).toBe(n < 28 ? `junk{${n}` : '{"id":"x"}');
  }
  await alerts.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alerts).toHaveCount(0);
  await page.getByLabel('Title').fill('Healthy, edited');
  await saved(page);
  // After a reload the texts are still named, until deleted: they would fill the storage for good.
  await page.reload();
  const kept = page.getByRole('alert').filter({ hasText: 'kept apart in this browser' });
  await expect(kept).toContainText('30 stored texts that were not readable drafts are kept apart in this browser.');
  const [again] = await Promise.all([page.waitForEvent('download'), kept.getByRole('button', { name: 'Download them' }).click()]);
  const all = await readFile(await again.path(), 'utf8');
  for (let n = 0; n < 30; n++) expect(all).toContain(`=== redline:backup:junk${String(n).padStart(2, '0')}\n`);
  // Deleting asks first; a "no" keeps them.
  page.once('dialog', (d) => d.dismiss());
  await kept.getByRole('button', { name: 'Delete them' }).click();
  await expect(kept).toContainText('30 stored texts');
  page.once('dialog', (d) => { expect(d.message()).toContain('Your drafts are not touched.'); d.accept(); });
  await kept.getByRole('button', { name: 'Delete them' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 30 unreadable texts; your drafts are as they were.' })).toBeVisible();
  await expect(kept).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('redline:backup:')).length)).toBe(0);
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Title')).toHaveValue('Healthy, edited');
});

test('with storage blocked the app works, says drafts will not persist, and offers export', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });
  });
  await openApp(page);
  const banner = page.getByRole('alert').filter({ hasText: 'Drafts will not be kept' });
  // The reason once, in one pair of brackets.
  await expect(banner).toContainText('Drafts will not be kept: this browser keeps no local storage for Redline (SecurityError: Access is denied for this document.). Everything works');
  await startFrom(page, US28);
  await expect(regions(page).verdicts.locator('.summary')).toContainText('crosses');
  await expect(page.locator('.save-status')).toHaveText(/Not saved: .*no storage/);
  const file = await exportDraft(page, banner.getByRole('button', { name: 'Export this draft as a file' }));
  const doc = JSON.parse(file.text);
  expect(doc.format).toBe('redline-plan');
  expect(doc.clauses.map((c) => c.id).sort()).toEqual(await draftIds(page));
});

test('on a phone, storage that is blocked is said on the library tab, where the reader starts', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });
  });
  await openApp(page);
  await expect(page.locator('.builder')).toHaveAttribute('data-tab', 'library');
  const banner = page.getByRole('alert').filter({ hasText: 'Drafts will not be kept' });
  await expect(banner).toBeInViewport();
  await expect(banner.getByRole('button', { name: 'Export this draft as a file' })).toBeVisible();
});

test('with storage full the draft stays in the tab, export is offered, and saving resumes', async ({ page }) => {
  await storageThatFills(page);
  await openApp(page);
  await page.getByLabel('Title').fill('Filling up');
  await saved(page);
  await page.evaluate(() => { window.__storageFull = true; });
  await clause(page, 'army-cap').locator('.toggle').click();
  const banner = page.getByRole('alert').filter({ hasText: 'storage is full' });
  await expect(banner).toBeVisible();
  await expect(page.locator('.save-status')).toHaveText(/Not saved: .*full/);
  expect(await draftIds(page)).toEqual(['army-cap']);
  const file = await exportDraft(page, banner.getByRole('button', { name: 'Export this draft as a file' }));
  expect(JSON.parse(file.text).clauses.map((c) => c.id)).toEqual(['army-cap']);
  await page.evaluate(() => { window.__storageFull = false; });
  await banner.getByRole('button', { name: 'Try saving again' }).click();
  await saved(page);
  await page.reload();
  // The stored draft shows once the app has taken over the first screen.
  await expect(page.getByLabel('Title')).toHaveValue('Filling up');
  expect(await draftIds(page)).toEqual(['army-cap']);
});

test('a draft changed in another tab is followed, or, with changes here, nothing is overwritten', async ({ context }) => {
  const [a, b] = await twoTabsOnOneDraft(context, 'Shared');
  // B has no change of its own: it follows A.
  await clause(a, 'army-cap').locator('.toggle').click();
  await saved(a);
  await expect(b.getByRole('status').filter({ hasText: 'updated in another tab' })).toBeVisible();
  expect(await draftIds(b)).toEqual(['army-cap']);
  // Both change the draft within one save delay: whichever saves second
  // finds the other's newer version and must not overwrite it.
  // (Clicked from script: Playwright's clicks on a background page can take longer than that.)
  const press = (page, id) => page.evaluate((id) => document.querySelector(`li.clause[data-clause="${id}"] button`).click(), id);
  await Promise.all([press(b, 'nato-ruled-out'), press(a, 'crimea-de-facto-russian')]);
  const conflictIn = (page) => page.getByRole('alert').filter({ hasText: 'changed in another tab' });
  // The tab that saved second always sees a conflict; when both saved at
  // the same instant (tabs see each other's writes a moment late), both do.
  await expect.poll(async () => (await conflictIn(a).count()) + (await conflictIn(b).count())).toBeGreaterThan(0);
  await expect(a.locator('.save-status')).not.toHaveText('Saving…');
  await expect(b.locator('.save-status')).not.toHaveText('Saving…');
  expect(await draftIds(a)).toEqual(['army-cap', 'crimea-de-facto-russian']);
  expect(await draftIds(b)).toEqual(['army-cap', 'nato-ruled-out']);
  for (const page of [a, b]) {
    if (await conflictIn(page).count()) {
      await conflictIn(page).getByRole('button', { name: 'Keep mine as a new draft' }).click();
      await expect(conflictIn(page)).toBeHidden();
      await saved(page);
      // Told apart from the other tab's version of the same name in the drafts list.
      await expect(page.getByLabel('Title')).toHaveValue("Shared (this tab's version)");
    }
  }
  const stored = Object.values(await storedDrafts(a)).map((d) => d.plan.clauses.map((c) => c.id).sort().join(' '));
  expect(stored).toContain('army-cap crimea-de-facto-russian');
  expect(stored).toContain('army-cap nato-ruled-out');
  await b.close();
  await a.close();
});

test('a file with a title of one long word opens, and the notice naming it wraps inside its box', async ({ page }) => {
  await openApp(page);
  const title = 'W'.repeat(300);
  const input = page.locator('.drafts-bar input[type=file]');
  await input.setInputFiles({ name: `${title}.json`, mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'redline-plan', version: 1, title, clauses: [{ id: 'army-cap' }] })) });
  const notice = page.getByRole('status').filter({ hasText: 'This draft was blank' });
  await expect(notice).toBeVisible();
  expect(await notice.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test('export then import gives the same draft, as a new one', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  await page.getByLabel('Title').fill('Round trip');
  await page.getByLabel('Notes').fill('Line one\nLine two, with "quotes" & <markup>');
  await saved(page);
  const before = await draftIds(page);
  const exported = await exportDraft(page);
  expect(exported.name).toBe('Round trip.redline.json');
  // Indented for a reader who opens it in an editor, fields in the schema's order.
  expect(exported.text).toMatch(/^\{\n  "format": "redline-plan",\n  "version": 1,\n  "title": "Round trip",\n  "notes": /);
  expect(exported.text).toContain('\n    {\n      "id": ');
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  await expect(rows(page)).toHaveCount(0);
  await page.locator('.drafts-bar input[type=file]').setInputFiles({
    name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text),
  });
  // The blank draft that "New draft" opened is reused, not kept beside it.
  await expect(page.getByRole('status').filter({ hasText: 'This draft was blank; it now holds the file Round trip.redline.json.' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Round trip');
  await expect(page.getByLabel('Notes')).toHaveValue('Line one\nLine two, with "quotes" & <markup>');
  expect(await draftIds(page)).toEqual(before);
  expect((await exportDraft(page)).text).toBe(exported.text);
  // The original is still there: importing never overwrites.
  await saved(page);
  expect(Object.keys(await storedDrafts(page))).toHaveLength(2);
});

test('on a phone, storage filling up far down the library is said in view; a plan opened over changes it refused asks first, and Undo brings them back', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await storageThatFills(page);
  await openApp(page);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Draft', exact: true }).click();
  await page.getByLabel('Title').fill('Filling up');
  await saved(page);
  await sections.getByRole('button', { name: 'Library', exact: true }).click();
  await page.evaluate(() => { window.__storageFull = true; });
  const last = page.locator('.library li.clause').last();
  const id = await last.getAttribute('data-clause');
  await last.locator('.toggle').click();
  const banner = page.getByRole('alert').filter({ hasText: 'storage is full' });
  await expect(banner).toBeInViewport();
  // Opening a file now would leave that change on Undo only: the page asks.
  const file = { name: 'other.json', mimeType: 'application/json',
    buffer: Buffer.from('{"format":"redline-plan","version":1,"title":"Other","clauses":[{"id":"army-cap"}]}') };
  const input = page.locator('.drafts-bar input[type=file]');
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await input.setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'was not opened' }))
    .toContainText('The file other.json was not opened, so “Filling up” stays on screen with its unsaved changes.');
  expect(asked).toContain("“Filling up” has changes that could not be saved (the browser's storage is full). Open the file other.json in its place anyway?");
  await expect(page.getByLabel('Title')).toHaveValue('Filling up');
  expect(await draftIds(page)).toEqual([id]);
  page.once('dialog', (d) => d.accept());
  await input.setInputFiles(file);
  const notice = page.getByRole('status').filter({ hasText: 'opened as a new draft' });
  await expect(notice).toContainText('“Filling up” was not saved: Undo brings it back while this notice shows.');
  await expect(page.getByLabel('Title')).toHaveValue('Other');
  await notice.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Filling up');
  expect(await draftIds(page)).toEqual([id]);
  // The change storage refused is saved once it can be.
  await page.evaluate(() => { window.__storageFull = false; });
  await page.getByLabel('Title').fill('Filling up again');
  await saved(page);
  const stored = Object.values(await storedDrafts(page)).find((d) => d.plan.title === 'Filling up again');
  expect(stored.plan.clauses.map((c) => c.id)).toEqual([id]);
});

test('with storage full, a new draft or another draft from the picker asks before leaving changes it refused, and Undo brings them back', async ({ page }) => {
  const picker = page.locator('#draft-picker');
  const unsaved = await draftWithRefusedChanges(page);
  await page.getByLabel('Title').fill('Draft A, edited');

  // New draft: asked; cancelled, nothing moves.
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  expect(asked).toContain("“Draft A, edited” has changes that could not be saved (the browser's storage is full). Open a new draft in its place anyway?");
  await expect(page.getByRole('status').filter({ hasText: 'was not opened' }))
    .toContainText('A new draft was not opened, so “Draft A, edited” stays on screen with its unsaved changes.');
  await expect(page.getByLabel('Title')).toHaveValue('Draft A, edited');
  expect(await draftIds(page)).toEqual(unsaved);
  // Accepted: the new draft is open, the alert no longer speaks of it, and Undo brings the changes back.
  page.once('dialog', (d) => d.accept());
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('');
  await expect(page.getByRole('alert').filter({ hasText: 'storage is full' })).toHaveCount(0);
  const notice = page.getByRole('status').filter({ hasText: 'A new draft is open.' });
  await expect(notice).toContainText('“Draft A, edited” was not saved: Undo brings it back while this notice shows.');
  await notice.getByRole('button', { name: 'Undo: delete the new draft' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Draft A, edited');
  expect(await draftIds(page)).toEqual(unsaved);

  // The picker: cancelled, the picker still names the draft on screen.
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await (await draftsMenu(page)).locator('#draft-picker').selectOption({ label: 'Other' });
  expect(asked).toContain('Open “Other” in its place anyway?');
  await expect(page.getByLabel('Title')).toHaveValue('Draft A, edited');
  await expect(picker.locator('option:checked')).toHaveText(/^Draft A/);
  // Accepted: "Other" opens as stored; Undo reopens the draft with its changes.
  page.once('dialog', (d) => d.accept());
  await picker.selectOption({ label: 'Other' });
  await expect(page.getByLabel('Title')).toHaveValue('Other');
  const reopen = page.getByRole('status').filter({ hasText: 'was not saved' });
  await reopen.getByRole('button', { name: 'Undo: reopen the unsaved draft' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Draft A, edited');
  expect(await draftIds(page)).toEqual(unsaved);
  // Saved once storage has room.
  await page.evaluate(() => { window.__storageFull = false; });
  await page.getByLabel('Notes').fill('room again');
  await saved(page);
  const stored = Object.values(await storedDrafts(page)).find((d) => d.plan.title === 'Draft A, edited');
  expect(stored.plan.clauses.map((c) => c.id).sort()).toEqual(unsaved);
});

test('with storage full, Undo that reopens an unsaved draft asks before leaving the changes made since, and they can come back in turn', async ({ page }) => {
  const unsaved = await draftWithRefusedChanges(page);
  page.once('dialog', (d) => d.accept());
  await (await draftsMenu(page)).locator('#draft-picker').selectOption({ label: 'Other' });
  await expect(page.getByLabel('Title')).toHaveValue('Other');
  // Work on "Other" that storage refuses too, while the notice about Draft A still shows.
  await page.getByLabel('Title').fill('Other, edited');
  await clause(page, 'turkey-maritime-security').locator('.toggle').click();
  await expect(page.locator('.save-status')).toHaveText(/Not saved: .*full/);
  const undo = () => page.getByRole('status').filter({ hasText: 'was not saved' })
    .getByRole('button', { name: 'Undo: reopen the unsaved draft' });

  // A new draft, cancelled: nothing moves, and the notice about Draft A stays.
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  expect(asked).toContain('“Other, edited” has changes that could not be saved');
  await expect(page.getByLabel('Title')).toHaveValue('Other, edited');
  await expect(undo()).toBeVisible();

  // Undo, cancelled: "Other, edited" stays, with its change.
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await undo().click();
  expect(asked).toContain("“Other, edited” has changes that could not be saved (the browser's storage is full). Open “Draft A” in its place anyway?");
  await expect(page.getByLabel('Title')).toHaveValue('Other, edited');
  expect(await draftIds(page)).toEqual(['turkey-maritime-security']);

  // Accepted: Draft A is back with its changes, and Undo now brings "Other, edited" back.
  page.once('dialog', (d) => d.accept());
  await undo().click();
  await expect(page.getByLabel('Title')).toHaveValue('Draft A');
  expect(await draftIds(page)).toEqual(unsaved);
  await expect(page.getByRole('status').filter({ hasText: 'was not saved' }))
    .toContainText('“Other, edited” was not saved: Undo brings it back while this notice shows.');
  page.once('dialog', (d) => d.accept());
  await undo().click();
  await expect(page.getByLabel('Title')).toHaveValue('Other, edited');
  expect(await draftIds(page)).toEqual(['turkey-maritime-security']);
});

test('with storage full, a notice whose Undo holds a draft\'s unsaved changes outlives other messages and edits, and the page asks before it goes', async ({ page }) => {
  const unsaved = await draftWithRefusedChanges(page);
  answer(page, true);
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  const notice = page.getByRole('status').filter({ hasText: '“Draft A” was not saved: Undo brings it back while this notice shows.' });
  await expect(notice.getByRole('button', { name: 'Undo: delete the new draft' })).toBeVisible();

  // Duplicate would end the notice: asked. Refused by storage, its message keeps the Undo and says so again.
  let asked = answer(page, true);
  await (await draftsMenu(page)).getByRole('button', { name: 'Duplicate' }).click();
  expect(asked.message).toContain('“Draft A” has changes that could not be saved, and only the notice\'s Undo brings them back, while the draft on screen stays. Duplicate this draft anyway?');
  await expect(notice).toContainText('Could not duplicate');
  await expect(notice.getByRole('button', { name: 'Undo: delete the new draft' })).toBeVisible();
  // Closing the tab would lose them: the browser asks.
  const unload = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const closing = await unload;
  expect(closing.type()).toBe('beforeunload');
  await closing.dismiss();

  // An edit to the new draft: its Undo no longer deletes it, but still brings Draft A back.
  await clause(page, 'turkey-maritime-security').locator('.toggle').click();
  const reopen = notice.getByRole('button', { name: 'Undo: reopen the unsaved draft' });
  await expect(reopen).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Undo: delete the new draft' })).toHaveCount(0);

  // Dismiss and another draft both ask, naming Draft A; cancelled, the notice stays.
  asked = answer(page, false);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  expect(asked.message).toContain('“Draft A” has changes that could not be saved, and only the notice\'s Undo brings them back, while the draft on screen stays. Dismiss this notice anyway?');
  asked = answer(page, false);
  await (await draftsMenu(page)).locator('#draft-picker').selectOption({ label: 'Other' });
  expect(asked.message).toContain('Open “Other” in its place anyway?');
  expect(asked.message).toContain('The changes to “Draft A” that the notice\'s Undo would bring back are lost.');
  await expect(reopen).toBeVisible();

  // Undo: asked about the new draft's own refused change; Draft A is back, and the new draft is an Undo away.
  asked = answer(page, true);
  await reopen.click();
  expect(asked.message).toContain('has changes that could not be saved');
  await expect(page.getByLabel('Title')).toHaveValue('Draft A');
  expect(await draftIds(page)).toEqual(unsaved);
  await expect(page.getByRole('status').filter({ hasText: 'was not saved' })
    .getByRole('button', { name: 'Undo: reopen the unsaved draft' })).toBeVisible();
});

test('with storage full, a plan started in the new draft made over refused changes keeps the Undo that brings them back', async ({ page }) => {
  const unsaved = await draftWithRefusedChanges(page);
  answer(page, true);
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('');
  // The blank new draft is filled (the toolbar's Undo empties it again); Draft A's way back stays.
  await startFrom(page, US28);
  const notice = page.getByRole('status').filter({ hasText: 'This draft was blank' });
  await undoBringsBackDraftA(page, notice, unsaved, 'has changes that could not be saved');
});

test('a draft deleted right after an edit stays deleted: the pending save does not store it again', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('Keep');
  await saved(page);
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  await page.getByLabel('Title').fill('Doomed');
  await saved(page);
  const menu = await draftsMenu(page);
  // An edit, then Delete before the save's pause has passed.
  await page.getByLabel('Title').fill('Doomed, edited');
  await menu.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Doomed, edited”.' })).toBeVisible();
  await page.waitForTimeout(1000);
  const titles = () => storedDrafts(page).then((d) => Object.values(d).map((x) => x.plan.title).sort());
  expect(await titles()).toEqual(['Keep']);
  await page.getByRole('button', { name: 'Undo delete' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Doomed, edited');
  expect(await titles()).toEqual(['Doomed, edited', 'Keep']);
});

test('Undo delete in one tab never writes over what another tab saved to that draft since: both are kept', async ({ context }) => {
  const [a, b] = await twoTabsOnOneDraft(context, 'Shared');
  await (await draftsMenu(b)).getByRole('button', { name: 'Delete' }).click();
  await expect(b.getByRole('button', { name: 'Undo delete' })).toBeVisible();
  // A still has it open, and saves an edit: the draft is stored again.
  await a.getByLabel('Title').fill('Shared, edited in A');
  await clause(a, 'army-cap').locator('.toggle').click();
  await saved(a);
  await b.getByRole('button', { name: 'Undo delete' }).click();
  await expect(b.getByRole('status').filter({ hasText: 'Another tab saved' }))
    .toContainText('Another tab saved “Shared, edited in A” again after it was deleted here. That version is kept as saved; the one deleted here is back as “Copy of Shared”.');
  await expect(b.getByLabel('Title')).toHaveValue('Copy of Shared');
  const titles = Object.values(await storedDrafts(b)).map((d) => d.plan.title).sort();
  expect(titles).toEqual(['Copy of Shared', 'Shared, edited in A']);
  await expect(a.locator('.save-status')).toHaveText('Saved in this browser.');
});

test('a file that is not a draft is refused with what is wrong and where, and nothing changes', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('Untouched');
  await saved(page);
  const input = page.locator('.drafts-bar input[type=file]');
  await input.setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"redline-plan","version":1,"title":"x","clauses":[{"id":7}]}') });
  const notice = page.getByRole('status').filter({ hasText: 'photo.json was not imported' });
  await expect(notice).toContainText(/line 1, column \d+/);
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some text') });
  const notJson = page.getByRole('status').filter({ hasText: 'notes.txt was not imported' });
  // What is wrong, then where, once: "…: not a Redline plan, as it is not JSON; expected value (line 1, column 1)".
  await expect(notJson).toContainText('not a Redline plan, as it is not JSON; expected value (line 1, column 1). Nothing was changed.');
  // JSON of another kind, an empty file, a file far too large for a plan (refused before it is read).
  for (const [name, body, said] of [
    ['settings.json', '{"theme":"dark"}', 'settings.json was not imported: not a Redline plan: unknown field `theme`'],
    ['empty.json', '', 'empty.json was not imported: not a Redline plan: the file is empty. Nothing was changed.'],
    ['huge.json', `{"notes":"${'x'.repeat(3_000_000)}"}`, 'huge.json was not imported: not a Redline plan: the file is over 1 MB, and a plan is a few KB. Nothing was changed.'],
  ]) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await expect(page.getByRole('status').filter({ hasText: `${name} was not imported` })).toContainText(said);
  }
  await expect(page.getByLabel('Title')).toHaveValue('Untouched');
  expect(Object.keys(await storedDrafts(page))).toHaveLength(1);
});

test('a file with a clause this library lacks opens, and says so after where the plan went; a value out of range is refused in words', async ({ page }) => {
  await openApp(page);
  const input = page.locator('.drafts-bar input[type=file]');
  await input.setInputFiles({ name: 'range.json', mimeType: 'application/json',
    buffer: Buffer.from('{"format":"redline-plan","version":1,"title":"x","clauses":[{"id":"army-cap","value":5}]}') });
  // It had read "value 5 is outside 100000..=1000000 (personnel)".
  await expect(page.getByRole('status').filter({ hasText: 'range.json was not imported' }))
    .toContainText('clauses[0] (`army-cap`): value 5 is not between 100,000 and 1,000,000 personnel. Nothing was changed.');
  await input.setInputFiles({ name: 'newer.json', mimeType: 'application/json',
    buffer: Buffer.from('{"format":"redline-plan","version":1,"title":"From elsewhere","clauses":[{"id":"made-up-clause"},{"id":"nato-ruled-out"}]}') });
  // One sentence for where the plan went, then what was not read, not a parenthesis inside it.
  await expect(page.getByRole('status').filter({ hasText: 'newer.json' })).toContainText(
    'This draft was blank; it now holds the file newer.json. One thing in it was not read as written: '
    + 'clauses[0] (`made-up-clause`): not in this library; kept, but not evaluated.');
  await expect(page.getByLabel('Title')).toHaveValue('From elsewhere');
  await expect(regions(page).draft.locator('.retired code')).toHaveText('made-up-clause');
});

test('a clause the library no longer has is kept and shown, never dropped', async ({ page }) => {
  await page.addInitScript(() => {
    if (localStorage.getItem('redline:draft:old')) return;
    localStorage.setItem('redline:draft:old', JSON.stringify({
      schema: 1, id: 'old', created: 1, modified: 1, revision: 3,
      plan: { format: 'redline-plan', version: 1, title: 'From 2025', notes: '',
        clauses: [{ id: 'army-cap' }, { id: 'retired-clause-from-2025' }] },
    }));
    localStorage.setItem('redline:last-open', 'old');
  });
  await openApp(page);
  await expect(page.getByLabel('Title')).toHaveValue('From 2025');
  await expect(regions(page).draft).toContainText(/no longer in the library/i);
  await expect(regions(page).draft.locator('.retired code')).toHaveText('retired-clause-from-2025');
  await clause(page, 'nato-ruled-out').locator('.toggle').click();
  await saved(page);
  const stored = (await storedDrafts(page))['redline:draft:old'];
  expect(stored.plan.clauses.map((c) => c.id)).toContain('retired-clause-from-2025');
});

test('starting from a plan on a draft with work in it makes a new draft; the old one stays byte for byte', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('My careful edits');
  await page.getByLabel('Notes').fill('Two hours of work');
  await clause(page, 'crimea-de-facto-russian').locator('.toggle').click();
  await saved(page);
  const mine = await storedDrafts(page);
  const rawMine = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('redline:draft:')).map((k) => [k, localStorage.getItem(k)])));
  expect(Object.keys(mine)).toHaveLength(1);

  await startFrom(page, 'Witkoff paper (partly described)');
  const notice = page.getByRole('status').filter({ hasText: 'The Witkoff paper opened as a new draft. “My careful edits” is kept in your drafts.' });
  await expect(notice).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Witkoff paper');
  await expect(page.getByLabel('Notes')).toHaveValue(/^Based on: Witkoff paper, proposed by/);
  await saved(page);
  await page.reload();
  // The picker is the live app's once it has taken over the first screen.
  await appReady(page);
  const after = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('redline:draft:')).map((k) => [k, localStorage.getItem(k)])));
  expect(Object.keys(after)).toHaveLength(2);
  for (const [key, value] of Object.entries(rawMine)) expect(after[key]).toBe(value);
  expect((await page.locator('#draft-picker option').allTextContents()).sort()).toEqual(['My careful edits', 'Witkoff paper']);
  // The notice belonged to that moment: after a reload it is gone.
  await expect(page.getByRole('status').filter({ hasText: 'opened as a new draft' })).toHaveCount(0);
});

test('undo of "start from this plan" deletes the new draft and reopens the previous one', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('Keep me');
  await clause(page, 'army-cap').locator('.toggle').click();
  await saved(page);
  await startFrom(page, 'US 28-point plan (partly described)');
  const notice = page.getByRole('status').filter({ hasText: 'The US 28-point plan opened as a new draft.' });
  await saved(page);
  expect(Object.keys(await storedDrafts(page))).toHaveLength(2);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Keep me');
  await expect(notice).toBeHidden();
  expect(Object.values(await storedDrafts(page)).map((d) => d.plan.title)).toEqual(['Keep me']);
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('Keep me');
  await expect(page.locator('#draft-picker option')).toHaveText(['Keep me']);
});

test('on a blank draft, starting from a plan fills it: no extra draft', async ({ page }) => {
  await openApp(page);
  await startFrom(page, 'US 28-point plan (partly described)');
  const notice = page.getByRole('status').filter({ hasText: 'This draft was blank; it now holds the US 28-point plan.' });
  await expect(notice).toBeVisible();
  await saved(page);
  expect(Object.keys(await storedDrafts(page))).toHaveLength(1);
  // Undo takes the plan back out; the notice ends with it.
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(0);
  await expect(notice).toBeHidden();
  // A new blank draft filled, then one more clause: "empty the draft again" would now take back only that clause, so it goes.
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  await startFrom(page, 'US 28-point plan (partly described)');
  await expect(notice).toBeVisible();
  await clause(page, 'crimea-restored-to-ukraine').locator('.toggle').click();
  await expect(notice).toBeHidden();
});

test('a notice with Undo ends when the reader opens another draft: back on its draft, it would undo something else', async ({ page }) => {
  await openApp(page);
  await startFrom(page, 'US 28-point plan (partly described)');
  const notice = page.getByRole('status').filter({ hasText: 'This draft was blank; it now holds the US 28-point plan.' });
  await expect(notice).toBeVisible();
  await page.getByLabel('Title').fill('Alpha');
  await saved(page);
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  await page.getByLabel('Title').fill('Beta');
  await saved(page);
  await draftsMenu(page);
  await page.locator('#draft-picker').selectOption({ label: 'Alpha' });
  await expect(page.getByLabel('Title')).toHaveValue('Alpha');
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Undo: empty the draft again/ })).toHaveCount(0);
});

test('Clear is an edit: its notice says so and offers Undo, and ends once the draft has clauses again', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('Cleared by mistake');
  await clause(page, 'army-cap').locator('.toggle').click();
  await clause(page, 'crimea-de-facto-russian').locator('.toggle').click();
  await saved(page);
  await regions(page).draft.getByRole('button', { name: 'Clear' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Cleared this draft: its clauses, title and notes.' });
  await expect(notice).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByLabel('Title')).toHaveValue('Cleared by mistake');
  await expect(notice).toBeHidden();
  // Cleared again, then a clause added: the notice is no longer true and goes.
  await regions(page).draft.getByRole('button', { name: 'Clear' }).click();
  await expect(notice).toBeVisible();
  await clause(page, 'army-cap').locator('.toggle').click();
  await expect(notice).toBeHidden();
  expect(Object.keys(await storedDrafts(page))).toHaveLength(1);
  // Cleared, then a title typed: its Undo would take back the typing, not the clear, so it goes too.
  await regions(page).draft.getByRole('button', { name: 'Clear' }).click();
  await expect(notice).toBeVisible();
  await page.getByLabel('Title').fill('Typed after the clear');
  await expect(notice).toBeHidden();
});

/** A link to `title`, the US 28-point plan read as of 14 Jun 2024, made in a browser of its own. */
async function linkMadeElsewhere(browser, title) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openApp(page);
  await startFrom(page, US28);
  await page.getByLabel('Title').fill(title);
  const timeline = page.getByRole('slider', { name: 'Positions as stated by' });
  await timeline.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = new URL(await page.getByLabel('Link to this draft').inputValue());
  await context.close();
  return link.hash;
}

/** Another tab (`other`) stores its own version of the draft titled `title`: `edit` applied, revision one up. */
async function anotherTabSaves(other, title, edit) {
  await other.evaluate(([title, edit]) => {
    const key = Object.keys(localStorage)
      .find((k) => k.startsWith('redline:draft:') && JSON.parse(localStorage.getItem(k)).plan.title === title);
    const draft = JSON.parse(localStorage.getItem(key));
    Object.assign(draft, edit.draft);
    Object.assign(draft.plan, edit.plan);
    draft.revision += 1;
    localStorage.setItem(key, JSON.stringify(draft));
  }, [title, edit]);
}

/** The dialog's question, answered with `accept`. */
function answer(page, accept) {
  const asked = { message: '' };
  page.once('dialog', (d) => { asked.message = d.message(); accept ? d.accept() : d.dismiss(); });
  return asked;
}

test('with storage full, a link opened over refused changes asks first; leaving it for another draft asks again, brings the reader\'s date back, and Undo brings the changes back', async ({ page, browser }) => {
  const link = await linkMadeElsewhere(browser, 'Sent');
  const timeline = page.getByRole('slider', { name: 'Positions as stated by' });
  const unsaved = await draftWithRefusedChanges(page);
  const bar = page.getByRole('region', { name: /^Viewing a shared plan/ });

  // Cancelled: the link is not opened.
  let asked = answer(page, false);
  await page.evaluate((hash) => { location.hash = hash; }, link);
  await expect(page.getByRole('status').filter({ hasText: 'was not opened' }))
    .toHaveText(/The shared plan was not opened, so “Draft A” stays on screen with its unsaved changes\./);
  expect(asked.message).toContain("“Draft A” has changes that could not be saved (the browser's storage is full). Open the shared plan in its place anyway? Back to your drafts (or, once you change the shared plan, its notice's Undo) brings it back;");
  expect(await draftIds(page)).toEqual(unsaved);
  await expect(bar).toHaveCount(0);

  // Accepted: the shared plan, as of its date; the alert about Draft A's storage waits for Draft A.
  asked = answer(page, true);
  await page.evaluate(() => { location.hash = ''; });
  await page.evaluate((hash) => { location.hash = hash; }, link);
  await expect(bar).toBeVisible();
  await expect(timeline).toHaveAttribute('aria-valuetext', /^14 Jun 2024: /);
  await expect(page.getByRole('alert').filter({ hasText: 'storage is full' })).toHaveCount(0);
  // Closing the tab now would lose Draft A's changes: the browser asks.
  const unload = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const closing = await unload;
  expect(closing.type()).toBe('beforeunload');
  await closing.dismiss();

  // Another draft from the picker: asked about Draft A again; the reader's own date comes back.
  asked = answer(page, true);
  await (await draftsMenu(page)).locator('#draft-picker').selectOption({ label: 'Other' });
  await expect(page.getByLabel('Title')).toHaveValue('Other');
  expect(asked.message).toContain('“Draft A” has changes that could not be saved. Open “Other” in its place anyway? Undo brings it back while its notice shows;');
  await expect(timeline).toHaveAttribute('aria-valuetext', /^Latest, /);
  const notice = page.getByRole('status').filter({ hasText: 'was not saved' });
  await notice.getByRole('button', { name: 'Undo: reopen the unsaved draft' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Draft A');
  expect(await draftIds(page)).toEqual(unsaved);
  await expect(page.locator('.save-status')).toHaveText(/Not saved: .*full/);

  // A plan started over the link: asked about Draft A again, and the notice names it.
  answer(page, true);
  await page.evaluate((hash) => { location.hash = hash; }, link);
  await expect(bar).toBeVisible();
  asked = answer(page, true);
  await startFrom(page, US28);
  expect(asked.message).toContain('“Draft A” has changes that could not be saved.');
  const started = page.getByRole('status').filter({ hasText: 'opened as a new draft' });
  await expect(started).toContainText('“Draft A” was not saved: Undo brings it back while this notice shows.');
  await started.getByRole('button', { name: 'Undo: delete the new draft' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Draft A');
  expect(await draftIds(page)).toEqual(unsaved);
});

test('with storage full, a link opened over refused changes, then edited: its notice\'s Undo brings the changes back, asking first about the edited copy', async ({ page, browser }) => {
  const link = await linkMadeElsewhere(browser, 'Sent');
  const unsaved = await draftWithRefusedChanges(page);
  answer(page, true);
  await page.evaluate((hash) => { location.hash = hash; }, link);
  await expect(page.getByRole('region', { name: /^Viewing a shared plan/ })).toBeVisible();
  const shared = await draftIds(page);
  await clause(page, 'turkey-maritime-security').locator('.toggle').click();
  const notice = page.getByRole('status').filter({ hasText: 'Your change made a new draft' });
  await undoBringsBackDraftA(page, notice, unsaved, '“Sent” has changes that could not be saved');
  // The edited copy is a notice's Undo away in turn.
  answer(page, true);
  await page.getByRole('status').filter({ hasText: '“Sent” was not saved' })
    .getByRole('button', { name: 'Undo: reopen the unsaved draft' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Sent');
  expect(await draftIds(page)).toEqual([...shared, 'turkey-maritime-security'].sort());
});

test('with storage full, an edit to a shared plan makes it a draft of the reader\'s own, so leaving it asks and Undo brings the edit back', async ({ page, browser }) => {
  const link = await linkMadeElsewhere(browser, 'Sent');
  await storageThatFills(page);
  await page.goto('/' + link);
  await appReady(page);
  const bar = page.getByRole('region', { name: /^Viewing a shared plan/ });
  await expect(bar).toBeVisible();
  const shared = await draftIds(page);
  await page.evaluate(() => { window.__storageFull = true; });
  await clause(page, 'turkey-maritime-security').locator('.toggle').click();
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Your change made a new draft' })).toHaveText(/Your change made a new draft: a copy of the shared plan\./);
  await expect(page.locator('.save-status')).toHaveText(/Not saved: .*full/);
  const edited = [...shared, 'turkey-maritime-security'].sort();
  expect(await draftIds(page)).toEqual(edited);

  const asked = answer(page, true);
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  expect(asked.message).toContain("“Sent” has changes that could not be saved (the browser's storage is full). Open a new draft in its place anyway?");
  await expect(page.getByLabel('Title')).toHaveValue('');
  await page.getByRole('status').filter({ hasText: 'A new draft is open.' }).getByRole('button', { name: 'Undo: delete the new draft' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Sent');
  expect(await draftIds(page)).toEqual(edited);
  // Saved once storage has room.
  await page.evaluate(() => { window.__storageFull = false; });
  await page.getByLabel('Notes').fill('room again');
  await saved(page);
  const stored = Object.values(await storedDrafts(page));
  expect(stored.map((d) => d.plan.title)).toEqual(['Sent']);
  expect(stored[0].plan.clauses.map((c) => c.id).sort()).toEqual(edited);
});

test('a draft in conflict with another tab keeps both versions through Delete, a link and another draft', async ({ context, browser }) => {
  const link = await linkMadeElsewhere(browser, 'Sent');
  const [a, b] = await twoTabsOnOneDraft(context, 'Shared');
  // B has another draft to go to, then back on "Shared".
  await (await draftsMenu(b)).getByRole('button', { name: 'New draft' }).click();
  await b.getByLabel('Title').fill('Other');
  await saved(b);
  await b.locator('#draft-picker').selectOption({ label: 'Shared' });
  await expect(b.getByLabel('Title')).toHaveValue('Shared');
  // B's change, not saved yet, when A stores its own: a conflict.
  await b.evaluate(() => document.querySelector('li.clause[data-clause="army-cap"] button').click());
  await anotherTabSaves(a, 'Shared', { plan: { title: 'Theirs' } });
  const conflict = b.getByRole('alert').filter({ hasText: 'changed in another tab' });
  await expect(conflict).toBeVisible();
  const theirs = await a.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('redline:draft:')).map(([, v]) => v).find((v) => v.includes('Theirs')));

  // Delete would drop their version, which B has not seen: refused.
  await (await draftsMenu(b)).getByRole('button', { name: 'Delete' }).click();
  await expect(b.getByRole('status').filter({ hasText: 'Not deleted' }))
    .toHaveText(/Not deleted: another tab saved “Theirs” meanwhile\. Choose a version above first, then delete\./);
  expect(Object.values(await storedDrafts(b)).map((d) => d.plan.title).sort()).toEqual(['Other', 'Theirs']);

  // A link: asked; the shared plan carries no conflict; back, the conflict and B's change are back.
  let asked = answer(b, true);
  await b.evaluate((hash) => { location.hash = hash; }, link);
  const bar = b.getByRole('region', { name: /^Viewing a shared plan/ });
  await expect(bar).toBeVisible();
  expect(asked.message).toContain('“Shared” has changes that could not be saved (another tab changed this draft). Open the shared plan in its place anyway?');
  await expect(conflict).toHaveCount(0);
  await bar.getByRole('button', { name: 'Back to your drafts' }).click();
  await expect(conflict).toBeVisible();
  await expect(b.getByLabel('Title')).toHaveValue('Shared');
  expect(await draftIds(b)).toEqual(['army-cap']);

  // Another draft: asked; Undo brings B's change back, still in conflict, not the other tab's version.
  asked = answer(b, true);
  await (await draftsMenu(b)).locator('#draft-picker').selectOption({ label: 'Other' });
  await expect(b.getByLabel('Title')).toHaveValue('Other');
  await expect(conflict).toHaveCount(0);
  await b.getByRole('status').filter({ hasText: 'was not saved' }).getByRole('button', { name: 'Undo: reopen the unsaved draft' }).click();
  await expect(b.getByLabel('Title')).toHaveValue('Shared');
  expect(await draftIds(b)).toEqual(['army-cap']);
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Keep mine as a new draft' }).click();
  await saved(b);
  const stored = Object.entries(await storedDrafts(b));
  expect(stored.map(([, d]) => d.plan.title).sort()).toEqual(['Other', 'Shared', 'Theirs']);
  expect(await b.evaluate(() => Object.values(localStorage).filter((v) => v.includes('Theirs')))).toEqual([theirs]);
});

test('"Undo: delete the new draft" goes once the new draft has an edit: it would delete that work too', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Title').fill('Mine');
  await clause(page, 'army-cap').locator('.toggle').click();
  await saved(page);
  await startFrom(page, US28);
  const undo = page.getByRole('button', { name: 'Undo: delete the new draft' });
  await expect(undo).toBeVisible();
  await clause(page, 'crimea-restored-to-ukraine').locator('.toggle').click();
  await expect(undo).toHaveCount(0);
  await saved(page);
  expect(Object.keys(await storedDrafts(page))).toHaveLength(2);
});

test('a draft another tab saved with a newer Redline is never written over: saving here says so', async ({ context }) => {
  const [a, b] = await twoTabsOnOneDraft(context, 'Shared');
  await anotherTabSaves(a, 'Shared', { draft: { schema: 99 }, plan: { title: 'Newer' } });
  const newer = await a.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('redline:draft:'))[1]);
  await clause(b, 'army-cap').locator('.toggle').click();
  await expect(b.getByRole('alert').filter({ hasText: 'Saving failed' })).toContainText('saved by a newer Redline: schema 99');
  await expect(b.locator('.save-status')).toHaveText('Not saved: storage failed.');
  expect(await b.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('redline:')).map(([, v]) => v).filter((v) => v.includes('Newer')))).toEqual([newer]);
});

test('Undo delete refused by a full storage says so and stays offered; with room it restores', async ({ page }) => {
  await storageThatFills(page);
  await openApp(page);
  await page.getByLabel('Title').fill('Keep');
  await saved(page);
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  await page.getByLabel('Title').fill('Doomed');
  await clause(page, 'army-cap').locator('.toggle').click();
  await saved(page);
  await (await draftsMenu(page)).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Keep');
  await page.evaluate(() => { window.__storageFull = true; });
  const undo = page.getByRole('button', { name: 'Undo delete' });
  await undo.click();
  await expect(page.getByRole('status').filter({ hasText: 'Could not restore' }))
    .toHaveText(/Could not restore “Doomed”: .*full.*\. Undo delete stays offered: try again once storage has room\./);
  await expect(undo).toBeVisible();
  await page.evaluate(() => { window.__storageFull = false; });
  await undo.click();
  await expect(page.getByLabel('Title')).toHaveValue('Doomed');
  expect(await draftIds(page)).toEqual(['army-cap']);
  expect(Object.values(await storedDrafts(page)).map((d) => d.plan.title).sort()).toEqual(['Doomed', 'Keep']);
});

test('closing the tab while storage refuses the draft\'s changes asks first; with them saved it does not', async ({ page }) => {
  await storageThatFills(page);
  await openApp(page);
  await page.getByLabel('Title').fill('Kept');
  await saved(page);
  const asked = [];
  page.on('dialog', (d) => { asked.push(d.type()); d.dismiss(); });
  await page.close({ runBeforeUnload: true }).catch(() => {});
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toEqual([]);

  const other = await page.context().newPage();
  await storageThatFills(other);
  await openApp(other);
  await other.evaluate(() => { window.__storageFull = true; });
  await clause(other, 'army-cap').locator('.toggle').click();
  await expect(other.locator('.save-status')).toHaveText(/Not saved: .*full/);
  const dialog = other.waitForEvent('dialog');
  await other.close({ runBeforeUnload: true });
  const d = await dialog;
  expect(d.type()).toBe('beforeunload');
  await d.dismiss();
  expect(other.isClosed()).toBe(false);
  await expect(other.getByLabel('Title')).toHaveValue('Kept');
  expect(await draftIds(other)).toEqual(['army-cap']);
});

test('Delete on a shared plan deletes nothing: the plan was never stored, and the draft it was opened over comes back', async ({ page, browser }) => {
  const link = await linkMadeElsewhere(browser, 'Sent');
  await openApp(page);
  await page.getByLabel('Title').fill('Mine');
  await clause(page, 'army-cap').locator('.toggle').click();
  await saved(page);
  const before = await storedDrafts(page);
  await page.evaluate((hash) => { location.hash = hash; }, link);
  const bar = page.getByRole('region', { name: /^Viewing a shared plan/ });
  await expect(bar).toBeVisible();
  await (await draftsMenu(page)).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'nothing was deleted' }))
    .toHaveText(/The shared plan was never stored, so nothing was deleted; its link still opens it\./);
  await expect(bar).toHaveCount(0);
  await expect(page.getByLabel('Title')).toHaveValue('Mine');
  await expect(page.getByRole('button', { name: 'Undo delete' })).toHaveCount(0);
  expect(await storedDrafts(page)).toEqual(before);
});

test('a draft deleted in another tab stays on screen here, which says so; a change here stores it again', async ({ context }) => {
  const [a, b] = await twoTabsOnOneDraft(context, 'Shared');
  await (await draftsMenu(a)).getByRole('button', { name: 'Delete' }).click();
  await expect(b.getByRole('status').filter({ hasText: 'deleted in another tab' }))
    .toHaveText(/This draft was deleted in another tab\. It stays here; a change stores it again\./);
  await expect(b.getByLabel('Title')).toHaveValue('Shared');
  await expect(b.locator('.save-status')).toHaveText('Not saved yet: it is stored once you change it.');
  await clause(b, 'army-cap').locator('.toggle').click();
  await saved(b);
  expect(Object.values(await storedDrafts(b)).map((d) => d.plan.title)).toEqual(['Shared']);
});
