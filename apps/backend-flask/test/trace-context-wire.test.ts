import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startReceiver } from './otlp-receiver.js';
import { startServer } from './server-process.js';

/**
 * Malformed and hostile W3C trace context sent to the built server with
 * tracing on, its spans exported as OTLP/JSON to a local receiver. For each
 * request: never a 5xx, and its SERVER span either continues the caller's
 * trace or starts a fresh one, as W3C Trace Context says:
 * - version `ff` is invalid; version `00` is exactly 55 characters;
 * - a higher version is parsed leniently: trace-id, parent-id and flags as
 *   in `00`, each followed by `-` or the end, anything after ignored;
 * - an all-zero trace-id or parent-id, upper-case or non-hex digits, wrong
 *   lengths or separators make it invalid: the trace restarts;
 * - a `tracestate` is read only with a valid `traceparent`, and failing to
 *   read it never affects the `traceparent`; it holds at most 32 members and
 *   512 characters are all a receiver need keep;
 * - `baggage` is not propagated by this API at all.
 * A valid parent whose sampled flag is 0 is honoured by the
 * parent-based sampler: no span is recorded.
 */

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT_ID = 'b7ad6b7169203331';
const VALID = `00-${TRACE_ID}-${PARENT_ID}-01`;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);
const BAGGAGE_MARKER = 'baggage-marker-7f3a';
const SCENARIO_TIMEOUT_MS = 60_000;

type Outcome = 'continues' | 'fresh' | 'unsampled';

interface Case {
  readonly name: string;
  readonly headers: OutgoingHttpHeaders;
  readonly outcome: Outcome;
  /** Checks on the exported trace state, when the case is about it. */
  readonly traceState?: (state: string | undefined) => void;
}

const members = (state: string | undefined): string[] => (state ? state.split(',') : []);
/** W3C list-member grammar (simple or multi-tenant key, printable value without , or =). */
const VALID_MEMBER = /^(?:[a-z][_0-9a-z\-*/]{0,255}|[a-z0-9][_0-9a-z\-*/]{0,240}@[a-z][_0-9a-z\-*/]{0,13})=[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;

const CASES: readonly Case[] = [
  // The caller's trace continues.
  { name: 'a valid version-00 traceparent', headers: { traceparent: VALID }, outcome: 'continues' },
  { name: 'the header name in mixed case', headers: { TraceParent: VALID }, outcome: 'continues' },
  { name: 'surrounding spaces (not part of an HTTP field value)', headers: { traceparent: `  ${VALID}  ` }, outcome: 'continues' },
  { name: 'flags ff (unknown flag bits ignored)', headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID}-ff` }, outcome: 'continues' },
  { name: 'a future version, 55 characters', headers: { traceparent: `01-${TRACE_ID}-${PARENT_ID}-01` }, outcome: 'continues' },
  { name: 'a future version with extra fields', headers: { traceparent: `cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-will-be-like` }, outcome: 'continues' },
  { name: 'a future version with 8 KiB of extra fields', headers: { traceparent: `fe-${TRACE_ID}-${PARENT_ID}-09-${'x'.repeat(8 * 1024)}` }, outcome: 'continues' },
  {
    name: 'a valid tracestate',
    headers: { traceparent: VALID, tracestate: 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7' },
    outcome: 'continues',
    traceState: (state) => { expect(state).toBe('congo=t61rcWkgMzE,rojo=00f067aa0ba902b7'); },
  },
  {
    name: 'tracestate in two headers (combined, in order)',
    headers: { traceparent: VALID, tracestate: ['congo=t61rcWkgMzE', 'rojo=00f067aa0ba902b7'] },
    outcome: 'continues',
    traceState: (state) => { expect(state).toBe('congo=t61rcWkgMzE,rojo=00f067aa0ba902b7'); },
  },
  {
    name: 'tracestate with 40 members',
    headers: { traceparent: VALID, tracestate: Array.from({ length: 40 }, (_, i) => `k${String(i)}=v${String(i)}`).join(',') },
    outcome: 'continues',
    traceState: (state) => {
      expect(members(state).length).toBeGreaterThan(0);
      expect(members(state).length).toBeLessThanOrEqual(32);
    },
  },
  {
    name: 'tracestate with bad keys and values among good ones',
    headers: { traceparent: VALID, tracestate: 'UPPER=1,1abc=2,=nokey,novalue=,k=v=w,sp ace=1,ok=3,,  ,rojo=00f067aa0ba902b7,a@=x,@b=y' },
    outcome: 'continues',
    traceState: (state) => {
      for (const member of members(state)) expect(member).toMatch(VALID_MEMBER);
      expect(members(state)).not.toContain('UPPER=1');
    },
  },
  {
    name: 'tracestate of 8 KiB',
    headers: { traceparent: VALID, tracestate: Array.from({ length: 64 }, (_, i) => `k${String(i)}=${'v'.repeat(120)}`).join(',') },
    outcome: 'continues',
    traceState: (state) => { expect((state ?? '').length).toBeLessThanOrEqual(512); },
  },
  { name: 'tracestate that is garbage', headers: { traceparent: VALID, tracestate: '%%%;;;===,,,\u00e9\u00ff' }, outcome: 'continues', traceState: (state) => { expect(members(state)).toEqual([]); } },
  {
    name: 'baggage that is garbage, oversized and repeated',
    headers: { traceparent: VALID, baggage: [`${BAGGAGE_MARKER}=1;;;===%%%`, `k=${BAGGAGE_MARKER}${'b'.repeat(8 * 1024)}`, ',,,;\u00e9'] },
    outcome: 'continues',
  },

  // Valid, but the caller did not sample: the parent-based sampler records nothing.
  { name: 'a valid traceparent with sampled=0', headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID}-00` }, outcome: 'unsampled' },

  // Invalid: a fresh trace.
  { name: 'version ff', headers: { traceparent: `ff-${TRACE_ID}-${PARENT_ID}-01` }, outcome: 'fresh' },
  { name: 'version ff with extra fields', headers: { traceparent: `ff-${TRACE_ID}-${PARENT_ID}-01-extra` }, outcome: 'fresh' },
  { name: 'version 00 with extra fields', headers: { traceparent: `${VALID}-extra` }, outcome: 'fresh' },
  { name: 'version 00 with a trailing dash', headers: { traceparent: `${VALID}-` }, outcome: 'fresh' },
  { name: 'version 00 with 8 KiB appended', headers: { traceparent: `${VALID}-${'x'.repeat(8 * 1024)}` }, outcome: 'fresh' },
  { name: 'a future version not followed by a dash', headers: { traceparent: `cc-${TRACE_ID}-${PARENT_ID}-01.what-the-future-will-be-like` }, outcome: 'fresh' },
  { name: 'a future version shorter than 55 characters', headers: { traceparent: `cc-${TRACE_ID}-${PARENT_ID}-0` }, outcome: 'fresh' },
  { name: 'an upper-case version', headers: { traceparent: `0A-${TRACE_ID}-${PARENT_ID}-01` }, outcome: 'fresh' },
  { name: 'an all-zero trace id', headers: { traceparent: `00-${ZERO_TRACE}-${PARENT_ID}-01` }, outcome: 'fresh' },
  { name: 'an all-zero parent id', headers: { traceparent: `00-${TRACE_ID}-${ZERO_SPAN}-01` }, outcome: 'fresh' },
  { name: 'a 31-digit trace id', headers: { traceparent: `00-${TRACE_ID.slice(1)}-${PARENT_ID}-01` }, outcome: 'fresh' },
  { name: 'a 33-digit trace id', headers: { traceparent: `00-${TRACE_ID}a-${PARENT_ID}-01` }, outcome: 'fresh' },
  { name: 'a 15-digit parent id', headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID.slice(1)}-01` }, outcome: 'fresh' },
  { name: 'a 17-digit parent id', headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID}a-01` }, outcome: 'fresh' },
  { name: 'an upper-case trace id', headers: { traceparent: `00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01` }, outcome: 'fresh' },
  { name: 'an upper-case parent id', headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID.toUpperCase()}-01` }, outcome: 'fresh' },
  { name: 'a non-hex trace id', headers: { traceparent: `00-${TRACE_ID.slice(0, -1)}g-${PARENT_ID}-01` }, outcome: 'fresh' },
  { name: 'non-hex flags', headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID}-0g` }, outcome: 'fresh' },
  { name: 'one-digit flags', headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID}-1` }, outcome: 'fresh' },
  { name: 'no flags', headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID}` }, outcome: 'fresh' },
  { name: 'underscores for dashes', headers: { traceparent: `00_${TRACE_ID}_${PARENT_ID}_01` }, outcome: 'fresh' },
  { name: 'spaces inside', headers: { traceparent: `00 - ${TRACE_ID} - ${PARENT_ID} - 01` }, outcome: 'fresh' },
  { name: 'an empty value', headers: { traceparent: '' }, outcome: 'fresh' },
  { name: 'words', headers: { traceparent: 'hello, world' }, outcome: 'fresh' },
  { name: 'bytes beyond ASCII', headers: { traceparent: `00-${TRACE_ID.slice(0, -1)}\u00e9-${PARENT_ID}-01` }, outcome: 'fresh' },
  { name: 'two traceparent headers', headers: { traceparent: [VALID, `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`] }, outcome: 'fresh' },
  {
    name: 'a valid tracestate without a traceparent (discarded)',
    headers: { tracestate: 'congo=t61rcWkgMzE' },
    outcome: 'fresh',
    traceState: (state) => { expect(members(state)).toEqual([]); },
  },
  {
    name: 'a valid tracestate with an invalid traceparent (not read)',
    headers: { traceparent: `ff-${TRACE_ID}-${PARENT_ID}-01`, tracestate: 'congo=t61rcWkgMzE' },
    outcome: 'fresh',
    traceState: (state) => { expect(members(state)).toEqual([]); },
  },
];

interface JsonAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string };
}
interface JsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  traceState?: string;
  kind: number;
  name: string;
  attributes?: JsonAttribute[];
}
interface JsonExport {
  resourceSpans: { scopeSpans: { spans: JsonSpan[] }[] }[];
}

const SPAN_KIND_SERVER = 2;

/** A GET through node:http, which (unlike fetch) sends repeated headers as they are given. */
const get = (base: string, path: string, headers: OutgoingHttpHeaders): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers: { connection: 'close', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => {
        resolve(res.statusCode ?? 0);
      });
    });
    req.on('error', reject);
    req.end();
  });

const pathOf = (span: JsonSpan): string | undefined => span.attributes?.find(({ key }) => key === 'url.path')?.value.stringValue;

describe('W3C trace context on the wire: malformed and hostile headers', () => {
  it(
    'never answers 5xx; each SERVER span continues the valid parent or starts a fresh trace',
    async () => {
      const receiver = await startReceiver();
      const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });

      const statuses: number[] = [];
      for (const [index, { headers }] of CASES.entries()) {
        statuses.push(await get(server.url, `/api/activities/tp-${String(index)}`, headers));
      }
      // An unknown activity: 404 activity_not_found for every one of them, whatever the headers.
      expect(statuses).toEqual(CASES.map(() => 404));

      // 64 KiB of traceparent: Node refuses the headers (431) before any span starts, and keeps serving.
      expect(await get(server.url, '/api/activities/tp-oversized', { traceparent: `${VALID}-${'x'.repeat(64 * 1024)}` })).toBe(431);
      expect(await get(server.url, '/api/health-check', { traceparent: 'ff'.repeat(40) })).toBe(200);

      expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });

      const spans = receiver.received.flatMap(({ body }) =>
        (JSON.parse(body.toString()) as JsonExport).resourceSpans.flatMap(({ scopeSpans }) => scopeSpans.flatMap((scope) => scope.spans)),
      );
      const serverSpans = spans.filter(({ kind }) => kind === SPAN_KIND_SERVER);
      // Baggage is never propagated into attributes.
      expect(JSON.stringify(spans)).not.toContain(BAGGAGE_MARKER);
      expect(serverSpans.map(pathOf)).not.toContain('/api/activities/tp-oversized');

      const results = CASES.map(({ name, headers, outcome, traceState }, index) => {
        const found = serverSpans.filter((span) => pathOf(span) === `/api/activities/tp-${String(index)}`);
        return { name, headers, outcome, traceState, found };
      });
      for (const { name, headers, outcome, traceState, found } of results) {
        if (outcome === 'unsampled') {
          expect(found, name).toHaveLength(0);
          continue;
        }
        expect(found, name).toHaveLength(1);
        const [span] = found;
        if (!span) continue;
        if (outcome === 'continues') {
          expect([span.traceId, span.parentSpanId], name).toEqual([TRACE_ID, PARENT_ID]);
        } else {
          const sent = JSON.stringify(headers).toLowerCase();
          expect(span.traceId, name).toMatch(/^[0-9a-f]{32}$/);
          expect(span.traceId, name).not.toBe(ZERO_TRACE);
          expect(sent.includes(span.traceId), `${name}: a fresh trace id, not one from the headers`).toBe(false);
          expect(span.parentSpanId ?? '', name).toBe('');
        }
        traceState?.(span.traceState === '' ? undefined : span.traceState);
      }
      // Every fresh trace is its own.
      const fresh = results.filter(({ outcome }) => outcome === 'fresh').map(({ found }) => found[0]?.traceId);
      expect(new Set(fresh).size).toBe(fresh.length);
    },
    SCENARIO_TIMEOUT_MS,
  );
});
