// Benchmark, not a timed test: the time from a click on a clause to the
// updated page, on the wide three-panel layout and on a phone's (360 px, the
// library tab showing, the draft and verdicts updated behind their tabs),
// without throttling and with 4x CPU throttling. It prints the figures and
// fails only if the page did not update, never on time. It runs in a browser
// of its own, so the specs before it cannot weigh on the figures.
//
// Two spans are timed, each the same way on every click (see `clickAndTime`):
// - "updated": from the click until every effect has run and the page has
//   its new style and layout: the draft and verdicts are in the page. No
//   frame can start inside this span, as none can inside a user's click.
// - "painted": the same, plus the frame that shows it (pre-paint, paint,
//   layerize, commit). The click comes at the start of a frame, so waiting
//   for the display's next refresh is not counted.
// Both are also timed on a floor page, a few lines of plain JavaScript that
// flip one button: what this machine and its throttling cost before any
// application code runs.
import { writeFileSync, mkdirSync } from 'node:fs';
import { test, expect, startClickBenchmark, stats, watchProblems, BENCHMARK_CLAUSES } from './fixtures.js';

const CLICKS = 120;
const THROTTLED_ROUNDS = 3;
const TARGET_P95_MS = 16;
const SPANS = ['updated', 'painted'];

/**
 * Runs in the page: clicks `CLICKS` clauses, timing each as `span` says:
 * the app's by id (`ids`), the floor page's twelve of its buttons.
 */
async function clickAndTime(page, span, ids) {
  return page.evaluate(async ({ clicks, span, ids }) => {
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    // What the page shows when the span ends: the clicked clause's state, its
    // draft row, and the verdicts' summary against the cards (the app only).
    // On a phone's library tab the draft and the cards are hidden and wait
    // until shown (`State::shows`): there the summary is checked against the
    // verdict bar, which is in sight.
    const summary = document.querySelector('.verdicts .summary');
    const panel = (name) => document.querySelector(`.panel.${name}`);
    const bar = document.querySelector('.verdict-bar .counts');
    const snapshot = (button) => {
      const pressed = (button.getAttribute('aria-checked') ?? button.getAttribute('aria-pressed'));
      if (!summary) return { pressed };
      const clauseId = button.closest('li.clause').dataset.clause;
      const said = summary.textContent.match(/\((\d+) of \d+ parties\)|crosses (no) hard red line/);
      const cardsShown = panel('verdicts').checkVisibility();
      return {
        pressed,
        rowShown: panel('draft').checkVisibility() ? document.getElementById('draft-' + clauseId) !== null : undefined,
        summaryCount: said && (said[2] ? 0 : Number(said[1])),
        shownCount: cardsShown
          // The summary counts parties; commentators' cards stand apart.
          ? document.querySelectorAll('.verdicts ul.cards:not(.views) li.card.crosses-red-line').length
          : Number(bar.textContent.match(/✖ (\d+)/)[1]),
        shownBy: cardsShown ? 'the cards' : 'the verdict bar',
      };
    };
    // Two listeners on one message: the browser runs every microtask (all of
    // Leptos's effects) after the first, before calling the second, and no
    // frame can come between them.
    const updated = (button) => new Promise((resolve) => {
      const channel = new MessageChannel();
      let t0 = 0;
      channel.port1.addEventListener('message', () => { t0 = performance.now(); button.click(); });
      channel.port1.addEventListener('message', () => {
        void document.body.offsetHeight; // style and layout
        resolve({ ms: performance.now() - t0, page: snapshot(button) });
      });
      channel.port1.start();
      channel.port2.postMessage(null);
    });
    // Clicked in an animation frame callback: the effects run after it, then
    // this frame's style, layout and paint; a task posted now runs after them.
    const painted = (button) => new Promise((resolve) => requestAnimationFrame(() => {
      const t0 = performance.now();
      button.click();
      nextTask().then(() => resolve({ ms: performance.now() - t0, page: snapshot(button) }));
    }));
    // Each card's verdict: a click that changes one moves its card to
    // another group (#22), the dearest kind of click; the figures say apart
    // how those clicks fare.
    const verdicts = () => [...document.querySelectorAll('.verdicts li.card')]
      .map((card) => [...card.classList].filter((c) => c !== 'card' && c !== 'changed').join(' '));
    const timed = span === 'updated' ? updated : painted;
    const buttons = ids
      ? ids.map((id) => {
        const button = document.querySelector(`li.clause[data-clause="${id}"] button.toggle`);
        if (!button) throw new Error(`the benchmark's clause ${id} is not in the library`);
        return button;
      })
      : [...document.querySelectorAll('li.clause button.toggle')].filter((_, i) => i % 8 === 3).slice(0, 12);
    const samples = [];
    for (let i = 0; i < clicks; i++) {
      const button = buttons[i % buttons.length];
      // As a user would: the clause is on screen before it is clicked (a
      // script's click on an off-screen clause also lays out its topic,
      // which content-visibility had skipped), at a random time.
      button.scrollIntoView({ block: 'nearest' });
      await frame();
      await frame();
      await pause(Math.random() * 16);
      const before = (button.getAttribute('aria-checked') ?? button.getAttribute('aria-pressed'));
      const verdictsBefore = verdicts();
      const { ms, page } = await timed(button);
      const verdictsAfter = verdicts();
      samples.push({ ms, verdictChanged: verdictsAfter.some((v, k) => v !== verdictsBefore[k]) });
      const problem = page.pressed === before ? "the clause's pressed state did not change"
        : page.rowShown !== undefined && page.rowShown !== (page.pressed === 'true') ? 'the draft row did not follow'
        : page.summaryCount !== undefined && page.summaryCount !== page.shownCount
          ? `the summary says ${page.summaryCount} actors' red lines are crossed, ${page.shownBy} ${page.shownCount}`
        : null;
      if (problem) throw new Error(`click ${i} (${span}): when the span ended, ${problem}`);
    }
    return samples;
  }, { clicks: CLICKS, span, ids });
}

/**
 * The floor: a list of 120 toggle buttons whose click handler flips one
 * button and one counter, in plain JavaScript. Timed like the app, it shows
 * what any click costs here, above all the frame, which throttling stretches.
 */
const FLOOR_PAGE = `<!doctype html><meta name="viewport" content="width=device-width">
<style>li { padding: .3rem; border-top: 1px solid #ccc } .held { background: #fee }</style>
<p id="count"></p><ul id="list"></ul>
<script>
  const list = document.getElementById('list');
  const count = document.getElementById('count').appendChild(document.createTextNode('0'));
  for (let i = 0; i < 120; i++) {
    const item = list.appendChild(document.createElement('li'));
    item.className = 'clause';
    const button = item.appendChild(document.createElement('button'));
    button.className = 'toggle';
    button.setAttribute('aria-pressed', 'false');
    button.textContent = 'Clause number ' + i + ', a title of a few words';
    button.onclick = () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(on));
      item.classList.toggle('held', on);
      count.data = String(Number(count.data) + (on ? 1 : -1));
    };
  }
</script>`;

/** Figures of `samples`, and apart those of the clicks that changed a verdict and of the rest. */
function split(samples) {
  const ms = (list) => list.map((s) => s.ms);
  const changed = samples.filter((s) => s.verdictChanged);
  const others = samples.filter((s) => !s.verdictChanged);
  return {
    ...stats(ms(samples)),
    verdict_changed: changed.length ? stats(ms(changed)) : null,
    others: others.length ? stats(ms(others)) : null,
  };
}

/** Unthrottled, then pooled rounds at 4x: `{ span: { unthrottled, throttled_4x } }`. */
async function timeSpans(page, ids = null) {
  const samples = {};
  for (const span of SPANS) {
    await clickAndTime(page, span, ids); // warm-up: first renders of rows and cards
    samples[span] = { unthrottled: await clickAndTime(page, span, ids), throttled_4x: [] };
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  for (let round = 0; round < THROTTLED_ROUNDS; round++) {
    for (const span of SPANS) samples[span].throttled_4x.push(...await clickAndTime(page, span, ids));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  const figures = {};
  for (const [span, s] of Object.entries(samples)) {
    figures[span] = { unthrottled: split(s.unthrottled), throttled_4x: split(s.throttled_4x) };
  }
  return figures;
}

const LAYOUTS = [
  { slug: 'wide', name: 'wide (1280 x 720, three panels)', viewport: { width: 1280, height: 720 } },
  { slug: 'phone', name: 'phone (360 x 740, library tab)', viewport: { width: 360, height: 740 }, tabs: true },
];

/** Times the app and the floor page in `page`'s context; prints and saves the figures. */
async function benchmark(page, layout) {
  await startClickBenchmark(page, { tabs: layout.tabs });
  const app = await timeSpans(page, BENCHMARK_CLAUSES);

  const floorPage = await page.context().newPage();
  await floorPage.setContent(FLOOR_PAGE);
  const floor = await timeSpans(floorPage);
  await floorPage.close();

  const report = { layout: layout.name, clicks: CLICKS, throttled_rounds: THROTTLED_ROUNDS, app, floor };
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/latency-${layout.slug}.json`, JSON.stringify(report, null, 2));
  const fmt = (s) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${s.n})`;
  const verdict = (s) => (s.p95 < TARGET_P95_MS ? 'met' : 'NOT met');
  for (const span of SPANS) {
    const a = app[span];
    const f = floor[span];
    console.log(`latency click -> ${span}, ${layout.name}, unthrottled: ${fmt(a.unthrottled)}`);
    console.log(`latency click -> ${span}, ${layout.name}, 4x CPU throttling: ${fmt(a.throttled_4x)}; target p95 < ${TARGET_P95_MS} ms: ${verdict(a.throttled_4x)}`);
    for (const [throttle, said] of [['unthrottled', 'unthrottled'], ['throttled_4x', '4x']]) {
      const { verdict_changed, others } = a[throttle];
      if (verdict_changed && others) {
        console.log(`  ${said}: clicks that changed an actor's verdict (its card changes group) ${fmt(verdict_changed)}; the others ${fmt(others)}`);
      }
    }
    console.log(`  floor page (plain JS, one button flips), same span: unthrottled ${fmt(f.unthrottled)}; 4x ${fmt(f.throttled_4x)}`);
  }
  return app;
}

for (const layout of LAYOUTS) {
  test(`latency from a click on a clause to updated verdicts, ${layout.name}`, async ({ playwright }, testInfo) => {
    // Ten minutes: on a slow sitting (2026-12-03, every figure two to three
    // times a quiet one's) the wide run took 5 minutes, and a benchmark
    // must not fail on time.
    test.setTimeout(600_000);
    // A browser of its own, as a benchmark needs: in the worker's browser,
    // after the specs before this one, the same build's throttled p95 came
    // out 2-4 ms higher than in a fresh one (16.2-17.7 against 13.5-14.4 ms,
    // session 7), while the floor page's did not move.
    const browser = await playwright.chromium.launch(testInfo.project.use.launchOptions);
    try {
      const context = await browser.newContext({ viewport: layout.viewport, baseURL: testInfo.project.use.baseURL });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const app = await benchmark(page, layout);
      expect(app.updated.unthrottled.n).toBe(CLICKS);
      expect(problems, 'console errors, exceptions or failed requests').toEqual([]);
    } finally {
      await browser.close();
    }
  });
}
