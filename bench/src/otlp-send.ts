import type { OtlpRequest } from './viewer-spans.js';

/** One OTLP/HTTP export to the viewer at `viewerUrl`; throws unless it answers 200. */
export const postOtlp = async (viewerUrl: string, { contentType, body }: OtlpRequest): Promise<void> => {
  const res = await fetch(`${viewerUrl}/v1/traces`, { method: 'POST', headers: { 'content-type': contentType }, body });
  if (res.status !== 200) throw new Error(`OTLP export answered ${String(res.status)}: ${await res.text()}`);
  await res.arrayBuffer();
};

/** Every request, `concurrency` at a time (as many exporters), as fast as the viewer takes them. */
export const sendAll = async (viewerUrl: string, requests: readonly OtlpRequest[], concurrency = 8): Promise<void> => {
  let next = 0;
  const sender = async () => {
    while (next < requests.length) await postOtlp(viewerUrl, requests[next++] as OtlpRequest);
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
};
