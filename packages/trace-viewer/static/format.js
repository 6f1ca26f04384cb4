// @ts-check
// Numbers and values as the page prints them.

/** @param {number} ms */
export function formatDuration(ms) {
  if (ms === 0) return '0 ms';
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** @param {number} epochMs */
export function formatClock(epochMs) {
  const date = new Date(epochMs);
  const pad = (/** @type {number} */ n, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** @param {number} epochMs @param {number} now */
export function formatAgo(epochMs, now) {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  if (seconds < 60) return `${String(seconds)}s ago`;
  if (seconds < 3600) return `${String(Math.floor(seconds / 60))}m ago`;
  return `${String(Math.floor(seconds / 3600))}h ago`;
}

/** A number of a query's column: durations in their unit, the rest to six significant digits. @param {string} column @param {number} value */
export function formatColumnValue(column, value) {
  return column === 'duration_ms' ? formatDuration(value) : String(Number(value.toPrecision(6)));
}

/** An attribute value as text: strings as they are, everything else as JSON. @param {unknown} value */
export function formatValue(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
