// Benchmark, not a timed test: the time from a click on a clause to the
// updated draft and verdicts in the page, on the wide three-panel layout and
// on a phone's (360 px, the library tab showing, the draft and verdicts
// updated behind their tabs), without throttling and with 4x CPU throttling.
// Throttled runs are pooled over several rounds of 120 clicks, because one
// round's p95 moves by several milliseconds from run to run. It prints the
// figures and fails only if the page did not update, never on time.
import { writeFileSync, mkdirSync } from 'node:fs';
import { test, expect, openApp, startFrom, stats } from './fixtures.js';

const CLICKS = 120;
const THROTTLED_ROUNDS = 3;

async function measure(page) {
  return page.evaluate(async (clicks) => {
    // A macrotask yield without setTimeout's 4 ms clamp: by the time it runs,
    // Leptos has flushed every effect (they run as microtasks).
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const buttons = [...document.querySelectorAll('.library li.clause button.toggle')]
      .filter((_, i) => i % 8 === 3).slice(0, 12);
    const summary = document.querySelector('.verdicts .summary');
    const samples = [];
    for (let i = 0; i < clicks; i++) {
      const button = buttons[i % buttons.length];
      // As a user would: the clause is on screen before it is clicked (a
      // script's click on an off-screen clause also lays out its topic,
      // which content-visibility had skipped), and the click comes at a
      // random point of the frame, not just after one.
      button.scrollIntoView({ block: 'nearest' });
      await frame();
      await frame();
      await pause(Math.random() * 16);
      const pressed = button.getAttribute('aria-pressed');
      const rowId = 'draft-' + button.closest('li.clause').dataset.clause;
      const t0 = performance.now();
      button.click();
      await nextTask();
      void document.body.offsetHeight; // include style and layout
      samples.push(performance.now() - t0);
      const rowShown = document.getElementById(rowId) !== null;
      const nowPressed = button.getAttribute('aria-pressed');
      if (nowPressed === pressed || rowShown !== (nowPressed === 'true') || !summary.textContent) {
        throw new Error(`click ${i} on ${rowId}: the page had not updated when measured (pressed ${pressed} -> ${nowPressed}, row shown ${rowShown})`);
      }
    }
    return samples;
  }, CLICKS);
}

/**
 * A yardstick for the throttled figures: a fixed loop of plain JavaScript,
 * sized to take about as long as a click does unthrottled, timed the same
 * way. Chromium's throttling suspends the page's thread in bursts, so on a
 * small shared machine a 2 ms task at "4x" may run untouched or take 30 ms:
 * this shows how much of a throttled p95 is the throttler itself.
 */
async function yardstick(page, iterations) {
  return page.evaluate(async ({ clicks, iterations }) => {
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    let sink = 0;
    const samples = [];
    for (let i = 0; i < clicks; i++) {
      await nextTask();
      const t0 = performance.now();
      for (let k = 0; k < iterations; k++) sink = (sink * 31 + k) | 0;
      samples.push(performance.now() - t0);
    }
    if (sink === 0.5) throw new Error('unreachable: keeps the loop from being optimised away');
    return samples;
  }, { clicks: CLICKS, iterations });
}

/** Loop iterations that take about `ms` here, unthrottled. */
async function calibrate(page, ms) {
  const probe = 200_000;
  const sorted = (await yardstick(page, probe)).sort((a, b) => a - b);
  return Math.round(probe * ms / Math.max(sorted[sorted.length >> 1], 0.1));
}

const LAYOUTS = [
  { slug: 'wide', name: 'wide (1280 x 720, three panels)', viewport: { width: 1280, height: 720 } },
  { slug: 'phone', name: 'phone (360 x 740, library tab)', viewport: { width: 360, height: 740 }, tabs: true },
];

for (const layout of LAYOUTS) {
  test.describe(layout.name, () => {
    test.use({ viewport: layout.viewport });

    test(`latency from a click on a clause to updated verdicts, ${layout.slug}`, async ({ page }) => {
      test.setTimeout(180_000);
      await openApp(page);
      // A full preset makes every evaluation and draft update realistic in size.
      if (layout.tabs) await page.getByRole('button', { name: 'Draft', exact: true }).click();
      await startFrom(page, 'US 28-point plan (Nov 2025)');
      if (layout.tabs) await page.getByRole('button', { name: 'Library', exact: true }).click();
      await measure(page); // warm-up: first renders of rows and cards
      const normal = stats(await measure(page));
      const iterations = await calibrate(page, normal.median);
      const loopNormal = stats(await yardstick(page, iterations));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const pooled = [];
      const loopPooled = [];
      for (let round = 0; round < THROTTLED_ROUNDS; round++) {
        pooled.push(...await measure(page));
        loopPooled.push(...await yardstick(page, iterations));
      }
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      const throttled = stats(pooled);
      const loopThrottled = stats(loopPooled);
      const report = {
        layout: layout.name, clicks: CLICKS, unthrottled: normal, throttled_4x: throttled,
        yardstick: { iterations, unthrottled: loopNormal, throttled_4x: loopThrottled },
      };
      mkdirSync('test-results', { recursive: true });
      writeFileSync(`test-results/latency-${layout.slug}.json`, JSON.stringify(report, null, 2));
      const fmt = (s) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${s.n})`;
      console.log(`latency click -> verdicts, ${layout.name}, unthrottled: ${fmt(normal)}`);
      console.log(`latency click -> verdicts, ${layout.name}, 4x CPU throttling: ${fmt(throttled)} (target p95 < 16 ms)`);
      console.log(`  yardstick, a fixed JS loop of the click's unthrottled median: unthrottled ${fmt(loopNormal)}; 4x: ${fmt(loopThrottled)}`);
      expect(normal.n).toBe(CLICKS);
    });
  });
}
