// Playwright end-to-end tests, run by `npm test` (scripts/test.mjs) against the built app on a
// free port with a fresh database, or by hand against a running `npm start`:
//   CALLCENTER_E2E_URL=http://127.0.0.1:5080 npx playwright test -c tests/e2e/playwright.config.ts
// Always Debian's Chromium: a test tool never downloads a browser of its own here.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e', // screenshots and traces of failures
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.CALLCENTER_E2E_JSON ?? '../../test-results/playwright.json' }],
  ],
  use: {
    baseURL: process.env.CALLCENTER_E2E_URL ?? 'http://127.0.0.1:5080',
    headless: true,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    viewport: { width: 1440, height: 900 },
    locale: process.env.CALLCENTER_E2E_LOCALE ?? 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CALLCENTER_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required', // the recordings spec starts the player from a script
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
