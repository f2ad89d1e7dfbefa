// Starts the app: loads wasm-bindgen's JS glue and the wasm it names.
//
// Trunk's own start-up is an inline <script>, which the Content-Security-Policy
// in index.html forbids (script-src 'self', no 'unsafe-inline'). Trunk.toml's
// `pattern_script` puts this file in its place and passes the build's hashed
// file names as data attributes. Both are resolved against the page's base
// URL, so the app works from a sub-path too (Trunk.toml: public_url = "./").
//
// If the app cannot start (no WebAssembly, a file that does not arrive, an
// error while starting), the page says so in plain words with a Retry,
// instead of staying blank.
const { js, wasm } = document.querySelector('script[data-wasm]').dataset;

function cannotStart(why) {
  const box = document.createElement('section');
  box.className = 'start-failed';
  box.setAttribute('role', 'alert');
  const heading = document.createElement('h1');
  heading.textContent = 'Redline could not start';
  const text = document.createElement('p');
  text.textContent = why;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = 'Retry';
  retry.addEventListener('click', () => location.reload());
  box.append(heading, text, retry);
  document.body.prepend(box);
}

if (typeof WebAssembly !== 'object') {
  cannotStart('This browser does not run WebAssembly, which Redline needs. A current Chrome, Edge, Firefox or Safari does.');
} else {
  try {
    const { default: init } = await import(new URL(js, document.baseURI).href);
    await init({ module_or_path: new URL(wasm, document.baseURI).href });
  } catch (error) {
    const offline = navigator.onLine === false ? ' You seem to be offline.' : '';
    cannotStart(`Part of the app did not load or failed to start (${error?.message ?? error}).${offline} Your drafts are safe in this browser; try again.`);
    throw error;
  }
}
