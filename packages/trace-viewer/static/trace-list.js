// @ts-check
// The home page: recent traces, newest first, refreshed while open.

/** @import { TraceSummary } from './api.js' */
import { clearTraces, fetchTraces } from './api.js';
import { serviceColor } from './colors.js';
import { el, serviceChip } from './dom.js';
import { formatAgo, formatClock, formatDuration } from './format.js';
import { startPolling } from './poll.js';

const LIST_LIMIT = 200;

/** @param {string} traceId */
export const traceHref = (traceId) => `#/trace/${encodeURIComponent(traceId)}`;

/** @param {TraceSummary} trace @param {number} maxDuration @param {number} now */
function traceRow(trace, maxDuration, now) {
  const link = el('a', { href: traceHref(trace.traceId), class: 'trace-link' }, trace.rootName || '(unnamed span)');
  const bar = el('span', { class: 'mini-bar' });
  bar.style.width = `${String(maxDuration > 0 ? Math.max((trace.durationMs / maxDuration) * 100, 1) : 0)}%`;
  bar.style.background = serviceColor(trace.rootService);
  const row = el(
    'tr',
    { class: trace.errorCount > 0 ? 'trace-row has-error' : 'trace-row' },
    el(
      'td',
      { class: 'when' },
      el('span', { class: 'clock' }, formatClock(trace.startMs)),
      el('span', { class: 'ago' }, formatAgo(trace.startMs, now)),
    ),
    el(
      'td',
      {},
      el(
        'div',
        { class: 'root' },
        trace.errorCount > 0
        ? el('span', { class: 'error-badge', title: `${String(trace.errorCount)} span(s) with error status` }, '!')
        : null,
        link,
        el('span', { class: 'root-service' }, trace.rootService),
      ),
    ),
    el('td', { class: 'services' }, ...trace.services.map((service) => serviceChip(service, serviceColor(service)))),
    el('td', { class: 'num' }, String(trace.spanCount), trace.droppedSpans > 0 ? ` (+${String(trace.droppedSpans)} dropped)` : ''),
    el('td', { class: 'duration' }, el('span', { class: 'mini-track' }, bar), formatDuration(trace.durationMs)),
  );
  row.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('a')) return;
    location.hash = traceHref(trace.traceId);
  });
  return row;
}

function emptyState() {
  return el(
    'div',
    { class: 'empty' },
    el('p', {}, 'No traces yet.'),
    el(
      'p',
      { class: 'hint' },
      'Point an OTLP/HTTP exporter at ',
      el('code', {}, `${location.origin}/v1/traces`),
      ' (protobuf or JSON) and use the app: each click shows up here as one trace.',
    ),
  );
}

/**
 * @param {HTMLElement} root
 * @param {(ok: boolean) => void} onStatus
 */
export function mountTraceList(root, onStatus) {
  document.title = 'Traces · Cruddur';
  let service = '';
  /** @type {TraceSummary[]} */
  let traces = [];
  const filter = el('select', { class: 'filter', 'aria-label': 'Filter by service' });
  const clear = el('button', { type: 'button', class: 'button' }, 'Clear all');
  const count = el('span', { class: 'count' });
  const body = el('div', { class: 'list-body' });
  root.replaceChildren(
    el('section', { class: 'list' }, el('div', { class: 'toolbar' }, el('h1', {}, 'Recent traces'), count, filter, clear), body),
  );

  const render = () => {
    const services = [...new Set(traces.flatMap((trace) => trace.services))].sort();
    if (service !== '' && !services.includes(service)) services.push(service);
    filter.replaceChildren(
      el('option', { value: '' }, 'All services'),
      ...services.map((name) => el('option', { value: name, selected: name === service }, name)),
    );
    const shown = service === '' ? traces : traces.filter((trace) => trace.services.includes(service));
    count.textContent = `${String(shown.length)} shown`;
    if (shown.length === 0) {
      body.replaceChildren(emptyState());
      return;
    }
    const maxDuration = Math.max(...shown.map((trace) => trace.durationMs));
    const now = Date.now();
    body.replaceChildren(
      el(
        'table',
        { class: 'traces' },
        el(
          'thead',
          {},
          el('tr', {}, ...['Started', 'Trace', 'Services', 'Spans', 'Duration'].map((label) => el('th', {}, label))),
        ),
        el('tbody', {}, ...shown.map((trace) => traceRow(trace, maxDuration, now))),
      ),
    );
  };

  filter.addEventListener('change', () => {
    service = filter.value;
    render();
  });
  const refresh = async () => {
    traces = await fetchTraces(LIST_LIMIT);
    render();
  };
  clear.addEventListener('click', () => {
    clearTraces().then(refresh, () => {
      onStatus(false);
    });
  });
  return { stop: startPolling(refresh, onStatus) };
}
