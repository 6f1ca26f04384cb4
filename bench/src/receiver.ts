// The stand-in for a collector, run in its own process (see receiver-process.ts)
// so its work never lands on the server's or the load generator's thread:
// answers 200 to any OTLP/HTTP export and counts UDP datagrams (X-Ray
// segments), decoding neither; and, for variant D's AWS SDK, the instance
// metadata service's credentials (IMDSv2), not counted. The parent asks for
// the counters over IPC.
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceiverTraffic } from './results.js';

const otlp: Record<string, { requests: number; bytes: number }> = {};
const udp = { datagrams: 0, bytes: 0 };

const IMDS_ROLE = 'cruddur-bench';
const IMDS_CREDENTIALS = '/latest/meta-data/iam/security-credentials/';

/** IMDSv2 as the AWS SDK's instance-role provider asks it: a token, the role's name, its credentials. */
const imdsAnswer = (method: string | undefined, path: string): string | undefined => {
  if (method === 'PUT' && path === '/latest/api/token') return 'cruddur-bench-imds-token';
  if (path === IMDS_CREDENTIALS) return IMDS_ROLE;
  if (path !== `${IMDS_CREDENTIALS}${IMDS_ROLE}`) return undefined;
  return JSON.stringify({
    Code: 'Success',
    Type: 'AWS-HMAC',
    AccessKeyId: 'ASIACRUDDURBENCH0001',
    SecretAccessKey: 'cruddur-bench-dummy-secret',
    Token: 'cruddur-bench-dummy-session-token',
    Expiration: new Date(Date.now() + 6 * 3600 * 1000).toISOString(),
  });
};

const http = createServer((request, response) => {
  const imds = imdsAnswer(request.method, (request.url ?? '/').split('?', 1)[0] ?? '/');
  if (imds !== undefined) {
    request.resume();
    response.writeHead(200, { 'content-type': 'text/plain' }).end(imds);
    return;
  }
  let bytes = 0;
  request.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  request.on('end', () => {
    const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
    const counts = (otlp[path] ??= { requests: 0, bytes: 0 });
    counts.requests++;
    counts.bytes += bytes;
    // An empty ExportTraceServiceResponse in the request's encoding.
    const json = request.headers['content-type']?.startsWith('application/json') === true;
    response.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
    response.end(json ? '{}' : undefined);
  });
});

const datagrams = createSocket('udp4');
datagrams.on('message', (message) => {
  udp.datagrams++;
  udp.bytes += message.length;
});

http.listen(0, '127.0.0.1');
datagrams.bind(0, '127.0.0.1');
await Promise.all([once(http, 'listening'), once(datagrams, 'listening')]);

const snapshot = (): ReceiverTraffic => ({ otlp: structuredClone(otlp), udp: { ...udp } });

process.on('message', (message) => {
  if (message === 'counts') process.send?.({ type: 'counts', counts: snapshot() });
});
// The parent is gone (or done): nothing left to receive for.
process.on('disconnect', () => process.exit(0));
process.send?.({
  type: 'ready',
  httpPort: (http.address() as AddressInfo).port,
  udpPort: datagrams.address().port,
});
