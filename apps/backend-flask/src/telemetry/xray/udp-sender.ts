import { createSocket, type Socket, type SocketOptions } from 'node:dgram';
import { isIP, isIPv6 } from 'node:net';
import { ExportHealth, networkFailure, type FailureHints } from '@cruddur/export-health';
import { describeDaemonAddress, type DaemonAddress } from '@cruddur/telemetry-config';
import { telemetryIntervalMs } from '../export-health.js';
import type { ProblemReport } from './problems.js';

export interface UdpSenderOptions {
  readonly problems: ProblemReport;
  /** Datagrams handed to the socket and not yet sent; more are dropped (default 1,000). */
  readonly maxInFlight?: number;
  /** Where send failures are reported; by default a reporter writing where `problems` does, once per CRUDDUR_EXPORT_ERROR_INTERVAL_MS. */
  readonly health?: ExportHealth;
  /**
   * After a failed connect (the name did not resolve), wait this long before
   * trying again (default 5 s); a name whose address refuses is looked up
   * again at most this often.
   */
  readonly reconnectDelayMs?: number;
  /** How the daemon's name becomes an address: Node's `dns.lookup` unless given. */
  readonly lookup?: SocketOptions['lookup'];
}

export const XRAY_HINTS: FailureHints = { credentials: 'the X-Ray daemon', address: 'AWS_XRAY_DAEMON_ADDRESS', noun: 'segments' };

/**
 * A send looks fine before the daemon's absence is known: the "port
 * unreachable" answer comes back a moment later, as an error on the socket.
 * A send counts as delivered once no error has followed for this long.
 */
const QUIET_MS = 250;
/** Datagrams kept while the socket connects (resolving the daemon's name), then sent. */
const MAX_WAITING = 100;

/**
 * Fire-and-forget datagrams to the X-Ray daemon. Nothing waits on a send
 * and nothing is retried: a daemon that is away loses the segments, not the
 * requests.
 *
 * The socket is connected to the daemon's address, so the kernel tells when
 * nothing listens there (ECONNREFUSED on the socket, from the ICMP "port
 * unreachable") and a name that does not resolve fails at connect
 * (ENOTFOUND, tried again every `reconnectDelayMs`). A name whose address
 * refuses is looked up again (as often): a recreated daemon container comes
 * back under a new address. Both are reported to
 * the export health: one line per interval, "unreachable: check
 * AWS_XRAY_DAEMON_ADDRESS", with the segments lost, then "resumed" once
 * sends go through without an error following.
 */
export class UdpSender {
  private socket: Socket | undefined;
  private connected = false;
  private connectFailedAt = -Infinity;
  private openedAt = -Infinity;
  /** The name's address refused: connect again, looking it up anew, once nothing is in flight. */
  private stale = false;
  private waiting: Buffer[] = [];
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private closed = false;
  private quiet: NodeJS.Timeout | undefined;
  private readonly maxInFlight: number;
  private readonly reconnectDelayMs: number;
  private readonly target: string;
  private readonly health: ExportHealth;
  private readonly lookup: SocketOptions['lookup'];

  constructor(
    private readonly address: DaemonAddress,
    options: UdpSenderOptions,
  ) {
    this.lookup = options.lookup;
    this.maxInFlight = options.maxInFlight ?? 1000;
    this.reconnectDelayMs = options.reconnectDelayMs ?? 5_000;
    this.target = describeDaemonAddress(address);
    this.health =
      options.health ??
      new ExportHealth({
        destination: `the X-Ray daemon at udp:${this.target}`,
        noun: XRAY_HINTS.noun,
        prefix: 'backend-flask',
        write: (line) => {
          options.problems.say(line);
        },
        intervalMs: telemetryIntervalMs(),
      });
    this.open();
  }

  send(datagram: Buffer): void {
    if (this.closed) return;
    if (this.stale && this.inFlight === 0) this.reopen();
    if (this.socket === undefined && Date.now() - this.connectFailedAt >= this.reconnectDelayMs) this.open();
    if (!this.connected) {
      if (this.socket !== undefined && this.waiting.length < MAX_WAITING) this.waiting.push(datagram);
      else this.health.dropped(1, `the daemon's address ${this.target} did not resolve`);
      return;
    }
    this.transmit(datagram);
  }

  /** Resolves once every datagram handed over so far has left (or failed). */
  flush(): Promise<void> {
    if (this.inFlight === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Waits for the datagrams in flight, then closes the socket and says what is left to say. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Datagrams waiting for the connection go once it is made (or are dropped if it fails).
    await this.flush();
    clearTimeout(this.quiet);
    this.health.flush();
    this.health.close();
    const socket = this.socket;
    if (socket === undefined) return;
    await new Promise<void>((resolve) => {
      socket.close(() => {
        resolve();
      });
    });
  }

  private open(): void {
    const socket = createSocket({ type: isIPv6(this.address.host) ? 'udp6' : 'udp4', ...(this.lookup === undefined ? {} : { lookup: this.lookup }) });
    this.socket = socket;
    this.connected = false;
    this.openedAt = Date.now();
    // Never the reason the process stays up.
    socket.unref();
    socket.on('error', (error) => {
      // ECONNREFUSED: the datagram before this one met a closed port.
      this.failed(error, 1);
    });
    socket.connect(this.address.port, this.address.host, (error?: Error) => {
      if (error) {
        this.connectFailedAt = Date.now();
        this.socket = undefined;
        socket.close();
        // What waited for the connection is lost with it.
        this.failed(error, this.waiting.length);
        this.waiting = [];
        this.notifyIfIdle();
        return;
      }
      this.connected = true;
      const waiting = this.waiting;
      this.waiting = [];
      for (const datagram of waiting) this.transmit(datagram);
      this.notifyIfIdle();
    });
  }

  private transmit(datagram: Buffer): void {
    const socket = this.socket;
    if (socket === undefined) return;
    if (this.inFlight >= this.maxInFlight) {
      this.health.dropped(1, `${String(this.maxInFlight)} datagrams already waiting to go to ${this.target}`);
      return;
    }
    this.inFlight++;
    socket.send(datagram, (error) => {
      this.inFlight--;
      if (error) this.failed(error, 1);
      else this.sentWithoutError();
      this.notifyIfIdle();
    });
  }

  private failed(error: Error, dropped: number): void {
    clearTimeout(this.quiet);
    this.quiet = undefined;
    this.health.failure(networkFailure(error, XRAY_HINTS), { dropped });
    if (this.connected && isIP(this.address.host) === 0 && Date.now() - this.openedAt >= this.reconnectDelayMs) this.stale = true;
  }

  /** Drops the connected socket (nothing is in flight on it) for a new one, so the name is looked up again. */
  private reopen(): void {
    this.stale = false;
    this.socket?.close();
    this.open();
  }

  /** While failing, a send followed by no error for QUIET_MS means the daemon is back. */
  private sentWithoutError(): void {
    if (!this.health.failing || this.quiet !== undefined) return;
    const sentAt = Date.now();
    this.quiet = setTimeout(() => {
      this.quiet = undefined;
      this.health.success(sentAt);
    }, QUIET_MS);
    this.quiet.unref();
  }

  private notifyIfIdle(): void {
    if (this.inFlight > 0 || this.waiting.length > 0) return;
    const waiting = this.idle;
    this.idle = [];
    for (const resolve of waiting) resolve();
  }
}
