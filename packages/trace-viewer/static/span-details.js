// @ts-check
// The side panel: everything one span carries.

/** @import { Attributes, SpanView } from './api.js' */
import { serviceColor } from './colors.js';
import { el, serviceChip } from './dom.js';
import { formatDuration, formatValue } from './format.js';

/** A dotted attribute key that may wrap after its dots rather than mid-word. @param {string} key */
const breakableKey = (key) =>
  key.split('.').flatMap((part, i, parts) => (i < parts.length - 1 ? [`${part}.`, el('wbr')] : [part]));

/** @param {Attributes} attributes @param {string} emptyText */
function attributeTable(attributes, emptyText) {
  const keys = Object.keys(attributes).sort();
  if (keys.length === 0) return el('p', { class: 'muted' }, emptyText);
  return el(
    'table',
    { class: 'attributes' },
    el(
      'tbody',
      {},
      ...keys.map((key) =>
        el('tr', {}, el('th', { scope: 'row' }, ...breakableKey(key)), el('td', {}, formatValue(attributes[key] ?? null))),
      ),
    ),
  );
}

/** @param {string} label @param {import('./dom.js').Child} value */
const fact = (label, value) => [el('dt', {}, label), el('dd', {}, value)];

/** @param {number} count @param {string} what */
const dropped = (count, what) => (count > 0 ? el('p', { class: 'muted' }, `${String(count)} ${what} dropped by the SDK`) : null);

/**
 * @param {SpanView} span
 * @param {number} traceStartMs
 * @param {(traceId: string) => string} traceHref
 */
export function spanDetails(span, traceStartMs, traceHref) {
  const isError = span.status.code === 'ERROR';
  return el(
    'div',
    { class: 'span-details' },
    el('h2', {}, span.name || '(unnamed span)'),
    el(
      'div',
      { class: 'tags' },
      serviceChip(span.service, serviceColor(span.service)),
      el('span', { class: 'tag' }, span.kind),
      el('span', { class: isError ? 'tag status-error' : 'tag' }, `status ${span.status.code}`),
    ),
    span.status.message ? el('p', { class: isError ? 'status-message error-text' : 'status-message' }, span.status.message) : null,
    el(
      'dl',
      { class: 'facts' },
      ...fact('Duration', formatDuration(span.durationMs)),
      ...fact('Starts at', `+${formatDuration(span.startMs - traceStartMs)}`),
      ...fact('Span ID', el('code', {}, span.spanId)),
      ...fact('Parent', span.parentSpanId ? el('code', {}, span.parentSpanId) : 'none (root)'),
      ...fact('Scope', span.scope.version ? `${span.scope.name} ${span.scope.version}` : span.scope.name || '—'),
      ...(span.traceState ? fact('Trace state', el('code', {}, span.traceState)) : []),
    ),
    el('h3', {}, 'Attributes'),
    attributeTable(span.attributes, 'No attributes.'),
    dropped(span.droppedAttributesCount, 'attributes'),
    el('h3', {}, `Events (${String(span.events.length)})`),
    span.events.length === 0
      ? el('p', { class: 'muted' }, 'No events.')
      : el(
          'ol',
          { class: 'events' },
          ...span.events.map((event) =>
            el(
              'li',
              {},
              el('div', { class: 'event-head' }, el('strong', {}, event.name), el('span', { class: 'muted' }, `+${formatDuration(event.timeMs - traceStartMs)}`)),
              attributeTable(event.attributes, 'No attributes.'),
            ),
          ),
        ),
    dropped(span.droppedEventsCount, 'events'),
    span.links.length === 0
      ? null
      : el(
          'div',
          {},
          el('h3', {}, `Links (${String(span.links.length)})`),
          el(
            'ul',
            { class: 'links' },
            ...span.links.map((link) =>
              el(
                'li',
                {},
                el('a', { href: traceHref(link.traceId) }, el('code', {}, `${link.traceId} / ${link.spanId}`)),
                attributeTable(link.attributes, ''),
              ),
            ),
          ),
        ),
    dropped(span.droppedLinksCount, 'links'),
    el('h3', {}, 'Resource'),
    attributeTable(span.resource, 'No resource attributes.'),
  );
}
