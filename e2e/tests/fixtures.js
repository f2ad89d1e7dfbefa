// A page fixture that fails the test on any console error, uncaught
// exception or failed request: "no error" is checked in every test.
import { test as base, expect } from '@playwright/test';

/**
 * Collects console errors, uncaught exceptions and failed requests of a page.
 *
 * One failure is not a fault: a request the old document was still making
 * when the page navigated away (the favicon, typically) is aborted by the
 * browser with net::ERR_ABORTED. Such an abort is excused when a navigation
 * started after the request did and no later than shortly after the abort;
 * the browser may report the abort and the navigation in either order, so an
 * abort already listed is withdrawn when its navigation shows up.
 */
export function watchProblems(page) {
  const problems = [];
  const startedAt = new WeakMap();
  const unexplainedAborts = [];
  let lastNavigation = -Infinity;
  const SAME_MOMENT_MS = 500;
  const navigated = () => {
    lastNavigation = performance.now();
    for (const abort of unexplainedAborts.splice(0)) {
      if (lastNavigation - abort.at > SAME_MOMENT_MS) continue;
      problems.splice(problems.indexOf(abort.problem), 1);
    }
  };
  page.on('request', (r) => {
    startedAt.set(r, performance.now());
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) navigated();
  });
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigated(); });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    const problem = `request failed: ${r.url()} ${r.failure()?.errorText}`;
    const abortedSubresource = r.failure()?.errorText === 'net::ERR_ABORTED' && !r.isNavigationRequest();
    if (abortedSubresource && lastNavigation >= (startedAt.get(r) ?? Infinity)) return;
    problems.push(problem);
    if (abortedSubresource) unexplainedAborts.push({ problem, at: performance.now() });
  });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return problems;
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = watchProblems(page);
    await use(page);
    expect(problems, 'console errors, exceptions or failed requests').toEqual([]);
  },
});
export { expect };

/**
 * Opens the app and waits until it has taken over from the first screen that
 * came with the page (public/start.js marks `redline-ready`).
 */
export async function openApp(page, path = '/') {
  await page.goto(path);
  await appReady(page);
}

/** Waits until the live app has replaced the build-time first screen. */
export async function appReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('redline-ready').length > 0);
  await expect(page.getByRole('heading', { level: 2, name: 'Clause library' })).toBeVisible();
}

/** Opens the Drafts menu if it is closed, and returns it. */
export async function draftsMenu(page) {
  const menu = page.locator('details.drafts-menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  return menu;
}

/** The three builder regions, by their accessible names. */
export function regions(page) {
  return {
    library: page.getByRole('region', { name: 'Clause library', exact: true }),
    draft: page.getByRole('region', { name: 'Your draft', exact: true }),
    verdicts: page.getByRole('region', { name: 'Verdicts', exact: true }),
  };
}

/** The library entry (li) of a clause, by its id. */
export function clause(page, id) {
  return page.locator(`.library li.clause[data-clause="${id}"]`);
}

/** Starts the draft from a preset, by the name shown in the picker. */
export async function startFrom(page, presetLabel) {
  await page.locator('#start-preset').selectOption({ label: presetLabel });
  await page.getByRole('button', { name: 'Start from this plan' }).click();
}

/**
 * Where the click benchmarks start: the app open at `path` with the US
 * 28-point plan as the draft (a full preset makes every evaluation and draft
 * update realistic in size), the library showing (on a phone, behind its tab).
 */
export async function startClickBenchmark(page, { tabs = false, path = '/' } = {}) {
  await openApp(page, path);
  if (tabs) await page.getByRole('button', { name: 'Draft', exact: true }).click();
  await startFrom(page, 'US 28-point plan (partly described)');
  if (tabs) await page.getByRole('button', { name: 'Library', exact: true }).click();
}

/**
 * The clauses the click benchmarks click, by id, in turn: twelve across the
 * topics, two of which move a verdict from the 28-point plan. Named rather
 * than picked by place in the library (it was every eighth from the fourth),
 * so that a library with other clauses still clicks the same ones and
 * figures stay comparable across builds (docs/performance.md).
 */
export const BENCHMARK_CLAUSES = [
  'crimea-left-to-later-talks', 'south-restored-to-ukraine', 'occupied-kharkiv-returned',
  'army-demilitarised', 'nato-expansion-halt', 'guarantee-article5-equivalent',
  'foreign-forces-none', 'troops-uk-france-training', 'turkey-maritime-security',
  'sanctions-secondary', 'russia-pays-reparations', 'constitution-amendment-after-martial-law',
];

/** Benchmark figures of timings in ms: count, median, 95th percentile, max. */
export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

// A verdict card's head, clicked as a reader would: a card with no stated
// objection sits in its group's collapsed line of names, opened first.
export async function openCard(page, actor) {
  const card = page.locator(`li.card[data-actor="${actor}"]`);
  if (await card.isHidden()) {
    await page.locator('ul.cards', { has: card }).locator('.quiet-toggle').click();
  }
  await card.locator('.card-head').click();
  return card;
}
