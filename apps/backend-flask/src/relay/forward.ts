import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

export type ForwardOutcome =
  | { readonly kind: 'answered'; readonly status: number; readonly contentType: string | null; readonly body: Buffer }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unreachable'; readonly reason: string };

export interface ForwardRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: string;
  readonly body: Buffer;
  readonly timeoutMs: number;
}

const reasonOf = (error: unknown): string => {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
};

/**
 * Posts spans to the destination. The call itself is never traced: tracing
 * is suppressed around it (and the undici instrumentation ignores the
 * destination), or every relayed batch would export a span of its own.
 */
export const forwardTraces = async ({ url, headers, contentType, body, timeoutMs }: ForwardRequest): Promise<ForwardOutcome> => {
  try {
    return await context.with(suppressTracing(context.active()), async (): Promise<ForwardOutcome> => {
      const signal = AbortSignal.timeout(timeoutMs);
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': contentType },
        body,
        signal,
      });
      const answer = Buffer.from(await response.arrayBuffer());
      return { kind: 'answered', status: response.status, contentType: response.headers.get('content-type'), body: answer };
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return { kind: 'timeout' };
    return { kind: 'unreachable', reason: reasonOf(error) };
  }
};
