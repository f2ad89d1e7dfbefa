// Locked down: the Content-Security-Policy in index.html allows only this
// origin's files and WebAssembly; nothing inline but the page's own sheet and
// early script (each by its hash), nothing from a third party.
// A session that uses every part of the app must not trip it, and the page
// must only ever ask its own origin for anything.
import { test as plain } from '@playwright/test';
import { test, expect, openApp, regions, clause, startFrom, draftsMenu, openCard } from './fixtures.js';

const US28 = 'US 28-point plan (partly described)';
// Markup typed as a title and notes must stay text: if it ever became markup,
// the handler would be refused by the policy (a violation) and the image
// would be a request for /x (a 404): both fail the test.
const MARKUP = '<img src=x onerror="window.xss=1"><script>window.xss=2</script>';

/** Records every CSP violation of the page, from before its first script runs. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.violations.push(`${e.effectiveDirective}: ${e.blockedURI || e.sample} (${e.sourceFile}:${e.lineNumber})`);
    }, true);
  });
  return () => page.evaluate(() => window.violations);
}

test('a whole session of use trips no CSP violation and asks no other origin for anything', async ({ page, context }) => {
  test.setTimeout(90_000);
  const violations = await watchViolations(page);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await openApp(page);
  const origin = new URL(page.url()).origin;
  const { library, draft, verdicts } = regions(page);

  // Library: search, filter, details, add clauses, parameters.
  const search = page.getByLabel('Search clauses, topics, actors, plans');
  await search.fill('crimea');
  await expect(clause(page, 'army-cap')).toBeHidden();
  await search.fill('');
  await page.getByLabel('Show').selectOption({ label: US28 });
  await expect(clause(page, 'crimea-restored-to-ukraine')).toBeHidden();
  await page.getByLabel('Show').selectOption({ index: 0 });
  await library.locator('li.clause').first().getByText('Text and sources').click();
  await clause(page, 'crimea-de-facto-russian').locator('.toggle').click();
  await clause(page, 'army-cap').locator('.toggle').click();
  const row = draft.locator('#draft-army-cap');
  await row.getByRole('button', { name: /600,000 personnel/ }).click();
  await row.getByRole('textbox').fill('700000');
  await row.getByRole('textbox').press('Enter');

  // Draft: title and notes (markup stays text), presets, clear, undo, redo.
  await page.getByLabel('Title').fill(MARKUP);
  await page.getByLabel('Notes').fill(MARKUP);
  await startFrom(page, US28);
  await draft.getByRole('button', { name: 'Clear', exact: true }).click();
  await draft.getByRole('button', { name: 'Undo', exact: true }).click();
  await draft.getByRole('button', { name: 'Redo', exact: true }).focus();
  await page.keyboard.press('Control+z');
  // The preset opened as a new draft; the draft with markup is kept and reopens.
  await draftsMenu(page);
  await draft.getByLabel('Open a draft').selectOption({ label: MARKUP });
  await expect(page.getByLabel('Title')).toHaveValue(MARKUP);

  // Verdicts: cards, a clause link, a missing demand, the as-of date.
  const ukraine = page.locator('li.card[data-actor="ukraine"]');
  await openCard(page, 'ukraine');
  const russia = page.locator('li.card[data-actor="russia"]');
  await openCard(page, 'russia');
  const add = russia.locator('.clause-link.add').first();
  await add.click();
  await page.getByLabel('Positions as stated by').press('Home');
  await verdicts.getByRole('button', { name: 'Latest' }).click();

  // Pictures: the grid and the comparison.
  await page.getByRole('button', { name: /actor × topic grid/ }).click();
  await expect(page.getByRole('region', { name: 'Who objects to what' })).toBeVisible();
  await page.getByRole('button', { name: 'Compare the draft with a plan' }).click();
  const cmp = page.getByRole('region', { name: 'Compare with a plan' });
  await cmp.getByLabel('Compare the draft with').selectOption({ index: 3 });
  await expect(cmp.locator('caption')).toContainText('European counter-proposal');

  // Saved drafts: export, import, new, duplicate, delete and undo.
  const download = page.waitForEvent('download');
  await draftsMenu(page);
  await draft.getByRole('button', { name: 'Export file' }).click();
  const exported = await (await download).createReadStream();
  const chunks = [];
  for await (const chunk of exported) chunks.push(chunk);
  const file = Buffer.concat(chunks);
  expect(JSON.parse(file.toString()).title).toBe(MARKUP);
  await draft.getByLabel('Import file').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: file });
  await expect(draft.getByText(/^The file plan.json opened as a new draft./)).toBeVisible();
  await draftsMenu(page);
  await draft.getByRole('button', { name: 'Duplicate' }).click();
  await draft.getByRole('button', { name: 'New draft' }).click();
  await draft.getByLabel('Open a draft').selectOption({ index: 1 });
  await expect.poll(() => page.getByLabel('Title').inputValue()).toContain(MARKUP);
  await draft.getByRole('button', { name: 'Delete' }).click();
  // The title, with its markup, shown as text in the banner.
  await expect(draft.getByRole('status').filter({ hasText: 'Deleted' })).toContainText(MARKUP);
  await draft.getByRole('button', { name: 'Undo delete' }).click();

  // Phone layout, dark scheme, printing.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const tab of ['Draft', 'Verdicts', 'Library']) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: tab, exact: true }).click();
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(ukraine.locator('.card-body')).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' });

  // Markup stayed text everywhere.
  expect(await page.evaluate(() => window.xss)).toBeUndefined();
  await expect(page.locator('body img, body script:not([src])')).toHaveCount(0);

  expect(await violations()).toEqual([]);
  const elsewhere = requests.filter((url) => !url.startsWith(origin + '/') && !url.startsWith('data:'));
  expect(elsewhere, 'requests to another origin').toEqual([]);
});

// The control: the policy is in force, so the session above could fail. The
// plain test, not the fixture: the refusals are console errors on purpose.
plain('the policy is in force: inline script, inline style (but the page\'s own sheet) and other origins are refused', async ({ page }) => {
  const violations = await watchViolations(page);
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toMatch(/^default-src 'none';/);
  expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|data:/);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inline = 1';
    document.body.append(script);
    const styled = document.createElement('p');
    styled.setAttribute('style', 'color: red');
    document.body.append(styled);
    // The page's own sheet is inline, allowed by its hash; no other is.
    const sheet = document.createElement('style');
    sheet.textContent = 'body { display: none }';
    document.head.append(sheet);
    const img = document.createElement('img');
    img.src = 'https://example.com/tracker.png';
    document.body.append(img);
  });
  await expect.poll(async () => (await violations()).map((v) => v.split(':')[0]).sort())
    .toEqual(['img-src', 'script-src-elem', 'style-src-attr', 'style-src-elem']);
  expect(await page.evaluate(() => window.inline)).toBeUndefined();
  await expect(page.locator('body')).toBeVisible();
  // The page's own sheet applies: its visually-hidden text is taken out of the flow.
  expect(await page.locator('.visually-hidden').first().evaluate((e) => getComputedStyle(e).position)).toBe('absolute');
});
