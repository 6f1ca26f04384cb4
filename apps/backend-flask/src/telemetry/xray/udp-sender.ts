import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { describeDaemonAddress, type DaemonAddress } from '@cruddur/telemetry-config';
import type { ProblemReport } from './problems.js';

export interface UdpSenderOptions {
  readonly problems: ProblemReport;
  /** Datagrams handed to the socket and not yet sent; more are dropped (default 1,000). */
  readonly maxInFlight?: number;
}

/**
 * Fire-and-forget datagrams to the X-Ray daemon. Nothing waits on a send
 * and nothing is retried: a daemon that is away loses the segments, not the
 * requests. Failures go to the problem report.
 */
export class UdpSender {
  private readonly socket: Socket;
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private closed = false;
  private readonly maxInFlight: number;
  private readonly target: string;

  constructor(
    private readonly address: DaemonAddress,
    private readonly options: UdpSenderOptions,
  ) {
    this.maxInFlight = options.maxInFlight ?? 1000;
    this.target = describeDaemonAddress(address);
    this.socket = createSocket(isIPv6(address.host) ? 'udp6' : 'udp4');
    // Never the reason the process stays up.
    this.socket.unref();
    this.socket.on('error', (error) => {
      options.problems.count(`socket error on ${this.target}: ${error.message}`);
    });
  }

  send(datagram: Buffer): void {
    if (this.closed) return;
    if (this.inFlight >= this.maxInFlight) {
      this.options.problems.count(`dropped: ${String(this.maxInFlight)} datagrams already waiting to go to ${this.target}`);
      return;
    }
    this.inFlight++;
    this.socket.send(datagram, this.address.port, this.address.host, (error) => {
      if (error) this.options.problems.count(`not sent to ${this.target}: ${(error as NodeJS.ErrnoException).code ?? error.message}`);
      this.inFlight--;
      if (this.inFlight === 0) this.notifyIdle();
    });
  }

  /** Resolves once every datagram handed over so far has left (or failed). */
  flush(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Waits for the datagrams in flight, then closes the socket. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    await new Promise<void>((resolve) => {
      this.socket.close(() => {
        resolve();
      });
    });
  }

  private notifyIdle(): void {
    const waiting = this.idle;
    this.idle = [];
    for (const resolve of waiting) resolve();
  }
}
