import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { startRollbarReceiver as startReceiver, type RollbarReceiverOptions } from '@cruddur/stand-ins';
import { onTestFinished } from 'vitest';
import { waitFor } from './server-process.js';

export type { ReceivedItem } from '@cruddur/stand-ins';

/** The shared Rollbar stand-in, closed with its connections when the test ends. */
export const startRollbarReceiver = async (options: RollbarReceiverOptions = {}) => {
  const receiver = await startReceiver(options);
  onTestFinished(() => receiver.close());
  return {
    ...receiver,
    /** Waits for `count` items (and throws after `timeoutMs`). */
    waitForItems: (count: number, timeoutMs = 3_000) =>
      waitFor(
        () => receiver.received.length >= count,
        timeoutMs,
        () => `${String(receiver.received.length)} of ${String(count)} Rollbar items arrived`,
      ),
  };
};

/** An item endpoint where nothing listens: connections are refused. */
export const deadRollbarEndpoint = async (): Promise<string> => {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => {
    resolve();
  }));
  return `http://127.0.0.1:${String(port)}/api/1/item/`;
};
