// @ts-check
// The traces behind a row, point or cell of the answer, newest first; each
// opens its waterfall at its first span that matched.

/** @import { MatchingTraces } from './api.js' */
/** @import { Selection } from './query-url.js' */
import { groupLabel } from './chart-data.js';
import { serviceColor } from './colors.js';
import { el, serviceChip } from './dom.js';
import { formatClock, formatColumnValue as formatValue, formatDuration } from './format.js';
import { traceHref } from './trace-list.js';


/** What the selection is, in words. @param {Selection} selection */
export function describeSelection(selection) {
  const parts = [];
  if (selection.range) {
    const { column, min, max } = selection.range;
    parts.push(`${column} from ${formatValue(column, min)} to ${formatValue(column, max)}`);
  }
  if (selection.group) parts.push(groupLabel(selection.group));
  else if (selection.groups && selection.groups.some((group) => Object.keys(group).length > 0)) parts.push('the groups shown');
  if (selection.time) parts.push(`in the bucket from ${new Date(selection.time).toLocaleTimeString()}`);
  return parts.length === 0 ? 'all spans' : parts.join(', ');
}

/** A trace's address, open at one of its spans. @param {string} traceId @param {string | undefined} spanId */
export const traceAtSpanHref = (traceId, spanId) =>
  spanId === undefined ? traceHref(traceId) : `${traceHref(traceId)}?span=${encodeURIComponent(spanId)}`;

/** @param {Selection} selection @param {MatchingTraces} matching */
export function matchingTracesList(selection, matching) {
  const summary = `${String(matching.matchedSpans)} span${matching.matchedSpans === 1 ? '' : 's'} in ${String(matching.matchedTraces)} trace${matching.matchedTraces === 1 ? '' : 's'}`;
  const shown = matching.traces.length < matching.matchedTraces ? ` (the newest ${String(matching.traces.length)} listed)` : '';
  const rows = matching.traces.map((trace) =>
    el(
      'tr',
      { class: 'trace-row' },
      el('td', { class: 'when' }, el('span', { class: 'clock' }, formatClock(trace.startMs))),
      el('td', {}, el('a', { class: 'trace-link', href: traceAtSpanHref(trace.traceId, trace.matchedSpanIds[0]) }, trace.rootName || '(unnamed span)')),
      el('td', {}, serviceChip(trace.rootService, serviceColor(trace.rootService))),
      el('td', { class: 'num' }, String(trace.matchedSpanIds.length)),
      el('td', { class: 'num' }, String(trace.spanCount)),
      el('td', { class: 'duration' }, formatDuration(trace.durationMs)),
    ),
  );
  return el(
    'section',
    { class: 'matching', 'aria-label': 'Traces behind the selection' },
    el('h2', {}, `Traces: ${describeSelection(selection)}`),
    el('p', { class: 'muted', role: 'status' }, summary + shown),
    rows.length === 0
      ? null
      : el(
          'table',
          { class: 'traces' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', {}, 'Started'),
              el('th', {}, 'Root span'),
              el('th', {}, 'Service'),
              el('th', { class: 'num' }, 'Matched'),
              el('th', { class: 'num' }, 'Spans'),
              el('th', {}, 'Duration'),
            ),
          ),
          el('tbody', {}, ...rows),
        ),
  );
}
