import { chromiumLaunchOptions } from '@cruddur/chromium';
import { defineConfig } from '@playwright/test';

// The tracing traps only show in a real browser: Debian's Chromium, since
// Playwright cannot download its own build here.
export default defineConfig({
  testDir: './test/browser',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results',
  globalSetup: './test/browser/build-fixture.ts',
  // Each test starts its own servers on OS-chosen ports, so tests can run in parallel.
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  use: {
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
});
