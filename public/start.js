// Starts the app: loads wasm-bindgen's JS glue and the wasm it names, then
// swaps the live app in for the first screen that came with the page.
//
// Trunk's own start-up is an inline <script>, which the Content-Security-Policy
// in index.html forbids (script-src 'self', no 'unsafe-inline'). Trunk.toml's
// `pattern_script` puts this file in its place and passes the build's hashed
// file names as data attributes. Both are resolved against the page's base
// URL, so the app works from a sub-path too (Trunk.toml: public_url = "./").
//
// The first screen (#app) is rendered at build time by the app's own
// components (scripts/post-build), so the reader reads while the wasm loads.
// The wasm builds the app in an element outside the document and, right
// after, dispatches `redline:mounted` with it; `takeOver` then puts it in
// place of the first screen in the same task, before any effect of the app
// runs and before any frame, so none shows a blank or a half-built page.
// What the reader did meanwhile goes along: scroll of each panel, focus,
// open disclosures, typed text, and button clicks, which are carried out
// once the app is there.
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
  document.documentElement.classList.remove('starting');
  // The first screen stays to read, but its clicks wait for nothing now.
  document.removeEventListener('click', keepEarlyClick, true);
  for (const button of document.querySelectorAll('#app [aria-busy]')) button.removeAttribute('aria-busy');
  // A reader scrolled far down sees it, and a screen reader starts there.
  box.tabIndex = -1;
  box.focus();
}

// A node's address: the nearest element with an id (itself or an ancestor
// inside `root`), then element-child indices from there. The app renders the
// same elements as the first screen (only comment markers differ), so the
// address finds the same control in the live app, even where the two differ
// above it (the welcome, shown on the first screen and not to a returning
// reader, shifted every index after it).
function pathOf(node, root) {
  const path = [];
  for (let el = node; el && el !== root; el = el.parentElement) {
    if (el.id) return [`#${el.id}`, ...path];
    path.unshift(Array.prototype.indexOf.call(el.parentElement.children, el));
  }
  return path;
}

function at(root, path) {
  let el = root;
  for (const i of path) {
    el = typeof i === 'string' ? el?.querySelector(`[id="${CSS.escape(i.slice(1))}"]`) : el?.children[i];
  }
  return el;
}

// Clicks on the first screen's buttons before the app is there: kept, in
// order, and marked as waiting, so none is silently lost.
const early = [];
const first = document.getElementById('app');
function keepEarlyClick(event) {
  const button = event.target.closest?.('button, summary');
  if (!button || !first.contains(button)) return;
  // A summary's click opens its disclosure, whose toggle event comes a task later.
  if (button.localName === 'summary') return void toggled.add(button.parentElement);
  event.preventDefault();
  button.setAttribute('aria-busy', 'true');
  early.push({ path: pathOf(button, first), text: button.textContent });
}
// Panels the reader scrolled while the app loaded, told by their scroll
// events: reading every element's scrollTop at the take-over forced layout
// after layout, a quarter of a second on a slow phone.
const scrolledPanels = new Set();
function keepScrolled(event) {
  if (event.target instanceof Element && first.contains(event.target)) scrolledPanels.add(event.target);
}
// Disclosures the reader opened, told the same way by their toggle events:
// the first screen has two hundred of them to scan.
const toggled = new Set();
function keepToggled(event) {
  if (event.target instanceof Element && first.contains(event.target)) toggled.add(event.target);
}
// A reader with a stored draft, or opening a shared plan, gets no welcome
// from the live app (app.rs): the first screen hides it too
// (`html.returning`, set by index.html's inline script before the body is
// read), so nothing shifts at the take-over.
// The library's topic lists as the first screen has them, copied before the
// reader can touch them: the live app leaves its own lists empty, marked
// `data-adopt`, and takes these at the take-over (library_panel.rs,
// `first_screen_lists`), so the start writes and parses no entry markup.
// Copying costs a few milliseconds while the wasm downloads.
const keptLists = new Map();
// Its listener ends here in any case: the live app's buttons are its own.
const clickedBefore = window.redlineEarlyClicks?.() ?? [];
if (first) {
  for (const list of first.querySelectorAll('section.library ul.clauses')) {
    const copy = list.cloneNode(true);
    // Opened before this script ran: its text is mounted when opened in the live app.
    for (const details of copy.querySelectorAll('details[open]')) details.open = false;
    // Marked by a click before this script ran: the click is carried out (or said) at the take-over.
    for (const button of copy.querySelectorAll('[aria-busy]')) button.removeAttribute('aria-busy');
    keptLists.set(list.parentElement.getAttribute('aria-labelledby'), copy);
  }
  // Tells the wasm how many lists it may leave for these (library_panel.rs).
  document.documentElement.setAttribute('data-kept-lists', keptLists.size);
  document.documentElement.classList.add('starting');
  // Clicks made before this module ran (it runs once the whole page is
  // read), kept by index.html's inline script; from here on, by this one.
  for (const button of clickedBefore) {
    if (first.contains(button)) early.push({ path: pathOf(button, first), text: button.textContent });
  }
  document.addEventListener('click', keepEarlyClick, true);
  document.addEventListener('scroll', keepScrolled, { capture: true, passive: true });
  document.addEventListener('toggle', keepToggled, true);
}

function takeOver(event) {
  // The live app, built outside the document (src/shell/mod.rs, `start`).
  const next = event.detail;
  if (!(next instanceof Element)) return;
  document.removeEventListener('click', keepEarlyClick, true);
  document.removeEventListener('scroll', keepScrolled, { capture: true });
  document.removeEventListener('toggle', keepToggled, true);
  window.redlineEarlySlashEnds?.();
  if (!first) {
    next.id = 'app';
    document.body.append(next);
    return;
  }
  for (const list of next.querySelectorAll('ul[data-adopt]')) {
    list.replaceChildren(...(keptLists.get(list.parentElement.getAttribute('aria-labelledby'))?.childNodes ?? []));
    list.removeAttribute('data-adopt');
  }
  const focused = first.contains(document.activeElement) ? pathOf(document.activeElement, first) : null;
  const scrolled = [...scrolledPanels].map((el) => [pathOf(el, first), el.scrollTop, el.scrollLeft]);
  const typed = [];
  for (const el of toggled) if (el.open) typed.push([pathOf(el, first), 'open']);
  // Form fields are scanned, not told: a browser may restore their values
  // without an event. A file picked meanwhile cannot be handed over (only a
  // reader can set a file input): said instead.
  let files = 0;
  for (const el of first.querySelectorAll('input, textarea, select')) {
    if (el.type === 'file') {
      files += el.files?.length ?? 0;
      continue;
    }
    if ((el.localName === 'input' || el.localName === 'textarea') && el.value !== el.defaultValue) {
      typed.push([pathOf(el, first), 'value', el.value, el.defaultValue]);
    }
    if (el.localName === 'input' && el.checked !== el.defaultChecked) typed.push([pathOf(el, first), 'checked']);
    if (el.localName === 'select' && !el.options[el.selectedIndex]?.defaultSelected) {
      typed.push([pathOf(el, first), 'select', el.value]);
    }
  }
  // The library's topics as tall as they were. `content-visibility: auto`
  // takes 600 px for a topic never drawn; one the reader scrolled past was
  // drawn on the first screen and keeps its own height there, not in the
  // live app, so the scroll put back below would show other clauses.
  const heights = [];
  if (scrolledPanels.size || scrollY) {
    for (const topic of first.querySelectorAll('section.library section.topic')) {
      const height = topic.getBoundingClientRect().height;
      if (height) heights.push([topic.getAttribute('aria-labelledby'), height]);
    }
  }
  next.id = 'app';
  first.replaceWith(next);
  for (const [label, height] of heights) {
    const topic = next.querySelector(`section.topic[aria-labelledby="${CSS.escape(label)}"]`);
    if (topic) topic.style.containIntrinsicSize = `auto ${height}px`;
  }
  document.documentElement.classList.remove('starting');
  for (const [path, top, left] of scrolled) {
    const el = at(next, path);
    if (el) { el.scrollTop = top; el.scrollLeft = left; }
  }
  // Text typed into the blank draft's fields of a returning reader's first
  // screen is not written over the stored draft that opened in its place
  // (the live fields get their values only after this): said instead.
  const returning = document.documentElement.classList.contains('returning');
  const unplaced = [];
  for (const [path, what, value, typedOver] of typed) {
    const el = at(next, path);
    if (!el) continue;
    if (what === 'open') el.open = true;
    else if (what === 'checked') el.click();
    else if (what === 'value' && (el.value !== typedOver || (returning && el.closest('.panel.draft')))) unplaced.push(value);
    else {
      el.value = value;
      el.dispatchEvent(new Event(what === 'select' ? 'change' : 'input', { bubbles: true }));
    }
  }
  if (focused) at(next, focused)?.focus({ preventScroll: true });
  let missed = 0;
  for (const { path, text } of early) {
    const button = at(next, path);
    if (button?.localName === 'button' && button.textContent === text) button.click();
    else missed += 1;
  }
  // The page changed under the click or the typing (a stored draft opened): say so.
  if (missed || unplaced.length || files) {
    const note = document.createElement('p');
    note.className = 'start-missed';
    note.setAttribute('role', 'status');
    const clicks = missed ? `${missed === 1 ? 'A click' : `${missed} clicks`} made while Redline was starting could not be carried out, as your draft opened meanwhile. Please click again.` : '';
    const text = unplaced.length ? `Text typed while Redline was starting was not put into your draft, which opened meanwhile: ${unplaced.map((t) => `“${t}”`).join(', ')}.` : '';
    const file = files ? 'A file picked while Redline was starting was not opened: please open it again.' : '';
    note.textContent = [clicks, text, file].filter(Boolean).join(' ');
    next.prepend(note);
  }
  // The live app decides the welcome from here.
  document.documentElement.classList.remove('returning');
  performance.mark('redline-ready');
  dispatchEvent(new Event('redline:ready'));
}
addEventListener('redline:mounted', takeOver, { once: true });

if (typeof WebAssembly !== 'object') {
  cannotStart('This browser does not run WebAssembly, which Redline needs to draft. A current Chrome, Edge, Firefox or Safari does.');
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
