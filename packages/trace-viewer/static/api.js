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
