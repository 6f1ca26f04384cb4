import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@cruddur/chromium';
import { defineConfig } from '@playwright/test';
import {
  AWS_REGION,
  CLIENT_ROLLBAR_TOKEN,
  CLOUDWATCH_PORT,
  DUMMY_AWS_ACCESS_KEY_ID,
  DUMMY_AWS_SECRET,
  DUMMY_ROLLBAR_TOKEN,
  LOG_GROUP,
  ROLLBAR_ITEM_ENDPOINT,
  STAND_INS_URL,
  XRAY_OTLP_PORT,
} from './stand-ins/settings.js';

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

// Rollbar, X-Ray (over OTLP, the recommended path; the daemon path is
// tested at the wire, apps/backend-flask/test/xray-wire.test.ts) and
// CloudWatch Logs on, pointed at the local stand-ins with dummy credentials
// (the tests check they never leak), and the fault injection switch on so a
// test can ask for a real 500.
const REPORTING = {
  ROLLBAR_ACCESS_TOKEN: DUMMY_ROLLBAR_TOKEN,
  ROLLBAR_ENDPOINT: ROLLBAR_ITEM_ENDPOINT,
  ROLLBAR_ENVIRONMENT: 'e2e',
  AWS_XRAY_OTLP: 'true',
  AWS_ENDPOINT_URL_XRAY: `http://127.0.0.1:${String(XRAY_OTLP_PORT)}`,
  AWS_XRAY_DAEMON_ADDRESS: '',
  AWS_REGION,
  AWS_ACCESS_KEY_ID: DUMMY_AWS_ACCESS_KEY_ID,
  AWS_SECRET_ACCESS_KEY: DUMMY_AWS_SECRET,
  AWS_SESSION_TOKEN: '',
  AWS_PROFILE: '',
  AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: `http://127.0.0.1:${String(CLOUDWATCH_PORT)}`,
  CLOUDWATCH_LOG_GROUP: LOG_GROUP,
  CRUDDUR_FAULT_INJECTION: '1',
  NODE_ENV: 'test',
};

// The web app is built for the suite, into a folder of its own: with a
// Rollbar client token, its items going to the stand-in, and the fault
// switch, which only a build in a mode other than production honours (it
// adds the /faults page). The server secrets are in the build's environment
// too, as in a developer's shell: the tests check none reaches the browser.
const WEB_BUILD_DIR = fileURLToPath(new URL('./dist/frontend-react-js', import.meta.url));
const WEB_BUILD = {
  ROLLBAR_ACCESS_TOKEN: DUMMY_ROLLBAR_TOKEN,
  AWS_SECRET_ACCESS_KEY: DUMMY_AWS_SECRET,
  VITE_ROLLBAR_CLIENT_TOKEN: CLIENT_ROLLBAR_TOKEN,
  VITE_ROLLBAR_ENDPOINT: ROLLBAR_ITEM_ENDPOINT,
  VITE_ROLLBAR_ENVIRONMENT: 'e2e',
  CRUDDUR_FAULT_INJECTION: '1',
};
const vite = (args: string) => `pnpm --filter frontend-react-js exec vite ${args} --mode e2e --outDir ${WEB_BUILD_DIR}`;

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
      name: 'stand-ins',
      command: 'tsx stand-ins/serve.ts',
      url: `${STAND_INS_URL}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
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
      // Info: the access lines CloudWatch gets are info lines.
      env: { ...LOCAL_TRACING, ...REPORTING, PORT: '4567', FRONTEND_URL, LOG_LEVEL: 'info' },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      name: 'frontend-react-js',
      command: `${vite('build --emptyOutDir --logLevel warn')} && ${vite('preview')}`,
      url: FRONTEND_URL,
      env: WEB_BUILD,
      reuseExistingServer: false,
      // The build comes first: a few seconds when idle, the rest for a loaded machine.
      timeout: 120_000,
    },
  ],
});
