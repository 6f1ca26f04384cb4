// @ts-check
// One trace as a waterfall: a row per span, indented under its parent, its
// bar placed on the trace's time axis in its service's colour; the selected
// span's details beside it. Refreshed while open, since spans of one trace
// arrive from the browser and the API at different moments.

/** @import { SpanView, TraceView } from './api.js' */
import { fetchTrace } from './api.js';
import { serviceColor } from './colors.js';
import { el, serviceChip } from './dom.js';
import { formatClock, formatDuration } from './format.js';
import { startPolling } from './poll.js';
import { spanDetails } from './span-details.js';
import { traceHref } from './trace-list.js';
import { barGeometry, timeBounds, waterfallRows } from './waterfall-layout.js';

const INDENT_PX = 14;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** @param {TraceView} trace */
const signature = (trace) =>
  `${String(trace.droppedSpans)}|${trace.spans.map((span) => `${span.spanId}:${span.endTimeUnixNano}:${span.status.code}`).join(',')}`;

/** @param {number} durationMs */
function axis(durationMs) {
  const ticks = TICKS.map((fraction) => {
    const tick = el('span', { class: 'tick' }, formatDuration(durationMs * fraction));
    tick.style.left = `${String(fraction * 100)}%`;
    return tick;
  });
  return el('div', { class: 'wf-head' }, el('div', { class: 'wf-label' }, 'Span'), el('div', { class: 'wf-axis' }, ...ticks));
}

/** Room (percent of the axis) a duration label needs beside its bar. */
const LABEL_ROOM = 14;

/**
 * The bar's duration, after the bar; before it when the bar reaches the end
 * of the axis; inside it when the bar fills the axis.
 *
 * @param {number} durationMs
 * @param {number} leftPercent
 * @param {number} widthPercent
 */
function durationLabel(durationMs, leftPercent, widthPercent) {
  const label = el('span', { class: 'bar-duration' }, formatDuration(durationMs));
  const end = leftPercent + widthPercent;
  if (end <= 100 - LABEL_ROOM) {
    label.style.left = `${String(end)}%`;
  } else if (leftPercent >= LABEL_ROOM) {
    label.classList.add('before');
    label.style.right = `${String(100 - leftPercent)}%`;
  } else {
    label.classList.add('inside');
    label.style.right = `${String(100 - end)}%`;
  }
  return label;
}

/**
 * @param {SpanView} span
 * @param {number} depth
 * @param {{ startMs: number, durationMs: number }} bounds
 * @param {boolean} selected
 */
function waterfallRow(span, depth, bounds, selected) {
  const color = serviceColor(span.service);
  const isError = span.status.code === 'ERROR';
  const label = el(
    'div',
    { class: 'wf-label', title: `${span.service}: ${span.name}` },
    el('span', { class: 'dot' }),
    isError ? el('span', { class: 'error-badge', title: 'error status' }, '!') : null,
    el('span', { class: 'span-name' }, span.name || '(unnamed span)'),
    el('span', { class: 'kind' }, span.kind === 'UNSPECIFIED' ? '' : span.kind.toLowerCase()),
  );
  label.style.paddingLeft = `${String(8 + depth * INDENT_PX)}px`;
  /** @type {HTMLElement} */ (label.firstChild).style.background = color;
  const { leftPercent, widthPercent } = barGeometry(span, bounds);
  const bar = el('div', { class: isError ? 'bar error' : 'bar' });
  bar.style.left = `${String(leftPercent)}%`;
  bar.style.width = `${String(widthPercent)}%`;
  bar.style.background = color;
  const duration = durationLabel(span.durationMs, leftPercent, widthPercent);
  const classes = ['wf-row', isError ? 'has-error' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
  return el(
    'div',
    { class: classes, role: 'button', tabindex: 0, 'aria-pressed': selected ? 'true' : 'false', 'data-span-id': span.spanId },
    label,
    el('div', { class: 'wf-track' }, bar, duration),
  );
}

/**
 * @param {TraceView} trace
 * @param {{ startMs: number, durationMs: number }} bounds
 * @param {{ span: SpanView }[]} rows
 */
function header(trace, bounds, rows) {
  const root = rows[0]?.span;
  const title = root?.name || '(unnamed span)';
  const services = [...new Set(rows.map((row) => row.span.service))];
  const errors = trace.spans.filter((span) => span.status.code === 'ERROR').length;
  document.title = `${title} · Cruddur traces`;
  return el(
    'div',
    { class: 'trace-header' },
    el('a', { href: '/#/', class: 'back' }, '← All traces'),
    el('h1', {}, title),
    el(
      'div',
      { class: 'meta' },
      el('code', {}, trace.traceId),
      el('span', {}, `started ${formatClock(bounds.startMs)}`),
      el('span', {}, formatDuration(bounds.durationMs)),
      el('span', {}, `${String(trace.spans.length)} spans${trace.droppedSpans > 0 ? ` (+${String(trace.droppedSpans)} dropped)` : ''}`),
      errors > 0 ? el('span', { class: 'error-text' }, `${String(errors)} error${errors === 1 ? '' : 's'}`) : null,
    ),
    el('div', { class: 'legend' }, ...services.map((service) => serviceChip(service, serviceColor(service)))),
  );
}

/**
 * @param {HTMLElement} root
 * @param {string} traceId
 * @param {(ok: boolean) => void} onStatus
 * @param {string} [spanId] the span to select first (a query's match); the root when absent
 */
export function mountTraceView(root, traceId, onStatus, spanId) {
  document.title = 'Trace · Cruddur';
  /** @type {TraceView | null} */
  let trace = null;
  let seen = '';
  /** @type {string | null} */
  let selectedId = spanId ?? null;
  let scrolledToSpan = false;

  const render = () => {
    if (!trace || trace.spans.length === 0) {
      root.replaceChildren(
        el(
          'section',
          { class: 'trace' },
          el('a', { href: '/#/', class: 'back' }, '← All traces'),
          el('p', { class: 'empty' }, `Waiting for spans of trace `, el('code', {}, traceId), ' (unknown, evicted or cleared).'),
        ),
      );
      return;
    }
    const bounds = timeBounds(trace.spans);
    const rows = waterfallRows(trace.spans);
    // The root until a span is chosen, or while the one asked for has not arrived.
    const selected = rows.find((row) => row.span.spanId === selectedId)?.span ?? rows[0]?.span;
    const list = el(
      'div',
      { class: 'wf-rows' },
      ...rows.map((row) => waterfallRow(row.span, row.depth, bounds, row.span === selected)),
    );
    const details = el('aside', { class: 'details' }, selected ? spanDetails(selected, bounds.startMs, traceHref) : null);
    const select = (/** @type {Event} */ event) => {
      const row = event.target instanceof Element ? event.target.closest('.wf-row') : null;
      const span = row instanceof HTMLElement ? rows.find((r) => r.span.spanId === row.dataset.spanId)?.span : undefined;
      if (!span) return;
      selectedId = span.spanId;
      for (const other of list.querySelectorAll('.wf-row')) {
        const isSelected = other === row;
        other.classList.toggle('selected', isSelected);
        other.setAttribute('aria-pressed', isSelected ? 'true' : 'false');
      }
      details.replaceChildren(spanDetails(span, bounds.startMs, traceHref));
    };
    list.addEventListener('click', select);
    list.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(event);
      }
    });
    root.replaceChildren(
      el(
        'section',
        { class: 'trace' },
        header(trace, bounds, rows),
        el(
          'div',
          { class: 'trace-body' },
          el('div', { class: 'waterfall' }, axis(bounds.durationMs), list),
          details,
        ),
      ),
    );
    // Opened at a span (a query's match): bring it into view once it is there.
    if (spanId !== undefined && !scrolledToSpan && selected?.spanId === spanId) {
      scrolledToSpan = true;
      list.querySelector('.wf-row.selected')?.scrollIntoView({ block: 'nearest' });
    }
  };

  const refresh = async () => {
    trace = await fetchTrace(traceId);
    const next = trace ? signature(trace) : '';
    if (next === seen && root.firstChild) return;
    seen = next;
    render();
  };
  return { stop: startPolling(refresh, onStatus) };
}
