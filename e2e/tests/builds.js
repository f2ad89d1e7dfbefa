// Helpers for the offline tests: a server of the test's own (stopped to cut
// the network, or switched to another build), and a second build made from dist/.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { serveDist } from '../serve-dist.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(repo, 'dist');

// What the running test made, for cleanUp.
const servers = [];
const dirs = [];

/** Serves a build on a free port: { url, setDir(dir), close(), sent }. */
export async function serveBuild(dir = DIST, base = '/', { validators = false } = {}) {
  const server = await serveDist(dir, { base, validators });
  servers.push(server);
  return server;
}

/** Stops the test's servers and removes its builds (test.afterEach). */
export async function cleanUp() {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/**
 * A second build, as a deploy of a new version would be: a copy of dist/ whose
 * index.html carries <meta name="redline-build" content=MARKER>, and whose
 * sw.js is filled in again from the template by scripts/post-build, exactly as
 * after `trunk build`. Resolves to { dir, version }.
 */
export async function secondBuild(marker) {
  const dir = await mkdtemp(join(tmpdir(), 'redline-build-'));
  dirs.push(dir);
  await cp(DIST, dir, { recursive: true });
  const index = join(dir, 'index.html');
  const html = await readFile(index, 'utf8');
  // Before the title: release builds are minified, and their head has no `<head>` tag.
  await writeFile(index, html.replace('<title>', `<meta name="redline-build" content="${marker}"><title>`));
  await cp(join(repo, 'public/sw.js'), join(dir, 'sw.js'));
  execFileSync('python3', [join(repo, 'scripts/post-build'), dir], { stdio: 'pipe' });
  return { dir, version: await versionOf(dir) };
}

/** The precache version written into a build's sw.js. */
export async function versionOf(dir) {
  return (await readFile(join(dir, 'sw.js'), 'utf8')).match(/"version": "([0-9a-f]+)"/)[1];
}

/** Waits until a service worker controls the page: by then it has precached the build. */
export async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The names of Redline's caches for this origin. */
export function cacheNames(page) {
  return page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('redline ')));
}

/** Waits until the app has mounted (after a reload too). */
export async function mounted(page) {
  await page.waitForFunction(() => performance.getEntriesByName('redline-ready').length > 0);
  await expect(page.getByRole('heading', { level: 2, name: 'Clause library' })).toBeVisible();
}
