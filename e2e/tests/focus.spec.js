// Focus and view after actions that end their own control, and results that
// arrive away from where the reader looks (src/shell/focus_home.rs, links.rs,
// drafts_bar.rs): a button that removes or disables itself never leaves
// focus on the page's body, and a link pasted into a page already scrolled
// shows its bar or its alert in view.
import { test, expect, openApp, startFrom, openCard } from './fixtures.js';

const US28 = 'US 28-point plan (partly described)';

test('buttons that remove or disable themselves hand focus on, never to the body', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await startFrom(page, US28);
  // A notice's Undo and Dismiss: to the draft, which they spoke of.
  await page.getByRole('button', { name: 'Undo: empty the draft again' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#draft-heading')).toBeFocused();
  await startFrom(page, US28);
  await page.locator('.drafts-bar ~ .banners').getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#draft-heading')).toBeFocused();
  // The scenario banner's way back: to the verdicts, which it changed.
  const card = await openCard(page, 'russia');
  await card.getByRole('button', { name: 'Set aside all its positions' }).click();
  const back = page.getByRole('button', { name: "Back to the sources' positions" });
  await back.focus();
  await page.keyboard.press('Enter');
  await expect(back).toHaveCount(0);
  await expect(page.locator('#verdicts-heading')).toBeFocused();
  // "Latest" disables itself: to the timeline's slider beside it.
  await page.locator('#as-of').focus();
  await page.keyboard.press('Home');
  const latest = page.getByRole('button', { name: 'Latest' });
  await expect(latest).toBeEnabled();
  await latest.focus();
  await page.keyboard.press('Enter');
  await expect(latest).toBeDisabled();
  await expect(page.locator('#as-of')).toBeFocused();
  // A page alert's Dismiss: to the draft.
  await page.evaluate(() => { location.hash = 'plan=AAAAzzzz'; });
  const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
  await alert.getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Enter');
  await expect(alert).toHaveCount(0);
  await expect(page.locator('#draft-heading')).toBeFocused();
});

for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`a link pasted into a page already scrolled shows its bar, or its alert, in view, ${size.width} px`, async ({ page, context }) => {
    // A real link, as the share panel makes it, from another tab.
    const other = await context.newPage();
    await openApp(other);
    await startFrom(other, US28);
    await other.getByRole('button', { name: 'Share link' }).click();
    const fragment = (await other.getByLabel('Link to this draft').inputValue()).split('#')[1];
    await other.close();
    await page.setViewportSize(size);
    await openApp(page);
    const scrolled = () => page.evaluate(() => { window.scrollTo(0, document.body.scrollHeight); return window.scrollY; });
    expect(await scrolled()).toBeGreaterThan(200);
    await page.evaluate(() => { location.hash = 'plan=AAAAzzzz'; });
    await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toBeInViewport();
    expect(await scrolled()).toBeGreaterThan(200);
    await page.evaluate((f) => { location.hash = f; }, fragment);
    await expect(page.locator('.viewing-bar')).toBeInViewport();
  });
}
