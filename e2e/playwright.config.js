// End-to-end tests against the release build (dist/), in Debian's Chromium.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.REDLINE_E2E_PORT ?? 4173);
// Another build than ../dist, e.g. one made with `trunk build --dist DIR` beside it.
const dist = process.env.REDLINE_E2E_DIST ?? '../dist';

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node serve-dist.mjs ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 10_000,
  },
});
