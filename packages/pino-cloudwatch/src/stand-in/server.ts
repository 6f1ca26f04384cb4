import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MAX_EVENT_BYTES } from '../limits.js';
import { LogStore, ServiceError, type AcceptedBatch, type StoredEvent } from './log-store.js';

export type { AcceptedBatch, StoredEvent };

const TARGET_PREFIX = 'Logs_20140328.';
const JSON_1_1 = 'application/x-amz-json-1.1';

export type Operation = 'CreateLogGroup' | 'CreateLogStream' | 'PutLogEvents' | 'DescribeLogStreams';

/** An error answer: e.g. `{ status: 400, type: 'ThrottlingException' }` or `{ status: 500, type: 'InternalFailure' }`. */
export interface Failure {
  readonly status: number;
  readonly type: string;
}

export interface ReceivedCall {
  readonly operation: string;
  readonly body: Record<string, unknown>;
  /** `performance.now()` when the request had been read. */
  readonly receivedAt: number;
  /** The status answered; undefined while held by `hang()`. */
  status?: number;
}

export interface StandInOptions {
  /** Largest event accepted, 26 bytes of overhead included. Default 256 KB. */
  readonly maxEventBytes?: number;
  /** Port on 127.0.0.1; default one of the OS's choice. */
  readonly port?: number;
}

export interface CloudWatchStandIn {
  /** For `AWS_ENDPOINT_URL_CLOUDWATCH_LOGS`. */
  readonly url: string;
  /** Every call received, in order, including failed ones. */
  readonly calls: readonly ReceivedCall[];
  /** Every PutLogEvents call the store accepted. */
  readonly batches: readonly AcceptedBatch[];
  events(logGroupName: string, logStreamName: string): readonly StoredEvent[];
  streams(logGroupName: string): string[];
  /** Answers the next `times` calls of `operation` with `failure` instead of handling them. */
  fail(operation: Operation, failure: Failure, times?: number): void;
  /** From now on, accepts requests and never answers them. */
  hang(): void;
  /** Forgets planned failures and answers again (requests already held stay held). */
  heal(): void;
  close(): Promise<void>;
}

interface PlannedFailure {
  readonly operation: Operation;
  readonly failure: Failure;
  remaining: number;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const answer = (response: ServerResponse, status: number, body: object): void => {
  response.writeHead(status, { 'content-type': JSON_1_1, 'x-amzn-requestid': crypto.randomUUID() }).end(JSON.stringify(body));
};

const errorBody = (type: string, message: string) => ({ __type: type, message });

/**
 * A stand-in for CloudWatch Logs on 127.0.0.1 and a port of the OS's choice:
 * the JSON 1.1 protocol the AWS SDK speaks (`POST /`, `X-Amz-Target:
 * Logs_20140328.<Operation>`), SigV4-signed requests required, errors in the
 * service's `{"__type", "message"}` shape, and the checks PutLogEvents makes
 * on a batch, so a transport that breaks a limit fails here as it would there.
 */
export const startCloudWatchStandIn = async ({ maxEventBytes = DEFAULT_MAX_EVENT_BYTES, port = 0 }: StandInOptions = {}): Promise<CloudWatchStandIn> => {
  const store = new LogStore(maxEventBytes);
  const calls: ReceivedCall[] = [];
  const planned: PlannedFailure[] = [];
  let hanging = false;

  const handle = (operation: string, body: Record<string, unknown>): { status: number; body: object } => {
    const plan = planned.find((candidate) => candidate.operation === operation && candidate.remaining > 0);
    if (plan) {
      plan.remaining -= 1;
      return { status: plan.failure.status, body: errorBody(plan.failure.type, `planned ${plan.failure.type}`) };
    }
    try {
      switch (operation) {
        case 'CreateLogGroup':
          return { status: 200, body: store.createLogGroup(body) };
        case 'CreateLogStream':
          return { status: 200, body: store.createLogStream(body) };
        case 'DescribeLogStreams':
          return { status: 200, body: store.describeLogStreams(body) };
        case 'PutLogEvents':
          return { status: 200, body: store.putLogEvents(body, Date.now()) };
        default:
          return { status: 400, body: errorBody('UnknownOperationException', `${operation} is not supported by the stand-in`) };
      }
    } catch (error) {
      if (error instanceof ServiceError) return { status: error.status, body: errorBody(error.type, error.message) };
      throw error;
    }
  };

  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const target = request.headers['x-amz-target'];
      const operation = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text || '{}') as Record<string, unknown>;
      } catch {
        // Answered below as the service would.
      }
      const call: ReceivedCall = { operation, body, receivedAt: performance.now() };
      calls.push(call);
      if (hanging) return;
      const authorization = request.headers.authorization ?? '';
      const result =
        request.method !== 'POST' || request.headers['content-type'] !== JSON_1_1 || operation === ''
          ? { status: 400, body: errorBody('SerializationException', 'expected POST / with X-Amz-Target and application/x-amz-json-1.1') }
          : !/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[^/]+\/logs\/aws4_request/.test(authorization)
            ? { status: 400, body: errorBody('MissingAuthenticationTokenException', 'requests must be signed with SigV4 for logs') }
            : handle(operation, body);
      call.status = result.status;
      answer(response, result.status, result.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${String(address.port)}`,
    calls,
    batches: store.batches,
    events: (group, stream) => store.events(group, stream),
    streams: (group) => store.streams(group),
    fail: (operation, failure, times = Infinity) => {
      planned.push({ operation, failure, remaining: times });
    },
    hang: () => {
      hanging = true;
    },
    heal: () => {
      planned.length = 0;
      hanging = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};
