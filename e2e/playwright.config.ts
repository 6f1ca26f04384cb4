import { chromiumLaunchOptions } from '@cruddur/chromium';
import { defineConfig } from '@playwright/test';

// The end-to-end suite runs against the built apps on their real ports, as a
// user would run them with `pnpm start`; stop `pnpm dev` before running it.
const FRONTEND_URL = 'http://localhost:3000';
const BACKEND_URL = 'http://localhost:4567';
export const TRACE_VIEWER_URL = 'http://127.0.0.1:4318';

// Whatever the developer's shell exports, the suite's traces go to its own
// local viewer: never to a real Honeycomb account.
const LOCAL_TRACING = {
  HONEYCOMB_API_KEY: '',
  OTEL_EXPORTER_OTLP_ENDPOINT: '',
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
  OTEL_EXPORTER_OTLP_HEADERS: '',
  OTEL_SDK_DISABLED: '',
  TRACE_VIEWER_ENDPOINT: TRACE_VIEWER_URL,
};

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  // One app, one in-memory store: tests run in order on one worker.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: FRONTEND_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      name: 'trace-viewer',
      command: 'pnpm --filter @cruddur/trace-viewer start',
      url: `${TRACE_VIEWER_URL}/api/health`,
      env: { ...LOCAL_TRACING, TRACE_VIEWER_PORT: '4318' },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      name: 'backend-flask',
      command: 'pnpm --filter backend-flask start',
      url: `${BACKEND_URL}/api/health-check`,
      env: { ...LOCAL_TRACING, PORT: '4567', FRONTEND_URL, LOG_LEVEL: 'warn' },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      name: 'frontend-react-js',
      command: 'pnpm --filter frontend-react-js start',
      url: FRONTEND_URL,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
