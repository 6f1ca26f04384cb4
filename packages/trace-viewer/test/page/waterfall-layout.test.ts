import { describe, expect, it } from 'vitest';
import { barGeometry, MIN_BAR_PERCENT, timeBounds, waterfallRows } from '../../static/waterfall-layout.js';

const span = (spanId: string, parentSpanId: string | null, startMs: number, durationMs = 10) => ({
  spanId,
  parentSpanId,
  startMs,
  durationMs,
});

const layout = (spans: ReturnType<typeof span>[]) => waterfallRows(spans).map((row) => `${'  '.repeat(row.depth)}${row.span.spanId}`);

describe('waterfallRows', () => {
  it('puts children under their parent, siblings by start time, whatever the arrival order', () => {
    expect(
      layout([
        span('db', 'api', 30),
        span('api', 'fetch', 20),
        span('render', 'click', 90),
        span('fetch', 'click', 10),
        span('click', null, 0, 100),
        span('cache', 'api', 25),
      ]),
    ).toEqual(['click', '  fetch', '    api', '      cache', '      db', '  render']);
  });

  it('shows spans whose parent is missing as roots of their own, in start order', () => {
    expect(layout([span('late-child', 'not-here', 50), span('root', null, 0), span('child', 'root', 5)])).toEqual([
      'root',
      '  child',
      'late-child',
    ]);
  });

  it('still shows every span when parents form a cycle or point at themselves', () => {
    expect(layout([span('a', 'b', 0), span('b', 'a', 5), span('self', 'self', 10)])).toEqual(['self', 'a', '  b']);
  });
});

describe('timeBounds and barGeometry', () => {
  it('places bars in percent of the whole trace', () => {
    const spans = [span('root', null, 1000, 200), span('child', 'root', 1050, 100)];
    const bounds = timeBounds(spans);
    expect(bounds).toEqual({ startMs: 1000, durationMs: 200 });
    expect(barGeometry(spans[1] ?? span('x', null, 0), bounds)).toEqual({ leftPercent: 25, widthPercent: 50 });
  });

  it('keeps instant spans visible and every bar inside the axis', () => {
    const bounds = { startMs: 0, durationMs: 1000 };
    expect(barGeometry(span('instant', null, 500, 0), bounds)).toEqual({ leftPercent: 50, widthPercent: MIN_BAR_PERCENT });
    const atEnd = barGeometry(span('end', null, 1000, 0), bounds);
    expect(atEnd.leftPercent + atEnd.widthPercent).toBeLessThanOrEqual(100);
    expect(barGeometry(span('only', null, 5, 0), { startMs: 5, durationMs: 0 })).toEqual({ leftPercent: 0, widthPercent: 100 });
  });
});
