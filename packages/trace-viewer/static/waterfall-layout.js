// @ts-check
// Pure geometry for the waterfall: which row each span takes, how deep it is
// indented, and where its bar sits on the trace's time axis.

/**
 * @typedef {{ spanId: string, parentSpanId: string | null, startMs: number, durationMs: number }} TimedSpan
 */

/** @param {TimedSpan} a @param {TimedSpan} b */
const byStart = (a, b) => a.startMs - b.startMs || a.spanId.localeCompare(b.spanId);

/**
 * Spans in tree order: each parent followed by its children, siblings by
 * start time. A span whose parent is missing (not arrived, or not sampled)
 * starts a tree of its own; spans caught in a parent cycle are still shown.
 *
 * @template {TimedSpan} S
 * @param {readonly S[]} spans
 * @returns {{ span: S, depth: number }[]}
 */
export function waterfallRows(spans) {
  const ids = new Set(spans.map((span) => span.spanId));
  /** @type {Map<string, S[]>} */
  const children = new Map();
  /** @type {S[]} */
  const roots = [];
  for (const span of spans) {
    const parent = span.parentSpanId;
    if (parent !== null && parent !== span.spanId && ids.has(parent)) {
      const siblings = children.get(parent);
      if (siblings) siblings.push(span);
      else children.set(parent, [span]);
    } else {
      roots.push(span);
    }
  }
  /** @type {{ span: S, depth: number }[]} */
  const rows = [];
  const visited = new Set();
  /** @param {S} start */
  const walk = (start) => {
    /** @type {{ span: S, depth: number }[]} */
    const stack = [{ span: start, depth: 0 }];
    while (stack.length > 0) {
      const item = /** @type {{ span: S, depth: number }} */ (stack.pop());
      if (visited.has(item.span.spanId)) continue;
      visited.add(item.span.spanId);
      rows.push(item);
      const kids = [...(children.get(item.span.spanId) ?? [])].sort(byStart).reverse();
      for (const kid of kids) stack.push({ span: kid, depth: item.depth + 1 });
    }
  };
  for (const root of [...roots].sort(byStart)) walk(root);
  for (const span of [...spans].sort(byStart)) if (!visited.has(span.spanId)) walk(span);
  return rows;
}

/**
 * @param {readonly TimedSpan[]} spans
 * @returns {{ startMs: number, durationMs: number }}
 */
export function timeBounds(spans) {
  if (spans.length === 0) return { startMs: 0, durationMs: 0 };
  const startMs = Math.min(...spans.map((span) => span.startMs));
  const endMs = Math.max(...spans.map((span) => span.startMs + span.durationMs));
  return { startMs, durationMs: endMs - startMs };
}

/** Bars narrower than this (percent of the axis) would vanish. */
export const MIN_BAR_PERCENT = 0.3;

/**
 * Left edge and width of a span's bar, in percent of the trace's duration.
 *
 * @param {TimedSpan} span
 * @param {{ startMs: number, durationMs: number }} bounds
 */
export function barGeometry(span, bounds) {
  if (bounds.durationMs <= 0) return { leftPercent: 0, widthPercent: 100 };
  const left = ((span.startMs - bounds.startMs) / bounds.durationMs) * 100;
  const width = Math.max((span.durationMs / bounds.durationMs) * 100, MIN_BAR_PERCENT);
  const leftPercent = Math.min(Math.max(left, 0), 100 - MIN_BAR_PERCENT);
  return { leftPercent, widthPercent: Math.min(width, 100 - leftPercent) };
}
