import { EVENT_OVERHEAD_BYTES, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_BATCH_SPAN_MS } from '../limits.js';

export interface StoredEvent {
  readonly timestamp: number;
  readonly message: string;
}

export interface AcceptedBatch {
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** The events stored: rejected ones (too old) are not in it. */
  readonly events: readonly StoredEvent[];
}

/** An answer in the service's JSON error shape. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const RETENTION_LIMIT_MS = 14 * 24 * 60 * 60 * 1000;

const requireString = (body: Record<string, unknown>, field: string): string => {
  const value = body[field];
  if (typeof value !== 'string' || value.length === 0) throw new ServiceError(400, 'InvalidParameterException', `${field} is required`);
  return value;
};

const requireEvents = (body: Record<string, unknown>): StoredEvent[] => {
  const events = body.logEvents;
  if (!Array.isArray(events)) throw new ServiceError(400, 'InvalidParameterException', 'logEvents is required');
  return events.map((event: unknown) => {
    const { timestamp, message } = (event ?? {}) as Record<string, unknown>;
    if (typeof timestamp !== 'number' || typeof message !== 'string' || message.length === 0) {
      throw new ServiceError(400, 'InvalidParameterException', 'each log event needs a timestamp and a non-empty message');
    }
    return { timestamp, message };
  });
};

/** Groups, streams and events, with the checks PutLogEvents makes on a batch. */
export class LogStore {
  readonly #groups = new Map<string, Map<string, StoredEvent[]>>();
  readonly batches: AcceptedBatch[] = [];
  readonly #maxEventBytes: number;

  constructor(maxEventBytes: number) {
    this.#maxEventBytes = maxEventBytes;
  }

  /** Every stored event of a stream, in the order they were accepted. */
  events(logGroupName: string, logStreamName: string): readonly StoredEvent[] {
    return this.#groups.get(logGroupName)?.get(logStreamName) ?? [];
  }

  streams(logGroupName: string): string[] {
    return [...(this.#groups.get(logGroupName)?.keys() ?? [])];
  }

  createLogGroup(body: Record<string, unknown>): object {
    const logGroupName = requireString(body, 'logGroupName');
    if (this.#groups.has(logGroupName)) {
      throw new ServiceError(400, 'ResourceAlreadyExistsException', 'The specified log group already exists');
    }
    this.#groups.set(logGroupName, new Map());
    return {};
  }

  createLogStream(body: Record<string, unknown>): object {
    const streams = this.#group(requireString(body, 'logGroupName'));
    const logStreamName = requireString(body, 'logStreamName');
    if (streams.has(logStreamName)) {
      throw new ServiceError(400, 'ResourceAlreadyExistsException', 'The specified log stream already exists');
    }
    streams.set(logStreamName, []);
    return {};
  }

  describeLogStreams(body: Record<string, unknown>): object {
    const streams = this.#group(requireString(body, 'logGroupName'));
    const prefix = typeof body.logStreamNamePrefix === 'string' ? body.logStreamNamePrefix : '';
    const logStreams = [...streams.keys()].filter((name) => name.startsWith(prefix)).map((logStreamName) => ({ logStreamName }));
    return { logStreams };
  }

  putLogEvents(body: Record<string, unknown>, now: number): object {
    const logGroupName = requireString(body, 'logGroupName');
    const logStreamName = requireString(body, 'logStreamName');
    const stream = this.#group(logGroupName).get(logStreamName);
    if (!stream) throw new ServiceError(400, 'ResourceNotFoundException', 'The specified log stream does not exist.');
    const events = requireEvents(body);
    this.#checkBatch(events);
    // Ordered by time, so the events too old to keep are a prefix.
    const tooOld = events.filter(({ timestamp }) => timestamp < now - RETENTION_LIMIT_MS).length;
    const stored = events.slice(tooOld);
    stream.push(...stored);
    this.batches.push({ logGroupName, logStreamName, events: stored });
    return { nextSequenceToken: String(this.batches.length), ...(tooOld > 0 ? { rejectedLogEventsInfo: { tooOldLogEventEndIndex: tooOld } } : {}) };
  }

  #group(logGroupName: string): Map<string, StoredEvent[]> {
    const group = this.#groups.get(logGroupName);
    if (!group) throw new ServiceError(400, 'ResourceNotFoundException', 'The specified log group does not exist.');
    return group;
  }

  #checkBatch(events: readonly StoredEvent[]): void {
    const invalid = (message: string) => new ServiceError(400, 'InvalidParameterException', message);
    if (events.length === 0 || events.length > MAX_BATCH_EVENTS) throw invalid(`a batch holds 1 to ${String(MAX_BATCH_EVENTS)} events`);
    let bytes = 0;
    events.forEach(({ timestamp, message }, index) => {
      const size = Buffer.byteLength(message) + EVENT_OVERHEAD_BYTES;
      if (size > this.#maxEventBytes) throw invalid(`Log event too large: ${String(size)} bytes`);
      const previous = events[index - 1];
      if (previous && previous.timestamp > timestamp) {
        throw invalid('Log events in a single PutLogEvents request must be in chronological order.');
      }
      bytes += size;
    });
    if (bytes > MAX_BATCH_BYTES) throw invalid(`Upload too large: ${String(bytes)} bytes exceeds ${String(MAX_BATCH_BYTES)}`);
    const span = (events.at(-1)?.timestamp ?? 0) - (events[0]?.timestamp ?? 0);
    if (span > MAX_BATCH_SPAN_MS) throw invalid('A batch of log events cannot span more than 24 hours.');
  }
}
