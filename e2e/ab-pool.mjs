// Pools several `ab-click.mjs` runs saved with SAVE=FILE and says how sure
// the difference is: one run's p95 rests on its 18 dearest clicks of 360 and
// moves by a millisecond between runs, more than most changes weigh.
// Prints each build's mean, median and p95 of script + style and layout over
// every click of every run, and the difference (B - A) with a 95% bootstrap
// interval (2,000 resamples): an interval that holds 0 has not shown a change.
//   node ab-pool.mjs FILE... ; a file named with a leading "-" (as in
//   -run2.json) had the builds in the other order: its b is this A.
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node ab-pool.mjs FILE... (a leading "-" swaps that run\'s builds)');
  process.exit(2);
}
const a = [], b = [];
for (const name of files) {
  const swapped = name.startsWith('-');
  const run = JSON.parse(readFileSync(swapped ? name.slice(1) : name, 'utf8'));
  const both = (samples) => samples.map(([script, layout]) => script + layout);
  a.push(...both(swapped ? run.b : run.a));
  b.push(...both(swapped ? run.a : run.b));
}
const at = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const figures = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return [s.reduce((t, x) => t + x, 0) / s.length, at(s, 0.5), at(s, 0.95)];
};
// A small seeded generator: the same files print the same intervals.
let seed = 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const resample = (xs) => xs.map(() => xs[Math.floor(random() * xs.length)]);
const diffs = Array.from({ length: 2000 }, () => {
  const [fa, fb] = [figures(resample(a)), figures(resample(b))];
  return fb.map((x, i) => x - fa[i]);
});
const [fa, fb] = [figures(a), figures(b)];
console.log(`${a.length} clicks of A, ${b.length} of B, from ${files.length} runs; ms of script + style and layout`);
['mean', 'median', 'p95'].forEach((name, i) => {
  const d = diffs.map((x) => x[i]).sort((x, y) => x - y);
  console.log(`  ${name.padEnd(6)} A ${fa[i].toFixed(2)}  B ${fb[i].toFixed(2)}  B - A ${(fb[i] - fa[i]).toFixed(2)}`
    + `  (95%: ${at(d, 0.025).toFixed(2)} to ${at(d, 0.975).toFixed(2)})`);
});
