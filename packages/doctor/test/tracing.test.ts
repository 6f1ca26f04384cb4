import { describe, expect, it } from 'vitest';
import { honeycombKeyKind } from '../src/checks/tracing.js';
import { findings, messages } from './fixtures.js';

const CLASSIC = '0123456789abcdef0123456789abcdef';
const INGEST = `hcaik_${'0a'.repeat(29)}`;
const CONFIGURATION = 'AbCdEfGhIjKlMnOpQrStUv';

describe('tracing checks', () => {
  it('finds nothing wrong with the default, empty configuration', () => {
    expect(findings({})).toEqual([]);
  });

  it('tells the Honeycomb key kinds apart', () => {
    expect(honeycombKeyKind(CLASSIC)).toBe('classic');
    expect(honeycombKeyKind(INGEST)).toBe('ingest');
    expect(honeycombKeyKind(`hcxik_${'b'.repeat(58)}`)).toBe('ingest');
    expect(honeycombKeyKind(CONFIGURATION)).toBe('configuration');
    expect(honeycombKeyKind('not-a-key')).toBe('unknown');
  });

  it('accepts classic and ingest keys', () => {
    expect(findings({ HONEYCOMB_API_KEY: CLASSIC })).toEqual([]);
    expect(findings({ HONEYCOMB_API_KEY: INGEST })).toEqual([]);
  });

  it('refuses a configuration key, masked', () => {
    expect(messages({ HONEYCOMB_API_KEY: CONFIGURATION }, 'error')).toEqual([
      'HONEYCOMB_API_KEY ****StUv is a configuration key: it cannot send events',
    ]);
  });

  it('warns about a key of no known shape', () => {
    expect(messages({ HONEYCOMB_API_KEY: 'short-key' }, 'warning')).toEqual(['HONEYCOMB_API_KEY ****-key has no known Honeycomb key shape']);
  });

  it('refuses a header key that disagrees with HONEYCOMB_API_KEY, and accepts one that agrees', () => {
    const other = 'fedcba9876543210fedcba9876543210';
    expect(messages({ HONEYCOMB_API_KEY: CLASSIC, OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team=${other}` }, 'error')).toEqual([
      'OTEL_EXPORTER_OTLP_HEADERS sends x-honeycomb-team=****3210 but HONEYCOMB_API_KEY is ****cdef',
    ]);
    expect(findings({ HONEYCOMB_API_KEY: CLASSIC, OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team=${CLASSIC}` })).toEqual([]);
  });

  it("refuses the browser's service name for the API; accepts another", () => {
    expect(messages({ OTEL_SERVICE_NAME: 'frontend-react-js' }, 'error')[0]).toMatch(/browser's name/);
    expect(messages({ OTEL_SERVICE_NAME: 'backend-flask' }, 'error')).toEqual([]);
  });

  it.each(['Cruddur', 'cruddur', 'CRUDDUR'])('warns that OTEL_SERVICE_NAME=%s names the whole app, not the API', (name) => {
    expect(findings({ OTEL_SERVICE_NAME: name }).filter((finding) => finding.id === 'service-name-universal')).toEqual([{
      id: 'service-name-universal',
      level: 'warning',
      integration: 'tracing',
      message: `OTEL_SERVICE_NAME=${name} is the whole app's name, not the API's: each service should have its own`,
      fix: 'unset OTEL_SERVICE_NAME (the API is then backend-flask)',
    }]);
  });

  it.each(['cruddur-api', 'cruddur-backend', 'api', 'backend-flask'])('accepts OTEL_SERVICE_NAME=%s, a name for the API alone', (name) => {
    expect(findings({ OTEL_SERVICE_NAME: name }).map((finding) => finding.id)).not.toContain('service-name-universal');
  });

  it('says HONEYCOMB_SERVICE_NAME is not used, and what the services are called', () => {
    expect(findings({ HONEYCOMB_SERVICE_NAME: 'Cruddur' })).toEqual([{
      id: 'honeycomb-service-name-unused',
      level: 'info',
      integration: 'tracing',
      message: 'HONEYCOMB_SERVICE_NAME is set but not used: the API reports as backend-flask, the browser as frontend-react-js',
      fix: 'remove HONEYCOMB_SERVICE_NAME; OTEL_SERVICE_NAME names the API, nothing renames the browser',
    }]);
    expect(messages({ HONEYCOMB_SERVICE_NAME: 'Cruddur', OTEL_SERVICE_NAME: ' api ' }, 'info')).toEqual([
      'HONEYCOMB_SERVICE_NAME is set but not used: the API reports as api (from OTEL_SERVICE_NAME), the browser as frontend-react-js',
    ]);
    expect(findings({ HONEYCOMB_SERVICE_NAME: '' }).map((finding) => finding.id)).not.toContain('honeycomb-service-name-unused');
  });

  it("finds each of the journals' mistakes in their configuration, interpolated or not", () => {
    const ids = (env: Record<string, string>) => findings(env).map((finding) => finding.id);
    // Compose interpolated OTEL_SERVICE_NAME: "${HONEYCOMB_SERVICE_NAME}"; the API's X-Ray rule no longer matches either.
    expect(ids({ HONEYCOMB_SERVICE_NAME: 'Cruddur', OTEL_SERVICE_NAME: 'Cruddur' })).toEqual(['service-name-universal', 'honeycomb-service-name-unused', 'xray-rule-service']);
    // Nothing interpolated it.
    expect(ids({ HONEYCOMB_SERVICE_NAME: 'Cruddur', OTEL_SERVICE_NAME: '${HONEYCOMB_SERVICE_NAME}' })).toEqual(['variable-unexpanded', 'honeycomb-service-name-unused', 'xray-rule-service']);
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'api.honeycomb.io' }, /OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http\(s\) URL/],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, /grpc is not supported/],
    [{ OTEL_EXPORTER_OTLP_HEADERS: 'x-honeycomb-team' }, /OTEL_EXPORTER_OTLP_HEADERS: expected key=value pairs/],
    [{ OTEL_TRACES_SAMPLER: 'sometimes' }, /OTEL_TRACES_SAMPLER must be one of/],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '10%' }, /OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1/],
  ])('reports what the shared resolvers throw on %o', (env, message) => {
    expect(messages(env, 'error')).toEqual([expect.stringMatching(message)]);
  });
});
