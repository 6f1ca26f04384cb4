import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { annotationKey, segmentName } from '../src/telemetry/xray/attributes.js';
import { parseStack } from '../src/telemetry/xray/cause.js';
import { translateSpan } from '../src/telemetry/xray/translate.js';
import { find, SERVER_ATTRIBUTES, spanFactory } from './xray-spans.js';

const HEX16 = /^[0-9a-f]{16}$/;

const translatedRequest = () => {
  const spans = spanFactory();
  const request = spans.request();
  request.endAll();
  const finished = spans.finished();
  return { finished, server: translateSpan(find(finished, 'GET /api/activities/home')) };
};

describe('X-Ray translation of one span', () => {
  it('makes the SERVER span the service segment, named by service.name, with the http block', () => {
    const { finished, server } = translatedRequest();
    const span = find(finished, 'GET /api/activities/home');
    expect(server).toMatchObject({
      id: span.spanContext().spanId,
      name: 'backend-flask',
      http: {
        request: {
          method: 'GET',
          url: 'http://localhost:4567/api/activities/home',
          user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
          client_ip: '127.0.0.1',
        },
        response: { status: 200, content_length: 1234 },
      },
    });
    expect(server.http?.request.x_forwarded_for).toBeUndefined();
    expect(server.namespace).toBeUndefined();
    expect(server.start_time).toBeCloseTo(span.startTime[0] + span.startTime[1] / 1e9, 6);
    expect(server.end_time).toBeGreaterThanOrEqual(server.start_time);
    expect(server.aws).toEqual({ xray: { sdk: 'opentelemetry for nodejs', sdk_version: '2.12.0' } });
  });

  it('keeps the rest of the attributes and the resource as metadata, not the http ones', () => {
    const { server } = translatedRequest();
    expect(server.metadata?.default).toEqual({
      'http.route': '/api/activities/home',
      'otel.resource.service.name': 'backend-flask',
      'otel.resource.telemetry.sdk.name': 'opentelemetry',
      'otel.resource.telemetry.sdk.language': 'nodejs',
      'otel.resource.telemetry.sdk.version': '2.12.0',
    });
    expect(server.annotations).toBeUndefined();
  });

  it('puts together a URL with its query and a non-default port, and flags a forwarded client address', () => {
    const spans = spanFactory();
    spans
      .start('GET /api/activities/search', SpanKind.SERVER, {
        ...SERVER_ATTRIBUTES,
        'url.scheme': 'https',
        'server.address': 'api.example.com',
        'server.port': 443,
        'url.path': '/api/activities/search',
        'url.query': 'term=hello',
        'client.address': '203.0.113.9',
      })
      .end();
    const [span] = spans.finished();
    if (!span) throw new Error('no span');
    expect(translateSpan(span).http?.request).toMatchObject({
      url: 'https://api.example.com/api/activities/search?term=hello',
      client_ip: '203.0.113.9',
      x_forwarded_for: true,
    });
  });

  it('makes the use case span a subsegment with its values as metadata and app.* as annotations', () => {
    const { finished } = translatedRequest();
    const useCase = translateSpan(find(finished, 'home-activities-mock-data'));
    expect(useCase).toMatchObject({
      name: 'home-activities-mock-data',
      annotations: { app_user_handle: 'andrewbrown', app_now: '2026-01-01T00:00:00.000Z', app_result_length: 3 },
      metadata: { default: { 'app.user_handle': 'andrewbrown', 'app.now': '2026-01-01T00:00:00.000Z', 'app.result_length': 3 } },
    });
    // Only segments carry the resource, the SDK and the trace linkage.
    expect(useCase.aws).toBeUndefined();
    expect(useCase.http).toBeUndefined();
    expect(useCase).not.toHaveProperty('trace_id');
    expect(useCase).not.toHaveProperty('type');
  });

  it('annotates scalars only: a list stays metadata', () => {
    const spans = spanFactory();
    spans.start('create-activity', SpanKind.INTERNAL, { 'app.error_codes': ['message_blank', 'ttl_blank'], 'app.ttl': '7-days' }).end();
    const [span] = spans.finished();
    if (!span) throw new Error('no span');
    const document = translateSpan(span);
    expect(document.annotations).toEqual({ app_ttl: '7-days' });
    expect(document.metadata?.default['app.error_codes']).toEqual(['message_blank', 'ttl_blank']);
  });

  it('names a CLIENT span for what it calls, in the remote namespace', () => {
    const spans = spanFactory();
    spans
      .start('GET', SpanKind.CLIENT, {
        'http.request.method': 'GET',
        'url.full': 'https://api.honeycomb.io/v1/traces',
        'server.address': 'api.honeycomb.io',
        'network.peer.address': '52.1.2.3',
        'http.response.status_code': 200,
      })
      .end();
    spans.start('GET', SpanKind.CLIENT, { 'peer.service': 'rollbar', 'http.request.method': 'POST' }).end();
    const [byHost, byPeerService] = spans.finished().map(translateSpan);
    expect(byHost).toMatchObject({
      name: 'api.honeycomb.io',
      namespace: 'remote',
      http: { request: { method: 'GET', url: 'https://api.honeycomb.io/v1/traces' }, response: { status: 200 } },
    });
    // The peer of a CLIENT span is the server, not a client.
    expect(byHost?.http?.request.client_ip).toBeUndefined();
    expect(byPeerService).toMatchObject({ name: 'rollbar', namespace: 'remote' });
  });

  it.each([
    [200, SpanStatusCode.UNSET, {}],
    [404, SpanStatusCode.UNSET, { error: true }],
    [422, SpanStatusCode.ERROR, { error: true }],
    [429, SpanStatusCode.UNSET, { error: true, throttle: true }],
    [500, SpanStatusCode.ERROR, { fault: true }],
    [503, SpanStatusCode.UNSET, { fault: true }],
    [undefined, SpanStatusCode.ERROR, { fault: true }],
    [undefined, SpanStatusCode.OK, {}],
  ])('status %s with span status %s flags %o', (status, code, flags) => {
    const spans = spanFactory();
    const span = spans.start('work', status === undefined ? SpanKind.INTERNAL : SpanKind.SERVER, {
      ...(status === undefined ? {} : { 'http.response.status_code': status }),
    });
    span.setStatus({ code });
    span.end();
    const [finished] = spans.finished();
    if (!finished) throw new Error('no span');
    const { error, throttle, fault } = translateSpan(finished);
    expect({ error, throttle, fault }).toEqual({ error: undefined, throttle: undefined, fault: undefined, ...flags });
  });

  it('turns exception events into cause.exceptions with id, type, message and the parsed stack', () => {
    const spans = spanFactory();
    const span = spans.start('show-activity', SpanKind.INTERNAL);
    const thrown = new TypeError('store is not a function');
    thrown.stack = [
      'TypeError: store is not a function',
      '    at showActivity (file:///app/dist/services/show-activity.js:12:9)',
      '    at /app/dist/routes/activities.js:40:17',
      '    at async Promise.all (index 0)',
    ].join('\n');
    span.recordException(thrown);
    span.setStatus({ code: SpanStatusCode.ERROR, message: thrown.message });
    span.end();
    const [finished] = spans.finished();
    if (!finished) throw new Error('no span');
    const document = translateSpan(finished);
    expect(document.fault).toBe(true);
    expect(document.cause?.exceptions).toEqual([
      {
        id: expect.stringMatching(HEX16) as unknown,
        type: 'TypeError',
        message: 'store is not a function',
        stack: [
          { path: 'file:///app/dist/services/show-activity.js', line: 12, label: 'showActivity' },
          { path: '/app/dist/routes/activities.js', line: 40, label: '' },
        ],
      },
    ]);
  });

  it('marks exceptions of a CLIENT span remote, and makes a cause of an ERROR status message alone', () => {
    const spans = spanFactory();
    const client = spans.start('GET', SpanKind.CLIENT, { 'server.address': 'api.rollbar.com' });
    client.recordException(new Error('socket hang up'));
    client.end();
    const invalid = spans.start('create-activity', SpanKind.INTERNAL);
    invalid.setStatus({ code: SpanStatusCode.ERROR, message: 'invalid input: message_blank' });
    invalid.end();
    const [remote, statusOnly] = spans.finished().map(translateSpan);
    expect(remote?.cause?.exceptions[0]).toMatchObject({ message: 'socket hang up', type: 'Error', remote: true });
    expect(statusOnly?.cause?.exceptions).toEqual([{ id: expect.stringMatching(HEX16) as unknown, message: 'invalid input: message_blank' }]);
  });

  it('sanitises names and annotation keys as X-Ray requires', () => {
    expect(annotationKey('app.user_handle')).toBe('app_user_handle');
    expect(annotationKey('app.ключ-1')).toBe('app______1');
    expect(annotationKey(`app.${'k'.repeat(600)}`)).toHaveLength(500);
    expect(segmentName('handler - GET /api/activities/:uuid')).toBe('handler - GET /api/activities/:uuid');
    expect(segmentName('GET /api/activities/@:handle?x=<1>')).toBe('GET /api/activities/@:handlex=1');
    expect(segmentName('""')).toBe('span');
    expect(segmentName('x'.repeat(300))).toHaveLength(200);
  });

  it('keeps annotation strings within 1,000 characters', () => {
    const spans = spanFactory();
    spans.start('search-activities', SpanKind.INTERNAL, { 'app.search_term': 'a'.repeat(1500) }).end();
    const [span] = spans.finished();
    if (!span) throw new Error('no span');
    const document = translateSpan(span);
    expect(document.annotations?.app_search_term).toHaveLength(1000);
    expect(document.metadata?.default['app.search_term']).toHaveLength(1500);
  });

  it('reads V8 stack frames and skips lines that are none', () => {
    expect(parseStack('Error: x\n    at new Store (/app/store.js:3:11)\n    at native\n')).toEqual([
      { path: '/app/store.js', line: 3, label: 'new Store' },
    ]);
  });
});
