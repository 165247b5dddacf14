import { defineConfig } from '@playwright/test'
import { chromiumPath, CHROMIUM_ARGS } from './e2e/fixtures/chromium'

/**
 * Two projects over the same built app (`npm run build` first, or let global setup do it):
 * - `browser`: the real host in browser mode (`townlet serve`) driven through Debian Chromium,
 *   never a Playwright-downloaded browser (`CHROMIUM_PATH` points elsewhere).
 * - `electron`: the same smoke through `_electron`; it skips itself when no binary exists.
 * One worker: the machines have two cores and every spec spawns its own host.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000
  },
  projects: [
    {
      name: 'browser',
      testIgnore: /electron\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] }
      }
    },
    {
      name: 'electron',
      testMatch: /electron\.spec\.ts$/
    }
  ]
})
