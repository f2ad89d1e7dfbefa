// Screenshots of the release build for the README: the wide and the phone
// layout, each starting from the US 28-point plan with a card open, so the
// pictures show what a reader sees. Run by scripts/screenshots.
//
//   node screenshots.mjs DIST OUT_DIR
import { chromium } from '@playwright/test';
import { serveDist } from './serve-dist.mjs';

const [dist = '../dist', out = '../docs/screenshots'] = process.argv.slice(2);
const server = await serveDist(dist);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const shots = [
  { name: 'wide', viewport: { width: 1440, height: 900 }, tab: null },
  { name: 'phone', viewport: { width: 390, height: 844 }, tab: 'Verdicts' },
];
for (const { name, viewport, tab } of shots) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await page.getByRole('heading', { level: 2, name: 'Clause library' }).waitFor();
  const tabs = page.getByRole('navigation', { name: 'Sections' });
  if (tab) await tabs.getByRole('button', { name: 'Draft' }).click();
  await page.locator('#start-preset').selectOption({ label: 'US 28-point plan (partly described)' });
  await page.getByRole('button', { name: 'Start from this plan' }).click();
  if (tab) await tabs.getByRole('button', { name: tab }).click();
  await page.locator('li.card[data-actor="ukraine"] .card-head').click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`screenshots: ${out}/${name}.png (${viewport.width} x ${viewport.height})`);
  await page.close();
}
await browser.close();
await server.close();
