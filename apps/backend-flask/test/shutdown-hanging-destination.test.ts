import { describe, expect, it } from 'vitest';
import { startSwitchableOtlp } from './outage-stand-ins.js';
import { startServer, waitFor } from './server-process.js';

/** A line about the OTLP destination failing, as written to stderr. */
const FAILING = /^backend-flask: export to Honeycomb \S+ failing: timeout: /;

describe('shutdown while the trace destination hangs', () => {
  it('says the failures not yet said before it exits, though the exporter never finishes', async () => {
    const otlp = await startSwitchableOtlp();
    await otlp.setMode('hang');
    const server = await startServer({
      HONEYCOMB_API_KEY: 'hcaik_shutdown-test-0123456789',
      HONEYCOMB_API_ENDPOINT: otlp.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Each batch gives up after 3.75 s: longer than the 3 s telemetry gets at shutdown.
      OTEL_BSP_EXPORT_TIMEOUT: '4000',
      // One line a minute: after the first, failures wait to be summed up.
      CRUDDUR_EXPORT_ERROR_INTERVAL_MS: '60000',
    });
    const failingLines = () => server.stderr().split('\n').filter((line) => FAILING.test(line));

    // Requests until the second batch has failed: the first is said at once, the second waits.
    const home = async () => {
      const response = await fetch(`${server.url}/api/activities/home`);
      expect(response.status).toBe(200);
    };
    await home();
    await waitFor(() => failingLines().length === 1, 10_000, () => server.stderr());
    await home();
    await waitFor(() => otlp.requests.hang >= 2, 10_000, () => `${String(otlp.requests.hang)} of 2 exports arrived`);
    // A last request. One export at a time: its batch goes out only once the second has given
    // up (3.75 s), after that failure was counted and any line for it written.
    await home();
    await waitFor(() => otlp.requests.hang >= 3, 10_000, () => `${String(otlp.requests.hang)} of 3 exports arrived`);
    expect(failingLines()).toHaveLength(1);
    // The last batch still hangs when SIGTERM comes: shutdown outlives its 3 s.

    const exit = await server.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    const lines = failingLines();
    expect(lines).toHaveLength(2);
    // The second batch's two spans (the SERVER span and the use case's), and the third's, still
    // being sent at exit (or, on a machine slow enough that it gave up first, failed): four.
    expect(lines[1]).toMatch(/; [12] failures?, 4 spans dropped since the last line$/);
    expect(server.stdout()).toContain('closed, but the last spans were not sent');
  }, 30_000);
});
