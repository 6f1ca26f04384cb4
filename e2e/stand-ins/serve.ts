// The stand-ins the end-to-end API reports to, on fixed loopback ports: a
// Rollbar item receiver, a CloudWatch Logs stand-in and an X-Ray daemon
// (UDP). What they received is served as JSON on STAND_INS_URL:
//   GET /rollbar/items      [{ headers, raw, item }]
//   GET /cloudwatch/events  [{ stream, timestamp, message }] of LOG_GROUP
//   GET /xray/segments      { documents, malformed }
import { createServer } from 'node:http';
import { startCloudWatchStandIn } from '@cruddur/pino-cloudwatch/stand-in';
import { startRollbarReceiver, startXrayDaemon } from '@cruddur/stand-ins';
import { CLOUDWATCH_PORT, LOG_GROUP, ROLLBAR_PORT, STAND_INS_URL, XRAY_DAEMON_PORT } from './settings.js';

const rollbar = await startRollbarReceiver({ port: ROLLBAR_PORT });
const cloudwatch = await startCloudWatchStandIn({ port: CLOUDWATCH_PORT });
const xray = await startXrayDaemon({ port: XRAY_DAEMON_PORT });

const routes: Record<string, () => unknown> = {
  '/health': () => ({ rollbar: rollbar.endpoint, cloudwatch: cloudwatch.url, xray: xray.address }),
  '/rollbar/items': () => rollbar.received.map(({ headers, raw, item }) => ({ headers, raw, item })),
  '/cloudwatch/events': () =>
    cloudwatch.streams(LOG_GROUP).flatMap((stream) => cloudwatch.events(LOG_GROUP, stream).map((event) => ({ stream, ...event }))),
  '/xray/segments': () => ({ documents: xray.documents(), malformed: xray.malformed }),
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
