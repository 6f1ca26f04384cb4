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
  resolveXrayOtlp,
  type TraceExport,
  type TraceSampler,
  type XrayOtlp,
} from '@cruddur/telemetry-config';
import { SERVICE } from '@cruddur/telemetry-conventions';
import { setRelayedToXray, setTelemetryFlush, setTelemetryShutdown } from './telemetry/lifecycle.js';
import { recordResponseSizes } from './telemetry/response-size.js';
import { batchConfig, startTracing } from './telemetry/sdk.js';
import { traceServerRequests } from './telemetry/server-span.js';
import { XraySpanProcessor } from './telemetry/xray/processor.js';
import { describeXray, readXraySettings, type XraySettings } from './telemetry/xray/settings.js';
import { describeXrayOtlp, startXrayOtlpCopy } from './telemetry/xray-otlp/start.js';

interface Settings {
  readonly exportTo: TraceExport;
  readonly sampler?: TraceSampler;
  /** X-Ray through the daemon (AWS_XRAY_DAEMON_ADDRESS), unless X-Ray gets OTLP. */
  readonly xray?: XraySettings | undefined;
  /** X-Ray over OTLP beside the trace destination (AWS_XRAY_OTLP=true), unless that is X-Ray already. */
  readonly xrayOtlp?: XrayOtlp | undefined;
  /** Said at start: the daemon configured, and not used. */
  readonly xrayNote?: string | undefined;
}

const readSettings = (): Settings => {
  try {
    const exportTo = resolveTraceExport(process.env);
    if (!exportTo.enabled) return { exportTo };
    const sampler = resolveTraceSampler(process.env);
    const xrayOtlp = resolveXrayOtlp(process.env);
    const daemon = readXraySettings(process.env);
    const xrayIsDestination = exportTo.destination === 'xray';
    if (xrayOtlp === undefined && !xrayIsDestination) return { exportTo, sampler, xray: daemon };
    // One way to X-Ray at a time, or X-Ray would get every sampled request twice.
    const why = xrayOtlp === undefined ? 'X-Ray is the trace destination' : 'AWS_XRAY_OTLP=true';
    const xrayNote = daemon === undefined ? undefined : `${why}: the X-Ray daemon at AWS_XRAY_DAEMON_ADDRESS is not used`;
    return { exportTo, sampler, xrayOtlp: xrayOtlp?.url === exportTo.url ? undefined : xrayOtlp, xrayNote };
  } catch (error) {
    // A malformed OTEL_* or AWS_XRAY_* value: one line naming the variable or file, no stack.
    console.error(`backend-flask failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
};

const { exportTo, sampler, xray, xrayOtlp, xrayNote } = readSettings();
if (exportTo.enabled && sampler) {
  const serviceName = process.env.OTEL_SERVICE_NAME?.trim() || SERVICE.backend;
  const batch = batchConfig();
  const extraProcessors = xray ? [new XraySpanProcessor({ ...xray, batch })] : [];
  const xrayCopy = xrayOtlp && startXrayOtlpCopy(xrayOtlp, batch.exportTimeoutMillis ?? 5_000);
  traceServerRequests();
  if (xray) recordResponseSizes();
  const provider = startTracing({ exportTo, sampler, serviceName, extraProcessors, xray: xrayCopy });
  setTelemetryShutdown(async () => {
    await provider.shutdown();
    await xrayCopy?.shutdown();
  });
  setTelemetryFlush(() => provider.forceFlush());
  if (xrayCopy) setRelayedToXray(xrayCopy);
  console.info(`backend-flask: tracing as ${serviceName} to ${describeTraceExport(exportTo)}, sampler ${describeTraceSampler(sampler)}`);
  if (xray) console.info(`backend-flask: ${describeXray(xray)}`);
  if (xrayOtlp) console.info(`backend-flask: ${describeXrayOtlp(xrayOtlp)}`);
  if (xrayNote) console.info(`backend-flask: ${xrayNote}`);
} else {
  console.info(`backend-flask: ${describeTraceExport(exportTo)}`);
}
