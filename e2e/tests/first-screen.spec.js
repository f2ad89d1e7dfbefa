// The first screen (#20): the page arrives with the app's blank-draft screen,
// rendered at build time by the app's own components (scripts/post-build), so
// it is readable before the wasm arrives and with JavaScript off. The app
// then takes it over (public/start.js) without a layout shift, and nothing the
// reader did meanwhile is lost: clicks, typed text, scroll, focus. A stored
// draft and a `#plan=` link still open after the take-over.
import { readFileSync } from 'node:fs';
import { test, expect, appReady, clause, regions } from './fixtures.js';

// Every clause of the library, which the first screen lists whole: one id a
// line in the append-only table, as long as no clause is retired.
const CLAUSES = readFileSync(new URL('../../src/library/clause_ids.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#')).length;
const ALL = `${CLAUSES} of ${CLAUSES} clauses`;

/**
 * Holds the wasm back until the returned function is called: the window in
 * which a reader on a slow network meets the first screen.
 */
async function holdWasm(page) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  return release;
}

// Without a service worker: it would answer the wasm from its cache, out of
// the test's reach (and its own behaviour is offline.spec.js's subject).
test.use({ serviceWorkers: 'block' });

const isReady = (page) => page.evaluate(() => performance.getEntriesByName('redline-ready').length > 0);

/**
 * Opens the page with the wasm held back and layout shifts recorded: the
 * first screen's shape, and the function that lets the wasm through.
 */
async function firstScreenHeld(page) {
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(clause(page, 'crimea-de-jure-russian')).toBeVisible();
  return { before: await shape(page), release };
}

/** The layout shift recorded since the page opened, without recent input. */
const shifted = (page) => page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));

/** Every element under #app as "tag.class#id", in document order. */
const shape = (page) => page.evaluate(() => [...document.querySelectorAll('#app *')].map(
  (el) => `${el.localName}.${[...el.classList].sort().join('.')}#${el.id}`));

test('with JavaScript off, the first screen shows the library, the blank draft, the verdicts and the sources', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const { library, draft, verdicts } = regions(page);
  await expect(library.locator('li.clause')).toHaveCount(CLAUSES);
  await expect(library.getByText(ALL)).toBeVisible();
  await expect(library.getByRole('radio', { name: 'Crimea recognised as Russian de jure' })).toBeVisible();
  await expect(draft.getByRole('heading', { name: 'Your draft' })).toBeVisible();
  await expect(verdicts.locator('.summary')).toHaveText('This draft crosses no hard red line of the 17 parties.');
  await expect(verdicts.locator('li.card')).toHaveCount(19);
  await expect(page.getByRole('heading', { name: 'Sources', exact: true })).toBeVisible();
  // (Scripting switched off by the test harness still parses <noscript> as text.)
  expect(await page.locator('noscript').textContent()).toContain('without JavaScript and WebAssembly you can read');
  await context.close();
});

test('the app takes over the first screen in place: the same elements, no layout shift', async ({ page }) => {
  const { before, release } = await firstScreenHeld(page);
  expect(before.length).toBeGreaterThan(1000);
  release();
  await appReady(page);
  // Two frames after the swap, so any shift it caused has been reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await shape(page)).toEqual(before);
  expect(await shifted(page)).toBe(0);
  await expect(page.locator('#app-next')).toHaveCount(0);
  await expect(page.locator('#app')).toHaveCount(1);
});

/** Counts markup written into the library's topic lists (their innerHTML set). */
const countListMarkup = (page) => page.addInitScript(() => {
  window.listMarkup = 0;
  const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
  Object.defineProperty(Element.prototype, 'innerHTML', {
    ...innerHTML,
    set(html) {
      if (this.matches('ul.clauses') && html) window.listMarkup += 1;
      innerHTML.set.call(this, html);
    },
  });
});

test('the library\'s entries are taken over from the first screen, not written again, and work', async ({ page }) => {
  await countListMarkup(page);
  const release = await holdWasm(page);
  await page.goto('/');
  const { library } = regions(page);
  // Opened while loading: open in the live app too, with its text.
  await library.locator('li.clause').nth(2).locator('summary').click();
  release();
  await appReady(page);
  expect(await page.evaluate(() => window.listMarkup)).toBe(0);
  await expect(library.locator('ul[data-adopt]')).toHaveCount(0);
  await expect(library.locator('li.clause')).toHaveCount(CLAUSES);
  await expect(library.locator('li.clause').nth(2).locator('details')).toHaveAttribute('open', '');
  await expect(library.locator('li.clause').nth(2).locator('details p').first()).not.toBeEmpty();
  const toggle = clause(page, 'crimea-de-jure-russian').getByRole('radio', { name: 'Crimea recognised as Russian de jure' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await page.getByLabel('Search clauses, topics, actors, plans').fill('crimea');
  await expect(library.locator('.count')).not.toHaveText(ALL);
});

test('a page whose first screen lacks the library\'s lists still gets them, written by the app', async ({ page }) => {
  await countListMarkup(page);
  // The same page with the first screen's topic lists unrecognisable as such.
  await page.route((url) => url.pathname.endsWith('/') || url.pathname.endsWith('index.html'), async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replaceAll('class="clauses rove"', 'class="rove"') });
  });
  await page.goto('/');
  await appReady(page);
  // Each topic's list, once.
  expect(await page.evaluate(() => window.listMarkup)).toBe(await regions(page).library.locator('ul.clauses').count());
  const toggle = clause(page, 'crimea-de-jure-russian').getByRole('radio', { name: 'Crimea recognised as Russian de jure' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(regions(page).draft.getByText('Crimea recognised as Russian de jure')).toBeVisible();
});

test('beside a start.js of another build that neither keeps the lists nor takes the app, the app still puts itself in place, whole', async ({ page }) => {
  // What a host that caches start.js without revalidating it can serve after a
  // deploy. From the source, as the build minifies its copy (scripts/post-build).
  await page.route(/\/start\.js$/, async (route) => {
    const response = await route.fetch();
    let body = readFileSync(new URL('../../public/start.js', import.meta.url), 'utf8');
    for (const line of ["addEventListener('redline:mounted', takeOver, { once: true });",
      "document.documentElement.setAttribute('data-kept-lists', keptLists.size);"]) {
      expect(body).toContain(line);
      body = body.replace(line, '');
    }
    await route.fulfill({ response, body });
  });
  await page.goto('/');
  // start.js marks the page as starting when it runs (before the load event);
  // only the app, putting itself in place, unmarks it here.
  await page.waitForFunction(() => !document.documentElement.classList.contains('starting'));
  const { library } = regions(page);
  await expect(page.locator('#app')).toHaveCount(1);
  await expect(library.locator('li.clause')).toHaveCount(CLAUSES);
  await expect(library.locator('ul[data-adopt]')).toHaveCount(0);
  // The app, not the first screen: a click holds the clause and lists it in the draft.
  const toggle = clause(page, 'crimea-de-jure-russian').getByRole('radio', { name: 'Crimea recognised as Russian de jure' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(regions(page).draft.getByText('Crimea recognised as Russian de jure')).toBeVisible();
});

test('a click before the app is ready is kept, shown as waiting, and carried out when it is', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const button = clause(page, 'crimea-de-jure-russian').getByRole('radio', { name: 'Crimea recognised as Russian de jure' });
  await button.click();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  expect(await isReady(page)).toBe(false);
  release();
  await appReady(page);
  await expect(button).toHaveAttribute('aria-checked', 'true');
  await expect(button).not.toHaveAttribute('aria-busy');
  await expect(regions(page).draft.getByText('Crimea recognised as Russian de jure')).toBeVisible();
});

test('a search typed before the app is ready runs when it is, with the focus kept', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const { library } = regions(page);
  const search = page.getByLabel('Search clauses, topics, actors, plans');
  await search.fill('crimea');
  expect(await isReady(page)).toBe(false);
  release();
  await appReady(page);
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('crimea');
  await expect(library.locator('.count')).not.toHaveText(ALL);
  await search.fill('');
  await expect(library.locator('.count')).toHaveText(ALL);
});

test('"/" before the app is ready goes to the search, as it does after; what is typed there runs when the app is', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const { library } = regions(page);
  const search = page.getByLabel('Search clauses, topics, actors, plans');
  await expect(search).toBeVisible();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('crimea');
  await expect(search).toHaveValue('crimea');
  expect(await isReady(page)).toBe(false);
  release();
  await appReady(page);
  await expect(search).toBeFocused();
  await expect(library.locator('.count')).not.toHaveText(ALL);
  // The live app's own "/" alone now: it still goes to the search, and types nothing.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('crimea');
});

test('a panel scrolled, a disclosure opened and a title typed before the app is ready are all still there after', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const { library } = regions(page);
  await library.locator('li.clause').nth(1).locator('summary').click();
  await page.getByLabel('Title').fill('Typed while loading');
  // Last, as the clicks above scroll what they click into view.
  expect(await library.evaluate((panel) => { panel.scrollTop = 600; return panel.scrollTop; })).toBe(600);
  // What the reader sees at the top of the panel: the clause there stays,
  // even as the opened disclosure above it gets its text.
  const topClause = () => library.evaluate((panel) => {
    const top = panel.getBoundingClientRect().top;
    return [...panel.querySelectorAll('li.clause')].find((li) => li.getBoundingClientRect().bottom > top + 1)?.dataset.clause;
  });
  const seen = await topClause();
  expect(seen).toBeTruthy();
  expect(await isReady(page)).toBe(false);
  release();
  await appReady(page);
  expect(await topClause()).toBe(seen);
  await expect(library.locator('li.clause').nth(1).locator('details')).toHaveAttribute('open', '');
  await expect(page.getByLabel('Title')).toBeFocused();
  await expect(page.getByLabel('Title')).toHaveValue('Typed while loading');
  // The title reached the draft, not only the field: it names the unsaved draft.
  await expect(page.locator('#draft-picker option:checked')).toHaveText(/Typed while loading/);
});

test('a file picked before the app is ready is said to be opened again, and nothing else the reader did is lost', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const button = clause(page, 'army-cap').locator('.toggle');
  await button.click();
  await page.locator('details.drafts-menu summary').click();
  await page.locator('#import-file').setInputFiles({ name: 'mine.redline.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'redline-plan', version: 1, title: 'From a file', clauses: [] })) });
  await page.getByLabel('Title').fill('Typed while loading');
  expect(await isReady(page)).toBe(false);
  release();
  await appReady(page);
  await expect(page.getByRole('status').filter({ hasText: 'A file picked while Redline was starting was not opened: please open it again.' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Typed while loading');
  await expect(page.getByLabel('Title')).toBeFocused();
  await expect(button).toHaveAttribute('aria-checked', 'true');
});

for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`the library scrolled by wheel before the app is ready shows the same clauses after, ${size.width} px`, async ({ page }) => {
    await page.setViewportSize(size);
    const release = await holdWasm(page);
    await page.goto('/');
    const { library } = regions(page);
    // Step by step, as a reader scrolls: the topics passed are drawn on the way.
    const box = await library.boundingBox();
    for (let i = 0; i < 8; i++) {
      await page.mouse.move(box.x + box.width / 2, Math.min(box.y + 300, size.height - 10));
      await page.mouse.wheel(0, size.width > 600 ? 400 : 1000);
      await page.waitForTimeout(100);
    }
    const seen = () => page.evaluate(() => {
      const line = innerHeight / 2;
      const li = [...document.querySelectorAll('.library li.clause')].find((el) => {
        const r = el.getBoundingClientRect();
        return r.top <= line && r.bottom > line;
      });
      return li && [li.dataset.clause, Math.round(li.getBoundingClientRect().top)];
    });
    const before = await seen();
    expect(before).toBeTruthy();
    expect(await isReady(page)).toBe(false);
    release();
    await appReady(page);
    const after = await seen();
    expect(after[0]).toBe(before[0]);
    expect(Math.abs(after[1] - before[1])).toBeLessThan(2);
  });
}

test('a stored draft opens after the take-over, as without a first screen', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await clause(page, 'crimea-de-facto-russian').locator('.toggle').click();
  await page.getByLabel('Title').fill('Kept across the take-over');
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('redline:flush')));
  const release = await holdWasm(page);
  await page.reload();
  // The first screen is the blank draft's, whatever is stored.
  await expect(page.getByLabel('Title')).toHaveValue('');
  release();
  await appReady(page);
  await expect(page.getByLabel('Title')).toHaveValue('Kept across the take-over');
  await expect(clause(page, 'crimea-de-facto-russian').locator('.toggle')).toHaveAttribute('aria-checked', 'true');
});

test('a returning reader\'s first screen has no welcome, as the live app has none; a search typed on it runs, and a title typed over the draft that opened is not written into it, but said', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await clause(page, 'crimea-de-facto-russian').locator('.toggle').click();
  await page.getByLabel('Title').fill('Stored title');
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('redline:flush')));
  const release = await holdWasm(page);
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('');
  await expect(page.locator('#app .welcome')).toBeHidden();
  await page.getByLabel('Title').fill('Typed over');
  const search = page.getByLabel('Search clauses, topics, actors, plans');
  await search.fill('Zelensky');
  // In the page, not the window: the browser's scroll anchoring may keep
  // the focused search where it was by scrolling down by the note's height.
  const builderTop = () => page.locator('.builder').evaluate((b) => b.getBoundingClientRect().top + window.scrollY);
  const before = await builderTop();
  release();
  await appReady(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // No welcome on either: the builder stays where the reader saw it (below the note the take-over adds).
  await expect(page.locator('#app .welcome')).toHaveCount(0);
  const note = await page.locator('.start-missed').boundingBox();
  const after = await builderTop();
  expect(after - before).toBeGreaterThanOrEqual(note.height);
  expect(after - before).toBeLessThanOrEqual(note.height + 20);
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('Zelensky');
  await expect(regions(page).library.locator('.count')).not.toHaveText(ALL);
  await expect(page.getByLabel('Title')).toHaveValue('Stored title');
  await expect(page.locator('.start-missed')).toHaveText('Text typed while Redline was starting was not put into your draft, which opened meanwhile: “Typed over”.');
});

test('before start.js has run (the page still arriving), a click is kept for the app; a returning reader already has no welcome', async ({ page }) => {
  let release;
  const holdStart = async () => {
    const gate = new Promise((resolve) => { release = resolve; });
    await page.route(/\/start\.js$/, async (route) => { await gate; await route.continue(); });
  };
  await holdStart();
  await page.goto('/', { waitUntil: 'commit' });
  const button = clause(page, 'army-cap').locator('.toggle');
  await button.click();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  release();
  await appReady(page);
  await expect(button).toHaveAttribute('aria-checked', 'true');
  await expect(button).not.toHaveAttribute('aria-busy');
  await page.unroute(/\/start\.js$/);
  // The draft is stored: from now on the reader returns.
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('redline:flush')));
  await holdStart();
  await page.reload({ waitUntil: 'commit' });
  const other = clause(page, 'crimea-de-facto-russian').locator('.toggle');
  await expect(other).toBeVisible();
  await expect(page.locator('#app .welcome')).toBeHidden();
  const before = await page.locator('.builder').boundingBox();
  // A click on the blank first screen is not carried out on the stored draft that opens: said.
  await other.click();
  release();
  await appReady(page);
  await expect(page.locator('.start-missed')).toContainText('A click made while Redline was starting could not be carried out');
  await expect(other).toHaveAttribute('aria-checked', 'false');
  await expect(other).not.toHaveAttribute('aria-busy');
  await expect(button).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('#app .welcome')).toHaveCount(0);
  const note = await page.locator('.start-missed').boundingBox();
  const after = await page.locator('.builder').boundingBox();
  expect(after.y - before.y).toBeGreaterThanOrEqual(note.height);
  expect(after.y - before.y).toBeLessThanOrEqual(note.height + 20);
});

test('a share link opens on its plan after the take-over', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await clause(page, 'crimea-de-facto-russian').locator('.toggle').click();
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByLabel('Link to this draft').inputValue();
  const fresh = await page.context().browser().newContext();
  const reader = await fresh.newPage();
  const release = await holdWasm(reader);
  await reader.goto(link);
  await expect(reader.getByRole('heading', { name: 'Clause library' })).toBeVisible();
  release();
  await appReady(reader);
  await expect(reader.getByRole('region', { name: /Viewing a shared plan/ })).toBeVisible();
  await expect(clause(reader, 'crimea-de-facto-russian').locator('.toggle')).toHaveAttribute('aria-checked', 'true');
  await fresh.close();
});

// On a phone the draft and the verdicts are tabs behind the library: the app
// builds them after it has taken over, when the browser is idle or when one
// is first shown, whichever comes first (src/shell/app.rs, `Built`).
test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  /** Keeps the browser from ever saying it is idle: only a reader's action builds a hidden tab's panel. */
  const neverIdle = (page) => page.addInitScript(() => { window.requestIdleCallback = () => 1; });
  const built = (page) => page.evaluate(() => ({
    draft: document.querySelectorAll('#app .panel.draft').length,
    verdicts: document.querySelectorAll('#app .panel.verdicts').length,
  }));

  test('the take-over shifts nothing, and the hidden tabs are built once the browser is idle, the same as the first screen', async ({ page }) => {
    const { before, release } = await firstScreenHeld(page);
    release();
    await appReady(page);
    await expect.poll(() => built(page)).toEqual({ draft: 1, verdicts: 1 });
    expect(await shape(page)).toEqual(before);
    expect(await shifted(page)).toBe(0);
  });

  test('a tab opened before the browser is idle builds its panel at once', async ({ page }) => {
    await neverIdle(page);
    await page.goto('/');
    await appReady(page);
    expect(await built(page)).toEqual({ draft: 0, verdicts: 0 });
    const tabs = page.getByRole('navigation', { name: 'Sections' });
    await tabs.getByRole('button', { name: 'Draft' }).click();
    await expect(regions(page).draft.getByRole('heading', { name: 'Your draft' })).toBeVisible();
    await expect(page.locator('#start-preset option')).not.toHaveCount(0);
    // The phone's verdict bar opens the verdicts.
    await page.locator('.verdict-bar').click();
    await expect(regions(page).verdicts.locator('li.card').first()).toBeAttached();
    await expect(regions(page).verdicts.locator('.summary')).toHaveText('This draft crosses no hard red line of the 17 parties.');
    // Back in the library, a clause added shows in the draft, which was kept.
    await tabs.getByRole('button', { name: 'Library' }).click();
    await clause(page, 'crimea-de-jure-russian').getByRole('radio', { name: 'Crimea recognised as Russian de jure' }).click();
    await tabs.getByRole('button', { name: 'Draft' }).click();
    await expect(regions(page).draft.getByText('Crimea recognised as Russian de jure')).toBeVisible();
  });

  test('turned wide, or printed, the page builds every panel', async ({ page }) => {
    await neverIdle(page);
    await page.goto('/');
    await appReady(page);
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => built(page)).toEqual({ draft: 1, verdicts: 1 });
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));

    await page.reload();
    await appReady(page);
    expect(await built(page)).toEqual({ draft: 0, verdicts: 0 });
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(regions(page).draft.getByRole('heading', { name: 'Your draft' })).toBeVisible();
    await expect(regions(page).verdicts.locator('.summary')).toBeVisible();
  });

  test('where the browser cannot say when it is idle (no requestIdleCallback), the hidden tabs are built soon after the start', async ({ page }) => {
    await page.addInitScript(() => { delete Window.prototype.requestIdleCallback; });
    await page.goto('/');
    await appReady(page);
    await expect.poll(() => built(page)).toEqual({ draft: 1, verdicts: 1 });
  });
});
