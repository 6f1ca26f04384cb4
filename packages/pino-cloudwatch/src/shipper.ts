import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  type CloudWatchLogsClient,
  type PutLogEventsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import { EventBuffer } from './event-buffer.js';
import { backoffDelay, describeFailure, failureAction } from './failures.js';
import { toLogEvent, type LogEvent } from './log-event.js';
import type { ResolvedOptions } from './options.js';

/** Events the service took the batch with but did not store (too old, too new, expired). */
const rejectedCount = ({ rejectedLogEventsInfo: info }: PutLogEventsCommandOutput, batchSize: number): number => {
  if (!info) return 0;
  const tooOld = Math.max(info.tooOldLogEventEndIndex ?? 0, info.expiredLogEventEndIndex ?? 0);
  const tooNew = info.tooNewLogEventStartIndex === undefined ? 0 : batchSize - info.tooNewLogEventStartIndex;
  return Math.min(batchSize, tooOld + tooNew);
};

/** A line in pino's own shape, so Logs Insights reads it like the others. */
const dropReport = (dropped: number, now: number): LogEvent =>
  toLogEvent(JSON.stringify({ level: 40, time: now, msg: `pino-cloudwatch dropped ${String(dropped)} log events`, dropped }), now, Infinity);

const alreadyExists = (error: unknown): boolean => error instanceof Error && error.name === 'ResourceAlreadyExistsException';

/**
 * Takes lines as they come (never waiting on the network) and sends them to
 * one log stream: one PutLogEvents call at a time, each as full as the
 * limits allow, at least every `flushIntervalMs`. Retries with backoff what
 * may pass later; counts what it drops and reports the count in the stream
 * once sending works again; on close, sends what is left within
 * `closeTimeoutMs`. Problems go to stderr (each failure once until a call
 * succeeds again), never into the stream being written.
 */
export class Shipper {
  readonly #options: ResolvedOptions;
  readonly #client: CloudWatchLogsClient;
  readonly #warn: (line: string) => void;
  readonly #buffer: EventBuffer;
  /** Aborted at the close deadline: cancels the call in flight and any backoff. */
  readonly #stop = new AbortController();
  readonly #pumping: Promise<void>;
  #closing = false;
  #wake: (() => void) | undefined;
  /** Failures reported since the last success: each is said once, however often it recurs. */
  readonly #problems = new Set<string>();

  constructor(options: ResolvedOptions, client: CloudWatchLogsClient, warn: (line: string) => void) {
    this.#options = options;
    this.#client = client;
    this.#warn = warn;
    this.#buffer = new EventBuffer({ maxEvents: options.maxBufferedEvents, maxBytes: options.maxBufferedBytes });
    this.#pumping = this.#pump();
  }

  /** Queues one pino line; drops and counts it when the buffer is full. */
  add(line: string): void {
    if (line.length === 0) return;
    this.#buffer.push(toLogEvent(line, Date.now(), this.#options.maxEventBytes));
    if (this.#buffer.hasFullBatch()) this.#wake?.();
  }

  /** Sends everything queued, giving up after `closeTimeoutMs`, then releases the client. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#wake?.();
    const deadline = setTimeout(() => {
      this.#stop.abort();
    }, this.#options.closeTimeoutMs);
    await this.#pumping;
    clearTimeout(deadline);
    const lost = this.#buffer.length + this.#buffer.takeDropped();
    if (lost > 0) this.#warn(`pino-cloudwatch: ${String(lost)} log events were not delivered to ${this.#destination()}`);
    this.#client.destroy();
  }

  async #pump(): Promise<void> {
    await this.#createStream();
    for (;;) {
      if (!this.#closing && !this.#buffer.hasFullBatch()) await this.#idle(this.#options.flushIntervalMs);
      if (this.#stop.signal.aborted || (this.#closing && this.#buffer.length === 0)) return;
      if (this.#buffer.length > 0) await this.#sendNextBatch();
    }
  }

  /** Waits `ms`, or less when a full batch is ready or closing starts. */
  #idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }

  async #sendNextBatch(): Promise<void> {
    const batch = this.#buffer.nextBatch();
    const { logGroupName, logStreamName } = this.#options;
    const logEvents = batch.map(({ timestamp, message }) => ({ timestamp, message }));
    const outcome = await this.#call('PutLogEvents', (abortSignal) =>
      this.#client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }), { abortSignal }),
    );
    // Stopped at the close deadline: the batch stays queued and is counted as lost.
    if (outcome === 'stopped') return;
    this.#buffer.remove(batch.length);
    if (outcome === 'failed') {
      this.#buffer.countDropped(batch.length);
      return;
    }
    this.#buffer.countDropped(rejectedCount(outcome, batch.length));
    const dropped = this.#buffer.takeDropped();
    if (dropped > 0) this.#buffer.force(dropReport(dropped, Date.now()));
  }

  /** Both creations are idempotent: "already exists" is success. A refused group is not fatal (it may exist). */
  async #createStream(): Promise<void> {
    const { logGroupName, logStreamName } = this.#options;
    await this.#call('CreateLogGroup', (abortSignal) =>
      this.#client.send(new CreateLogGroupCommand({ logGroupName }), { abortSignal }).catch((error: unknown) => {
        if (!alreadyExists(error)) throw error;
      }),
    );
    await this.#call('CreateLogStream', (abortSignal) =>
      this.#client.send(new CreateLogStreamCommand({ logGroupName, logStreamName }), { abortSignal }).catch((error: unknown) => {
        if (!alreadyExists(error)) throw error;
      }),
    );
  }

  /**
   * One AWS call, retried with backoff while it may pass later. PutLogEvents
   * answered "not found" creates the group and stream, then tries once more.
   */
  async #call<T>(operation: string, send: (signal: AbortSignal) => Promise<T>): Promise<T | 'failed' | 'stopped'> {
    let recreated = false;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const result = await send(this.#stop.signal);
        this.#recovered(operation);
        return result;
      } catch (error) {
        if (this.#stop.signal.aborted) return 'stopped';
        const action = failureAction(error);
        const canRecreate = action === 'recreate' && operation === 'PutLogEvents' && !recreated;
        this.#problemWith(operation, error, action === 'retry' ? 'retrying' : canRecreate ? 'creating the stream again' : 'giving up');
        if (canRecreate) {
          recreated = true;
          await this.#createStream();
        } else if (action === 'retry') {
          const waited = await sleep(backoffDelay(this.#retryBackoff(), attempt), true, { signal: this.#stop.signal }).catch(() => false);
          if (!waited) return 'stopped';
        } else {
          return 'failed';
        }
      }
    }
  }

  #retryBackoff() {
    return { baseDelayMs: this.#options.retryBaseDelayMs, maxDelayMs: this.#options.retryMaxDelayMs };
  }

  #destination(): string {
    return `${this.#options.logGroupName}/${this.#options.logStreamName}`;
  }

  #problemWith(operation: string, error: unknown, next: string): void {
    const problem = `${operation} to ${this.#destination()} failed: ${describeFailure(error)}`;
    // A throttled minute is one line, not sixty.
    if (this.#problems.has(problem)) return;
    this.#problems.add(problem);
    this.#warn(`pino-cloudwatch: ${problem}; ${next}`);
  }

  #recovered(operation: string): void {
    if (this.#problems.size === 0) return;
    this.#problems.clear();
    this.#warn(`pino-cloudwatch: ${operation} to ${this.#destination()} works again`);
  }
}
