// Where a click's script goes: a CPU profile of the clicks the latency
// benchmark makes, read only inside each click's measured span (from the
// click until every effect has run), so the deferred work after it (the
// cards' "what changed" lines, the debounced save) and the benchmark's own
// scrolling are left out. A tool for finding a cost, not a test.
//
//   node profile-click.mjs DIST [WIDTH HEIGHT CLICKS DEPTH]
//     defaults: 1280 720 240 8
//   OLD_BUILD=1 opens builds from before the first screen (as ab-click.mjs).
//
// Read it on a quiet machine: another build beside it doubles every figure.
// Names need a build with them: add `-g` to `data-wasm-opt-params` in
// index.html for that build only (wasm-opt drops the name section otherwise).
// The profiler's overhead makes every span slower than the benchmark's;
// compare shares, and two builds profiled the same way.
import { chromium } from '@playwright/test';
import { serveDist } from './serve-dist.mjs';
import { clickClauses, startClicks } from './click-tools.mjs';

const [dist, width = '1280', height = '720', count = '240', depth = '8'] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node profile-click.mjs DIST [WIDTH HEIGHT CLICKS DEPTH]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const server = await serveDist(dist);
try {
  const context = await browser.newContext({ viewport: { width: Number(width), height: Number(height) } });
  const page = await context.newPage();
  await startClicks(page, { tabs: Number(width) < 700, url: server.url });
  const cdp = await context.newCDPSession(page);
  await clickClauses(page, 24); // warm-up: first renders and compiles
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 20 });
  await cdp.send('Profiler.start');
  // Profile times and performance.now() share no origin: a named busy loop
  // at a known moment ties the two together.
  const marker = await page.evaluate(() => {
    const at = performance.timeOrigin + performance.now();
    (function profileClickMarker() {
      const end = performance.now() + 3;
      while (performance.now() < end);
    })();
    return at;
  });
  const spans = (await clickClauses(page, Number(count))).map((c) => [c.start, c.start + c.script]);
  const { profile } = await cdp.send('Profiler.stop');
  report(profile, marker, spans, Number(depth));
} finally {
  await browser.close();
  await server.close();
}

/** Prints the call tree and the costliest functions of the samples inside the spans, per click. */
function report(profile, marker, spans, maxDepth) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Hashes and wasm-bindgen's trampolines say nothing: drop them.
  const name = (n) => (n.callFrame.functionName || '(anonymous)').replace(/\[[0-9a-f]{16}\]|::h[0-9a-f]{16}/g, '');
  const glue = (s) => s.startsWith('js-to-wasm') || s.startsWith('wasm-to-js') || s.startsWith('wasm_bindgen::convert::closures');
  const times = [];
  let t = profile.startTime;
  for (const dt of profile.timeDeltas) times.push((t += dt));
  const markerAt = times.find((_, i) => name(nodes.get(profile.samples[i])) === 'profileClickMarker');
  if (markerAt === undefined) throw new Error('the marker was not sampled: profile again');
  const offset = markerAt - marker * 1000;
  const windows = spans.map(([a, b]) => [a * 1000 + offset, b * 1000 + offset]);
  const inside = (time) => windows.some(([a, b]) => time >= a && time <= b);

  const root = { total: 0, self: 0, kids: new Map() };
  const selfByName = new Map();
  const totalByName = new Map();
  profile.samples.forEach((id, i) => {
    if (!inside(times[i])) return;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const path = [];
    for (let x = id; x !== undefined; x = parent.get(x)) path.unshift(name(nodes.get(x)));
    const kept = path.filter((s) => !glue(s) && s !== '(root)');
    let node = root;
    node.total += dt;
    for (const s of kept) {
      if (!node.kids.has(s)) node.kids.set(s, { total: 0, self: 0, kids: new Map() });
      node = node.kids.get(s);
      node.total += dt;
    }
    node.self += dt;
    for (const s of new Set(kept)) totalByName.set(s, (totalByName.get(s) ?? 0) + dt);
    const leaf = kept.at(-1) ?? '(root)';
    selfByName.set(leaf, (selfByName.get(leaf) ?? 0) + dt);
  });
  const n = spans.length;
  const us = (x) => (x / n).toFixed(1).padStart(7);
  const measured = spans.reduce((sum, [a, b]) => sum + b - a, 0) / n;
  console.log(`${n} clicks: ${(root.total / n / 1000).toFixed(3)} ms sampled inside the spans, ${measured.toFixed(3)} ms measured (µs per click below)`);
  const show = (node, d) => {
    for (const [s, kid] of [...node.kids].sort((a, b) => b[1].total - a[1].total)) {
      if (kid.total / n < 10) continue;
      console.log(`${us(kid.total)} (self ${us(kid.self)}) ${'  '.repeat(d)}${s.slice(0, 160)}`);
      if (d < maxDepth) show(kid, d + 1);
    }
  };
  const idle = root.kids.get('(idle)')?.total ?? 0;
  if (idle > root.total / 4) console.log('warning: much of the spans sampled idle: the marker and the spans do not line up; profile again');
  show(root, 0);
  console.log('costliest functions by their own time:');
  for (const [s, v] of [...selfByName].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${us(v)} ${s.slice(0, 160)}`);
  // A cost spread over many callers (a lookup, a clone) shows only here.
  console.log('costliest functions with what they call (each sample counted once per name):');
  for (const [s, v] of [...totalByName].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`${us(v)} ${s.slice(0, 160)}`);
}
