import {
  ACTIVITY_MAX_CHARS,
  MESSAGE_MAX_CHARS,
  REPLY_MAX_CHARS,
  REQUEST_ERRORS,
  SEARCH_TERM_MAX_CHARS,
  TTLS,
  VALIDATION_ERRORS,
  charCount,
} from '@cruddur/api-contract';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { START } from './helpers.js';

/**
 * A fixed corpus of hostile input for every route's body, params and query,
 * each case with the one answer the README documents for it: a 2xx for
 * valid input, else a 4xx with `{"errors": [codes]}` (422) or
 * `{"error": code, "message"}`. No randomness: the same cases every run.
 */

const ACTIVITY = '68f126b0-1ceb-4a33-88be-d90fa7109eee';
const KNOWN_HANDLE = 'worf';

type Answer =
  | { readonly status: 200 | 201 }
  | { readonly status: 422; readonly errors: readonly string[] }
  | { readonly status: 400 | 404 | 413 | 414; readonly error: string; readonly message?: string };

const ok201: Answer = { status: 201 };
const ok200: Answer = { status: 200 };
const invalid = (...errors: string[]): Answer => ({ status: 422, errors });
const refused = (status: 400 | 404 | 413 | 414, error: string, message?: string): Answer =>
  message === undefined ? { status, error } : { status, error, message };

let app: FastifyInstance;
let prototypeBefore: string[];

beforeAll(async () => {
  prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  // Writes unlimited: hundreds of POSTs from one address is the point here.
  app = await buildApp(loadConfig({ CRUDDUR_WRITE_RATE_LIMIT: '0' }), { logger: false, clock: () => START });
});

afterAll(async () => {
  await app.close();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** The answer matches `expected` exactly, in the API's body shapes, and nothing leaks (no stack, no 5xx). */
const expectAnswer = (res: LightMyRequestResponse, expected: Answer) => {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(expected.status);
  if (!('errors' in expected) && !('error' in expected)) return;
  const body = res.json<Record<string, unknown>>();
  if ('errors' in expected) {
    expect(body).toEqual({ errors: expected.errors });
    for (const code of expected.errors) expect(VALIDATION_ERRORS).toContain(code);
    return;
  }
  expect(Object.keys(body).sort()).toEqual(['error', 'message']);
  expect(REQUEST_ERRORS).toContain(body.error);
  expect(body.error).toBe(expected.error);
  expect(body.message).not.toMatch(/\n\s+at /);
  if (expected.message !== undefined) expect(body.message).toBe(expected.message);
};

const unicodeSafe = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 20)}…(${String(text.length)})` : text);

/** String values for any field, from the harmless to the hostile. */
const STRINGS: readonly string[] = [
  'hello',
  '',
  ' ',
  '\t\r\n',
  '\u00a0\u3000\u2028\ufeff', // spaces String#trim removes: blank
  '\u200b', // zero-width space: not whitespace to trim, so not blank
  '\u200d\u200c\u2060',
  '\u202eevil\u202c', // right-to-left override
  'שלום עולם',
  'مرحبا',
  '👩‍👩‍👧‍👦',
  '\ud800', // lone surrogates
  '\udfff',
  'a\ud800b\udc00',
  'a\u0000b',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '5',
  '-1',
  '1e3',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
  '<script>alert(1)</script>',
  "'; DROP TABLE activities; --",
  '../../etc/passwd',
  '%00%2F',
  '${jndi:ldap://x}',
  '1-day',
  ' 1-day ',
  '1-DAY',
  '1 day',
  KNOWN_HANDLE,
  ` ${KNOWN_HANDLE} `,
  KNOWN_HANDLE.toUpperCase(),
  `@${KNOWN_HANDLE}`,
  'x'.repeat(ACTIVITY_MAX_CHARS),
  'x'.repeat(ACTIVITY_MAX_CHARS + 1),
  '😀'.repeat(ACTIVITY_MAX_CHARS), // 280 characters, 1,120 bytes
  '😀'.repeat(ACTIVITY_MAX_CHARS + 1),
  'x'.repeat(REPLY_MAX_CHARS),
  'x'.repeat(REPLY_MAX_CHARS + 1),
  'x'.repeat(15_000), // near the 16 KiB body limit
];

/** Valid JSON values of every type but string. */
const NOT_STRINGS: readonly [string, unknown][] = [
  ['0', 0],
  ['5', 5],
  ['-1', -1],
  ['1.5', 1.5],
  ['1e308', 1e308],
  ['true', true],
  ['false', false],
  ['null', null],
  ['[]', []],
  ['["hi"]', ['hi']],
  ['{}', {}],
  ['{"message":"hi"}', { message: 'hi' }],
  ['500 nested arrays', JSON.parse('['.repeat(500) + ']'.repeat(500)) as unknown],
];

interface WriteRoute {
  readonly url: string;
  /** A body the route accepts (201). */
  readonly valid: Readonly<Record<string, string>>;
  readonly messageMax: number;
}

const WRITE_ROUTES: readonly WriteRoute[] = [
  { url: '/api/activities', valid: { message: 'hi', ttl: '1-day' }, messageMax: ACTIVITY_MAX_CHARS },
  { url: `/api/activities/${ACTIVITY}/reply`, valid: { message: 'hi' }, messageMax: REPLY_MAX_CHARS },
  { url: '/api/messages', valid: { message: 'hi', user_receiver_handle: KNOWN_HANDLE }, messageMax: MESSAGE_MAX_CHARS },
];

const isBlank = (value: string) => value.trim() === '';

/** The documented answer to a valid body with one field set to `value`: the README's rules, restated. */
const answerForField = (route: WriteRoute, field: string, value: string): Answer => {
  switch (field) {
    case 'message':
      if (isBlank(value)) return invalid('message_blank');
      return charCount(value) > route.messageMax ? invalid('message_exceed_max_chars') : ok201;
    case 'ttl':
      if (isBlank(value)) return invalid('ttl_blank');
      return (TTLS as readonly string[]).includes(value) ? ok201 : invalid('ttl_invalid');
    case 'user_receiver_handle':
      if (isBlank(value)) return invalid('user_receiver_handle_blank');
      return value.trim() === KNOWN_HANDLE ? ok201 : refused(404, 'user_not_found');
    default:
      throw new Error(`no rule for ${field}`);
  }
};

const postRaw = (url: string, payload: string | Buffer) =>
  app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

describe.each(WRITE_ROUTES)('fuzzing the body of POST $url', (route) => {
  const fields = Object.keys(route.valid);

  it.each(fields.flatMap((field) => STRINGS.map((value) => [field, unicodeSafe(value), value] as const)))(
    '%s = %s',
    async (field, _label, value) => {
      expectAnswer(await postRaw(route.url, JSON.stringify({ ...route.valid, [field]: value })), answerForField(route, field, value));
    },
  );

  it.each(fields.flatMap((field) => NOT_STRINGS.map(([label, value]) => [field, label, value] as const)))(
    '%s = %s (not a string): 400 naming the field',
    async (field, _label, value) => {
      const res = await postRaw(route.url, JSON.stringify({ ...route.valid, [field]: value }));
      expectAnswer(res, refused(400, 'invalid_request', `body.${field} must be string`));
    },
  );

  it.each(fields.map((field) => [field] as const))('%s missing: reported as blank', async (field) => {
    const rest = Object.fromEntries(Object.entries(route.valid).filter(([name]) => name !== field));
    expectAnswer(await postRaw(route.url, JSON.stringify(rest)), answerForField(route, field, ''));
  });

  const valid = JSON.stringify(route.valid).slice(1, -1);
  it.each<[string, string | Buffer, Answer]>([
    ['__proto__ at the top', `{"__proto__":{"polluted":true},${valid}}`, refused(400, 'invalid_json')],
    ['__proto__ with a plain value', `{"__proto__":1,${valid}}`, refused(400, 'invalid_json')],
    ['__proto__ spelt with escapes', `{"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":true},${valid}}`, refused(400, 'invalid_json')],
    ['__proto__ inside a field', `{${valid},"message":{"__proto__":{"polluted":true}}}`, refused(400, 'invalid_json')],
    ['constructor.prototype', `{"constructor":{"prototype":{"polluted":true}},${valid}}`, refused(400, 'invalid_json')],
    ['a plain constructor key', `{"constructor":"x",${valid}}`, refused(400, 'invalid_request', 'body has unknown field "constructor"')],
    ['a prototype key', `{"prototype":{"polluted":true},${valid}}`, refused(400, 'invalid_request', 'body has unknown field "prototype"')],
    ['a toString key', `{"toString":"x",${valid}}`, refused(400, 'invalid_request', 'body has unknown field "toString"')],
    ['a key with a zero-width space', `{"message\u200b":"x",${valid}}`, refused(400, 'invalid_request', 'body has unknown field "message\u200b"')],
    ['a field repeated, the last a number', `{${valid},"message":5}`, refused(400, 'invalid_request', 'body.message must be string')],
    ['an unknown field nested 2,000 deep', `{${valid},"x":${'{"x":'.repeat(2_000)}1${'}'.repeat(2_000)}}`, refused(400, 'invalid_request', 'body has unknown field "x"')],
    ['an array nested 5,000 deep', '['.repeat(5_000) + ']'.repeat(5_000), refused(400, 'invalid_request', 'body must be object')],
    ['a body just over 16 KiB', JSON.stringify({ ...route.valid, message: 'x'.repeat(16 * 1024) }), refused(413, 'payload_too_large')],
    ['a body of 1 MiB', JSON.stringify({ message: '\u00e9'.repeat(512 * 1024) }), refused(413, 'payload_too_large')],
    ['a lone surrogate escaped', `{${valid},"message":"\\ud800"}`, ok201],
    ['bytes that are not UTF-8 in a string', Buffer.concat([Buffer.from(`{${valid},"message":"`), Buffer.from([0xff, 0xfe, 0xc0]), Buffer.from('"}')]), ok201],
  ])('%s', async (_case, payload, expected) => {
    expectAnswer(await postRaw(route.url, payload), expected);
  });
});

describe('fuzzing path parameters', () => {
  const TOO_LONG = refused(414, 'invalid_request', 'A path parameter exceeds 100 characters');
  /** [what, raw path segment as sent, answer for an @handle route, answer for a :uuid route]. */
  const SEGMENTS: readonly [string, string, Answer, Answer][] = [
    ['an unknown id', 'nobody', refused(404, 'user_not_found'), refused(404, 'activity_not_found')],
    ...['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'].map(
      (name) => [name, name, refused(404, 'user_not_found'), refused(404, 'activity_not_found')] as [string, string, Answer, Answer],
    ),
    ...['\u202eevil', '\u200b', 'שלום', '😀', ' ', "'; DROP TABLE x; --", '<script>', '\u0000', '...', '1e3', '-1', 'null'].map(
      (text) =>
        [unicodeSafe(text), encodeURIComponent(text), refused(404, 'user_not_found'), refused(404, 'activity_not_found')] as [string, string, Answer, Answer],
    ),
    ['an encoded slash', 'a%2Fb', refused(404, 'user_not_found'), refused(404, 'activity_not_found')],
    ['an encoded lone surrogate (not UTF-8)', '%ED%A0%80', refused(400, 'invalid_request'), refused(400, 'invalid_request')],
    ['a malformed escape', '%E0%A4%A', refused(400, 'invalid_request'), refused(400, 'invalid_request')],
    ['a bare percent sign', '%', refused(400, 'invalid_request'), refused(400, 'invalid_request')],
    // A dot segment is resolved before routing: /api/activities/.. is /api, which is no route.
    ['a dot-dot segment', '..', refused(404, 'user_not_found'), refused(404, 'not_found')],
    ['100 characters (the longest parameter routed)', 'a'.repeat(100), refused(404, 'user_not_found'), refused(404, 'activity_not_found')],
    ['101 characters', 'a'.repeat(101), TOO_LONG, TOO_LONG],
    ['100,000 characters', 'a'.repeat(100_000), TOO_LONG, TOO_LONG],
  ];

  const HANDLE_ROUTES = ['/api/activities/@', '/api/messages/@'];

  it.each(HANDLE_ROUTES.flatMap((prefix) => SEGMENTS.map(([what, segment, answer]) => [`GET ${prefix}…`, what, segment, prefix, answer] as const)))(
    '%s with %s',
    async (_route, _what, segment, prefix, answer) => {
      expectAnswer(await app.inject(`${prefix}${segment}`), answer);
    },
  );

  it.each(SEGMENTS.map(([what, segment, , answer]) => [what, segment, answer] as const))('GET /api/activities/:uuid with %s', async (_what, segment, answer) => {
    expectAnswer(await app.inject(`/api/activities/${segment}`), answer);
  });

  it.each(SEGMENTS.map(([what, segment, , answer]) => [what, segment, answer] as const))(
    'POST /api/activities/:uuid/reply with %s',
    async (_what, segment, answer) => {
      expectAnswer(await postRaw(`/api/activities/${segment}/reply`, '{"message":"hi"}'), answer);
    },
  );

  it('answers the known handle and activity (the corpus is not all refusals)', async () => {
    expectAnswer(await app.inject(`/api/activities/@${KNOWN_HANDLE}`), ok200);
    expectAnswer(await app.inject(`/api/messages/@${KNOWN_HANDLE}`), ok200);
    expectAnswer(await app.inject(`/api/activities/${ACTIVITY}`), ok200);
  });
});

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes as its WTF-8 bytes, as a sloppy client would send it. */
const percentEncode = (text: string): string =>
  Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(char);
  }).join('');

describe('fuzzing query strings', () => {
  const answerForTerm = (term: string): Answer => {
    if (isBlank(term)) return invalid('search_term_blank');
    return charCount(term.trim()) > SEARCH_TERM_MAX_CHARS ? invalid('search_term_exceed_max_chars') : ok200;
  };

  it.each(STRINGS.map((value) => [unicodeSafe(value), value] as const))('GET /api/activities/search?term=%s', async (_label, value) => {
    expectAnswer(await app.inject(`/api/activities/search?term=${percentEncode(value)}`), answerForTerm(value));
  });

  it.each<[string, Answer]>([
    ['term=a&term=b', refused(400, 'invalid_request', 'querystring.term must be string')],
    ['term[]=a', invalid('search_term_blank')],
    ['term[a]=b', invalid('search_term_blank')],
    ['term', invalid('search_term_blank')],
    ['', invalid('search_term_blank')],
    ['__proto__=x', invalid('search_term_blank')],
    ['__proto__[polluted]=1&term=hi', ok200],
    ['constructor[prototype][polluted]=1&term=hi', ok200],
    ['constructor=x&prototype=y&term=hi', ok200],
    ['term=%', ok200],
    ['term=%ED%A0%80', ok200],
    ['term=%00', ok200],
    ['term=a%26term%3Db', ok200],
    ['term=+', invalid('search_term_blank')],
    [`term=${'x'.repeat(100_000)}`, invalid('search_term_exceed_max_chars')],
    [`${'k'.repeat(50_000)}=v&term=hi`, ok200],
    [Array.from({ length: 2_000 }, (_, i) => `p${String(i)}=${String(i)}`).join('&') + '&term=hi', ok200],
  ])('GET /api/activities/search?%s', async (query, expected) => {
    expectAnswer(await app.inject(`/api/activities/search?${query}`), expected);
  });

  const JUNK_QUERIES = [
    '__proto__[polluted]=1',
    'constructor[prototype][polluted]=1',
    'a=1&a=2&a=3',
    'term=x',
    '%',
    `q=${'x'.repeat(100_000)}`,
  ];
  const READ_ROUTES = ['/api/activities/home', '/api/activities/notifications', '/api/message_groups', '/api/health-check', `/api/activities/${ACTIVITY}`, `/api/activities/@${KNOWN_HANDLE}`, `/api/messages/@${KNOWN_HANDLE}`];

  it.each(READ_ROUTES.flatMap((url) => JUNK_QUERIES.map((query) => [url, unicodeSafe(query), query] as const)))(
    'GET %s ignores the query %s',
    async (url, _label, query) => {
      expectAnswer(await app.inject(`${url}?${query}`), ok200);
    },
  );

  it('a write ignores its query string too', async () => {
    expectAnswer(await postRaw('/api/activities?__proto__[polluted]=1&ttl=bogus', '{"message":"hi","ttl":"1-day"}'), ok201);
  });
});
