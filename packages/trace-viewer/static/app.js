// @ts-check
// Entry point: shows the trace list, or one trace at #/trace/<id> (or the
// path /trace/<id>), and keeps the header's live indicator current.

import { mountTraceList } from './trace-list.js';
import { mountTraceView } from './trace-view.js';

const root = /** @type {HTMLElement} */ (document.getElementById('app'));
const live = /** @type {HTMLElement} */ (document.getElementById('live'));

/** @param {boolean} ok */
function setLive(ok) {
  live.classList.toggle('offline', !ok);
  live.textContent = ok ? 'live' : 'viewer unreachable';
}

/** The trace id the address names, if any. */
function routedTraceId() {
  const fromHash = /^#\/trace\/([^/?#]+)/.exec(location.hash)?.[1];
  const fromPath = /^\/trace\/([^/?#]+)/.exec(location.pathname)?.[1];
  const id = fromHash ?? (location.hash === '' || location.hash === '#/' ? fromPath : undefined);
  return id === undefined ? undefined : decodeURIComponent(id).toLowerCase();
}

/** @type {{ stop: () => void } | undefined} */
let view;

function route() {
  view?.stop();
  const traceId = routedTraceId();
  view = traceId === undefined ? mountTraceList(root, setLive) : mountTraceView(root, traceId, setLive);
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();
