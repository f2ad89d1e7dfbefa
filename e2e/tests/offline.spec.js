// Offline after the first visit (public/sw.js, public/sw-register.js): the
// service worker precaches the build, starts the app with no network, at the
// root and under a sub-path, and lets a new version wait until the reader
// reloads. Each test runs its own server (builds.js), so that it can stop it
// or switch it to another build on the same origin.
import { test, expect, clause, draftsMenu, openCard } from './fixtures.js';
import { cp } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { serveBuild, secondBuild, versionOf, controlled, cacheNames, mounted, cleanUp, DIST } from './builds.js';

test.afterEach(cleanUp);

/** No network at all: the server is gone, and the browser is offline (for the service worker too). */
async function cutNetwork(page, server) {
  await server.close();
  await page.context().setOffline(true);
}

// Chromium looks for a new sw.js a few seconds (about 3) after a navigation,
// not at once; register() alone does not look when the script URL is unchanged.
const UPDATE_CHECK = 15_000;

const toggle = (page, id) => clause(page, id).locator('.toggle');

test('after the first visit the app starts offline, with the draft it had', async ({ page }) => {
  const server = await serveBuild();
  await page.goto(server.url);
  await mounted(page);
  await controlled(page);
  expect(await cacheNames(page)).toEqual([`redline ${server.url} ${await versionOf(DIST)}`]);
  await toggle(page, 'army-cap').click();
  await page.getByLabel('Title').fill('Offline draft');

  await cutNetwork(page, server);
  const response = await page.reload();
  expect(response.fromServiceWorker()).toBe(true);
  await mounted(page);
  // The draft was saved when the page went away (pagehide) and is reopened.
  await expect(toggle(page, 'army-cap')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByLabel('Title')).toHaveValue('Offline draft');
  // A share link opens offline too (the fragment never reaches a server).
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByLabel('Link to this draft').inputValue();
  await (await draftsMenu(page)).getByRole('button', { name: 'New draft' }).click();
  await expect(toggle(page, 'army-cap')).toHaveAttribute('aria-checked', 'false');
  await page.goto('about:blank');
  await page.goto(link);
  await mounted(page);
  await expect(page.getByRole('region', { name: 'Viewing a shared plan: Offline draft' })).toBeVisible();
  await expect(toggle(page, 'army-cap')).toHaveAttribute('aria-checked', 'true');

  // Any address of the app opens it offline: index.html, a query string, a fragment.
  for (const path of ['index.html', '?utm_source=bookmark', '#x']) {
    const r = await page.goto(server.url + path);
    expect(r === null || r.fromServiceWorker(), path).toBe(true); // a fragment-only change loads nothing
    await mounted(page);
  }
});

test('the parts loaded on demand (grid, comparison, agreement, a card\'s reasons, the share panel) open offline too', async ({ page }) => {
  const server = await serveBuild();
  await page.goto(server.url);
  await mounted(page);
  await controlled(page);
  await cutNetwork(page, server);
  await page.reload();
  await mounted(page);
  await page.locator('#grid').getByRole('button', { name: /actor × topic grid/ }).click();
  await expect(page.locator('#grid-picture table td').first()).toBeVisible();
  await page.locator('#compare').getByRole('button', { name: 'Compare the draft with a plan' }).click();
  await expect(page.locator('#compare-picture select')).toBeVisible();
  await page.locator('#agree').getByRole('button', { name: /Find agreement: the settlement/ }).click();
  await expect(page.locator('#agreement-body')).toContainText('How strict');
  const russia = await openCard(page, 'russia');
  await expect(russia.locator('.card-body .position .reading').first()).toBeVisible();
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.locator('.qr svg path')).toHaveAttribute('d', /^M\d/);
});

test('under a sub-path the app registers there and starts offline there', async ({ page }) => {
  const server = await serveBuild(DIST, '/redline/');
  // Every request must stay under /redline/: the server answers 404 elsewhere,
  // and the fixture fails the test on any 404.
  await page.goto(server.url);
  await mounted(page);
  await controlled(page);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(server.url);
  expect(await cacheNames(page)).toEqual([`redline ${server.url} ${await versionOf(DIST)}`]);
  await toggle(page, 'crimea-de-facto-russian').click();

  await cutNetwork(page, server);
  const response = await page.reload();
  expect(response.fromServiceWorker()).toBe(true);
  await mounted(page);
  await expect(toggle(page, 'crimea-de-facto-russian')).toHaveAttribute('aria-checked', 'true');
});

test('a new version waits for the reader, who reloads into it by keyboard with the draft kept', async ({ page }) => {
  // Counts redline:flush events across reloads: the contract with the app (sw-register.js).
  // It also notes the stored titles right after every listener has run (a
  // microtask), before the reload unloads the page: the app's listener must
  // have saved by then, without waiting for its debounce or for pagehide.
  await page.addInitScript(() => window.addEventListener('redline:flush', () => {
    sessionStorage.setItem('flushes', String(Number(sessionStorage.getItem('flushes') ?? 0) + 1));
    queueMicrotask(() => sessionStorage.setItem('titlesAtFlush', JSON.stringify(Object.keys(localStorage)
      .filter((k) => k.startsWith('redline:draft:'))
      .map((k) => JSON.parse(localStorage.getItem(k)).plan.title))));
  }));
  const second = await secondBuild('second');
  const server = await serveBuild();
  await page.goto(server.url);
  await mounted(page);
  await controlled(page);
  await toggle(page, 'army-cap').click();

  // Deploy the new version; the next visit (a reload) finds it.
  server.setDir(second.dir);
  await page.reload();
  await mounted(page);
  const banner = page.getByRole('status').filter({ hasText: 'New version available.' });
  await expect(banner).toBeVisible({ timeout: UPDATE_CHECK });
  // The banner passes axe (contrast, names, roles) in both colour schemes.
  for (const colorScheme of ['dark', 'light']) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include('.update-banner').analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`), colorScheme).toEqual([]);
  }
  // Still the old version, from the old cache.
  await expect(page.locator('meta[name="redline-build"]')).toHaveCount(0);
  await expect(toggle(page, 'army-cap')).toHaveAttribute('aria-checked', 'true');

  // A change right before reloading is not lost.
  await toggle(page, 'crimea-de-facto-russian').click();
  // Meanwhile the new version has waited (not taken over by itself), and the
  // old cache is still there.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting?.state)).toBe('installed');
  expect((await cacheNames(page)).sort()).toEqual(
    [`redline ${server.url} ${await versionOf(DIST)}`, `redline ${server.url} ${second.version}`].sort());
  // The Reload button is the first Tab stop of the page, just before the app's
  // skip link, and Enter presses it. The title changes just before, well
  // inside the app's 600 ms save delay.
  await page.getByLabel('Title').fill('Typed just before reloading');
  await page.locator('a.skip').first().focus();
  await page.keyboard.press('Shift+Tab');
  await expect(banner.getByRole('button', { name: 'Reload' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.locator('meta[name="redline-build"]')).toHaveAttribute('content', 'second');
  await mounted(page);
  await expect(banner).toHaveCount(0);
  await expect(toggle(page, 'army-cap')).toHaveAttribute('aria-checked', 'true');
  await expect(toggle(page, 'crimea-de-facto-russian')).toHaveAttribute('aria-checked', 'true');
  expect(await page.evaluate(() => sessionStorage.getItem('flushes'))).toBe('1');
  expect(JSON.parse(await page.evaluate(() => sessionStorage.getItem('titlesAtFlush')))).toEqual(['Typed just before reloading']);
  await expect(page.getByLabel('Title')).toHaveValue('Typed just before reloading');
  // The new version is in charge, and only now is the old cache gone.
  expect(await cacheNames(page)).toEqual([`redline ${server.url} ${second.version}`]);

  // And the new version works offline.
  await cutNetwork(page, server);
  await page.reload();
  await expect(page.locator('meta[name="redline-build"]')).toHaveAttribute('content', 'second');
  await mounted(page);
});

test('another open tab is told about the new version and keeps its own until it reloads', async ({ page, context }) => {
  const second = await secondBuild('second');
  const server = await serveBuild();
  await page.goto(server.url);
  await mounted(page);
  await controlled(page);
  const other = await context.newPage();
  await other.goto(server.url);
  await mounted(other);
  await controlled(other);

  server.setDir(second.dir);
  await page.reload();
  const reload = (p) => p.getByRole('status').getByRole('button', { name: 'Reload' });
  await expect(reload(page)).toBeVisible({ timeout: UPDATE_CHECK });
  await expect(reload(other)).toBeVisible(); // the registration told every tab

  await reload(page).click();
  await expect(page.locator('meta[name="redline-build"]')).toHaveAttribute('content', 'second');
  // The other tab now has the new service worker but still runs the old page,
  // untouched, and still offers the reload.
  await expect(other.locator('meta[name="redline-build"]')).toHaveCount(0);
  await expect(reload(other)).toBeVisible();
  await reload(other).click();
  await expect(other.locator('meta[name="redline-build"]')).toHaveAttribute('content', 'second');
  await mounted(other);
  await other.close();
});

test('a deploy caught half-way (a file that does not match sw.js) installs nothing', async ({ page }) => {
  const second = await secondBuild('second');
  // The new sw.js, but the old index.html: its hash is not the one sw.js lists.
  await cp(`${DIST}/index.html`, `${second.dir}/index.html`);
  const server = await serveBuild();
  await page.goto(server.url);
  await mounted(page);
  await controlled(page);

  server.setDir(second.dir);
  const outcome = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    await registration.update();
    const worker = registration.installing;
    if (!worker) return 'no new version found';
    return new Promise((done) => worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' || worker.state === 'redundant') done(worker.state);
    }));
  });
  expect(outcome).toBe('redundant');
  await expect(page.getByRole('status').filter({ hasText: 'New version available.' })).toHaveCount(0);
  expect(await cacheNames(page)).toEqual([`redline ${server.url} ${await versionOf(DIST)}`]);
});
