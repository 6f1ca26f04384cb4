// Reads the OTLP/JSON the browser exports into flat spans the tests can query.

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  serviceName: unknown;
  startMs: number;
  endMs: number;
  attributes: Record<string, unknown>;
  /** Its events' names and times (ms since the epoch), in the order sent. */
  events: { name: string; timeMs: number }[];
  /** When the receiver got it (ms since the epoch). */
  receivedAt: number;
}

interface KeyValue {
  key: string;
  value: Record<string, unknown>;
}

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
  attributes?: KeyValue[];
  events?: { name: string; timeUnixNano: string | number }[];
}

interface OtlpRequest {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: { spans?: OtlpSpan[] }[];
  }[];
}

const attributes = (list: KeyValue[] = []): Record<string, unknown> =>
  Object.fromEntries(list.map(({ key, value }) => [key, Object.values(value)[0]]));

const millis = (nanos: string | number): number => Number(BigInt(nanos) / 1_000_000n);

export const parseOtlpJson = (body: string, receivedAt: number): ReceivedSpan[] =>
  (JSON.parse(body) as OtlpRequest).resourceSpans?.flatMap((resourceSpans) => {
    const serviceName = attributes(resourceSpans.resource?.attributes)['service.name'];
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        name: span.name,
        serviceName,
        startMs: millis(span.startTimeUnixNano),
        endMs: millis(span.endTimeUnixNano),
        attributes: attributes(span.attributes),
        events: (span.events ?? []).map((event) => ({ name: event.name, timeMs: millis(event.timeUnixNano) })),
        receivedAt,
      })),
    );
  }) ?? [];
