// Redline's service worker: after the first visit the app starts offline, from
// exactly the files of the build it came with.
//
// This file is a template. After every trunk build (and every rebuild of
// `trunk serve`) scripts/post-build, a post_build hook in Trunk.toml, replaces
// the PRECACHE line below with the build's version and every file of dist/
// with its SHA-256. A change to any file therefore changes this script's bytes,
// which is what makes the browser install the new version (next to the old one).
//
// Every URL is relative to the registration's scope, so the app works from a
// sub-path (https://host/redline/) as well as from the root.
const PRECACHE = null; // scripts/post-build writes { version, files: [[path, integrity], ...] } here

const SCOPE = self.registration.scope; // ends with '/'
// Caches are per origin, so the name carries the scope: another app, or another
// copy of Redline, under the same origin keeps its caches.
const PREFIX = `redline ${SCOPE} `;
const CACHE = PREFIX + PRECACHE?.version;
// The page itself, cached under the scope URL rather than index.html: some hosts
// redirect index.html to the folder, and a redirected response cannot answer a
// navigation.
const SHELL = SCOPE;
// Trunk's hashed names: redline-0123456789abcdef.js and ..._bg.wasm (the style
// sheet is inline in the page, scripts/post-build).
// Trunk writes the hash as a 64-bit number in hex without leading zeros:
// one build in sixteen has 15 digits, so the count is not fixed.
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm)$/;

self.addEventListener('install', (event) => {
  // No skipWaiting() here: a new version waits until the page asks for it
  // (sw-register.js, "Reload" in the update banner), so an open page never
  // has its files swapped underneath it.
  event.waitUntil((async () => {
    if (!PRECACHE) throw new Error('sw.js is the unbuilt template; scripts/post-build fills it in');
    const cache = await caches.open(CACHE);
    try {
      // All or nothing (addAll). A file whose name carries its hash never
      // changes, so the copy the page just loaded is taken from the HTTP cache
      // ('force-cache': no second download, even from a host without
      // validators). The unhashed files (the page, the manifest, icons,
      // sw-register.js) are revalidated ('no-cache'). Either way the integrity
      // check fails the install, and keeps the old version, if the bytes are not
      // this build's (a deploy caught half-way, a stale cache entry).
      await cache.addAll(PRECACHE.files.map(([path, integrity]) =>
        new Request(new URL(path, SCOPE), { cache: HASHED.test(path) ? 'force-cache' : 'no-cache', integrity })));
    } catch (error) {
      await caches.delete(CACHE); // no empty cache left behind; the next visit tries again
      throw error;
    }
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  // Only now, with this version in charge, are the old versions' files unused.
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
    await Promise.all(old.map((name) => caches.delete(name)));
    // Take the page of a first visit too, so it works offline without a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Only this app's own files; anything else goes to the network as if there
  // were no service worker.
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const navigate = request.mode === 'navigate';
    // Cache first: the files of a build never change. A navigation to any page
    // of the scope (a query string, index.html) gets the app.
    const hit = (await cache.match(request, { ignoreSearch: navigate })) ?? (navigate ? await cache.match(SHELL) : undefined);
    return hit ?? fetch(request);
  })());
});
