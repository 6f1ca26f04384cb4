import { TraceFlags, type SpanContext } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { describeRollbar, loadRollbarConfig, ROLLBAR_ITEM_ENDPOINT, type HoneycombTraceLink } from '../src/rollbar/config.js';
import { honeycombTraceUrl } from '../src/rollbar/trace-link.js';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('loadRollbarConfig', () => {
  it.each([{}, { ROLLBAR_ACCESS_TOKEN: '' }, { ROLLBAR_ACCESS_TOKEN: '  ' }])('is off without a token: %o', (env) => {
    expect(loadRollbarConfig({ ...env, ROLLBAR_ENDPOINT: 'not even a url' })).toEqual({ enabled: false });
  });

  it('is on with a token: environment "development" and Rollbar’s API by default', () => {
    expect(loadRollbarConfig({ ROLLBAR_ACCESS_TOKEN: ` ${TOKEN} ` })).toEqual({
      enabled: true,
      accessToken: TOKEN,
      environment: 'development',
      endpoint: ROLLBAR_ITEM_ENDPOINT,
      traceLink: undefined,
    });
    expect(ROLLBAR_ITEM_ENDPOINT).toBe('https://api.rollbar.com/api/1/item/');
  });

  it('reads ROLLBAR_ENVIRONMENT and ROLLBAR_ENDPOINT', () => {
    expect(
      loadRollbarConfig({ ROLLBAR_ACCESS_TOKEN: TOKEN, ROLLBAR_ENVIRONMENT: 'production', ROLLBAR_ENDPOINT: 'http://127.0.0.1:9/api/1/item/' }),
    ).toMatchObject({ environment: 'production', endpoint: 'http://127.0.0.1:9/api/1/item/' });
  });

  it.each(['api.rollbar.com/api/1/item/', 'ftp://example.com/item', 'not a url'])('rejects ROLLBAR_ENDPOINT=%s, naming it', (endpoint) => {
    expect(() => loadRollbarConfig({ ROLLBAR_ACCESS_TOKEN: TOKEN, ROLLBAR_ENDPOINT: endpoint })).toThrow(/^ROLLBAR_ENDPOINT must be/);
  });

  it('links traces to Honeycomb only when they go there', () => {
    const on = { ROLLBAR_ACCESS_TOKEN: TOKEN };
    const linkOf = (env: Record<string, string>) => {
      const config = loadRollbarConfig({ ...on, ...env });
      return config.enabled ? config.traceLink : undefined;
    };
    expect(linkOf({ HONEYCOMB_API_KEY: 'key' })).toEqual({
      uiOrigin: 'https://ui.honeycomb.io',
      team: undefined,
      environment: undefined,
      dataset: 'backend-flask',
    });
    expect(linkOf({ HONEYCOMB_API_KEY: 'key', HONEYCOMB_API_ENDPOINT: 'https://api.eu1.honeycomb.io', HONEYCOMB_TEAM: 't', HONEYCOMB_ENVIRONMENT: 'e', OTEL_SERVICE_NAME: 'api' })).toEqual({
      uiOrigin: 'https://ui.eu1.honeycomb.io',
      team: 't',
      environment: 'e',
      dataset: 'api',
    });
    expect(linkOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://api.honeycomb.io', OTEL_EXPORTER_OTLP_HEADERS: 'x-honeycomb-team=key' })?.uiOrigin).toBe(
      'https://ui.honeycomb.io',
    );
    expect(linkOf({})).toBeUndefined();
    expect(linkOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://collector.example.com' })).toBeUndefined();
    expect(linkOf({ HONEYCOMB_API_KEY: 'key', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
  });
});

describe('describeRollbar', () => {
  it('masks the token to its last four characters', () => {
    const line = describeRollbar(loadRollbarConfig({ ROLLBAR_ACCESS_TOKEN: TOKEN, ROLLBAR_ENVIRONMENT: 'staging' }));
    expect(line).toBe('Rollbar on: environment staging, endpoint https://api.rollbar.com/api/1/item/, token ****cdef');
    expect(line).not.toContain(TOKEN.slice(0, 8));
  });

  it('says when it is off, and why', () => {
    expect(describeRollbar({ enabled: false })).toBe('Rollbar off: ROLLBAR_ACCESS_TOKEN is not set, so 5xx errors are not reported');
  });

  it('prints no credentials or query string of the endpoint', () => {
    const line = describeRollbar(loadRollbarConfig({ ROLLBAR_ACCESS_TOKEN: TOKEN, ROLLBAR_ENDPOINT: 'https://user:pw@proxy.example.com/item/?key=k' }));
    expect(line).toContain('endpoint https://proxy.example.com/item/,');
  });
});

describe('honeycombTraceUrl', () => {
  const span: SpanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };
  const at = new Date('2025-03-01T12:00:00Z');
  const link: HoneycombTraceLink = { uiOrigin: 'https://ui.honeycomb.io', team: 'cruddur', environment: 'dev', dataset: 'backend-flask' };

  it('builds Honeycomb’s direct trace link with the span and a window around the report', () => {
    expect(honeycombTraceUrl(link, span, at)).toBe(
      'https://ui.honeycomb.io/cruddur/environments/dev/datasets/backend-flask/trace' +
        '?trace_id=0af7651916cd43dd8448eb211c80319c&span=b7ad6b7169203331&trace_start_ts=1740829800&trace_end_ts=1740831000',
    );
  });

  it('falls back to the generic form without team or environment', () => {
    expect(honeycombTraceUrl({ ...link, environment: undefined }, span, at)).toBe(
      'https://ui.honeycomb.io/trace?trace_id=0af7651916cd43dd8448eb211c80319c',
    );
  });

  it('gives no link for a trace that was not sampled', () => {
    expect(honeycombTraceUrl(link, { ...span, traceFlags: TraceFlags.NONE }, at)).toBeUndefined();
  });
});
