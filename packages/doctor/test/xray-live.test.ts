import { createServer, type AddressInfo, type Socket } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkXrayDaemon, daemonTcpAddress } from '../src/live/xray.js';
import { closedPort } from './servers.js';

const TIMEOUT_MS = 2_000;

/** Something listening on TCP, as the daemon does for sampling: counts the connections it gets. */
const tcpListener = async () => {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => {
          resolve();
        });
      }),
  );
  return { port: (server.address() as AddressInfo).port, connections: () => sockets.length };
};

describe('X-Ray daemon check (TCP)', () => {
  it('finds a listener at the daemon address', async () => {
    const daemon = await tcpListener();
    const result = await checkXrayDaemon({ AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${String(daemon.port)}` }, TIMEOUT_MS);
    expect(result).toEqual({ statuses: [{ integration: 'X-Ray daemon (live)', on: true, target: `something listens on tcp 127.0.0.1:${String(daemon.port)}` }], findings: [] });
    expect(daemon.connections()).toBe(1);
  });

  it('warns that segments go to nothing when the port is closed', async () => {
    const port = await closedPort();
    const result = await checkXrayDaemon({ AWS_XRAY_DAEMON_ADDRESS: `udp:127.0.0.1:${String(port)}` }, TIMEOUT_MS);
    expect(result.findings).toEqual([
      expect.objectContaining({ id: 'xray-daemon-absent', level: 'warning', message: `no X-Ray daemon at 127.0.0.1:${String(port)} (TCP refused): segments are being sent to nothing` }),
    ]);
    expect(result.statuses[0]?.on).toBe(false);
  });

  it('knocks on the tcp: half of the pair form', async () => {
    const daemon = await tcpListener();
    const closed = await closedPort();
    const env = { AWS_XRAY_DAEMON_ADDRESS: `tcp:127.0.0.1:${String(daemon.port)} udp:127.0.0.1:${String(closed)}` };
    expect(daemonTcpAddress(env.AWS_XRAY_DAEMON_ADDRESS)).toEqual({ host: '127.0.0.1', port: daemon.port });
    expect((await checkXrayDaemon(env, TIMEOUT_MS)).findings).toEqual([]);
  });

  it('skips, at info level, a daemon name it cannot resolve (compose names outside compose)', async () => {
    // .invalid never resolves (RFC 2606); without DNS at all the lookup times out instead: info either way.
    const result = await checkXrayDaemon({ AWS_XRAY_DAEMON_ADDRESS: 'xray-daemon.invalid:2000' }, 1_000);
    expect(result.findings).toEqual([expect.objectContaining({ id: 'xray-daemon-unreachable', level: 'info' })]);
    expect(result.findings[0]?.message).toMatch(/^could not check the X-Ray daemon at xray-daemon\.invalid:2000 \((host name not found|no answer within 1000 ms)\): skipped$/);
  });

  it('checks nothing when X-Ray is off or the address is malformed', async () => {
    expect(await checkXrayDaemon({}, TIMEOUT_MS)).toEqual({ statuses: [], findings: [] });
    expect(await checkXrayDaemon({ AWS_XRAY_DAEMON_ADDRESS: 'xray-daemon' }, TIMEOUT_MS)).toEqual({ statuses: [], findings: [] });
  });
});
