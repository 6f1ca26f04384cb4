import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/ApiError';
import {
  backendUrl,
  createActivity,
  createMessage,
  createReply,
  getActivity,
  getHomeActivities,
  getMessageGroups,
  getMessages,
  getNotifications,
  getUserActivities,
  searchActivities,
} from '../src/api/client';
import { json, stubApi } from './api';
import { makeActivity, makeMessage } from './fixtures';

const failure = async (promise: Promise<unknown>): Promise<ApiError> => {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
};

describe('API client', () => {
  it('points at the configured backend origin', () => {
    expect(backendUrl).toMatch(/^https?:\/\/[^/]+$/);
  });

  it('GETs the home feed as JSON without a body or content type', async () => {
    const activities = [makeActivity()];
    const { fetch } = stubApi({ 'GET /api/activities/home': activities });

    await expect(getHomeActivities()).resolves.toEqual(activities);

    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`${backendUrl}/api/activities/home`);
    expect(init?.method).toBe('GET');
    expect(init?.body).toBeNull();
    const headers = new Headers(init?.headers);
    expect(headers.get('Accept')).toBe('application/json');
    expect(headers.has('Content-Type')).toBe(false);
  });

  it.each([
    ['notifications', () => getNotifications(), '/api/activities/notifications', ''],
    ['a profile', () => getUserActivities('andrewbrown'), '/api/activities/@andrewbrown', ''],
    ['an activity', () => getActivity('a b'), '/api/activities/a%20b', ''],
    ['a search', () => searchActivities('cloud & fun'), '/api/activities/search', '?term=cloud+%26+fun'],
    ['message groups', () => getMessageGroups(), '/api/message_groups', ''],
    ['a conversation', () => getMessages('worf'), '/api/messages/@worf', ''],
  ])('GETs %s from its endpoint', async (_name, call, pathname, search) => {
    const { requests } = stubApi({ [`GET ${pathname}`]: [] });
    await call();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.pathname).toBe(pathname);
    expect(requests[0]?.url.search).toBe(search);
  });

  it('POSTs a new crud as JSON and returns the created activity', async () => {
    const created = makeActivity({ message: 'Hello' });
    const { requests } = stubApi({ 'POST /api/activities': () => json(created, 201) });

    await expect(createActivity({ message: 'Hello', ttl: '1-day' })).resolves.toEqual(created);

    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(requests[0]?.body).toEqual({ message: 'Hello', ttl: '1-day' });
  });

  it('POSTs replies to the crud they answer', async () => {
    const { requests } = stubApi({ 'POST /api/activities/cloud/reply': () => json(makeActivity(), 201) });
    await createReply('cloud', { message: 'Indeed' });
    expect(requests[0]?.body).toEqual({ message: 'Indeed' });
  });

  it('POSTs direct messages with their receiver', async () => {
    const sent = makeMessage({ message: 'Hi Worf' });
    const { requests } = stubApi({ 'POST /api/messages': () => json(sent, 201) });
    await expect(createMessage({ message: 'Hi Worf', user_receiver_handle: 'worf' })).resolves.toEqual(sent);
    expect(requests[0]?.body).toEqual({ message: 'Hi Worf', user_receiver_handle: 'worf' });
  });

  it('rejects a 422 with its validation codes', async () => {
    stubApi({ 'POST /api/activities': () => json({ errors: ['message_blank', 'ttl_blank'] }, 422) });
    const error = await failure(createActivity({ message: '', ttl: '' }));
    expect(error.status).toBe(422);
    expect(error.errors).toEqual(['message_blank', 'ttl_blank']);
    expect(error.error).toBe('validation_failed');
  });

  it('rejects other 4xx with the error code and message', async () => {
    stubApi({
      'GET /api/activities/@nobody': () => json({ error: 'user_not_found', message: 'No user @nobody' }, 404),
    });
    const error = await failure(getUserActivities('nobody'));
    expect(error.status).toBe(404);
    expect(error.isNotFound).toBe(true);
    expect(error.error).toBe('user_not_found');
    expect(error.message).toBe('No user @nobody');
    expect(error.errors).toEqual([]);
  });

  it('rejects a non-JSON error page with its status', async () => {
    stubApi({ 'GET /api/activities/home': () => new Response('<h1>Bad gateway</h1>', { status: 502 }) });
    const error = await failure(getHomeActivities());
    expect(error.status).toBe(502);
    expect(error.error).toBe('http_502');
  });

  it('rejects a successful response that is not JSON', async () => {
    stubApi({ 'GET /api/activities/home': () => new Response('hello', { status: 200 }) });
    const error = await failure(getHomeActivities());
    expect(error.error).toBe('invalid_response');
  });

  it('turns a network failure into a clear error', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await failure(getHomeActivities());
    expect(error.status).toBe(0);
    expect(error.error).toBe('network_error');
    expect(error.message).toContain('Could not reach the Cruddur API');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('lets an abort through untouched and passes the signal on', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const fetch = vi.fn((_url: string, _init: RequestInit) => Promise.reject(abort));
    vi.stubGlobal('fetch', fetch);
    const controller = new AbortController();

    await expect(getHomeActivities({ signal: controller.signal })).rejects.toBe(abort);
    expect(fetch.mock.calls[0]?.[1].signal).toBe(controller.signal);
  });
});
