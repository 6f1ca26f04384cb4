// The stand-ins the end-to-end API reports to, on fixed loopback ports: a
// Rollbar item receiver, a CloudWatch Logs stand-in and X-Ray's OTLP
// endpoint (SigV4 checked). What they received is served as JSON on STAND_INS_URL:
//   GET /rollbar/items      [{ headers, raw, item }]
//   GET /cloudwatch/events  [{ stream, timestamp, message }] of LOG_GROUP
//   GET /xray/otlp          [{ signature, scope, contentType, raw, spans: [{ traceId, spanId, parentSpanId, name, kind, status, service }] }]
import { createServer } from 'node:http';
import { startCloudWatchStandIn } from '@cruddur/pino-cloudwatch/stand-in';
import { startRollbarReceiver, startXrayOtlpStandIn } from '@cruddur/stand-ins';
import { AWS_REGION, CLOUDWATCH_PORT, DUMMY_AWS_ACCESS_KEY_ID, DUMMY_AWS_SECRET, LOG_GROUP, ROLLBAR_PORT, STAND_INS_URL, XRAY_OTLP_PORT } from './settings.js';

const rollbar = await startRollbarReceiver({ port: ROLLBAR_PORT });
const cloudwatch = await startCloudWatchStandIn({ port: CLOUDWATCH_PORT });
const xray = await startXrayOtlpStandIn({
  port: XRAY_OTLP_PORT,
  region: AWS_REGION,
  credentials: { accessKeyId: DUMMY_AWS_ACCESS_KEY_ID, secretAccessKey: DUMMY_AWS_SECRET },
});

const routes: Record<string, () => unknown> = {
  '/health': () => ({ rollbar: rollbar.endpoint, cloudwatch: cloudwatch.url, xray: xray.endpoint }),
  '/rollbar/items': () => rollbar.received.map(({ headers, raw, item }) => ({ headers, raw, item })),
  '/cloudwatch/events': () =>
    cloudwatch.streams(LOG_GROUP).flatMap((stream) => cloudwatch.events(LOG_GROUP, stream).map((event) => ({ stream, ...event }))),
  // Decoded spans carry 64-bit times as bigint, which JSON cannot: the tests read these fields.
  '/xray/otlp': () =>
    xray.received.map(({ signature, scope, headers, body, spans }) => ({
      signature,
      scope,
      contentType: headers['content-type'],
      raw: body.toString('latin1'),
      spans: spans.map(({ traceId, spanId, parentSpanId, name, kind, status, resource }) => ({
        traceId,
        spanId,
        parentSpanId,
        name,
        kind,
        status: status.code,
        service: resource['service.name'],
      })),
    })),
};

const { hostname, port } = new URL(STAND_INS_URL);
createServer((request, response) => {
  const route = request.method === 'GET' ? routes[request.url ?? ''] : undefined;
  if (!route) {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(route()));
}).listen(Number(port), hostname);
