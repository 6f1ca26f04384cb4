// The spans that started in a window, trace by trace. A trace whose spans all
// started outside it is skipped whole, and one wholly inside needs no check
// per span: reading a span's start time is a trip to memory, and a query's
// time goes mostly into such trips.

import type { DecodedSpan } from '../otlp/model.js';
import type { TraceStore } from '../store/trace-store.js';

/** Spans with startNs ≤ start < endNs. */
export const forEachSpanStartedIn = (store: TraceStore, startNs: bigint, endNs: bigint, visit: (span: DecodedSpan) => void): void => {
  store.forEachTrace(({ spans, startRange }) => {
    if (!startRange) return;
    const [earliest, latest] = startRange;
    if (latest < startNs || earliest >= endNs) return;
    if (earliest >= startNs && latest < endNs) {
      for (const span of spans.values()) visit(span);
      return;
    }
    for (const span of spans.values()) {
      const start = span.startTimeUnixNano;
      if (start >= startNs && start < endNs) visit(span);
    }
  });
};
