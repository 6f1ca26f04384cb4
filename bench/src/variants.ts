import { createRequire } from 'node:module';
import { SERVICE } from '@cruddur/telemetry-conventions';
import type { ApiLaunch } from './api-server.js';
import type { VariantId } from './results.js';

/** How `pnpm start` runs the API: tracing loaded before the app. */
export const SHIPPED_ARGS = ['--import', './dist/instrumentation.js', 'dist/server.js'];

const autoRegister = createRequire(import.meta.url).resolve('@opentelemetry/auto-instrumentations-node/register');

export interface Destinations {
  /** Base OTLP/HTTP URL. */
  readonly otlpUrl: string;
  /** `host:port` of a UDP listener for X-Ray segments. */
  readonly udpAddress: string;
}

/** The three ways to run the same built server. `nodeFlags` go before everything else (e.g. --cpu-prof). */
export const variantLaunches = ({ otlpUrl, udpAddress }: Destinations, nodeFlags: readonly string[] = []): Record<VariantId, ApiLaunch> => ({
  A: {
    nodeArgs: [...nodeFlags, ...SHIPPED_ARGS],
    env: { OTEL_SDK_DISABLED: 'true', TRACE_VIEWER_ENDPOINT: otlpUrl },
  },
  // As shipped: every root sampled (parentbased_always_on), the viewer's
  // OTLP/protobuf, plus X-Ray where the API supports it.
  B: {
    nodeArgs: [...nodeFlags, ...SHIPPED_ARGS],
    env: { TRACE_VIEWER_ENDPOINT: otlpUrl, AWS_XRAY_DAEMON_ADDRESS: udpAddress },
  },
  // What the metapackage's README tells people to run, without our
  // instrumentation. Its default resource detectors include cloud ones that
  // call metadata addresses off this machine, so only the local ones run.
  C: {
    nodeArgs: [...nodeFlags, '--require', autoRegister, 'dist/server.js'],
    env: {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl,
      OTEL_SERVICE_NAME: SERVICE.backend,
      OTEL_NODE_RESOURCE_DETECTORS: 'env,host,os,process,serviceinstance,container',
    },
  },
});
