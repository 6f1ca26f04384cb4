import { createSocket } from 'node:dgram';
import { startXrayDaemon } from '@cruddur/stand-ins';
import { onTestFinished } from 'vitest';
import type { XrayDocument } from '../src/telemetry/xray/segment.js';

/** The shared X-Ray daemon stand-in on an OS-chosen port, closed when the test ends. */
export const startFakeDaemon = async () => {
  const daemon = await startXrayDaemon<XrayDocument>();
  onTestFinished(() => daemon.close());
  return daemon;
};

/** A UDP port nothing listens on: bound, noted, closed again. */
export const closedUdpPort = async (): Promise<number> => {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => {
    resolve();
  }));
  return port;
};
