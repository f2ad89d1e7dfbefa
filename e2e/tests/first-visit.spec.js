// A first visit (#20): each file of the build arrives once, and the page is
// never left blank: if the app cannot start, it says so, with a Retry.
import { test, expect } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveBuild, controlled, mounted, cleanUp, DIST } from './builds.js';
import { clause, openCard } from './fixtures.js';

test.afterEach(cleanUp);

/** The worker's own rule for hashed names, read from the build's sw.js. */
async function hashedRule() {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const [, source] = sw.match(/const HASHED = \/(.*)\/;/);
  return new RegExp(source);
}

/** The build's files, as sw.js lists them. */
async function buildFiles() {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  // A JavaScript literal: drop the trailing comma JSON does not allow.
  const literal = sw.match(/const PRECACHE = (\{[\s\S]*?\]\});/)[1].replace(/,\s*\]/g, ']');
  return JSON.parse(literal).files.map(([path]) => path);
}

/** The server's path of a build file ('./' is the page). */
const served = (file) => (file === './' ? '/' : '/' + file);

/** A first visit until the service worker has installed every file and controls the page. */
async function firstVisit(page, server) {
  await page.goto(server.url);
  await mounted(page);
  await controlled(page);
  await expect.poll(() => page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('redline '));
    return names.length ? (await (await caches.open(names[0])).keys()).length : 0;
  })).toBe((await buildFiles()).length);
}

test('with a host that sends validators, a first visit downloads every file of the build exactly once', async ({ page }) => {
  const server = await serveBuild(DIST, '/', { validators: true });
  await firstVisit(page, server);
  const files = await buildFiles();
  const counts = Object.fromEntries(files.map((f) => [f, server.sent.get(served(f))?.full ?? 0]));
  // The page may leave a file to the worker (sw.js's own list), never fetch one twice.
  for (const [file, n] of Object.entries(counts)) expect(n, file).toBeLessThanOrEqual(1);
  const total = [...server.sent.values()].reduce((sum, s) => sum + s.bytes, 0);
  const once = (await Promise.all(files.map(async (f) => (await readFile(join(DIST, f === './' ? 'index.html' : f))).length))).reduce((a, b) => a + b, 0);
  console.log(`first visit with validators: ${total.toLocaleString('en')} bytes of bodies for a build of ${once.toLocaleString('en')} bytes (sw.js ${server.sent.get('/sw.js')?.bytes ?? 0})`);
  expect(total).toBeLessThanOrEqual(once + (server.sent.get('/sw.js')?.bytes ?? 0) + (server.sent.get('/')?.bytes ?? 0));
});

test('with a host that sends no validators, the hashed files still arrive only once', async ({ page }) => {
  const server = await serveBuild(DIST);
  await firstVisit(page, server);
  const HASHED = await hashedRule();
  // Trunk's hash is a number in hex without leading zeros: 15 digits in one build of 16.
  for (const name of ['redline-69a6dd0301989c2.js', 'redline-0123456789abcdef_bg.wasm']) {
    expect(HASHED.test(name), name).toBe(true);
  }
  for (const name of ['sw-register.js', 'start.js', 'icon-192.png', 'manifest.webmanifest']) expect(HASHED.test(name), name).toBe(false);
  const hashed = (await buildFiles()).filter((f) => HASHED.test(f));
  // The JS glue and the main wasm (the style sheet is inline in the page), and
  // the on-demand parts' loader and wasm files (scripts/split-link).
  expect(hashed.filter((f) => f.startsWith('redline-')).length).toBe(2);
  expect(hashed.filter((f) => /^split-[0-9a-f]+\.js$/.test(f)).length).toBe(1);
  expect(hashed.filter((f) => /^split_(grid|comparison|agreement|card_reasons|share_panel)-[0-9a-f]+\.wasm$/.test(f)).length).toBe(5);
  for (const file of hashed) expect(server.sent.get(served(file))?.full, file).toBe(1);
});

test.describe('the app cannot start: the page says so, with a Retry that works', () => {
  const cases = [
    ['the wasm does not arrive (404)', (route) => route.fulfill({ status: 404, body: 'gone' }), /did not load or failed to start/],
    ['the wasm is damaged', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm at all') }), /did not load or failed to start/],
  ];
  for (const [what, answer, message] of cases) {
    test(what, async ({ page }) => {
      const server = await serveBuild();
      await page.route(/_bg\.wasm$/, answer);
      await page.goto(server.url);
      const alert = page.getByRole('alert').filter({ hasText: 'Redline could not start' });
      await expect(alert).toContainText(message);
      await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
      await page.unroute(/_bg\.wasm$/);
      await alert.getByRole('button', { name: 'Retry' }).click();
      await mounted(page);
      await expect(alert).toHaveCount(0);
    });
  }

  test('the wasm fails after the reader clicked and scrolled: the alert comes into view, focused, and no button is left waiting', async ({ page }) => {
    const server = await serveBuild();
    let fail;
    const gate = new Promise((resolve) => { fail = resolve; });
    await page.route(/_bg\.wasm$/, async (route) => { await gate; await route.fulfill({ status: 404, body: 'gone' }); });
    await page.goto(server.url);
    const button = clause(page, 'army-cap').locator('.toggle');
    await button.click();
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    fail();
    const alert = page.getByRole('alert').filter({ hasText: 'Redline could not start' });
    await expect(alert).toBeFocused();
    await expect(alert).toBeInViewport();
    await expect(button).not.toHaveAttribute('aria-busy');
  });

  test('the browser has no WebAssembly', async ({ page }) => {
    const server = await serveBuild();
    await page.addInitScript(() => { delete window.WebAssembly; });
    await page.goto(server.url);
    const alert = page.getByRole('alert').filter({ hasText: 'Redline could not start' });
    await expect(alert).toContainText('does not run WebAssembly');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
});

test.describe('a part of the page loaded on demand', () => {
  // The page's own requests, not the worker's: the route below must see them.
  test.use({ serviceWorkers: 'block' });

  test('whose code does not arrive says so, with a Try again that works, and the rest of the page keeps working', async ({ page }) => {
    const server = await serveBuild();
    const grid = /\/split_grid-[0-9a-f]+\.wasm$/;
    // A slow line, then nothing: the part says it is coming, then that it did not come.
    await page.route(grid, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.fulfill({ status: 404, body: 'gone' });
    });
    await page.goto(server.url);
    await mounted(page);
    await page.locator('#grid').getByRole('button', { name: /actor × topic grid/ }).click();
    const status = page.locator('#grid-picture').getByRole('status');
    await expect(status).toHaveText('Loading…');
    const alert = page.locator('#grid-picture').getByRole('alert');
    await expect(alert).toContainText('could not be loaded');
    await expect(status).toHaveText('');
    await expect(page.locator('#grid-picture table')).toHaveCount(0);
    // Everything else works meanwhile, another on-demand part too.
    await page.locator('#compare').getByRole('button', { name: 'Compare the draft with a plan' }).click();
    await expect(page.locator('#compare-picture select')).toBeVisible();
    await clause(page, 'army-cap').locator('.toggle').click();
    await expect(clause(page, 'army-cap').locator('.toggle')).toHaveAttribute('aria-checked', 'true');
    await page.unroute(grid);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('#grid-picture table')).toBeVisible();
    await expect(alert).toHaveCount(0);
  });

  test('a card whose reasons do not arrive keeps its verdict and says so in its body', async ({ page }) => {
    const server = await serveBuild();
    const reasons = /\/split_card_reasons-[0-9a-f]+\.wasm$/;
    await page.route(reasons, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(server.url);
    await mounted(page);
    await clause(page, 'nato-path-open').locator('.toggle').click();
    const russia = await openCard(page, 'russia');
    await expect(russia.locator('.verdict')).toContainText(/red line|firm demand/);
    const alert = russia.locator('.card-body').getByRole('alert');
    await expect(alert).toContainText('could not be loaded');
    // The share panel, another part, still comes.
    await page.getByRole('button', { name: 'Share link' }).click();
    await expect(page.locator('.qr svg path')).toHaveAttribute('d', /^M\d/);
    await page.unroute(reasons);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(russia.locator('.card-body ul.positions:not(.open):not(.met) > li.position').first()).toContainText('NATO');
    await expect(alert).toHaveCount(0);
  });
});

test('the build carries none of the stream classes that Leptos\'s server functions export and Redline never calls', async () => {
  const files = await readdir(DIST);
  const glue = files.find((f) => /^redline-[0-9a-f]{1,16}\.js$/.test(f));
  const wasm = files.find((f) => /^redline-[0-9a-f]{1,16}_bg\.wasm$/.test(f));
  expect((await readFile(join(DIST, glue), 'utf8')).match(/IntoUnderlying\w*/gi) ?? []).toEqual([]);
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(await readFile(join(DIST, wasm)))).map((e) => e.name);
  expect(exported).toContain('__wbindgen_start');
  expect(exported.filter((name) => /intounderlying/i.test(name))).toEqual([]);
});
