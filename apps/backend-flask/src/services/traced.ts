import { ATTR, SERVICE, type SpanName } from '@cruddur/telemetry-conventions';
import { SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { throwIfFaultRequested } from '../faults/inject.js';
import type { Result } from './result.js';

// The API's global tracer: a no-op until instrumentation.ts registers a
// provider, so the services run the same under app.inject without the SDK.
const tracer = trace.getTracer(SERVICE.backend);

/**
 * Runs a (synchronous) use case as the active span `name`, so spans it
 * starts nest under it. A throw is recorded as an exception with status
 * ERROR and rethrown; the span always ends. A request that asked for a fault
 * (faults/inject.ts) throws here, inside the span.
 */
export const withSpan = <T>(name: SpanName, attributes: Attributes, fn: (span: Span) => T): T =>
  tracer.startActiveSpan(name, { attributes }, (span) => {
    try {
      throwIfFaultRequested(name);
      return fn(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });

/**
 * `withSpan` for use cases that may decline. A declined call lists its
 * codes in `app.error_codes`; invalid input also sets status ERROR, while a
 * missing resource does not (it is the expected answer to a stale link, as
 * a 404 is no error on a server span). A success records
 * `app.result_length` when `resultLength` is given.
 */
export const withResultSpan = <T>(
  name: SpanName,
  attributes: Attributes,
  fn: (span: Span) => Result<T>,
  resultLength?: (value: T) => number,
): Result<T> =>
  withSpan(name, attributes, (span) => {
    const result = fn(span);
    if (result.ok) {
      if (resultLength) span.setAttribute(ATTR.resultLength, resultLength(result.value));
    } else if (result.failure.kind === 'invalid') {
      span.setAttribute(ATTR.errorCodes, [...result.failure.errors]);
      span.setStatus({ code: SpanStatusCode.ERROR, message: `invalid input: ${result.failure.errors.join(', ')}` });
    } else {
      span.setAttribute(ATTR.errorCodes, [result.failure.error]);
    }
    return result;
  });
