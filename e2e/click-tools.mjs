// What the click tools share (ab-click.mjs, profile-click.mjs): opening a
// build as the latency benchmark sets it up, and clicking clauses as it does.
import { startClickBenchmark, BENCHMARK_CLAUSES } from './tests/fixtures.js';

/**
 * Opens `url` with the 28-point plan in the draft and the library showing.
 * With OLD_BUILD=1 in the environment it also opens builds from before the
 * first screen in the HTML and the presets' caveats (before 2026-11-30).
 */
export async function startClicks(page, { tabs, url }) {
  if (process.env.OLD_BUILD) await startOldBuild(page, tabs, url);
  else await startClickBenchmark(page, { tabs, path: url });
}

/** `startClickBenchmark` for a build from before the first screen, which sets no ready mark. */
async function startOldBuild(page, tabs, url) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('redline-ready').length > 0
    || (!document.querySelector('#app') && document.querySelectorAll('#start-preset option').length > 3));
  if (tabs) await page.getByRole('button', { name: 'Draft', exact: true }).click();
  const plan = await page.locator('#start-preset option').evaluateAll(
    (options) => options.find((o) => o.textContent.trim().startsWith('US 28-point plan')).value);
  await page.locator('#start-preset').selectOption(plan);
  await page.getByRole('button', { name: 'Start from this plan' }).click();
  if (tabs) await page.getByRole('button', { name: 'Library', exact: true }).click();
}

/**
 * Clicks `n` clauses in `page`, as the latency benchmark does. Each click:
 * { start (ms since the epoch), script, layout (ms), label ("slot id, added") }.
 * The latency benchmark's clauses (`BENCHMARK_CLAUSES`), or those of
 * CLAUSES=id,id,... in the environment: a build whose library lacks one of
 * them (one from before 2026-11-30) needs a list of clauses both builds hold.
 */
export const clickClauses = (page, n) => page.evaluate(async ([n, ids]) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // Two listeners of one message: every effect runs between them, no frame can.
  const timed = (button) => new Promise((resolve) => {
    const channel = new MessageChannel();
    let t0 = 0;
    channel.port1.addEventListener('message', () => { t0 = performance.now(); button.click(); });
    channel.port1.addEventListener('message', () => {
      const t1 = performance.now();
      void document.body.offsetHeight;
      resolve({ start: performance.timeOrigin + t0, script: t1 - t0, layout: performance.now() - t1 });
    });
    channel.port1.start();
    channel.port2.postMessage(null);
  });
  const buttons = ids.map((id) => {
    const button = document.querySelector(`li.clause[data-clause="${id}"] button.toggle`);
    if (!button) throw new Error(`no clause ${id} in this build: name clauses both builds hold in CLAUSES`);
    return button;
  });
  window.clickNext ??= 0;
  const out = [];
  for (let k = 0; k < n; k++) {
    const button = buttons[window.clickNext++ % buttons.length];
    button.scrollIntoView({ block: 'nearest' });
    await frame();
    await frame();
    await pause(Math.random() * 16);
    const slot = `${(window.clickNext - 1) % buttons.length} ${button.closest('li').dataset.clause}`;
    // Before #22 the toggle said `aria-pressed`, after it `aria-checked`.
    const held = (button.getAttribute('aria-checked') ?? button.getAttribute('aria-pressed')) === 'true';
    out.push({ ...await timed(button), label: `${slot}, ${held ? 'removed' : 'added'}` });
  }
  return out;
}, [n, process.env.CLAUSES ? process.env.CLAUSES.split(',') : BENCHMARK_CLAUSES]);
