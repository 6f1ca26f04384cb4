import { createSocket } from 'node:dgram';
import { startXrayDaemon, type XrayDaemon } from '@cruddur/stand-ins';
import { onTestFinished } from 'vitest';
import type { XrayDocument } from '../src/telemetry/xray/segment.js';
import { waitFor } from './server-process.js';

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

/**
 * Sends the daemon a well-framed segment named `name` from the test's own
 * socket and waits until the daemon has read it. Loopback hands a datagram
 * to the receiving socket as it is sent, so whatever was sent to the daemon
 * before the marker has been read by then.
 */
export const sendMarker = async (daemon: XrayDaemon<XrayDocument>, name: string): Promise<void> => {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.send(`{"format":"json","version":1}\n${JSON.stringify({ name })}`, daemon.port, '127.0.0.1', (error) => {
      socket.close();
      if (error) reject(error);
      else resolve();
    });
  });
  await waitFor(() => daemon.documents().some((document) => document.name === name), 2_000, () => `the daemon never read the marker ${name}`);
};
