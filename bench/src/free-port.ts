import { createServer, type AddressInfo } from 'node:net';

/** A loopback port the OS says is free now (the API refuses PORT=0, so we ask first). */
export const freePort = async (): Promise<number> => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => {
    resolve();
  }));
  return port;
};
