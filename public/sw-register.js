// Registers the service worker (sw.js: the app offline after the first visit)
// and, when a new version of Redline is waiting, says so instead of swapping
// files under the open page: "New version available." with a Reload button.
//
// Plain JS rather than Rust: every visitor downloads it, and this way it costs
// under a kilobyte instead of kilobytes of wasm.
//
// Contract with the app: it registers the worker once start.js has
// dispatched `redline:ready`; right before reloading into the new version it
// dispatches `redline:flush` on window, and the app saves the open draft
// synchronously in its listener. (The app also saves on pagehide; the
// event makes the save explicit and not dependent on unload timing.)
if ('serviceWorker' in navigator) {
  // The live region exists, empty, from the start: screen readers announce
  // text added to a live region, not a region that appears with its text.
  // First in the body, so the Reload button is the first Tab stop once shown.
  const banner = document.createElement('div');
  banner.className = 'update-banner';
  banner.setAttribute('role', 'status');
  document.body.prepend(banner);

  let registration;
  let reloading = false; // true once this page asked the waiting version to take over
  let controlled = Boolean(navigator.serviceWorker.controller);

  const reload = () => {
    window.dispatchEvent(new CustomEvent('redline:flush'));
    location.reload();
  };

  const offer = () => {
    if (banner.firstChild) return;
    const text = document.createElement('p');
    text.textContent = 'New version available.';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.addEventListener('click', () => {
      const waiting = registration?.waiting;
      if (!waiting) return reload(); // already in charge (another tab took it): just reload
      reloading = true; // the controllerchange below reloads, once the new version is in charge
      waiting.postMessage('skip-waiting');
    });
    banner.append(text, button);
  };

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) reload();
    // Another tab switched to a new version; this page still runs the old one.
    else if (controlled) offer();
    controlled = true; // the first visit: the first version took this page over
  });

  const register = async () => {
    // Next to this file, so the scope is the app's folder, at / or under a sub-path.
    registration = await navigator.serviceWorker.register(new URL('sw.js', import.meta.url));
    const waitingFor = (worker) => worker.addEventListener('statechange', () => {
      // Installed while a version controls the page: the new one waits for the user.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer();
    });
    if (registration.waiting && navigator.serviceWorker.controller) offer();
    if (registration.installing) waitingFor(registration.installing);
    registration.addEventListener('updatefound', () => waitingFor(registration.installing));
    // A tab left open for days looks for a new version when it comes back into view.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {}); // offline: try next time
    });
  };
  // After the page's own downloads, not competing with them: once the page
  // has loaded and the app has taken over (start.js dispatches
  // `redline:ready`), when the hashed files are in the HTTP cache for the
  // worker to take (sw.js, force-cache), so none is downloaded twice. An app
  // that cannot start still gets the worker, 10 s after the load.
  // Where registration is refused (some private modes), the app works, online only.
  const start = () => register().catch((error) => console.warn('Redline will not work offline:', error));
  const appReady = () => new Promise((resolve) => {
    if (performance.getEntriesByName('redline-ready').length) return resolve();
    window.addEventListener('redline:ready', resolve, { once: true });
    setTimeout(resolve, 10_000);
  });
  const loaded = () => new Promise((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', resolve, { once: true });
  });
  loaded().then(appReady).then(start);
}
