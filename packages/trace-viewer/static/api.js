// @ts-check
// The viewer's JSON API, as the page reads it (the server's README documents it).

/**
 * @typedef {Record<string, unknown>} Attributes values: strings, numbers, booleans, null, arrays, objects
 * @typedef {{
 *   traceId: string, rootName: string, rootService: string, services: string[], spanCount: number,
 *   droppedSpans: number, durationMs: number, startMs: number, startTime: string, errorCount: number,
 *   firstReceived: number, lastUpdated: number
 * }} TraceSummary
 * @typedef {{ name: string, timeUnixNano: string, timeMs: number, attributes: Attributes, droppedAttributesCount: number }} SpanEvent
 * @typedef {{ traceId: string, spanId: string, traceState: string, attributes: Attributes, droppedAttributesCount: number }} SpanLink
 * @typedef {{
 *   traceId: string, spanId: string, parentSpanId: string | null, traceState: string, name: string,
 *   kind: string, service: string, startTimeUnixNano: string, endTimeUnixNano: string,
 *   startMs: number, durationMs: number, attributes: Attributes, droppedAttributesCount: number,
 *   events: SpanEvent[], droppedEventsCount: number, links: SpanLink[], droppedLinksCount: number,
 *   status: { code: 'UNSET' | 'OK' | 'ERROR', message: string }, resource: Attributes,
 *   scope: { name: string, version: string }
 * }} SpanView
 * @typedef {{ traceId: string, droppedSpans: number, spans: SpanView[] }} TraceView
 * @typedef {{
 *   ok: boolean, traces: number, spans: number, bytes: number, evictedTraces: number, evictedSpans: number,
 *   limits: { traces: number, spans: number, bytes: number, spansPerTrace: number }
 * }} Health
 */

/** @param {string} path */
async function getJson(path) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: HTTP ${String(res.status)}`);
  return /** @type {unknown} */ (await res.json());
}

/** @param {number} limit @returns {Promise<TraceSummary[]>} */
export async function fetchTraces(limit) {
  return /** @type {TraceSummary[]} */ (await getJson(`/api/traces?limit=${String(limit)}`));
}

/** The trace, or null once the viewer no longer has it. @param {string} traceId @returns {Promise<TraceView | null>} */
export async function fetchTrace(traceId) {
  const res = await fetch(`/api/traces/${encodeURIComponent(traceId)}`, { headers: { accept: 'application/json' } });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`trace ${traceId}: HTTP ${String(res.status)}`);
  return /** @type {TraceView} */ (await res.json());
}

/** What the store holds, its limits and what it evicted. @returns {Promise<Health>} */
export async function fetchHealth() {
  return /** @type {Health} */ (await getJson('/api/health'));
}

export async function clearTraces() {
  const res = await fetch('/api/traces', { method: 'DELETE' });
  if (!res.ok) throw new Error(`clear: HTTP ${String(res.status)}`);
}

/**
 * @typedef {import('./chart-data.js').QueryAnswer} QueryAnswer
 * @typedef {TraceSummary & { matchedSpanIds: string[] }} MatchingTrace
 * @typedef {{ matchedSpans: number, matchedTraces: number, traces: MatchingTrace[] }} MatchingTraces
 * @typedef {{ name: string, types: string[], spans: number, derived: boolean }} Column
 */

/** A request the viewer refused: its message, and the field it names when it is a query's. */
export class QueryError extends Error {
  /** @param {string} message @param {string | undefined} field */
  constructor(message, field) {
    super(message);
    this.name = 'QueryError';
    this.field = field;
  }
}

/** @param {string} path @param {unknown} body */
async function postJson(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.ok) return /** @type {unknown} */ (await res.json());
  const answer = /** @type {{ error?: unknown, field?: unknown }} */ (await res.json().catch(() => ({})));
  const message = typeof answer.error === 'string' ? answer.error : `HTTP ${String(res.status)}`;
  throw new QueryError(message, typeof answer.field === 'string' ? answer.field : undefined);
}

/** Runs a Query Specification (POST /api/query). @param {Record<string, unknown>} spec @returns {Promise<QueryAnswer>} */
export async function runQuery(spec) {
  return /** @type {QueryAnswer} */ (await postJson('/api/query', spec));
}

/** The traces behind a row, point or cell (POST /api/query/traces). @param {Record<string, unknown>} body @returns {Promise<MatchingTraces>} */
export async function fetchMatchingTraces(body) {
  return /** @type {MatchingTraces} */ (await postJson('/api/query/traces', body));
}

/** The columns the stored spans have, for the builder to suggest. @returns {Promise<Column[]>} */
export async function fetchColumns() {
  return /** @type {{ columns: Column[] }} */ (await getJson('/api/query/columns')).columns;
}
