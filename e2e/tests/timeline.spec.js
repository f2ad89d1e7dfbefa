// The as-of timeline (issue #21): a range over the dates the library knows,
// driven by the keyboard alone; verdicts and cards follow it; axe finds no
// serious or critical violation in the verdicts region, light and dark.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp, startFrom, openCard } from './fixtures.js';

const US28 = 'US 28-point plan (partly described)';

function card(page, actor) {
  const li = page.locator(`li.card[data-actor="${actor}"]`);
  return { li, verdict: li.locator('.card-head .verdict'), stated: li.locator('.card-body .stated') };
}

test('the timeline steps through the library\'s dates by keyboard, and verdicts follow', async ({ page }) => {
  await openApp(page);
  await startFrom(page, US28);
  const timeline = page.getByRole('slider', { name: 'Positions as stated by' });
  const now = page.locator('.as-of-now');
  const latest = page.getByRole('button', { name: 'Latest', exact: true });
  const ukraine = card(page, 'ukraine');
  const russia = card(page, 'russia');

  // At first: the latest positions, and the last step of the timeline.
  await expect(timeline).toHaveAttribute('aria-valuetext', /^Latest, 6 Jan 2026: Paris Declaration; /);
  await expect(latest).toBeDisabled();
  // The policy paper's "Jan 2026" sorts before 6 Jan 2026, though it may be later: said.
  await expect(page.locator('.as-of .hint')).toHaveText(
    'Each actor\'s latest stated position applies. Positions dated only “Jan 2026” may have been stated after 6 Jan 2026, the latest day named.');
  await expect(ukraine.verdict).toHaveText('crosses a hard red line');
  await expect(russia.verdict).toHaveText('conflicts with a firm demand');
  await openCard(page, 'ukraine');
  await openCard(page, 'russia');
  await expect(ukraine.stated).toHaveText(/ positions in force, stated or reported between 2025 and Jan 2026\.$/);

  // Home: the first date the library knows, a plan of 2022; nobody had stated a position yet.
  await timeline.focus();
  await page.keyboard.press('Home');
  await expect(timeline).toHaveAttribute('aria-valuetext', '2022: Istanbul model (2022)');
  await expect(now).toHaveText('2022: Istanbul model (2022)');
  await expect(russia.verdict).toHaveText('no stated objection');
  await expect(ukraine.verdict).toHaveText('no stated objection');
  await expect(russia.stated).toHaveText('No position stated by 1 Jan 2022; the first is dated 14 Jun 2024.');
  await expect(page.locator('.summary')).toHaveText('This draft crosses no hard red line of the 17 parties.');
  // "No stated objection" here means nothing said yet, and the group says so.
  await expect(page.locator('#party-cards .quiet-toggle')).toHaveText('✓ No stated objection (17; none had stated a position by 1 Jan 2022)');
  await expect(latest).toBeEnabled();

  // One step on: Putin's terms of June 2024 come into force; Ukraine has still stated nothing.
  await page.keyboard.press('ArrowRight');
  await expect(timeline).toHaveAttribute('aria-valuetext', "14 Jun 2024: Russia's terms (Putin, June 2024); 9 positions of Russia");
  await expect(russia.verdict).toHaveText('conflicts with a firm demand');
  await expect(russia.stated).toHaveText('9 positions in force, stated 14 Jun 2024.');
  await expect(ukraine.verdict).toHaveText('no stated objection');
  await expect(ukraine.stated).toHaveText('No position stated by 14 Jun 2024; the first is dated 2025.');
  await expect(page.locator('.as-of .hint')).toHaveText('Only positions stated by 14 Jun 2024 count (or reported by then, where the sources give no date); later ones are ignored.');

  // End: the latest again, the same as at first.
  await page.keyboard.press('End');
  await expect(timeline).toHaveAttribute('aria-valuetext', /^Latest, 6 Jan 2026/);
  await expect(ukraine.verdict).toHaveText('crosses a hard red line');
  await expect(latest).toBeDisabled();

  // Back four steps to 18 Dec 2025: before Ukraine's red lines reported on 26 Dec 2025.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expect(timeline).toHaveAttribute('aria-valuetext', /^18 Dec 2025: 2 positions of the European Union and the European Council$/);
  await expect(ukraine.verdict).toHaveText('strains a stated preference');
  await expect(ukraine.stated).toHaveText(/ positions in force, stated or reported between 2025 and Dec 2025\.$/);
  // The keyboard never left the control; "Latest" brings the latest back.
  await expect(timeline).toBeFocused();
  await latest.click();
  await expect(timeline).toHaveJSProperty('value', await timeline.getAttribute('max'));
  await expect(ukraine.verdict).toHaveText('crosses a hard red line');
});

test('the marks under the timeline sit under the thumb\'s steps, a few years labelled', async ({ page }) => {
  await openApp(page);
  const timeline = page.getByRole('slider', { name: 'Positions as stated by' });
  await expect(timeline).toBeVisible();
  const marks = page.locator('.as-of-marks > span');
  const steps = Number(await timeline.getAttribute('max')) + 1;
  await expect(marks).toHaveCount(steps);
  expect(await marks.allTextContents()).toEqual(expect.arrayContaining(['2022', '2025']));
  // The first and last marks are half a thumb (8 px) inside the control's ends.
  const [left, right, first, last] = await page.evaluate(() => {
    const range = document.getElementById('as-of').getBoundingClientRect();
    const marks = document.querySelectorAll('.as-of-marks > span');
    const centre = (el) => { const r = el.getBoundingClientRect(); return r.left + r.width / 2; };
    return [range.left, range.right, centre(marks[0]), centre(marks[marks.length - 1])];
  });
  expect(Math.abs(first - (left + 8))).toBeLessThan(1.5);
  expect(Math.abs(last - (right - 8))).toBeLessThan(1.5);
});

test('inside a year the sources give no day for, the hint says such positions count from its first day', async ({ page }) => {
  await openApp(page);
  const timeline = page.getByRole('slider', { name: 'Positions as stated by' });
  await timeline.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 12 && !/^12 Feb 2025/.test(await timeline.getAttribute('aria-valuetext')); i++) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(timeline).toHaveAttribute('aria-valuetext', /^12 Feb 2025/);
  await expect(page.locator('.as-of .hint')).toContainText('Positions dated only “2025” count from its first day, though they may have been stated after 12 Feb 2025.');
  // At the year's own stop, nothing needs saying.
  await page.keyboard.press('ArrowLeft');
  await expect(timeline).toHaveAttribute('aria-valuetext', /^2025: /);
  await expect(page.locator('.as-of .hint')).not.toContainText('dated only');
});

for (const colorScheme of ['light', 'dark']) {
  test(`no serious axe violation in the verdicts and the timeline, ${colorScheme} scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openApp(page);
    await startFrom(page, US28);
    await openCard(page, 'ukraine');
    const timeline = page.getByRole('slider', { name: 'Positions as stated by' });
    const scan = async (state) => {
      const results = await new AxeBuilder({ page }).include('.verdicts').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
      expect(report, `axe at ${state}`).toEqual([]);
    };
    await scan('Latest');
    await timeline.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('li.card[data-actor="ukraine"] .stated')).toHaveText(/^No position stated by 14 Jun 2024/);
    await scan('14 Jun 2024, the timeline focused');
  });
}
