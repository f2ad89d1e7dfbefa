import { test, expect, openApp } from './fixtures.js';

test('the app loads, mounts its three regions and names its sources', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Redline' })).toBeVisible();
  for (const region of ['Clause library', 'Your draft', 'Verdicts']) {
    await expect(page.getByRole('region', { name: region, exact: true })).toBeVisible();
  }
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('heading', { name: 'Sources' })).toBeVisible();
  await expect(footer.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(5);
  await expect(footer).toContainText('Global Times');
});

test('clicking a clause adds it to the draft and re-evaluates the verdicts', async ({ page }) => {
  await openApp(page);
  const draft = page.getByRole('region', { name: 'Your draft' });
  await expect(draft).toContainText('No clauses yet');
  const first = page.getByRole('region', { name: 'Clause library' }).locator('li.clause').first().locator('.toggle');
  await expect(first).toHaveAttribute('aria-checked', 'false');
  const summary = page.getByRole('region', { name: 'Verdicts', exact: true }).getByRole('status');
  const before = await summary.textContent();
  const title = (await first.locator('.title').textContent()).trim();
  await first.click();
  await expect(first).toHaveAttribute('aria-checked', 'true');
  await expect(draft).toContainText('1 clause');
  await expect(draft).toContainText(title);
  // The first clause (Crimea recognised as Russian) changes the verdicts.
  await expect(summary).not.toHaveText(before);
  await draft.getByRole('button', { name: `Remove ${title}` }).click();
  await expect(draft).toContainText('No clauses yet');
  await expect(first).toHaveAttribute('aria-checked', 'false');
});

test('the library lists every topic with each clause and its sources', async ({ page }) => {
  await openApp(page);
  const library = page.getByRole('region', { name: 'Clause library' });
  const topics = library.locator('section.topic');
  expect(await topics.count()).toBeGreaterThanOrEqual(12);
  const firstClause = library.locator('li.clause').first();
  await firstClause.getByText('Text and sources').click();
  await expect(firstClause.locator('.cites li').first()).toContainText(/\d{4}/);
});
