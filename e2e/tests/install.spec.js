// Installable: Chromium's own installability check (the one behind its
// "Install app" button) finds nothing missing, at the root and under a
// sub-path, and the icons are real PNGs of the sizes the manifest declares.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures.js';
import { serveBuild, secondBuild, controlled, mounted, cleanUp, DIST } from './builds.js';

test.afterEach(cleanUp);

/** Chromium's installability errors for a page, in a real profile (incognito is never installable). */
async function installabilityErrors(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await mounted(page);
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  await page.close();
  return installabilityErrors.map((e) => e.errorId);
}

test('Chromium finds the app installable, at the root and under a sub-path', async ({ playwright }, testInfo) => {
  const profile = await mkdtemp(join(tmpdir(), 'redline-profile-'));
  const context = await playwright.chromium.launchPersistentContext(profile, testInfo.project.use.launchOptions);
  try {
    const root = await serveBuild();
    const sub = await serveBuild(DIST, '/redline/');
    expect(await installabilityErrors(context, root.url)).toEqual([]);
    expect(await installabilityErrors(context, sub.url)).toEqual([]);
    // The control: without icons the same check objects, so it is not vacuous.
    // (Chromium itself would settle for the SVG; the PNGs are for platforms that
    // want bitmaps, such as Android's home screen and iOS.)
    const bare = await secondBuild('no-icons');
    const manifestPath = join(bare.dir, 'manifest.webmanifest');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    manifest.icons = [];
    await writeFile(manifestPath, JSON.stringify(manifest));
    const bareServer = await serveBuild(bare.dir);
    // sw.js lists the old manifest's hash, so this build's service worker does not
    // install; the check is about the manifest.
    const page = await context.newPage();
    await page.goto(bareServer.url);
    await mounted(page);
    const cdp = await context.newCDPSession(page);
    await expect.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId))
      .toContain('manifest-missing-suitable-icon');
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('the icons are PNGs of the sizes the manifest declares, and the maskable one has no transparent edge', async ({ page }) => {
  const server = await serveBuild();
  await page.goto(server.url);
  await mounted(page);
  const manifest = await (await page.request.get(server.url + 'manifest.webmanifest')).json();
  const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
  expect(pngs.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of pngs) {
    const response = await page.request.get(server.url + icon.src);
    expect(response.headers()['content-type']).toBe('image/png');
    const png = await response.body();
    expect(png.subarray(0, 8).toString('hex'), icon.src).toBe('89504e470d0a1a0a');
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    expect(png.length, `${icon.src} stays small`).toBeLessThan(4096);
    // What the browser decodes: every corner of a maskable icon is opaque (the
    // platform crops it), an "any" icon keeps its rounded corners transparent.
    const corners = await page.evaluate(async (src) => {
      const bitmap = await createImageBitmap(await (await fetch(src)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d');
      g.drawImage(bitmap, 0, 0);
      const w = bitmap.width - 1;
      return [[0, 0], [w, 0], [0, w], [w, w]].map(([x, y]) => g.getImageData(x, y, 1, 1).data[3]);
    }, icon.src);
    expect(corners, icon.src).toEqual(icon.purpose === 'maskable' ? [255, 255, 255, 255] : [0, 0, 0, 0]);
  }
});
