import type { Activity, Message } from '@cruddur/api-contract';
import { ATTR, SPAN, type SpanName } from '@cruddur/telemetry-conventions';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { withSpan } from '../src/services/traced.js';
import { START, postJson, testApp } from './helpers.js';
import { recordSpansInProcess } from './in-process-tracing.js';

// The SDK in-process, no HTTP instrumentation: only the services' own spans are recorded.
const exporter = recordSpansInProcess();

const GARAK_CRUD = '248959df-3079-4947-b847-9e0892d1bab4';
const FIRST_CRUD = '68f126b0-1ceb-4a33-88be-d90fa7109eee';

const onlySpan = () => {
  const spans = exporter.getFinishedSpans();
  expect(spans).toHaveLength(1);
  const [span] = spans;
  if (!span) throw new Error('no span');
  return span;
};

describe('service spans', () => {
  it.each<[string, string, unknown, SpanName, number]>([
    ['GET', '/api/activities/home', undefined, SPAN.homeActivitiesMockData, 200],
    ['GET', '/api/activities/notifications', undefined, SPAN.notificationsActivities, 200],
    ['GET', '/api/activities/search?term=cloud', undefined, SPAN.searchActivities, 200],
    ['GET', '/api/activities/@worf', undefined, SPAN.userActivities, 200],
    ['GET', `/api/activities/${FIRST_CRUD}`, undefined, SPAN.showActivity, 200],
    ['POST', '/api/activities', { message: 'hi', ttl: '1-day' }, SPAN.createActivity, 201],
    ['POST', `/api/activities/${FIRST_CRUD}/reply`, { message: 'hi' }, SPAN.createReply, 201],
    ['GET', '/api/message_groups', undefined, SPAN.messageGroups, 200],
    ['GET', '/api/messages/@worf', undefined, SPAN.messages, 200],
    ['POST', '/api/messages', { message: 'hi', user_receiver_handle: 'worf' }, SPAN.createMessage, 201],
  ])('%s %s records one %s span for its user', async (method, url, body, name, status) => {
    const app = await testApp();
    const res = body === undefined ? await app.inject({ method: 'GET', url }) : await postJson(app, url, body);
    expect([method, res.statusCode]).toEqual([method, status]);
    const span = onlySpan();
    expect(span.name).toBe(name);
    expect(span.instrumentationScope.name).toBe('backend-flask');
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.attributes[ATTR.userHandle]).toBe(url.includes('@worf') && name === SPAN.userActivities ? 'worf' : 'andrewbrown');
  });

  it('leaves the health check untraced', async () => {
    const app = await testApp();
    await app.inject({ url: '/api/health-check' });
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });

  it('records the home read as the course does: app.now and app.result_length', async () => {
    const app = await testApp();
    await app.inject({ url: '/api/activities/home' });
    expect(onlySpan().attributes).toEqual({
      [ATTR.userHandle]: 'andrewbrown',
      [ATTR.now]: START.toISOString(),
      [ATTR.resultLength]: 3,
    });
  });

  it.each([
    ['/api/activities/notifications', 1],
    ['/api/activities/search?term=CLOUD', 1],
    ['/api/activities/@worf', 1],
    ['/api/activities/@garek', 1],
    ['/api/message_groups', 2],
    ['/api/messages/@worf', 3],
    ['/api/messages/@coco', 0],
  ])('counts the results of %s: %d', async (url, length) => {
    const app = await testApp();
    await app.inject({ url });
    expect(onlySpan().attributes[ATTR.resultLength]).toBe(length);
  });

  it('records the search term once it is valid', async () => {
    const app = await testApp();
    await app.inject({ url: '/api/activities/search?term=%20Cloud%20' });
    expect(onlySpan().attributes[ATTR.searchTerm]).toBe('cloud');
  });

  it('records sizes and choices of a new crud, never its text', async () => {
    const app = await testApp();
    const message = 'Deploying on a Friday 🚀';
    const created = (await postJson(app, '/api/activities', { message, ttl: '7-days' })).json<Activity>();
    const { attributes } = onlySpan();
    expect(attributes).toEqual({
      [ATTR.userHandle]: 'andrewbrown',
      [ATTR.messageLength]: 23,
      [ATTR.ttl]: '7-days',
      [ATTR.activityUuid]: created.uuid,
    });
    expect(JSON.stringify(attributes)).not.toContain('Friday');
  });

  it('records the crud a reply answers', async () => {
    const app = await testApp();
    await postJson(app, `/api/activities/${GARAK_CRUD}/reply`, { message: 'Quite so' });
    expect(onlySpan().attributes).toMatchObject({ [ATTR.activityUuid]: GARAK_CRUD, [ATTR.messageLength]: 8 });
  });

  it('records the receiver and length of a message, never its text', async () => {
    const app = await testApp();
    const sent = await postJson(app, '/api/messages', { message: 'Qapla’!', user_receiver_handle: ' worf ' });
    expect(sent.json<Message>().handle).toBe('andrewbrown');
    const { attributes } = onlySpan();
    expect(attributes).toEqual({ [ATTR.userHandle]: 'andrewbrown', [ATTR.receiverHandle]: 'worf', [ATTR.messageLength]: 7 });
    expect(JSON.stringify(attributes)).not.toContain('Qapla');
  });

  it('marks invalid input as an ERROR with the codes it was refused with', async () => {
    const app = await testApp();
    const res = await postJson(app, '/api/activities', { message: ' ', ttl: '7 days' });
    expect(res.statusCode).toBe(422);
    const span = onlySpan();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'invalid input: message_blank, ttl_invalid' });
    expect(span.attributes[ATTR.errorCodes]).toEqual(['message_blank', 'ttl_invalid']);
    expect(span.attributes[ATTR.ttl]).toBeUndefined();
  });

  it('marks a blank search as an ERROR without recording a term', async () => {
    const app = await testApp();
    await app.inject({ url: '/api/activities/search?term=' });
    const span = onlySpan();
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes[ATTR.errorCodes]).toEqual(['search_term_blank']);
    expect(span.attributes[ATTR.searchTerm]).toBeUndefined();
  });

  it('records a missing resource by its code without calling it an error', async () => {
    const app = await testApp();
    expect((await app.inject({ url: '/api/activities/@nobody' })).statusCode).toBe(404);
    const span = onlySpan();
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.attributes[ATTR.errorCodes]).toEqual(['user_not_found']);
  });
});

describe('withSpan', () => {
  it('records a throw as an exception with status ERROR, rethrows it and ends the span', () => {
    expect(() =>
      withSpan(SPAN.messages, { [ATTR.userHandle]: 'worf' }, () => {
        throw new Error('store is gone');
      }),
    ).toThrow('store is gone');
    const span = onlySpan();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'store is gone' });
    expect(span.events.map(({ name, attributes }) => [name, attributes?.['exception.message']])).toEqual([
      ['exception', 'store is gone'],
    ]);
    expect(span.ended).toBe(true);
  });

  it('is the active span while its function runs, so spans started inside nest under it', () => {
    withSpan(SPAN.messageGroups, {}, () => {
      trace.getTracer('test').startSpan('inner').end();
    });
    const [inner, outer] = exporter.getFinishedSpans();
    expect(inner?.parentSpanContext?.spanId).toBe(outer?.spanContext().spanId);
  });
});
