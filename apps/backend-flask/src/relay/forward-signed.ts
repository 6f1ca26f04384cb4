import { xrayRegionOf, type TraceExport } from '@cruddur/telemetry-config';
import { DescribedExportError, SignedOtlpTransport } from '../telemetry/xray-otlp/signed-transport.js';
import type { ForwardOutcome } from './forward.js';

/** Relays to X-Ray's own OTLP endpoint as the trace destination: OTLP/protobuf, signed. */
export type SignedForward = (protobuf: Uint8Array, timeoutMs: number) => Promise<ForwardOutcome>;

const EMPTY = Buffer.alloc(0);

/**
 * The relay's way to a destination that is X-Ray's endpoint itself
 * (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=https://xray.<region>.amazonaws.com/v1/traces):
 * each request signed as the API's own exports are. Undefined for any other destination.
 */
export const signedForward = (destination: TraceExport): SignedForward | undefined => {
  if (!destination.enabled || destination.destination !== 'xray') return undefined;
  const region = xrayRegionOf(destination.url);
  if (region === undefined) return undefined;
  const transport = new SignedOtlpTransport({ url: destination.url, region, contentType: 'application/x-protobuf', headers: destination.headers });
  return async (protobuf, timeoutMs) => {
    const response = await transport.send(protobuf, timeoutMs);
    if (response.status === 'success') return { kind: 'answered', status: 200, contentType: null, body: EMPTY };
    const { error } = response;
    const code = (error as { code?: unknown } | undefined)?.code;
    if (typeof code === 'number') return { kind: 'answered', status: code, contentType: null, body: EMPTY };
    if (error?.name === 'TimeoutError') return { kind: 'timeout' };
    if (error instanceof DescribedExportError) return { kind: 'unreachable', reason: error.failure.reason };
    return { kind: 'unreachable', reason: typeof code === 'string' ? code : 'network error' };
  };
};
