import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '@cruddur/chromium';
import { ACTION, SERVICE } from '@cruddur/telemetry-conventions';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { startApi } from './api-server.js';
import { withEnv } from './env.js';
import { freePort } from './free-port.js';
import { PATHS } from './paths.js';
import type { ClickToTraceResults } from './results.js';
import { median, percentileOfSorted } from './stats.js';
import { isCompleteClickTrace, type ViewerSpan } from './trace-check.js';
import { SHIPPED_ARGS } from './variants.js';
import { startViewer } from './viewer-process.js';

const POLL_MS = 10;
const TRACE_TIMEOUT_MS = 10_000;
/** Between clicks, so one action's late spans never land in the next one's wait. */
const GAP_MS = 300;

/** Two links that each fetch from the API, clicked in turn. */
const TARGETS = [
  { link: 'Notifications', action: ACTION.openNotifications },
  { link: 'Home', action: ACTION.openHome },
] as const;

interface TraceSummary {
  readonly traceId: string;
  readonly services: readonly string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const getJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${String(response.status)}`);
  return (await response.json()) as T;
};

/** Polls the viewer until a trace first received at or after `since` is complete; returns Date.now() then. */
const waitForTrace = async (viewerUrl: string, since: number, action: string): Promise<number> => {
  const deadline = Date.now() + TRACE_TIMEOUT_MS;
  for (;;) {
    for (const { traceId, services } of await getJson<TraceSummary[]>(`${viewerUrl}/api/traces?since=${String(since)}`)) {
      if (!services.includes(SERVICE.frontend) || !services.includes(SERVICE.backend)) continue;
      const { spans } = await getJson<{ spans: ViewerSpan[] }>(`${viewerUrl}/api/traces/${traceId}`);
      if (isCompleteClickTrace(spans, action)) return Date.now();
    }
    if (Date.now() > deadline) throw new Error(`no complete ${action} trace in the viewer within ${String(TRACE_TIMEOUT_MS)} ms`);
    await sleep(POLL_MS);
  }
};

/**
 * The whole path as a user runs it: the web app built for this API's port
 * and served by Vite's preview, the API as shipped exporting to a trace
 * viewer process, Debian's Chromium clicking. Each sample runs from just
 * before the click to the poll that finds the trace complete.
 */
export const measureClickToTrace = async (clicks: number, progress: (line: string) => void): Promise<ClickToTraceResults> => {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const webOrigin = `http://127.0.0.1:${String(webPort)}`;
  const outDir = await mkdtemp(join(tmpdir(), 'cruddur-bench-web-'));
  const cleanups: (() => Promise<void>)[] = [() => rm(outDir, { recursive: true, force: true })];
  try {
    await withEnv({ BACKEND_URL: `http://127.0.0.1:${String(apiPort)}`, VITE_OTEL_DISABLED: undefined }, () =>
      build({ root: PATHS.frontendDir, configFile: PATHS.frontendViteConfig, logLevel: 'warn', build: { outDir, emptyOutDir: true } }),
    );
    const viewer = await startViewer();
    cleanups.push(() => viewer.stop());
    const api = await startApi(
      { nodeArgs: SHIPPED_ARGS, env: { TRACE_VIEWER_ENDPOINT: viewer.url, FRONTEND_URL: webOrigin, LOG_LEVEL: 'warn' } },
      apiPort,
    );
    cleanups.push(() => api.stop());
    const web = await preview({
      root: PATHS.frontendDir,
      configFile: PATHS.frontendViteConfig,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: webPort, strictPort: true },
    });
    cleanups.push(() => web.close());
    const browser = await chromium.launch(chromiumLaunchOptions);
    cleanups.push(() => browser.close());

    const page = await browser.newPage();
    const loadStarted = Date.now();
    await page.goto(webOrigin);
    // The page load's own trace: the whole path is warm before the first click.
    await waitForTrace(viewer.url, loadStarted, ACTION.pageLoad);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    const samples: number[] = [];
    for (let click = 0; click < clicks; click++) {
      const { link, action } = TARGETS[click % TARGETS.length] as (typeof TARGETS)[number];
      await sleep(GAP_MS);
      const clicked = Date.now();
      await navigation.getByRole('link', { name: link, exact: true }).click();
      samples.push((await waitForTrace(viewer.url, clicked, action)) - clicked);
    }
    progress(`click to trace: ${samples.map(String).join(' ')} ms`);
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      clicks,
      medianMs: median(samples),
      p90Ms: percentileOfSorted(sorted, 90),
      maxMs: sorted.at(-1) ?? 0,
      samplesMs: samples,
    };
  } finally {
    // Each one runs even if an earlier one failed.
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => {
        progress(`click to trace: cleanup failed: ${String(error)}`);
      });
    }
  }
};
