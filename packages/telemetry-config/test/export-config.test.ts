import { describe, expect, it } from 'vitest';
import { describeTraceExport, resolveTraceExport } from '../src/index.js';

const KEY = 'hcaik_01abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstu1234';

describe('resolveTraceExport', () => {
  it('sends to the local trace viewer when nothing is configured', () => {
    expect(resolveTraceExport({})).toEqual({
      enabled: true,
      destination: 'local',
      url: 'http://127.0.0.1:4318/v1/traces',
      protocol: 'http/protobuf',
      headers: {},
    });
  });

  it('finds the local viewer at TRACE_VIEWER_ENDPOINT when it runs elsewhere', () => {
    expect(resolveTraceExport({ TRACE_VIEWER_ENDPOINT: 'http://trace-viewer:4318' })).toMatchObject({
      destination: 'local',
      url: 'http://trace-viewer:4318/v1/traces',
    });
    expect(resolveTraceExport({ TRACE_VIEWER_ENDPOINT: 'http://trace-viewer:4318', HONEYCOMB_API_KEY: KEY })).toMatchObject({
      destination: 'honeycomb',
    });
    expect(() => resolveTraceExport({ TRACE_VIEWER_ENDPOINT: 'trace-viewer:4318' })).toThrow(/TRACE_VIEWER_ENDPOINT/);
  });

  it('turns tracing off with OTEL_SDK_DISABLED=true (any case)', () => {
    expect(resolveTraceExport({ OTEL_SDK_DISABLED: 'TRUE', HONEYCOMB_API_KEY: KEY })).toMatchObject({ enabled: false });
    expect(resolveTraceExport({ OTEL_SDK_DISABLED: 'false' })).toMatchObject({ enabled: true });
  });

  it('expands HONEYCOMB_API_KEY alone to Honeycomb with its team header', () => {
    expect(resolveTraceExport({ HONEYCOMB_API_KEY: KEY })).toEqual({
      enabled: true,
      destination: 'honeycomb',
      url: 'https://api.honeycomb.io/v1/traces',
      protocol: 'http/protobuf',
      headers: { 'x-honeycomb-team': KEY },
    });
  });

  it('uses HONEYCOMB_API_ENDPOINT for the EU instance', () => {
    const config = resolveTraceExport({ HONEYCOMB_API_KEY: KEY, HONEYCOMB_API_ENDPOINT: 'https://api.eu1.honeycomb.io/' });
    expect(config).toMatchObject({ url: 'https://api.eu1.honeycomb.io/v1/traces', headers: { 'x-honeycomb-team': KEY } });
  });

  it('appends v1/traces to a base endpoint, with or without a trailing slash or path', () => {
    expect(resolveTraceExport({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toMatchObject({
      destination: 'otlp',
      url: 'http://collector:4318/v1/traces',
    });
    expect(resolveTraceExport({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://gw/otlp/' })).toMatchObject({
      url: 'http://gw/otlp/v1/traces',
    });
  });

  it('uses a signal endpoint as is, ahead of the base endpoint', () => {
    const config = resolveTraceExport({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://base:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:9999/custom',
    });
    expect(config).toMatchObject({ url: 'http://traces:9999/custom' });
  });

  it('parses OTEL_EXPORTER_OTLP_HEADERS, signal headers winning', () => {
    const config = resolveTraceExport({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'https://api.honeycomb.io',
      OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team=${KEY}, X-Honeycomb-Dataset=cruddur%20dev`,
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-honeycomb-dataset=traces',
    });
    expect(config).toMatchObject({
      destination: 'honeycomb',
      headers: { 'x-honeycomb-team': KEY, 'x-honeycomb-dataset': 'traces' },
    });
  });

  it('never sends the Honeycomb key to an endpoint that is not Honeycomb', () => {
    const config = resolveTraceExport({ HONEYCOMB_API_KEY: KEY, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' });
    expect(config).toMatchObject({ destination: 'otlp', headers: {} });
  });

  it('adds the key for a Honeycomb endpoint given through OTEL_* variables', () => {
    const config = resolveTraceExport({ HONEYCOMB_API_KEY: KEY, OTEL_EXPORTER_OTLP_ENDPOINT: 'https://api.honeycomb.io' });
    expect(config).toMatchObject({ destination: 'honeycomb', headers: { 'x-honeycomb-team': KEY } });
  });

  it('reads the protocol, defaulting to http/protobuf and refusing grpc clearly', () => {
    expect(resolveTraceExport({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toMatchObject({ protocol: 'http/json' });
    expect(resolveTraceExport({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' })).toMatchObject({
      protocol: 'http/protobuf',
    });
    expect(() => resolveTraceExport({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/grpc is not supported/);
    expect(() => resolveTraceExport({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'json' })).toThrow(/OTEL_EXPORTER_OTLP_TRACES_PROTOCOL/);
  });

  it('names the variable of a malformed value and never echoes a secret', () => {
    expect(() => resolveTraceExport({ OTEL_EXPORTER_OTLP_ENDPOINT: 'api.honeycomb.io' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    let message = '';
    try {
      resolveTraceExport({ OTEL_EXPORTER_OTLP_HEADERS: `x-honeycomb-team:${KEY}` });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/OTEL_EXPORTER_OTLP_HEADERS/);
    expect(message).not.toContain(KEY.slice(0, 20));
  });

  it('treats blank variables as unset', () => {
    expect(resolveTraceExport({ HONEYCOMB_API_KEY: '  ', OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toMatchObject({ destination: 'local' });
  });
});

describe('describeTraceExport', () => {
  it('masks header values to their last four characters', () => {
    const text = describeTraceExport(resolveTraceExport({ HONEYCOMB_API_KEY: KEY }));
    expect(text).toBe('honeycomb: https://api.honeycomb.io/v1/traces (http/protobuf; headers x-honeycomb-team=****1234)');
    expect(text).not.toContain(KEY);
  });

  it('prints endpoints without credentials or query strings', () => {
    const text = describeTraceExport(
      resolveTraceExport({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://user:s3cret@collector.example.com/v1/traces?key=abc' }),
    );
    expect(text).toBe('otlp: https://collector.example.com/v1/traces (http/protobuf)');
  });

  it('says why tracing is off', () => {
    expect(describeTraceExport(resolveTraceExport({ OTEL_SDK_DISABLED: 'true' }))).toBe('tracing off (OTEL_SDK_DISABLED=true)');
  });
});
