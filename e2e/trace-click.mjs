// Where a click's style and layout go: a Chromium trace of the clicks the
// latency benchmark makes, summing per click the style recalculation
// (elements restyled) and its first forced layout (objects dirty, of how
// many laid out). A tool for finding a cost, not a test: tracing slows every
// figure, so compare two builds (or a CSS change, CSS=...) traced alike.
//   node trace-click.mjs DIST [WIDTH HEIGHT CLICKS]
//   ROWS=1 prints each click with its clause; SAVE=FILE keeps the trace
//   (open it in Chromium's Performance panel); CSS=... adds a style sheet
//   once the page is set up; OLD_BUILD=1 as in ab-click.mjs.
import { chromium } from '@playwright/test';
import { serveDist } from './serve-dist.mjs';
import { clickClauses, startClicks } from './click-tools.mjs';

const [dist, width = '1280', height = '720', count = '120'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const server = await serveDist(dist);
try {
  const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) }, bypassCSP: Boolean(process.env.CSS) });
  const page = await context.newPage();
  await startClicks(page, { tabs: Number(width) < 700, url: server.url });
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  await clickClauses(page, 24);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'] });
  const clicks = await clickClauses(page, Number(count));
  const buf = await browser.stopTracing();
  const events = JSON.parse(buf.toString()).traceEvents;
  // Tie trace clock to clicks: the click handler's EventDispatch of type click.
  const dispatch = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click' && e.ph === 'X');
  const rows = [];
  for (const d of dispatch) {
    // The click's own events: on its thread, within 30 ms of its dispatch.
    const t0 = d.ts, t1 = d.ts + 30000;
    const on = events.filter((e) => e.tid === d.tid && e.ts >= t0 && e.ts < t1 && e.ph === 'X');
    const recalc = on.filter((e) => e.name === 'UpdateLayoutTree' || e.name === 'RecalculateStyles');
    const lay = on.filter((e) => e.name === 'Layout');
    // Only the first forced layout after the click belongs to it.
    const first = lay[0];
    const styleBefore = first ? recalc.filter((e) => e.ts <= first.ts + first.dur) : recalc;
    const s = styleBefore.reduce((a, e) => a + e.dur, 0) / 1000;
    const els = styleBefore.reduce((a, e) => a + (e.args?.elementCount ?? 0), 0);
    const l = first ? first.dur / 1000 : 0;
    const dirty = first?.args?.beginData?.dirtyObjects ?? 0;
    const total = first?.args?.beginData?.totalObjects ?? 0;
    rows.push({ s, els, l, dirty, total, script: d.dur / 1000 });
  }
  const mean = (k) => (rows.reduce((a, r) => a + r[k], 0) / rows.length).toFixed(2);
  console.log(`${rows.length} clicks traced; means: click dispatch ${mean('script')} ms, style ${mean('s')} ms (${mean('els')} elements), layout ${mean('l')} ms (${mean('dirty')} dirty of ${mean('total')} objects)`);
  if (process.env.ROWS) rows.forEach((r, i) => console.log(clicks[i]?.label, JSON.stringify(r)));
  if (process.env.SAVE) (await import('node:fs')).writeFileSync(process.env.SAVE, buf);
} finally {
  await browser.close();
  await server.close();
}
