/**
 * Tracing, started before the app: `node --import ./dist/instrumentation.js
 * dist/server.js`. The pino and undici instrumentations patch those modules
 * as the app first loads them, so nothing imported here may load them
 * first; the SERVER spans' hooks join every Fastify instance through
 * Fastify's initialization channel, so they must be listening before the
 * app builds its instance.
 */
import {
  describeTraceExport,
  describeTraceSampler,
  resolveTraceExport,
  resolveTraceSampler,
  type TraceExport,
  type TraceSampler,
} from '@cruddur/telemetry-config';
import { SERVICE } from '@cruddur/telemetry-conventions';
import { setTelemetryFlush, setTelemetryShutdown } from './telemetry/lifecycle.js';
import { recordResponseSizes } from './telemetry/response-size.js';
import { batchConfig, startTracing } from './telemetry/sdk.js';
import { traceServerRequests } from './telemetry/server-span.js';
import { XraySpanProcessor } from './telemetry/xray/processor.js';
import { describeXray, readXraySettings, type XraySettings } from './telemetry/xray/settings.js';

const readSettings = (): { exportTo: TraceExport; sampler: TraceSampler | undefined; xray: XraySettings | undefined } => {
  try {
    const exportTo = resolveTraceExport(process.env);
    if (!exportTo.enabled) return { exportTo, sampler: undefined, xray: undefined };
    return { exportTo, sampler: resolveTraceSampler(process.env), xray: readXraySettings(process.env) };
  } catch (error) {
    // A malformed OTEL_* or AWS_XRAY_* value: one line naming the variable or file, no stack.
    console.error(`backend-flask failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
};

const { exportTo, sampler, xray } = readSettings();
if (exportTo.enabled && sampler) {
  const serviceName = process.env.OTEL_SERVICE_NAME?.trim() || SERVICE.backend;
  const extraProcessors = xray ? [new XraySpanProcessor({ ...xray, batch: batchConfig() })] : [];
  traceServerRequests();
  if (xray) recordResponseSizes();
  const provider = startTracing({ exportTo, sampler, serviceName, extraProcessors });
  setTelemetryShutdown(() => provider.shutdown());
  setTelemetryFlush(() => provider.forceFlush());
  console.info(`backend-flask: tracing as ${serviceName} to ${describeTraceExport(exportTo)}, sampler ${describeTraceSampler(sampler)}`);
  if (xray) console.info(`backend-flask: ${describeXray(xray)}`);
} else {
  console.info(`backend-flask: ${describeTraceExport(exportTo)}`);
}
