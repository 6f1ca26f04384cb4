import type { SocketOptions } from 'node:dgram';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ProblemReport } from '../src/telemetry/xray/problems.js';
import { UdpSender } from '../src/telemetry/xray/udp-sender.js';
import { waitFor } from './server-process.js';
import { sendMarker, startFakeDaemon } from './xray-daemon.js';

describe('the X-Ray sender and the daemon name', () => {
  it('looks the name up again when its address refuses, so a daemon that moved is found', async () => {
    const daemon = await startFakeDaemon();
    // The name first leads to 127.0.0.2, where nothing listens (the old container), then to the daemon.
    const answers: string[] = [];
    // The socket's implicit bind looks up its own address (0.0.0.0) through the same function.
    const lookup = ((host: string, _options: unknown, callback: (error: null, address: string, family: number) => void) => {
      if (host !== 'xray-daemon.test') {
        callback(null, host, 4);
        return;
      }
      const address = answers.length === 0 ? '127.0.0.2' : '127.0.0.1';
      answers.push(address);
      callback(null, address, 4);
    }) as SocketOptions['lookup'];
    const lines: string[] = [];
    const sender = new UdpSender(
      { host: 'xray-daemon.test', port: daemon.port },
      { problems: new ProblemReport({ warn: (line) => lines.push(line) }), reconnectDelayMs: 50, lookup },
    );
    onTestFinished(() => sender.close());

    await waitFor(
      () => {
        sender.send(Buffer.from('{"format":"json","version":1}\n{"name":"backend-flask"}'));
        return daemon.received.length > 0;
      },
      5_000,
      () => `nothing arrived; looked up ${JSON.stringify(answers)}; said ${JSON.stringify(lines)}`,
    );
    expect(answers.slice(0, 2)).toEqual(['127.0.0.2', '127.0.0.1']);
    expect(lines[0]).toMatch(/failing: ECONNREFUSED: unreachable: check AWS_XRAY_DAEMON_ADDRESS/);
  });

  it('keeps an address given as an IP: refusals do not reconnect it', async () => {
    const daemon = await startFakeDaemon();
    let lookups = 0;
    const lookup = ((host: string, _options: unknown, callback: (error: null, address: string, family: number) => void) => {
      if (host === '127.0.0.2') lookups++;
      callback(null, host, 4);
    }) as SocketOptions['lookup'];
    const lines: string[] = [];
    // Nothing listens at 127.0.0.2 (the daemon is bound to 127.0.0.1 only).
    const sender = new UdpSender(
      { host: '127.0.0.2', port: daemon.port },
      { problems: new ProblemReport({ warn: (line) => lines.push(line) }), reconnectDelayMs: 20, lookup },
    );
    onTestFinished(() => sender.close());
    // Sends until a refusal has been said, and on for 20 reconnect delays: a name would have been looked up again.
    const sending = Date.now();
    await waitFor(
      () => {
        sender.send(Buffer.from('{"format":"json","version":1}\n{"name":"backend-flask"}'));
        return lines.length > 0 && Date.now() - sending >= 400;
      },
      3_000,
      () => `no refusal said; said ${JSON.stringify(lines)}`,
    );
    // Closing waits for the datagrams in flight; the daemon reads the marker after any of them.
    await sender.close();
    await sendMarker(daemon, 'marker');
    expect(lines[0]).toMatch(/failing: ECONNREFUSED/);
    expect(lookups).toBe(1);
    expect(daemon.documents().map(({ name }) => name)).toEqual(['marker']);
  });
});
