import { SERVICE } from '@cruddur/telemetry-conventions';
import { startTraceViewer } from '@cruddur/trace-viewer';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROLLBAR_REQUEST_TIMEOUT_MS } from '../src/rollbar/notifier.js';
import { startRollbarReceiver } from './rollbar-receiver.js';
import { startServer } from './server-process.js';

/**
 * The built server as `pnpm start` runs it, reporting to a local stand-in
 * for Rollbar: the item's ids are checked against the spans exported.
 */

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const TRACEPARENT = `00-${TRACE_ID}-b7ad6b7169203331-01`;
const TOKEN = 'post-server-item-0123456789wxyz';
const CLEAN_EXIT = { code: 0, signal: null };
const SCENARIO_TIMEOUT_MS = 30_000;

const faultedHome = (base: string) =>
  fetch(`${base}/api/activities/home`, { headers: { traceparent: TRACEPARENT, 'x-cruddur-fault': '500' } });

/** The pino lines the server wrote, parsed. */
const logRecords = (stdout: string): Record<string, unknown>[] =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('Rollbar in the built server', () => {
  it(
    'reports a 500 with the ids of its SERVER span, logged under the same trace; SIGTERM sends the item before exiting',
    async () => {
      const viewer = await startTraceViewer({ port: 0 });
      onTestFinished(() => viewer.close());
      // Rollbar answers slowly: the item is still on its way when SIGTERM arrives.
      const rollbar = await startRollbarReceiver({ delayMs: 300 });
      const server = await startServer({
        OTEL_EXPORTER_OTLP_ENDPOINT: viewer.url,
        ROLLBAR_ACCESS_TOKEN: TOKEN,
        ROLLBAR_ENDPOINT: rollbar.endpoint,
        ROLLBAR_ENVIRONMENT: 'wire-test',
        CRUDDUR_FAULT_INJECTION: '1',
      });
      expect(server.stdout()).toContain(`Rollbar on: environment wire-test, endpoint ${rollbar.endpoint}, token ****wxyz`);

      expect((await faultedHome(server.url)).status).toBe(500);
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      expect(rollbar.answered()).toBe(1);
      const [received] = rollbar.received;
      expect(rollbar.received).toHaveLength(1);
      const item = received?.item.data;
      expect(item?.level).toBe('error');
      expect(item?.environment).toBe('wire-test');
      expect(item?.body.trace_chain?.[0]?.exception.class).toBe('InjectedFault');

      const serverSpans = [...(viewer.store.get(TRACE_ID)?.spans.values() ?? [])].filter(
        (span) => span.kind === 'SERVER' && span.resource['service.name'] === SERVICE.backend,
      );
      expect(serverSpans).toHaveLength(1);
      expect(serverSpans[0]?.attributes['http.response.status_code']).toBe(500);
      expect(item?.custom).toMatchObject({ trace_id: TRACE_ID, span_id: serverSpans[0]?.spanId });

      const failed = logRecords(server.stdout()).filter(({ msg }) => msg === 'request failed');
      expect(failed.map(({ trace_id }) => trace_id)).toEqual([TRACE_ID]);
      expect(server.stdout()).not.toContain(TOKEN);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'without ROLLBAR_ACCESS_TOKEN: one log line, nothing sent, no crash after a 500 up to a clean exit',
    async () => {
      const rollbar = await startRollbarReceiver();
      const server = await startServer({ OTEL_SDK_DISABLED: 'true', ROLLBAR_ENDPOINT: rollbar.endpoint, CRUDDUR_FAULT_INJECTION: '1' });

      expect((await faultedHome(server.url)).status).toBe(500);
      const test = await fetch(`${server.url}/rollbar/test`);
      expect([test.status, await test.text()]).toEqual([200, 'Hello World!']);
      // The SDK started without a token throws from a timer right after its first item; SIGTERM
      // waits for every item an SDK holds (the first test), so one would have crashed by the exit.
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      expect(rollbar.received).toHaveLength(0);
      const off = logRecords(server.stdout()).filter(({ msg }) => String(msg).startsWith('Rollbar off: ROLLBAR_ACCESS_TOKEN'));
      expect(off).toHaveLength(1);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'gives a hanging Rollbar a bounded time on SIGTERM, then exits cleanly',
    async () => {
      const rollbar = await startRollbarReceiver({ mode: 'hang' });
      const server = await startServer({
        OTEL_SDK_DISABLED: 'true',
        ROLLBAR_ACCESS_TOKEN: TOKEN,
        ROLLBAR_ENDPOINT: rollbar.endpoint,
        CRUDDUR_FAULT_INJECTION: '1',
      });

      const started = Date.now();
      expect((await faultedHome(server.url)).status).toBe(500);
      // Held up by Rollbar, the request would wait out the SDK request's timeout; half of it leaves a loaded machine ample room.
      expect(Date.now() - started, 'the 500').toBeLessThan(ROLLBAR_REQUEST_TIMEOUT_MS / 2);
      await rollbar.waitForItems(1);
      const stopping = Date.now();
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      expect(Date.now() - stopping).toBeLessThan(6_000);
      expect(server.stdout()).toContain('Rollbar: items still unsent after 3000 ms; closing without them');
    },
    SCENARIO_TIMEOUT_MS,
  );
});
