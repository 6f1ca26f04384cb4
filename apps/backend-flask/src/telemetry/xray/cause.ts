import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { randomBytes } from 'node:crypto';
import type { StackFrame, XrayException } from './segment.js';

export interface Outcome {
  readonly error?: true | undefined;
  readonly throttle?: true | undefined;
  readonly fault?: true | undefined;
  readonly cause?: { exceptions: XrayException[] } | undefined;
}

const exceptionId = (): string => randomBytes(8).toString('hex');

// V8 frames: "    at label (path:line:column)" or "    at path:line:column".
const FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):\d+\)?$/;

/** The frames of a V8 stack trace; the first line (type and message) is not one. */
export const parseStack = (stack: string): StackFrame[] =>
  stack.split('\n').flatMap((line) => {
    const match = FRAME.exec(line);
    if (!match?.[2] || !match[3]) return [];
    return [{ path: match[2], line: Number(match[3]), label: match[1] ?? '' }];
  });

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * `exception` events become `cause.exceptions`; without any, an ERROR
 * status with a message becomes one exception of that message.
 */
const causeOf = (span: ReadableSpan): Outcome['cause'] => {
  const remote = span.kind === SpanKind.CLIENT || span.kind === SpanKind.PRODUCER ? true : undefined;
  const exceptions = span.events
    .filter(({ name }) => name === 'exception')
    .map(({ attributes = {} }): XrayException => {
      const stack = text(attributes['exception.stacktrace']);
      return {
        id: exceptionId(),
        type: text(attributes['exception.type']),
        message: text(attributes['exception.message']),
        remote,
        stack: stack === undefined ? undefined : parseStack(stack),
      };
    });
  if (exceptions.length > 0) return { exceptions };
  const message = span.status.code === SpanStatusCode.ERROR ? text(span.status.message) : undefined;
  return message === undefined ? undefined : { exceptions: [{ id: exceptionId(), message, remote }] };
};

/**
 * X-Ray's three flags, from the HTTP status when there is one (4xx error,
 * 429 also throttle, 5xx fault), else from the span status (ERROR fault).
 */
export const outcomeOf = (span: ReadableSpan): Outcome => {
  const status = span.attributes['http.response.status_code'];
  const code = typeof status === 'number' && status >= 400 && status <= 599 ? status : undefined;
  const cause = causeOf(span);
  if (code === undefined) return { fault: span.status.code === SpanStatusCode.ERROR ? true : undefined, cause };
  if (code >= 500) return { fault: true, cause };
  return { error: true, throttle: code === 429 ? true : undefined, cause };
};
