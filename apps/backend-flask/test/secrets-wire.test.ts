import { connect } from 'node:net';
import { SERVICE } from '@cruddur/telemetry-conventions';
import { describe, expect, it } from 'vitest';
import { startReceiver } from './otlp-receiver.js';
import { startRollbarReceiver } from './rollbar-receiver.js';
import { startServer } from './server-process.js';

/**
 * The built server with everything on (traces as OTLP/JSON to a local
 * receiver, Rollbar to its stand-in, logs at their most verbose, the fault
 * switch) takes requests carrying credentials in headers and query strings,
 * including two real 500s. None of those values may appear in a log line,
 * in any attribute of any exported span, or in a Rollbar item.
 */

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const FRONTEND = 'http://localhost:3000';
const ROLLBAR_TOKEN = 'post-server-item-token-5c0d';

const SECRET_HEADERS = {
  authorization: 'Bearer sekret-authorization-5a1f',
  cookie: 'session=sekret-cookie-77c2; theme=dark',
  'x-honeycomb-team': 'sekret-honeycomb-team-91d0',
  'proxy-authorization': 'Basic sekret-proxy-4411',
  'x-api-key': 'sekret-x-api-key-0b3e',
};
const SECRET_QUERY = {
  token: 'sekret-query-token-3e8b',
  api_key: 'sekret-query-api-key-6f21',
  password: 'sekret-query-password-a9c4',
  access_token: 'sekret-query-access-token-d7e5',
};
/** Each value as sent and as it would look URL-encoded or with its prefix cut off. */
const SECRET_VALUES = [...Object.values(SECRET_HEADERS), ...Object.values(SECRET_QUERY)].flatMap((value) => [
  value,
  encodeURIComponent(value),
  value.replace(/^(Bearer|Basic) /, ''),
]);
const QUERY = new URLSearchParams(SECRET_QUERY).toString();

const expectNoSecret = (where: string, text: string) => {
  for (const value of SECRET_VALUES) expect(text.includes(value), `${where} contains ${value}`).toBe(false);
};

interface JsonSpan {
  traceId: string;
  kind: number;
  name: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}
interface JsonExport {
  resourceSpans: { scopeSpans?: { spans: JsonSpan[] }[] }[];
}

/** Raw bytes to the server, its raw answer back: requests Node's own parser refuses. */
const rawExchange = (base: string, bytes: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => {
      resolve(answer);
    });
    socket.on('error', reject);
  });

describe('secrets in the built server', () => {
  it(
    'never reach the logs, the exported spans or Rollbar',
    async () => {
      const receiver = await startReceiver();
      const rollbar = await startRollbarReceiver();
      const server = await startServer({
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        ROLLBAR_ACCESS_TOKEN: ROLLBAR_TOKEN,
        ROLLBAR_ENDPOINT: rollbar.endpoint,
        CRUDDUR_FAULT_INJECTION: '1',
        LOG_LEVEL: 'trace',
      });
      const headers = { ...SECRET_HEADERS, traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`, origin: FRONTEND };
      const json = { 'content-type': 'application/json' };

      const answers = [
        await fetch(`${server.url}/api/activities/home?${QUERY}`, { headers: { ...headers, 'x-cruddur-fault': '500' } }),
        await fetch(`${server.url}/api/activities?${QUERY}`, {
          method: 'POST',
          headers: { ...headers, ...json, 'x-cruddur-fault': '500' },
          body: JSON.stringify({ message: 'a crud', ttl: '1-day' }),
        }),
        await fetch(`${server.url}/api/activities/search?term=crud&${QUERY}`, { headers }),
        await fetch(`${server.url}/api/nowhere?${QUERY}`, { headers }),
        await fetch(`${server.url}/api/activities?${QUERY}`, { method: 'POST', headers: { ...headers, ...json }, body: '{"message":""}' }),
        await fetch(`${server.url}/v1/traces?${QUERY}`, { method: 'POST', headers: { ...headers, ...json }, body: '{"resourceSpans":[{}]}' }),
      ];
      expect(answers.map(({ status }) => status)).toEqual([500, 500, 200, 404, 422, 200]);
      // Refused by Node's parser: Node's error object carries these bytes, credentials and all.
      const rawHeaders = Object.entries(SECRET_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`).join('');
      const overflow = await rawExchange(server.url, `GET /api/activities/home?${QUERY} HTTP/1.1\r\nHost: x\r\n${rawHeaders}x-pad: ${'p'.repeat(20_000)}\r\n\r\n`);
      const forbidden = await rawExchange(server.url, `GET /api/activities/home?${QUERY} HTTP/1.1\r\nHost: x\r\n${rawHeaders}x-bad: a\u0000b\r\n\r\n`);
      expect([overflow.slice(0, 12), forbidden.slice(0, 12)]).toEqual(['HTTP/1.1 431', 'HTTP/1.1 400']);
      await rollbar.waitForItems(2);
      expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });

      // Logs: one access line per request, and not one secret in any line.
      const stdout = server.stdout();
      const accessLines = stdout.split('\n').filter((line) => line.includes('"duration_ms"'));
      expect(accessLines).toHaveLength(answers.length);
      expectNoSecret('the logs', stdout + server.stderr());
      expect(stdout).not.toContain('rawPacket');

      // Spans: every attribute of every span, the relayed export included.
      const exported = receiver.received.map(({ body }) => body.toString());
      const spans = exported.flatMap((body) =>
        (JSON.parse(body) as JsonExport).resourceSpans.flatMap(({ scopeSpans = [] }) => scopeSpans.flatMap((scope) => scope.spans)),
      );
      const serverSpans = spans.filter(({ kind, traceId }) => kind === 2 && traceId === TRACE_ID);
      expect(serverSpans.length).toBe(5);
      const attributes = serverSpans.flatMap((span) => span.attributes ?? []);
      // The query string is still there, its secret values replaced.
      expect(attributes).toContainEqual({ key: 'url.query', value: { stringValue: expect.stringContaining('token=') as string } });
      expectNoSecret('the spans', exported.join('\n'));

      // Rollbar: the two 500s, with their requests, scrubbed.
      expect(rollbar.received).toHaveLength(2);
      for (const { raw, item } of rollbar.received) {
        expect(item.data.request?.url).toContain('token=');
        expect(item.data.request?.headers.authorization).toMatch(/^(\[REDACTED\]|\*+)$/);
        expectNoSecret('a Rollbar item', raw);
      }
      expect(exported.join('\n')).toContain(SERVICE.backend);
    },
    60_000,
  );
});
