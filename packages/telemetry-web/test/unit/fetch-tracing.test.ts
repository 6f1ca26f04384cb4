// @vitest-environment jsdom
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { suppressTracing, W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  StackContextManager,
  TracerProvider,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { traceFetch } from '../../src/fetch-tracing.js';
import { untraced } from '../../src/trace-context.js';

const API = 'http://localhost:4567';
const EXPORT_URL = `${API}/v1/traces`;

interface Sent {
  readonly url: string;
  readonly headers: Headers;
}

let exporter: InMemorySpanExporter;
let sent: Sent[];
let answer: () => Promise<Response>;
let untrace: () => void;
let browserFetch: typeof fetch;
let tracer: ReturnType<TracerProvider['getTracer']>;
const nativeFetch = globalThis.fetch;

beforeEach(() => {
  exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  context.setGlobalContextManager(new StackContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  sent = [];
  answer = () => Promise.resolve(new Response('{}', { status: 200 }));
  // The browser's fetch, as far as the wrapper can see it: what was sent, and an answer.
  browserFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    sent.push({ url: request.url, headers: request.headers });
    return answer();
  };
  globalThis.fetch = browserFetch;
  tracer = provider.getTracer('test');
  untrace = traceFetch({ tracer, propagateTo: API, ignoreUrl: EXPORT_URL, timings: undefined });
});

afterEach(() => {
  untrace();
  globalThis.fetch = nativeFetch;
  context.disable();
  propagation.disable();
});

const spans = (): ReadableSpan[] => exporter.getFinishedSpans();

const onlySpan = (): ReadableSpan => {
  const [span, ...others] = spans();
  if (span === undefined || others.length > 0) throw new Error(`expected one span, got ${String(spans().length)}`);
  return span;
};

describe('traceFetch', () => {
  it('makes a CLIENT span of a request to the API and sends its traceparent', async () => {
    await fetch(`${API}/api/activities/home?x=1`);

    const span = onlySpan();
    expect(span.name).toBe('GET');
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toEqual({
      'http.request.method': 'GET',
      'url.full': `${API}/api/activities/home?x=1`,
      'server.address': 'localhost',
      'server.port': 4567,
      'http.response.status_code': 200,
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    const { traceId, spanId } = span.spanContext();
    expect(sent[0]?.headers.get('traceparent')).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('is a child of the active span', async () => {
    const parent = tracer.startSpan('click');
    await context.with(trace.setSpan(context.active(), parent), () => fetch(`${API}/api/activities/home`));

    expect(onlySpan().parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });

  it.each([
    ['a longer port', 'http://localhost:45670/api'],
    ['a longer host', 'http://localhost.evil.com:4567/api'],
    ['another scheme', 'https://localhost:4567/api'],
    ['no port', 'http://localhost/api'],
    ['another name for the host', 'http://127.0.0.1:4567/api'],
    ['the origin in the query', 'http://evil.com/?next=http://localhost:4567/'],
  ])('traces but sends no trace header to %s', async (_case, url) => {
    await fetch(url);

    expect(onlySpan().attributes['url.full']).toBe(url);
    expect(sent[0]?.headers.has('traceparent')).toBe(false);
  });

  it('keeps the headers a Request or init carried', async () => {
    await fetch(new Request(`${API}/api/activities`, { method: 'POST', headers: { 'x-request': 'kept' }, body: '{}' }));
    await fetch(`${API}/api/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

    expect(sent.map((request) => [request.headers.get('x-request'), request.headers.get('content-type')])).toEqual([
      ['kept', 'text/plain;charset=UTF-8'],
      [null, 'application/json'],
    ]);
    expect(sent.every((request) => request.headers.has('traceparent'))).toBe(true);
    expect(spans().map((span) => span.name)).toEqual(['POST', 'POST']);
  });

  it('names methods as the conventions do: upper case, the original kept; unknown ones HTTP', async () => {
    await fetch(`${API}/a`, { method: 'post' });
    await fetch(`${API}/b`, { method: 'PURGE' });

    const [post, purge] = spans();
    expect([post?.name, post?.attributes['http.request.method'], post?.attributes['http.request.method_original']]).toEqual([
      'POST',
      'POST',
      'post',
    ]);
    expect([purge?.name, purge?.attributes['http.request.method'], purge?.attributes['http.request.method_original']]).toEqual([
      'HTTP',
      '_OTHER',
      'PURGE',
    ]);
  });

  it('marks an error status as an error', async () => {
    answer = () => Promise.resolve(new Response('{}', { status: 503 }));
    const response = await fetch(`${API}/api/activities/home`);

    expect(response.status).toBe(503);
    const span = onlySpan();
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('503');
    expect(span.attributes['http.response.status_code']).toBe(503);
  });

  it('ends the span on a network failure and rejects with the same error', async () => {
    const failure = new TypeError('Failed to fetch');
    answer = () => Promise.reject(failure);

    await expect(fetch(`${API}/api/activities/home`)).rejects.toBe(failure);
    const span = onlySpan();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'Failed to fetch' });
    expect(span.attributes['error.type']).toBe('TypeError');
  });

  it('never traces the exporter’s requests: its URL, or any request with tracing suppressed', async () => {
    await fetch(EXPORT_URL, { method: 'POST', body: '{}' });
    await context.with(suppressTracing(context.active()), () => fetch(`${API}/api/activities/home`));

    expect(spans()).toEqual([]);
    expect(sent.map((request) => request.headers.has('traceparent'))).toEqual([false, false]);
  });

  it('never traces a request made in `untraced` (an error report’s post), even in a user action', async () => {
    await tracer.startActiveSpan('click', async (click) => {
      await untraced(() => fetch('https://api.rollbar.com/api/1/item/', { method: 'POST', body: '{}' }));
      click.end();
    });

    expect(spans().map(({ name }) => name)).toEqual(['click']);
    expect(sent.map((request) => request.headers.has('traceparent'))).toEqual([false]);
  });

  it('unwraps: fetch is again the one it found', async () => {
    expect(globalThis.fetch).not.toBe(browserFetch);
    untrace();
    expect(globalThis.fetch).toBe(browserFetch);
    await fetch(`${API}/api/activities/home`);
    expect(spans()).toEqual([]);
  });
});
