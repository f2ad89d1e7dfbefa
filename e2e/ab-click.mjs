// Two builds' click cost, side by side: a tool for deciding a speed change,
// not a test. Each build is open in its own page of one browser, set up as
// the latency benchmark sets it up (the 28-point plan, the library showing),
// and the two take turns clicking in batches of 12, so that this machine's
// drift between sittings (30% on medians) falls on both alike. Each click is
// split into its script (the click and every effect) and the style and layout
// that follow, which the latency benchmark's "updated" span adds together.
//
//   node ab-click.mjs DIST_A DIST_B [WIDTH HEIGHT CPU_RATE BATCHES]
//     defaults: 360 740 (the phone layout) 4 40
//   BY_CLAUSE=1 adds each clause's mean, as added and as removed: a gap that
//   sits on a few clauses points at what those clicks change.
//   OLD_BUILD=1 also opens builds from before the first screen in the HTML
//   and the presets' caveats (before 2026-11-30): ready when the picker is
//   filled, the 28-point plan picked by the start of its name.
import { chromium } from '@playwright/test';
import { serveDist } from './serve-dist.mjs';
import { startClickBenchmark, stats } from './tests/fixtures.js';

const [distA, distB, width = '360', height = '740', rate = '4', batches = '40'] = process.argv.slice(2);
if (!distA || !distB) {
  console.error('usage: node ab-click.mjs DIST_A DIST_B [WIDTH HEIGHT CPU_RATE BATCHES]');
  process.exit(2);
}
const BATCH = 12;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const servers = [];

async function open(dist) {
  const server = await serveDist(dist);
  servers.push(server);
  const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) } });
  const page = await context.newPage();
  if (process.env.OLD_BUILD) await startOldBuild(page, Number(width) < 700, server.url);
  else await startClickBenchmark(page, { tabs: Number(width) < 700, path: server.url });
  return { page, cdp: await context.newCDPSession(page), samples: [] };
}

/** `startClickBenchmark` for a build of either kind, the old one with no ready mark. */
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

/** Clicks `n` clauses in `page`, as the latency benchmark does: [script ms, style and layout ms] each. */
const clicks = (page, n) => page.evaluate(async (n) => {
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
      resolve([t1 - t0, performance.now() - t1]);
    });
    channel.port1.start();
    channel.port2.postMessage(null);
  });
  const buttons = [...document.querySelectorAll('li.clause button.toggle')].filter((_, i) => i % 8 === 3).slice(0, 12);
  window.abNext ??= 0;
  const out = [];
  for (let k = 0; k < n; k++) {
    const button = buttons[window.abNext++ % buttons.length];
    button.scrollIntoView({ block: 'nearest' });
    await frame();
    await frame();
    await pause(Math.random() * 16);
    const slot = `${(window.abNext - 1) % buttons.length} ${button.closest('li').dataset.clause}`;
    // Before #22 the toggle said `aria-pressed`, after it `aria-checked`.
    const held = (button.getAttribute('aria-checked') ?? button.getAttribute('aria-pressed')) === 'true';
    out.push([...await timed(button), `${slot}, ${held ? 'removed' : 'added'}`]);
  }
  return out;
}, n);

try {
  const builds = [await open(distA), await open(distB)];
  for (const b of builds) await clicks(b.page, 2 * BATCH); // warm-up: first renders
  for (const b of builds) await b.cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
  for (let i = 0; i < Number(batches); i++) {
    // Alternate which goes first, so neither always follows the other.
    for (const b of i % 2 ? [...builds].reverse() : builds) b.samples.push(...await clicks(b.page, BATCH));
  }
  const fmt = (s) => `median ${s.median.toFixed(2)}, p95 ${s.p95.toFixed(2)}, mean ${(s.sum / s.n).toFixed(2)} ms`;
  const of = (xs) => ({ ...stats(xs), sum: xs.reduce((a, x) => a + x, 0) });
  console.log(`${width} x ${height}, ${rate}x CPU, ${Number(batches) * BATCH} clicks each, taking turns`);
  if (process.env.BY_CLAUSE) {
    const kinds = [...new Set(builds[0].samples.map((s) => s[2]))].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
    console.log('by clause, mean of script + style and layout (ms): A | B');
    for (const kind of kinds) {
      const [a, b] = builds.map((build) => {
        const both = of(build.samples.filter((s) => s[2] === kind).map((s) => s[0] + s[1]));
        return (both.sum / both.n).toFixed(2);
      });
      console.log(`  ${kind.padEnd(52)} ${a} | ${b}`);
    }
  }
  for (const [name, b] of [[distA, builds[0]], [distB, builds[1]]]) {
    console.log(`${name}\n  script:         ${fmt(of(b.samples.map((s) => s[0])))}`
      + `\n  style + layout: ${fmt(of(b.samples.map((s) => s[1])))}`
      + `\n  both:           ${fmt(of(b.samples.map((s) => s[0] + s[1])))}`);
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
