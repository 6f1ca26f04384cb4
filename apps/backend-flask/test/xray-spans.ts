import { XrayIdGenerator } from '@cruddur/telemetry-conventions';
import { ROOT_CONTEXT, SpanKind, trace, TraceFlags, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace';

/** The browser's fetch span a request continues, with an X-Ray-valid trace id of now. */
export const browserParent = (epochSeconds = Math.floor(Date.now() / 1000)) => ({
  traceId: `${epochSeconds.toString(16)}a1b2c3d4e5f6a7b8c9d0e1f2`,
  spanId: 'b7ad6b7169203331',
});

export const SERVER_ATTRIBUTES: Attributes = {
  'http.request.method': 'GET',
  'url.scheme': 'http',
  'server.address': 'localhost',
  'server.port': 4567,
  'url.path': '/api/activities/home',
  'user_agent.original': 'Mozilla/5.0 (X11; Linux x86_64)',
  'network.peer.address': '127.0.0.1',
  'client.address': '127.0.0.1',
  'http.route': '/api/activities/home',
  'http.response.status_code': 200,
  'http.response.body.size': 1234,
};

/**
 * Spans made by the real SDK, not registered globally, under the API's
 * resource and the X-Ray id generator; `finished()` returns them in the
 * order they ended, as a batch processor would hand them over. `processors`
 * see them too.
 */
export const spanFactory = (processors: readonly SpanProcessor[] = []) => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'backend-flask',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.version': '2.12.0',
    }),
    idGenerator: new XrayIdGenerator(),
    spanProcessors: [new SimpleSpanProcessor({ exporter }), ...processors],
  });
  const tracer = provider.getTracer('xray-test');

  const under = (parent: Span | { traceId: string; spanId: string } | undefined): Context => {
    if (parent === undefined) return ROOT_CONTEXT;
    if ('spanContext' in parent) return trace.setSpan(ROOT_CONTEXT, parent);
    return trace.setSpanContext(ROOT_CONTEXT, { ...parent, traceFlags: TraceFlags.SAMPLED, isRemote: true });
  };

  return {
    start: (name: string, kind: SpanKind, attributes: Attributes = {}, parent?: Parameters<typeof under>[0]): Span =>
      tracer.startSpan(name, { kind, attributes, startTime: [1_700_000_000, 0] }, under(parent)),
    /** A request as the API records it: SERVER → the use case span. */
    request: (parent = browserParent(), attributes: Attributes = SERVER_ATTRIBUTES) => {
      const server = tracer.startSpan('GET /api/activities/home', { kind: SpanKind.SERVER, attributes }, under(parent));
      const useCase = tracer.startSpan(
        'home-activities-mock-data',
        { kind: SpanKind.INTERNAL, attributes: { 'app.user_handle': 'andrewbrown', 'app.now': '2026-01-01T00:00:00.000Z', 'app.result_length': 3 } },
        under(server),
      );
      return { server, useCase, endAll: () => { [useCase, server].forEach((span) => { span.end(); }); } };
    },
    finished: (): ReadableSpan[] => exporter.getFinishedSpans(),
    reset: () => {
      exporter.reset();
    },
  };
};

export const find = (spans: readonly ReadableSpan[], name: string): ReadableSpan => {
  const span = spans.find((candidate) => candidate.name === name);
  if (!span) throw new Error(`no span ${name} among ${spans.map((s) => s.name).join(', ')}`);
  return span;
};
