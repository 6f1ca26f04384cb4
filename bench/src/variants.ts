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

/** X-Ray's OTLP endpoint on the receiver: its own path, so its bytes are counted apart. */
export const XRAY_OTLP_PATH = '/xray';

/** The four ways to run the same built server. `nodeFlags` go before everything else (e.g. --cpu-prof). */
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
  // B with X-Ray over OTLP instead of the daemon: the same batches, signed
  // and sent to the receiver's X-Ray path. The AWS SDK gets its credentials
  // as on an EC2 instance with a role, from the receiver standing in for the
  // instance metadata service: keys in the environment (or a credentials
  // file) would also switch CloudWatch Logs on, which B does not have.
  D: {
    nodeArgs: [...nodeFlags, ...SHIPPED_ARGS],
    env: {
      TRACE_VIEWER_ENDPOINT: otlpUrl,
      AWS_XRAY_OTLP: 'true',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_XRAY: `${otlpUrl}${XRAY_OTLP_PATH}`,
      AWS_EC2_METADATA_SERVICE_ENDPOINT: otlpUrl,
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      AWS_CONFIG_FILE: '/nonexistent/config',
    },
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
