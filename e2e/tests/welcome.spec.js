// A first visit that explains itself (#21): the welcome with the real plans
// to start from, the analyses reachable from the top of the page with their
// own fragments, and, on a phone, the verdict in sight in every tab.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp, clause, regions, draftsMenu } from './fixtures.js';

const welcome = (page) => page.getByRole('region', { name: 'How to start' });

async function expectNoSeriousViolations(page, what) {
  const results = await new AxeBuilder({ page }).include('.masthead').include('.welcome').include('.verdict-bar')
    .include('.drafts-bar').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes[0].target.join(' ')}`), what).toEqual([]);
}

test('a first visit starts from a real plan in the welcome and sees its verdicts; the welcome can come back', async ({ page }) => {
  await openApp(page);
  const cards = welcome(page).getByRole('listitem');
  await expect(cards).toHaveCount(14);
  const plan = welcome(page).getByRole('button', { name: /^US 28-point plan/ });
  // Each card says who proposed the plan, when, and how fully the sources describe it.
  await expect(plan).toContainText('United States');
  await expect(plan).toContainText('Nov 2025');
  await expect(plan).toContainText('described only in part by the sources');
  await plan.click();
  await expect(welcome(page)).toHaveCount(0);
  // Named as a sentence says them: "the" before a name that takes it.
  await expect(regions(page).verdicts.getByRole('status').first()).toContainText('crosses hard red lines of Ukraine and the European Commission (2 of 17 parties)');
  await expect(regions(page).verdicts.getByRole('heading', { name: 'Verdicts' })).toBeFocused();
  await expect(page.locator('.draft-topic:visible').first()).toBeVisible();
  // Reachable again, and gone again with "Start blank".
  await page.getByRole('button', { name: 'How to start' }).click();
  await expect(welcome(page)).toBeVisible();
  await welcome(page).getByRole('button', { name: 'Start blank' }).click();
  await expect(welcome(page)).toHaveCount(0);
  // Focus lands where a blank draft is built, and the next Tab goes on into the library.
  await expect(page.locator('#library-heading')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Search clauses, topics, actors, plans')).toBeFocused();
  // A returning reader with a stored draft is not welcomed again.
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('redline:flush')));
  await page.reload();
  await expect(page.locator('.draft-topic:visible').first()).toBeVisible();
  await expect(welcome(page)).toHaveCount(0);
});

test('a plan started from the welcome is the one the draft\'s picker shows, with its own caveat, after a reload too', async ({ page }) => {
  await openApp(page);
  await welcome(page).getByRole('button', { name: /^Witkoff paper/ }).click();
  const picker = page.locator('#start-preset');
  const caveat = page.locator('.start-from .preset-caveat');
  // The picker had shown the first preset, the US 28-point plan, and its
  // "described only in part" beside a draft based on another plan.
  await expect(picker.locator('option:checked')).toHaveText('Witkoff paper (partly described)');
  await expect(caveat).toContainText('Witkoff paper');
  await expect(caveat).not.toContainText('US 28-point plan');
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('redline:flush')));
  await page.reload();
  await expect(picker.locator('option:checked')).toHaveText('Witkoff paper (partly described)');
  // A reader's own pick stands until another plan is started from.
  await picker.selectOption({ label: 'Paris Declaration (partly described)' });
  await expect(caveat).toContainText('Paris Declaration');
  await page.getByRole('button', { name: 'Start from this plan' }).click();
  await expect(page.locator('#draft-title')).toHaveValue('Paris Declaration');
  await expect(picker.locator('option:checked')).toHaveText('Paris Declaration (partly described)');
  // Cleared, the draft is based on no plan: the picker offers again, with no caveat.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(picker.locator('option:checked')).toHaveText('Choose a plan…');
  await expect(caveat).toHaveCount(0);
  // Undo brings the plan back, and the picker shows it again.
  await page.getByRole('button', { name: 'Undo clear' }).click();
  await expect(picker.locator('option:checked')).toHaveText('Paris Declaration (partly described)');
});

test('the welcome goes once the draft has a clause, and "Start blank" leaves an empty draft', async ({ page }) => {
  await openApp(page);
  // "Open a draft file" opens the file picker of the Drafts menu's import,
  // closed as it is, by keyboard too: it is the tab stop after "Start blank".
  // (Waited for first: the wait turns file-chooser interception on, which a key press outruns.)
  const chooser = page.waitForEvent('filechooser');
  await welcome(page).getByRole('button', { name: 'Start blank' }).focus();
  await page.keyboard.press('Tab');
  await expect(welcome(page).getByRole('button', { name: 'Open a draft file' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect((await chooser).isMultiple()).toBe(false);
  await welcome(page).getByRole('button', { name: 'Start blank' }).click();
  await expect(welcome(page)).toHaveCount(0);
  // Focus lands where a blank draft is built, and the next Tab goes on into the library.
  await expect(page.locator('#library-heading')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Search clauses, topics, actors, plans')).toBeFocused();
  await expect(page.getByText('No clauses yet')).toBeVisible();
  await page.getByRole('button', { name: 'How to start' }).click();
  await clause(page, 'crimea-de-facto-russian').locator('.toggle').click();
  await expect(welcome(page)).toHaveCount(0);
});

test('on a phone, a file opened from the welcome says what became of it where the reader looks, even before the Draft tab is built', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // A busy phone that is never idle: the Draft tab, with the drafts bar and its file input, is not built yet.
  await page.addInitScript(() => { window.requestIdleCallback = () => 0; });
  await openApp(page);
  await expect(page.locator('.drafts-bar')).toHaveCount(0);
  const chooser = page.waitForEvent('filechooser');
  await welcome(page).getByRole('button', { name: 'Open a draft file' }).click();
  await (await chooser).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Meeting notes, not a draft.') });
  // The notice sits with the drafts, on the Draft tab: that tab opens and shows it.
  const notice = page.getByRole('status').filter({ hasText: 'notes.txt was not imported' });
  await expect(notice).toBeVisible();
  await expect(notice).toBeInViewport();
  await expect(notice).toContainText('Nothing was changed.');
});

test('a draft file opened from the welcome by keyboard leaves focus on the draft, not on the page\'s body', async ({ page }) => {
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await welcome(page).getByRole('button', { name: 'Open a draft file' }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'plan.json', mimeType: 'application/json',
    buffer: Buffer.from('{"format":"redline-plan","version":1,"title":"From a file","clauses":[{"id":"army-cap"}]}') });
  await expect(page.getByLabel('Title')).toHaveValue('From a file');
  await expect(welcome(page)).toHaveCount(0);
  await expect(page.locator('#draft-heading')).toBeFocused();
});

test('the analyses are linked from the top: each opens at its own fragment, and back goes back', async ({ page }) => {
  await openApp(page);
  const analyses = page.getByRole('navigation', { name: 'Analyses' });
  await analyses.getByRole('link', { name: 'Find agreement' }).click();
  await expect(page).toHaveURL(/#agree$/);
  await expect(page.getByRole('button', { name: /Find agreement: the settlement/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#agree')).toBeInViewport();
  await analyses.getByRole('link', { name: 'Who objects to what' }).click();
  await expect(page).toHaveURL(/#grid$/);
  await expect(page.locator('#grid-picture table')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#agree$/);
  await expect(page.locator('#agree')).toBeInViewport();
  // A linked analysis opens on arrival.
  await page.goto('/#compare');
  await expect(page.getByRole('button', { name: 'Compare the draft with a plan' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('Compare the draft with')).toBeVisible();
});

for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`arriving at an analysis's fragment shows its top once it has opened and filled, ${size.width} px`, async ({ page }) => {
    await page.setViewportSize(size);
    for (const fragment of ['#grid', '#compare', '#agree']) {
      await openApp(page, `/${fragment}`);
      // Its code loaded and its content in: the page's height has settled.
      await expect(page.locator(`${fragment} .loading`)).toHaveText('');
      await page.waitForTimeout(300);
      const top = await page.locator(fragment).evaluate((el) => el.getBoundingClientRect().top);
      expect(top, fragment).toBeGreaterThanOrEqual(0);
      expect(top, fragment).toBeLessThan(size.height / 3);
      await page.goto('about:blank');
    }
  });
}

test('on a phone, the verdict stays in sight in the Library tab, follows every click, opens the verdicts and steps aside there', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await welcome(page).getByRole('button', { name: /^US 28-point plan/ }).click();
  // Starting from a plan shows its verdicts.
  await expect(regions(page).verdicts).toBeVisible();
  await expect(regions(page).library).toBeHidden();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Draft', exact: true }).click();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Library', exact: true }).click();
  const bar = page.locator('.verdict-bar');
  await expect(bar).toBeInViewport();
  await expect(bar).toContainText('✖ 0 ▲ 0 ◆ 0');
  await expect(bar).toContainText('No hard red line crossed');
  // Crimea returned to Ukraine goes against Russia's stated terms: the bar follows.
  await clause(page, 'crimea-restored-to-ukraine').locator('.toggle').click();
  await expect(bar).not.toContainText('✖ 0 ▲ 0 ◆ 0');
  await expect(bar).toBeInViewport();
  // Compact: it must not cover the tab it sits on.
  expect((await bar.boundingBox()).height).toBeLessThan(90);
  await bar.click();
  await expect(regions(page).verdicts).toBeVisible();
  await expect(regions(page).library).toBeHidden();
  // On the Verdicts tab it would only repeat the summary above: it goes, and comes back on another tab.
  await expect(bar).toBeHidden();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Draft', exact: true }).click();
  await expect(bar).toBeInViewport();
});

test('the verdict bar, which a wide screen hides and leaves as it was, shows the draft as it is once the window narrows', async ({ page }) => {
  await openApp(page);
  await welcome(page).getByRole('button', { name: 'Start blank' }).click();
  // All of Donbas Russian de jure: hard red lines of Ukraine and the
  // Commission, firm demands of the UK, France and Germany, the EU's preference.
  await clause(page, 'donbas-whole-de-jure-russian').locator('.toggle').click();
  await expect(page.locator('.summary')).toContainText('Ukraine and the European Commission');
  await page.setViewportSize({ width: 390, height: 844 });
  const bar = page.locator('.verdict-bar');
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('✖ 2 ▲ 3 ◆ 1');
  await expect(bar).toContainText('Hard red lines of 2 of 17 parties crossed');
  // And back: the counts follow a click made while it is hidden.
  await page.setViewportSize({ width: 1280, height: 720 });
  await clause(page, 'donbas-whole-de-jure-russian').locator('.toggle').click();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(bar).toContainText('✖ 0 ▲ 0 ◆ 0');
});

for (const colorScheme of ['light', 'dark']) {
  test(`the welcome, the masthead, the drafts menu and the phone's verdict bar pass axe, ${colorScheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openApp(page);
    await expectNoSeriousViolations(page, 'wide, welcome');
    await draftsMenu(page);
    await expectNoSeriousViolations(page, 'wide, drafts menu open');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSeriousViolations(page, 'phone, welcome and verdict bar');
  });
}
