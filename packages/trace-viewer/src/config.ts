// What the CLI reads from the environment: where to listen, how much to keep,
// and whether traces are configured to go somewhere else instead.

import { type TraceExport, describeTraceExport, resolveTraceExport } from '@cruddur/telemetry-config';
import { DEFAULT_HOST, DEFAULT_PORT } from './http/server.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_SPANS, DEFAULT_MAX_SPANS_PER_TRACE, DEFAULT_MAX_TRACES } from './store/trace-store.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface CliConfig {
  host: string;
  port: number;
  maxTraces: number;
  maxSpans: number;
  maxBytes: number;
  maxSpansPerTrace: number;
}

const MIB = 1024 * 1024;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const nonEmpty = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const integer = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${String(min)} to ${String(max)}, got ${JSON.stringify(raw)}`);
  }
  return value;
};

export const readCliConfig = (env: Env): CliConfig => ({
  host: nonEmpty(env.TRACE_VIEWER_HOST) ?? DEFAULT_HOST,
  port: integer(env, 'TRACE_VIEWER_PORT', DEFAULT_PORT, 0, 65535),
  maxTraces: integer(env, 'TRACE_VIEWER_MAX_TRACES', DEFAULT_MAX_TRACES, 1, 10_000_000),
  maxSpans: integer(env, 'TRACE_VIEWER_MAX_SPANS', DEFAULT_MAX_SPANS, 1, 10_000_000),
  maxBytes: integer(env, 'TRACE_VIEWER_MAX_MEMORY_MB', DEFAULT_MAX_BYTES / MIB, 1, 65_536) * MIB,
  maxSpansPerTrace: integer(env, 'TRACE_VIEWER_MAX_SPANS_PER_TRACE', DEFAULT_MAX_SPANS_PER_TRACE, 1, 1_000_000),
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '[::]']);
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Whether an OTLP endpoint is this viewer itself, e.g. http://localhost:4318/v1/traces. */
const isViewer = (endpoint: URL, port: number): boolean =>
  endpoint.protocol === 'http:' &&
  LOOPBACK.has(endpoint.hostname) &&
  (endpoint.port || DEFAULT_PORTS[endpoint.protocol]) === String(port);

/**
 * Where traces go instead of this viewer, fit to print (no credentials), or
 * undefined when they come here. Read by the same resolver the apps use, so
 * the viewer starts exactly when the apps would send it their traces.
 */
export const otherDestination = (env: Env, viewerPort: number): string | undefined => {
  let config: TraceExport;
  try {
    config = resolveTraceExport(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  if (!config.enabled) return describeTraceExport(config);
  if (config.destination === 'local' || isViewer(new URL(config.url), viewerPort)) return undefined;
  return describeTraceExport(config);
};
