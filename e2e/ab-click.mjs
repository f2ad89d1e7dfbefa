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
//   CLAUSES=id,id,... clicks these clauses in both builds instead of the
//   latency benchmark's (click-tools.mjs): for a build whose library lacks
//   one of those.
//   SAVE=FILE writes every click of both builds as JSON ({ a, b }: each a
//   list of [script, layout, label]), to pool several runs.
//   CSS_A=..., CSS_B=... add a style sheet to that build's page once it is
//   set up (the page's CSP bypassed for it): a CSS change tried on one build
//   before it is written. Give both sides one, so both run alike.
import { chromium } from '@playwright/test';
import { serveDist } from './serve-dist.mjs';
import { stats } from './tests/fixtures.js';
import { clickClauses, startClicks } from './click-tools.mjs';

const [distA, distB, width = '360', height = '740', rate = '4', batches = '40'] = process.argv.slice(2);
if (!distA || !distB) {
  console.error('usage: node ab-click.mjs DIST_A DIST_B [WIDTH HEIGHT CPU_RATE BATCHES]');
  process.exit(2);
}
const BATCH = 12;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const servers = [];

async function open(dist, css) {
  const server = await serveDist(dist);
  servers.push(server);
  const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) }, bypassCSP: Boolean(css) });
  const page = await context.newPage();
  await startClicks(page, { tabs: Number(width) < 700, url: server.url });
  if (css) await page.addStyleTag({ content: css });
  return { page, cdp: await context.newCDPSession(page), samples: [] };
}

try {
  const builds = [await open(distA, process.env.CSS_A), await open(distB, process.env.CSS_B)];
  for (const b of builds) await clickClauses(b.page, 2 * BATCH); // warm-up: first renders
  for (const b of builds) await b.cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
  for (let i = 0; i < Number(batches); i++) {
    // Alternate which goes first, so neither always follows the other.
    for (const b of i % 2 ? [...builds].reverse() : builds) {
      b.samples.push(...(await clickClauses(b.page, BATCH)).map((c) => [c.script, c.layout, c.label]));
    }
  }
  if (process.env.SAVE) {
    (await import('node:fs')).writeFileSync(process.env.SAVE, JSON.stringify({ a: builds[0].samples, b: builds[1].samples }));
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
