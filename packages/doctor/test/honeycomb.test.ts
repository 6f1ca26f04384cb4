import { describe, expect, it, vi } from 'vitest';
import { checkHoneycomb, diagnoseAuthAnswer, honeycombTarget } from '../src/live/honeycomb.js';
import type { Env } from '../src/finding.js';
import { authAnswer, closedPort, json, startHttp, startSilent } from './servers.js';

const INGEST = `hcaik_${'0a'.repeat(29)}`;
const CLASSIC = '0123456789abcdef0123456789abcdef';
const TIMEOUT_MS = 2_000;

/** A Honeycomb stand-in on a local port, answering /1/auth with `answer`. */
const honeycomb = (answer: Parameters<typeof startHttp>[0]) => startHttp(answer);

describe('Honeycomb key check (GET /1/auth)', () => {
  it('reports the team, environment and that the key can send events, with the key sent as X-Honeycomb-Team', async () => {
    const server = await honeycomb(() => json(200, authAnswer()));
    const result = await checkHoneycomb({ OTEL_EXPORTER_OTLP_ENDPOINT: server.url, OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team=${INGEST}` }, TIMEOUT_MS);
    expect(result.findings).toEqual([]);
    expect(result.statuses).toEqual([
      { integration: 'Honeycomb key (live)', on: true, target: `****0a0a accepted by 127.0.0.1:${String(server.port)}: team "Bootcamp", environment "Cruddur dev", can send events` },
    ]);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.method).toBe('GET');
    expect(server.received[0]?.url).toBe('/1/auth');
    expect(server.received[0]?.headers['x-honeycomb-team']).toBe(INGEST);
  });

  it('checks the HONEYCOMB_API_KEY shortcut at HONEYCOMB_API_ENDPOINT, as the API sends it', async () => {
    const server = await honeycomb(() => json(200, authAnswer()));
    const result = await checkHoneycomb({ HONEYCOMB_API_KEY: INGEST, HONEYCOMB_API_ENDPOINT: server.url }, TIMEOUT_MS);
    expect(result.statuses[0]?.on).toBe(true);
    expect(server.received[0]?.headers['x-honeycomb-team']).toBe(INGEST);
  });

  it('derives the origin from a signal endpoint with its path', async () => {
    const server = await honeycomb(() => json(200, authAnswer()));
    await checkHoneycomb({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${server.url}/v1/traces`, OTEL_EXPORTER_OTLP_TRACES_HEADERS: `x-honeycomb-team=${INGEST}` }, TIMEOUT_MS);
    expect(server.received.map((request) => request.url)).toEqual(['/1/auth']);
  });

  it('errors on a 401 naming the host and the variable the key came from', async () => {
    const server = await honeycomb(() => json(401, { error: 'unknown API key - check your credentials, region, and API URL' }));
    const host = `127.0.0.1:${String(server.port)}`;
    const fromKey = await checkHoneycomb({ HONEYCOMB_API_KEY: CLASSIC, HONEYCOMB_API_ENDPOINT: server.url }, TIMEOUT_MS);
    expect(fromKey.findings).toEqual([
      { id: 'honeycomb-key-rejected', level: 'error', integration: 'tracing', message: `key ****cdef rejected by ${host}: check HONEYCOMB_API_KEY`, fix: 'copy the ingest key again into HONEYCOMB_API_KEY' },
    ]);
    expect(fromKey.statuses[0]?.on).toBe(false);
    const fromHeader = await checkHoneycomb({ OTEL_EXPORTER_OTLP_ENDPOINT: server.url, OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team=${CLASSIC}` }, TIMEOUT_MS);
    expect(fromHeader.findings.map((finding) => finding.message)).toEqual([`key ****cdef rejected by ${host}: check OTEL_EXPORTER_OTLP_HEADERS`]);
  });

  it('errors when the key is valid but cannot send events', async () => {
    const server = await honeycomb(() => json(200, authAnswer({ events: false })));
    const result = await checkHoneycomb({ HONEYCOMB_API_KEY: INGEST, HONEYCOMB_API_ENDPOINT: server.url }, TIMEOUT_MS);
    expect(result.findings.map(({ id, level }) => ({ id, level }))).toEqual([{ id: 'honeycomb-cannot-send', level: 'error' }]);
    expect(result.findings[0]?.message).toBe(`key ****0a0a is valid for team "Bootcamp", environment "Cruddur dev" on 127.0.0.1:${String(server.port)} but cannot send events`);
  });

  it('names a Classic team, whose environment is empty', async () => {
    const server = await honeycomb(() => json(200, authAnswer({ environment: { name: '', slug: '' } })));
    const result = await checkHoneycomb({ HONEYCOMB_API_KEY: CLASSIC, HONEYCOMB_API_ENDPOINT: server.url }, TIMEOUT_MS);
    expect(result.statuses[0]?.target).toContain('team "Bootcamp", a Classic team (no environments), can send events');
    expect(result.findings).toEqual([]);
  });

  it('warns when HONEYCOMB_TEAM or HONEYCOMB_ENVIRONMENT disagree with the key, and not when they agree', async () => {
    const server = await honeycomb(() => json(200, authAnswer()));
    const base = { HONEYCOMB_API_KEY: INGEST, HONEYCOMB_API_ENDPOINT: server.url };
    const wrong = await checkHoneycomb({ ...base, HONEYCOMB_TEAM: 'bootcmp', HONEYCOMB_ENVIRONMENT: 'cruddur-dev' }, TIMEOUT_MS);
    expect(wrong.findings).toEqual([expect.objectContaining({ id: 'honeycomb-slug-mismatch', level: 'warning', message: "HONEYCOMB_TEAM=bootcmp but the key belongs to bootcamp: Rollbar's links to traces will not open", fix: 'set HONEYCOMB_TEAM=bootcamp' })]);
    const right = await checkHoneycomb({ ...base, HONEYCOMB_TEAM: 'bootcamp', HONEYCOMB_ENVIRONMENT: 'cruddur-dev' }, TIMEOUT_MS);
    expect(right.findings).toEqual([]);
  });

  it.each([
    [json(404, { error: 'not found' }), 'honeycomb-not-honeycomb', 'info', 'has no /1/auth (404)'],
    [json(503, { error: 'down' }), 'honeycomb-unexpected-answer', 'warning', 'answered 503 to the key check'],
    [{ status: 200, body: '<html>proxy login</html>' }, 'honeycomb-unexpected-answer', 'warning', "answered 200 without Honeycomb's auth JSON"],
  ])('diagnoses the answer %j in one line', async (answer, id, level, text) => {
    const server = await honeycomb(() => answer);
    const result = await checkHoneycomb({ HONEYCOMB_API_KEY: INGEST, HONEYCOMB_API_ENDPOINT: server.url }, TIMEOUT_MS);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ id, level });
    expect(result.findings[0]?.message).toContain(text);
  });

  it('says "could not reach, skipped" at info level when nothing listens', async () => {
    const port = await closedPort();
    const result = await checkHoneycomb({ HONEYCOMB_API_KEY: INGEST, HONEYCOMB_API_ENDPOINT: `http://127.0.0.1:${String(port)}` }, TIMEOUT_MS);
    expect(result.findings).toEqual([
      expect.objectContaining({ id: 'honeycomb-unreachable', level: 'info', message: `could not reach 127.0.0.1:${String(port)} (connection refused): Honeycomb key check skipped` }),
    ]);
  });

  it('gives up on a server that never answers after the timeout, without hanging', async () => {
    const silent = await startSilent();
    const started = performance.now();
    const result = await checkHoneycomb({ HONEYCOMB_API_KEY: INGEST, HONEYCOMB_API_ENDPOINT: silent.url }, 300);
    const took = performance.now() - started;
    // The timeout ended the check, on a server that had the request and never answered.
    expect(result.findings.map((finding) => finding.message)).toEqual([`could not reach 127.0.0.1:${String(silent.port)} (no answer within 300 ms): Honeycomb key check skipped`]);
    await vi.waitFor(() => {
      expect(silent.received(), 'the silent server never got the request').toMatch(/^GET \/1\/auth /);
    }, 3_000);
    // Its own 300 ms, not the 2 s the CLI gives every check (DEFAULT_TIMEOUT_MS): well under that, the rest is room for a loaded machine.
    expect(took, 'the check outlasted its 300 ms timeout').toBeLessThan(1_800);
  });

  it.each<[string, Env]>([
    ['no key', {}],
    ['tracing off', { HONEYCOMB_API_KEY: INGEST, OTEL_SDK_DISABLED: 'true' }],
    ['a key that goes to a collector, not Honeycomb', { HONEYCOMB_API_KEY: INGEST, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' }],
    ['a malformed configuration (an offline error)', { HONEYCOMB_API_KEY: INGEST, OTEL_EXPORTER_OTLP_ENDPOINT: 'api.honeycomb.io' }],
  ])('makes no request with %s', async (_, env) => {
    expect(honeycombTarget(env)).toBeUndefined();
    expect(await checkHoneycomb(env, TIMEOUT_MS)).toEqual({ statuses: [], findings: [] });
  });
});

describe('the region hint on a 401', () => {
  const rejected = (env: Env): string => {
    const target = honeycombTarget(env);
    if (target === undefined) throw new Error('expected a Honeycomb target');
    return diagnoseAuthAnswer(target, 401, '').findings[0]?.fix ?? '';
  };

  it('tells a US endpoint that EU teams use api.eu1.honeycomb.io, in the variable that set it', () => {
    expect(rejected({ HONEYCOMB_API_KEY: INGEST })).toBe('copy the ingest key again into HONEYCOMB_API_KEY; an EU team must use HONEYCOMB_API_ENDPOINT=https://api.eu1.honeycomb.io');
    expect(rejected({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://api.honeycomb.io', OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team=${INGEST}` })).toBe(
      'copy the ingest key again into OTEL_EXPORTER_OTLP_HEADERS; an EU team must use OTEL_EXPORTER_OTLP_ENDPOINT=https://api.eu1.honeycomb.io',
    );
    expect(rejected({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://api.honeycomb.io/v1/traces', HONEYCOMB_API_KEY: INGEST })).toBe(
      'copy the ingest key again into HONEYCOMB_API_KEY; an EU team must use OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=https://api.eu1.honeycomb.io/v1/traces',
    );
  });

  it('tells an EU endpoint that US teams use api.honeycomb.io', () => {
    expect(rejected({ HONEYCOMB_API_KEY: INGEST, HONEYCOMB_API_ENDPOINT: 'https://api.eu1.honeycomb.io' })).toBe(
      'copy the ingest key again into HONEYCOMB_API_KEY; a US team must use HONEYCOMB_API_ENDPOINT=https://api.honeycomb.io',
    );
  });

  it('gives no region hint for other hosts', () => {
    expect(rejected({ HONEYCOMB_API_KEY: INGEST, HONEYCOMB_API_ENDPOINT: 'http://127.0.0.1:9' })).toBe('copy the ingest key again into HONEYCOMB_API_KEY');
  });
});
