import { describe, expect, it } from 'vitest';
import { cruddurRequests, SPANS_PER_TRACE } from '../src/viewer-spans.js';

describe('cruddurRequests', () => {
  const total = (requests: ReturnType<typeof cruddurRequests>) => requests.reduce((sum, request) => sum + request.spans, 0);
  it('sends each click’s browser spans on their own and the API’s in batches of 128, counting the spans of each', () => {
    const requests = cruddurRequests(100, Date.now(), 60_000);
    expect(total(requests)).toBe(100 * SPANS_PER_TRACE);
    expect(requests.filter(({ contentType }) => contentType === 'application/json').map(({ spans }) => spans)).toEqual(Array.from({ length: 100 }, () => 2));
    expect(requests.filter(({ contentType }) => contentType === 'application/x-protobuf').map(({ spans }) => spans)).toEqual([128, 72]);
  });
  it('puts as many clicks’ browser spans in one request as asked, the same spans in fewer requests', () => {
    const one = cruddurRequests(100, 1_000_000, 60_000);
    const batched = cruddurRequests(100, 1_000_000, 60_000, 11, 64);
    expect(total(batched)).toBe(total(one));
    expect(batched.filter(({ contentType }) => contentType === 'application/json').map(({ spans }) => spans)).toEqual([128, 72]);
    const browserSpans = (requests: typeof one) =>
      requests
        .filter(({ contentType }) => contentType === 'application/json')
        .flatMap(({ body }) => (JSON.parse(body as string) as { resourceSpans: { scopeSpans: { spans: unknown[] }[] }[] }).resourceSpans[0]?.scopeSpans[0]?.spans ?? []);
    expect(browserSpans(batched)).toEqual(browserSpans(one));
  });
});
