/**
 * Tracing, started before the app: `node --import ./dist/instrumentation.js
 * dist/server.js`. The http, Fastify and pino instrumentations patch those
 * modules as the app first loads them, so nothing imported here may load
 * them first.
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
import { setTelemetryShutdown } from './telemetry/lifecycle.js';
import { startTracing } from './telemetry/sdk.js';

const readSettings = (): { exportTo: TraceExport; sampler: TraceSampler | undefined } => {
  try {
    const exportTo = resolveTraceExport(process.env);
    return { exportTo, sampler: exportTo.enabled ? resolveTraceSampler(process.env) : undefined };
  } catch (error) {
    // A malformed OTEL_* value: one line naming the variable, no stack.
    console.error(`backend-flask failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
};

const { exportTo, sampler } = readSettings();
if (exportTo.enabled && sampler) {
  const serviceName = process.env.OTEL_SERVICE_NAME?.trim() || SERVICE.backend;
  const provider = startTracing({ exportTo, sampler, serviceName });
  setTelemetryShutdown(() => provider.shutdown());
  console.info(`backend-flask: tracing as ${serviceName} to ${describeTraceExport(exportTo)}, sampler ${describeTraceSampler(sampler)}`);
} else {
  console.info(`backend-flask: ${describeTraceExport(exportTo)}`);
}
