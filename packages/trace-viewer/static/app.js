// @ts-check
// Entry point: shows the trace list, one trace at #/trace/<id> (or the path
// /trace/<id>; ?span=<id> selects a span), or the query page at #/query, and
// keeps the header's live indicator and the store's counts (what it holds,
// what it evicted to stay within its limits) current.

/** @import { Health } from './api.js' */
import { fetchHealth } from './api.js';
import { el } from './dom.js';
import { startPolling } from './poll.js';
import { mountQueryPage } from './query-page.js';
import { isQueryHash } from './query-url.js';
import { mountTraceList } from './trace-list.js';
import { mountTraceView } from './trace-view.js';

const root = /** @type {HTMLElement} */ (document.getElementById('app'));
const live = /** @type {HTMLElement} */ (document.getElementById('live'));
const store = /** @type {HTMLElement} */ (document.getElementById('store'));
const count = new Intl.NumberFormat('en-US');

/** @param {boolean} ok */
function setLive(ok) {
  live.classList.toggle('offline', !ok);
  live.textContent = ok ? 'live' : 'viewer unreachable';
}

/** @param {Health} health */
function showStore(health) {
  const mib = (/** @type {number} */ bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  store.title =
    `Kept in memory: at most ${count.format(health.limits.spans)} spans, ${count.format(health.limits.traces)} traces and ` +
    `${mib(health.limits.bytes)} (now ${mib(health.bytes)}); the traces least recently added to are evicted first.`;
  const evicted = `${count.format(health.evictedTraces)} traces (${count.format(health.evictedSpans)} spans) evicted`;
  store.replaceChildren(
    `${count.format(health.spans)} spans`,
    ...(health.evictedTraces > 0 ? [el('span', { class: 'evicted' }, ` · ${evicted}`)] : []),
  );
}

/** The trace id the address names, if any. */
function routedTraceId() {
  const fromHash = /^#\/trace\/([^/?#]+)/.exec(location.hash)?.[1];
  const fromPath = /^\/trace\/([^/?#]+)/.exec(location.pathname)?.[1];
  const id = fromHash ?? (location.hash === '' || location.hash === '#/' ? fromPath : undefined);
  return id === undefined ? undefined : decodeURIComponent(id).toLowerCase();
}

/** The span a trace's address selects: #/trace/<id>?span=<span id>. */
const routedSpanId = () => /^#\/trace\/[^?#]+\?(?:.*&)?span=([0-9a-fA-F]+)/.exec(location.hash)?.[1]?.toLowerCase();

/** @type {{ stop: () => void, update?: (hash: string) => void } | undefined} */
let view;
let viewName = '';

function route() {
  const traceId = routedTraceId();
  const name = isQueryHash(location.hash) ? 'query' : traceId === undefined ? 'list' : 'trace';
  for (const link of document.querySelectorAll('.topnav a')) {
    const current = link.id === (name === 'query' ? 'nav-query' : 'nav-traces');
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // The query page follows its own address changes (a new selection) in place.
  if (name === 'query' && viewName === 'query' && view?.update) {
    view.update(location.hash);
    return;
  }
  view?.stop();
  viewName = name;
  if (name === 'query') view = mountQueryPage(root, location.hash);
  else if (traceId === undefined) view = mountTraceList(root, setLive);
  else view = mountTraceView(root, traceId, setLive, routedSpanId());
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();
startPolling(async () => {
  showStore(await fetchHealth());
}, setLive);
