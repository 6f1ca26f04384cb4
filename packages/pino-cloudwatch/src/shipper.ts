import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  type CloudWatchLogsClient,
  type PutLogEventsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import { ExportHealth } from '@cruddur/export-health';
import { EventBuffer } from './event-buffer.js';
import { backoffDelay, describeFailure, exportFailure, failureAction } from './failures.js';
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
 * `closeTimeoutMs`. Problems go to stderr, never into the stream being
 * written: failed calls and dropped lines through an ExportHealth (a line
 * at once, then at most one per `problemIntervalMs`, then one when calls
 * get through again); a refused CreateLogGroup (the group may exist) once.
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
  /** CreateLogGroup refusals said so far: each once (the group may exist, and the rest work). */
  readonly #problems = new Set<string>();
  readonly #health: ExportHealth;

  constructor(options: ResolvedOptions, client: CloudWatchLogsClient, warn: (line: string) => void) {
    this.#options = options;
    this.#client = client;
    this.#warn = warn;
    this.#buffer = new EventBuffer({ maxEvents: options.maxBufferedEvents, maxBytes: options.maxBufferedBytes });
    this.#health = new ExportHealth({
      destination: `CloudWatch Logs ${this.#destination()}`,
      noun: 'log events',
      prefix: 'pino-cloudwatch',
      write: warn,
      intervalMs: options.problemIntervalMs,
    });
    this.#pumping = this.#pump();
  }

  /** Queues one pino line; drops and counts it when the buffer is full. */
  add(line: string): void {
    if (line.length === 0) return;
    if (!this.#buffer.push(toLogEvent(line, Date.now(), this.#options.maxEventBytes))) {
      const { maxBufferedEvents, maxBufferedBytes } = this.#options;
      this.#health.dropped(1, `buffer full: ${String(maxBufferedEvents)} events or ${String(maxBufferedBytes)} bytes waiting`);
    }
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
    this.#health.flush();
    this.#health.close();
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
      this.#health.dropped(batch.length, 'refused by CloudWatch Logs');
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
      const startedAt = Date.now();
      try {
        const result = await send(this.#stop.signal);
        this.#health.success(startedAt);
        return result;
      } catch (error) {
        if (this.#stop.signal.aborted) return 'stopped';
        const action = failureAction(error);
        const canRecreate = action === 'recreate' && operation === 'PutLogEvents' && !recreated;
        // A refused CreateLogGroup is no outage: the group may exist, and the stream is created next.
        if (operation === 'CreateLogGroup' && action === 'give-up') this.#groupRefused(error);
        else this.#health.failure(exportFailure(error), { startedAt });
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

  /** Not fatal: the group may exist already (the stream is created next either way). Each refusal said once. */
  #groupRefused(error: unknown): void {
    const problem = `CreateLogGroup ${this.#options.logGroupName} failed: ${describeFailure(error)}`;
    if (this.#problems.has(problem)) return;
    this.#problems.add(problem);
    this.#warn(`pino-cloudwatch: ${problem}; going on, the group may exist (create it, or allow logs:CreateLogGroup)`);
  }
}
