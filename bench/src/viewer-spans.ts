// Cruddur-like traffic for the trace viewer, as OTLP/JSON request bodies: per
// trace, the browser's action span and its fetch (with the timing events the
// fetch spans carry), then the API's SERVER span and its use case's span.
// The browser sends each action's spans in one OTLP/JSON request; the API
// batches 128 in OTLP/protobuf, as each does when it runs.
import { ACTION, ATTR, SERVICE, SPAN } from '@cruddur/telemetry-conventions';
import { encodeTraceRequest, type OtlpKeyValue, type OtlpResource, type OtlpSpan } from './otlp-protobuf.js';

interface Route {
  readonly action: string;
  readonly method: 'GET' | 'POST';
  readonly route: string;
  readonly path: string;
  readonly useCase: string;
}

const ROUTES: readonly Route[] = [
  { action: ACTION.openHome, method: 'GET', route: '/api/activities/home', path: '/api/activities/home', useCase: SPAN.homeActivitiesMockData },
  { action: ACTION.openNotifications, method: 'GET', route: '/api/activities/notifications', path: '/api/activities/notifications', useCase: SPAN.notificationsActivities },
  { action: ACTION.openProfile, method: 'GET', route: '/api/activities/@:handle', path: '/api/activities/@andrewbrown', useCase: SPAN.userActivities },
  { action: ACTION.search, method: 'GET', route: '/api/activities/search', path: '/api/activities/search', useCase: SPAN.searchActivities },
  { action: ACTION.postCrud, method: 'POST', route: '/api/activities', path: '/api/activities', useCase: SPAN.createActivity },
  { action: ACTION.openMessages, method: 'GET', route: '/api/message_groups', path: '/api/message_groups', useCase: SPAN.messageGroups },
];

const FETCH_PHASES = ['fetchStart', 'domainLookupStart', 'domainLookupEnd', 'connectStart', 'connectEnd', 'requestStart', 'responseStart', 'responseEnd'];

const attr = (key: string, value: string | number | boolean): OtlpKeyValue => ({
  key,
  value: typeof value === 'string' ? { stringValue: value } : typeof value === 'number' ? { intValue: value } : { boolValue: value },
});

const resource = (service: string, extra: OtlpKeyValue[]): OtlpResource => ({
  attributes: [
    attr('service.name', service),
    attr('telemetry.sdk.language', service === SERVICE.backend ? 'nodejs' : 'webjs'),
    attr('telemetry.sdk.name', 'opentelemetry'),
    attr('telemetry.sdk.version', '3.1.0'),
    ...extra,
  ],
});

const BACKEND = resource(SERVICE.backend, [attr('service.version', '0.1.0'), attr('host.name', 'cruddur-api'), attr('process.pid', 4242)]);
const FRONTEND = resource(SERVICE.frontend, [attr('browser.language', 'en-US')]);

/** A small deterministic generator, so every run sends the same traffic. */
const random = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
};

const hex = (next: () => number, bytes: number): string =>
  Array.from({ length: bytes }, () => Math.floor(next() * 256).toString(16).padStart(2, '0')).join('');

type Span = OtlpSpan;

const nanos = (ms: number): string => (BigInt(Math.round(ms * 1000)) * 1000n).toString();

/** One click: four spans, two from the browser and two from the API. */
const traceSpans = (next: () => number, startMs: number): { browser: Span[]; api: Span[] } => {
  const route = ROUTES[Math.floor(next() * ROUTES.length)] as Route;
  const traceId = hex(next, 16);
  const [actionId, fetchId, serverId, useCaseId] = [hex(next, 8), hex(next, 8), hex(next, 8), hex(next, 8)];
  // Log-normal durations: most requests fast, a long tail.
  const serverMs = Math.exp(0.4 + next() * 1.6 + (next() < 0.05 ? 2 : 0));
  const fetchMs = serverMs + 2 + next() * 10;
  const actionMs = fetchMs + 5 + next() * 40;
  const failed = next() < 0.02;
  const status = failed ? 500 : route.method === 'POST' ? 201 : 200;
  const fetchStart = startMs + 1;
  const serverStart = fetchStart + 1;
  const phases = FETCH_PHASES.map((name, i) => ({ name, timeUnixNano: nanos(fetchStart + (i * fetchMs) / FETCH_PHASES.length) }));
  const browser: Span[] = [
    {
      traceId,
      spanId: actionId,
      name: route.action,
      kind: 1,
      startTimeUnixNano: nanos(startMs),
      endTimeUnixNano: nanos(startMs + actionMs),
      attributes: [attr(ATTR.action, route.action), attr(ATTR.route, '/')],
    },
    {
      traceId,
      spanId: fetchId,
      parentSpanId: actionId,
      name: route.method,
      kind: 3,
      startTimeUnixNano: nanos(fetchStart),
      endTimeUnixNano: nanos(fetchStart + fetchMs),
      attributes: [
        attr('http.request.method', route.method),
        attr('url.full', `http://localhost:4567${route.path}`),
        attr('server.address', 'localhost'),
        attr('server.port', 4567),
        attr('http.response.status_code', status),
      ],
      events: phases,
      ...(failed ? { status: { code: 2 } } : {}),
    },
  ];
  const api: Span[] = [
    {
      traceId,
      spanId: serverId,
      parentSpanId: fetchId,
      name: `${route.method} ${route.route}`,
      kind: 2,
      startTimeUnixNano: nanos(serverStart),
      endTimeUnixNano: nanos(serverStart + serverMs),
      attributes: [
        attr('http.request.method', route.method),
        attr('http.route', route.route),
        attr('url.path', route.path),
        attr('url.scheme', 'http'),
        attr('server.address', 'localhost'),
        attr('server.port', 4567),
        attr('client.address', '127.0.0.1'),
        attr('network.peer.address', '127.0.0.1'),
        attr('network.peer.port', 40000 + Math.floor(next() * 20000)),
        attr('network.protocol.version', '1.1'),
        attr('user_agent.original', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'),
        attr('http.response.status_code', status),
      ],
      ...(failed ? { status: { code: 2, message: 'internal server error' } } : {}),
    },
    {
      traceId,
      spanId: useCaseId,
      parentSpanId: serverId,
      name: route.useCase,
      kind: 1,
      startTimeUnixNano: nanos(serverStart + 0.1),
      endTimeUnixNano: nanos(serverStart + 0.1 + serverMs / 4),
      attributes:
        route.method === 'POST'
          ? [attr(ATTR.userHandle, 'andrewbrown'), attr(ATTR.ttl, '7-days'), attr(ATTR.messageLength, Math.floor(next() * 280))]
          : [attr(ATTR.now, new Date(serverStart).toISOString()), attr(ATTR.resultLength, Math.floor(next() * 12))],
    },
  ];
  return { browser, api };
};

const jsonBody = (service: OtlpResource, scope: string, spans: Span[]): string =>
  JSON.stringify({ resourceSpans: [{ resource: service, scopeSpans: [{ scope: { name: scope, version: '0.1.0' }, spans }] }] });

/** A request as an exporter sends it: its body and Content-Type, and how many spans it carries. */
export interface OtlpRequest {
  readonly contentType: 'application/json' | 'application/x-protobuf';
  readonly body: string | Uint8Array;
  readonly spans: number;
}

export const SPANS_PER_TRACE = 4;
const API_BATCH = 128;

/**
 * OTLP requests holding `traces` traces (four spans each) that start evenly
 * over the `spreadMs` before `endMs`. Each click's browser spans go in a
 * request of their own, as the web app sends them, unless `browserBatch`
 * puts that many clicks' in one (the same spans in far fewer requests, for
 * filling a viewer quickly).
 */
export const cruddurRequests = (traces: number, endMs: number, spreadMs: number, seed = 11, browserBatch = 1): OtlpRequest[] => {
  const next = random(seed);
  const requests: OtlpRequest[] = [];
  let browserSpans: Span[] = [];
  let apiBatch: Span[] = [];
  for (let i = 0; i < traces; i++) {
    const { browser, api } = traceSpans(next, endMs - spreadMs + (i * spreadMs) / traces);
    browserSpans.push(...browser);
    if (browserSpans.length >= browserBatch * browser.length || i === traces - 1) {
      requests.push({ contentType: 'application/json', body: jsonBody(FRONTEND, '@cruddur/telemetry-web', browserSpans), spans: browserSpans.length });
      browserSpans = [];
    }
    apiBatch.push(...api);
    if (apiBatch.length >= API_BATCH || i === traces - 1) {
      requests.push({ contentType: 'application/x-protobuf', body: encodeTraceRequest(BACKEND, `${SERVICE.backend}/http`, apiBatch), spans: apiBatch.length });
      apiBatch = [];
    }
  }
  return requests;
};
