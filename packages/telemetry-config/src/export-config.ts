import { maskSecret, parseOtlpHeaders } from './headers.js';
import { xrayRegionOf } from './xray-otlp.js';

export type Env = Readonly<Record<string, string | undefined>>;

export const LOCAL_VIEWER_ENDPOINT = 'http://127.0.0.1:4318';
export const HONEYCOMB_ENDPOINT = 'https://api.honeycomb.io';
export const HONEYCOMB_KEY_HEADER = 'x-honeycomb-team';

export type OtlpProtocol = 'http/protobuf' | 'http/json';

/** Where this process sends its spans, and how. */
export type TraceExport =
  | { enabled: false; reason: string }
  | {
      enabled: true;
      /**
       * `local` is the embedded viewer; `honeycomb` the HONEYCOMB_API_KEY
       * shortcut; `xray` X-Ray's own OTLP endpoint (its requests are signed);
       * `otlp` any other endpoint.
       */
      destination: 'local' | 'honeycomb' | 'xray' | 'otlp';
      url: string;
      protocol: OtlpProtocol;
      /** Secret: send, never print. Use `describeTraceExport` for display. */
      headers: Readonly<Record<string, string>>;
    };

const value = (env: Env, name: string): string | undefined => {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
};

/** `raw` as an absolute http(s) URL; throws naming `name` otherwise. */
export const httpUrl = (name: string, raw: string): URL => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  return url;
};

/** The spec's rule: a base endpoint gets `v1/traces` appended; a signal endpoint is used as is. */
const appendTracesPath = (base: URL): string => {
  const path = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  return new URL(`${path}v1/traces${base.search}`, base).href;
};

const protocolOf = (env: Env): OtlpProtocol => {
  const name = value(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = value(env, name) ?? 'http/protobuf';
  if (protocol === 'http/protobuf' || protocol === 'http/json') return protocol;
  if (protocol === 'grpc') throw new Error(`${name}=grpc is not supported here: use http/protobuf (the default) or http/json`);
  throw new Error(`${name} must be http/protobuf or http/json, got ${JSON.stringify(protocol)}`);
};

const isHoneycombHost = (url: string): boolean => {
  const host = new URL(url).hostname;
  return host === 'honeycomb.io' || host.endsWith('.honeycomb.io');
};

/**
 * Resolves the trace destination from the environment, in the standard
 * order: OTEL_SDK_DISABLED, then OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, then
 * OTEL_EXPORTER_OTLP_ENDPOINT, then HONEYCOMB_API_KEY (with
 * HONEYCOMB_API_ENDPOINT for the EU), else the local trace viewer (at
 * TRACE_VIEWER_ENDPOINT when it runs elsewhere, as in docker compose).
 * Throws an Error naming the variable on any malformed value.
 */
export const resolveTraceExport = (env: Env): TraceExport => {
  if (value(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true') {
    return { enabled: false, reason: 'OTEL_SDK_DISABLED=true' };
  }
  const protocol = protocolOf(env);
  const headers = {
    ...parseOtlpHeaders('OTEL_EXPORTER_OTLP_HEADERS', value(env, 'OTEL_EXPORTER_OTLP_HEADERS')),
    ...parseOtlpHeaders('OTEL_EXPORTER_OTLP_TRACES_HEADERS', value(env, 'OTEL_EXPORTER_OTLP_TRACES_HEADERS')),
  };
  const honeycombKey = value(env, 'HONEYCOMB_API_KEY');

  const signalEndpoint = value(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const baseEndpoint = value(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const honeycombBase = value(env, 'HONEYCOMB_API_ENDPOINT');
  let url: string;
  let destination: 'local' | 'honeycomb' | 'xray' | 'otlp';
  if (signalEndpoint) {
    url = httpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', signalEndpoint).href;
    destination = 'otlp';
  } else if (baseEndpoint) {
    url = appendTracesPath(httpUrl('OTEL_EXPORTER_OTLP_ENDPOINT', baseEndpoint));
    destination = 'otlp';
  } else if (honeycombKey) {
    url = appendTracesPath(httpUrl('HONEYCOMB_API_ENDPOINT', honeycombBase ?? HONEYCOMB_ENDPOINT));
    destination = 'honeycomb';
  } else {
    const viewer = httpUrl('TRACE_VIEWER_ENDPOINT', value(env, 'TRACE_VIEWER_ENDPOINT') ?? LOCAL_VIEWER_ENDPOINT);
    return { enabled: true, destination: 'local', url: appendTracesPath(viewer), protocol, headers };
  }
  // The key goes to Honeycomb only: never to a collector or proxy it was not meant for.
  if (honeycombKey && !(HONEYCOMB_KEY_HEADER in headers) && (destination === 'honeycomb' || isHoneycombHost(url))) {
    headers[HONEYCOMB_KEY_HEADER] = honeycombKey;
  }
  if (destination === 'otlp' && isHoneycombHost(url)) destination = 'honeycomb';
  if (destination === 'otlp' && xrayRegionOf(url) !== undefined) destination = 'xray';
  return { enabled: true, destination, url, protocol, headers };
};

/** The URL fit to print: no credentials, no query string (either may hold a key). */
export const printableUrl = (raw: string): string => {
  const url = new URL(raw);
  url.username = '';
  url.password = '';
  url.search = '';
  return url.href;
};

/** A printable summary: header values masked to their last four characters. */
export const describeTraceExport = (config: TraceExport): string => {
  if (!config.enabled) return `tracing off (${config.reason})`;
  const headers = Object.entries(config.headers)
    .map(([key, secret]) => `${key}=${maskSecret(secret)}`)
    .join(', ');
  const where = config.destination === 'local' ? 'local trace viewer' : config.destination;
  return `${where}: ${printableUrl(config.url)} (${config.protocol}${headers ? `; headers ${headers}` : ''})`;
};
