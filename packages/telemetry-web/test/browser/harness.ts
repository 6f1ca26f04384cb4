// A Playwright fixture: per test, the fixture app's own servers and helpers
// to open it and read the traces its clicks produced.
import { ACTION } from '@cruddur/telemetry-conventions';
import { test as base, expect } from '@playwright/test';
import type { ReceivedSpan } from './otlp.js';
import { startApiServer, startStaticServer, type ApiServer } from './servers.js';

/** The action of the fixture's Mark button, one no test clicks otherwise (see `App.mark`). */
const MARK = ACTION.confirm;

export interface App {
  /** The API, which also receives the exported spans. */
  readonly api: ApiServer;
  /** Another origin the page calls: it must never get trace headers. */
  readonly thirdParty: ApiServer;
  /** Console warnings the page logged. */
  readonly warnings: string[];
  /** Opens the app; `options` go to the query string (e.g. `delay`, `enabled`). */
  open(options?: Record<string, string>): Promise<void>;
  /** Waits until `count` root spans named `name` arrived; returns them in the order they arrived. */
  roots(name: string, count?: number): Promise<ReceivedSpan[]>;
  /**
   * Clicks Mark, an action of its own that does nothing, and waits for its
   * root. Spans leave in the order they ended, one batch after the other, so
   * by then every span that ended before it has arrived. Returns that root.
   */
  mark(): Promise<ReceivedSpan>;
  /** Every span received of the trace `traceId`. */
  trace(traceId: string): ReceivedSpan[];
  /** The distinct trace ids among the spans received. */
  traceIds(): Set<string>;
}

export const test = base.extend<{ app: App }>({
  app: async ({ page }, provide) => {
    const fixtureDir = process.env.TELEMETRY_WEB_FIXTURE;
    if (fixtureDir === undefined) throw new Error('the global setup did not build the fixture');
    const site = await startStaticServer(fixtureDir);
    const api = await startApiServer(site.origin);
    const thirdParty = await startApiServer(site.origin);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));

    const rootsNamed = (name: string): ReceivedSpan[] =>
      api.spans.filter((span) => span.name === name && span.parentSpanId === undefined);

    await provide({
      api,
      thirdParty,
      warnings,
      open: async (options = {}) => {
        const query = new URLSearchParams({
          api: api.origin,
          third: thirdParty.origin,
          // The API's own server under another name: another origin.
          lookalike: api.origin.replace('127.0.0.1', 'localhost'),
          ...options,
        });
        await page.goto(`${site.origin}/?${query.toString()}`);
      },
      roots: async (name, count = 1) => {
        await expect.poll(() => rootsNamed(name).length, { message: `${count} × ${name}` }).toBeGreaterThanOrEqual(count);
        return rootsNamed(name);
      },
      mark: async () => {
        const count = rootsNamed(MARK).length + 1;
        await page.getByRole('button', { name: 'Mark' }).click();
        await expect.poll(() => rootsNamed(MARK).length, { message: `the root of Mark click ${String(count)}` }).toBeGreaterThanOrEqual(count);
        return rootsNamed(MARK)[count - 1] as ReceivedSpan;
      },
      trace: (traceId) => api.spans.filter((span) => span.traceId === traceId),
      traceIds: () => new Set(api.spans.map((span) => span.traceId)),
    });

    await page.close();
    await Promise.all([site.close(), api.close(), thirdParty.close()]);
    expect(pageErrors).toEqual([]);
  },
});

export { expect };
