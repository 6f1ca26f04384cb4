// Rollbar's item JSON (`POST /api/1/item/`), built by hand: the few fields
// Rollbar needs to group and show a browser error, for a fraction of the
// rollbar.js bundle.
import type { TraceIds } from '@cruddur/telemetry-web';

export type ErrorSource = 'react' | 'window.error' | 'unhandledrejection';

export interface RollbarFrame {
  filename: string;
  lineno?: number;
  colno?: number;
  method?: string;
}

export type RollbarBody =
  | { trace: { frames: RollbarFrame[]; exception: { class: string; message: string } } }
  | { message: { body: string } };

export interface RollbarItem {
  access_token: string;
  data: {
    environment: string;
    level: 'error';
    timestamp: number;
    uuid: string;
    platform: 'browser';
    language: 'javascript';
    framework: 'react';
    /** The route: Rollbar groups and filters by it. */
    context: string;
    body: RollbarBody;
    request: { url: string };
    client: { javascript: { browser: string } };
    notifier: { name: string; version: string };
    custom: {
      source: ErrorSource;
      trace_id?: string;
      span_id?: string;
      component_stack?: string;
    };
  };
}

export interface ItemContext {
  accessToken: string;
  environment: string;
  source: ErrorSource;
  trace: TraceIds | undefined;
  /** The page: its query string and fragment are left out (they may hold tokens). */
  location: Pick<Location, 'origin' | 'pathname'>;
  userAgent: string;
  now: Date;
  uuid: string;
  /** React's component stack, for render errors. */
  componentStack?: string | undefined;
}

const MAX_FRAMES = 50;
const MAX_TEXT = 2_000;

const clip = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

// "    at method (url:line:col)", "    at url:line:col" (V8), "method@url:line:col" (Firefox, Safari).
const V8_FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/;
const GECKO_FRAME = /^(.*?)@(.+?):(\d+):(\d+)$/;

/** Stack frames, oldest call first as Rollbar wants them. */
export const parseFrames = (stack: string | undefined): RollbarFrame[] =>
  (stack ?? '')
    .split('\n')
    .flatMap((line): RollbarFrame[] => {
      const match = V8_FRAME.exec(line) ?? GECKO_FRAME.exec(line);
      if (!match) return [];
      const [, method, filename = '', lineno, colno] = match;
      return [{ filename, lineno: Number(lineno), colno: Number(colno), ...(method ? { method } : {}) }];
    })
    .slice(0, MAX_FRAMES)
    .reverse();

const describe = (value: unknown): string => {
  if (typeof value === 'string') return value;
  // JSON.stringify gives undefined for these, whatever its typings say.
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    // A cycle, or a BigInt inside.
    return 'a value that cannot be written as JSON';
  }
};

const bodyOf = (thrown: unknown): RollbarBody => {
  if (thrown instanceof Error) {
    const frames = parseFrames(thrown.stack);
    if (frames.length > 0) return { trace: { frames, exception: { class: thrown.name, message: clip(thrown.message) } } };
    return { message: { body: clip(`${thrown.name}: ${thrown.message}`) } };
  }
  return { message: { body: clip(describe(thrown)) } };
};

export const buildRollbarItem = (thrown: unknown, context: ItemContext): RollbarItem => ({
  access_token: context.accessToken,
  data: {
    environment: context.environment,
    level: 'error',
    timestamp: Math.floor(context.now.getTime() / 1000),
    uuid: context.uuid,
    platform: 'browser',
    language: 'javascript',
    framework: 'react',
    context: context.location.pathname,
    body: bodyOf(thrown),
    request: { url: `${context.location.origin}${context.location.pathname}` },
    client: { javascript: { browser: context.userAgent } },
    notifier: { name: 'cruddur-browser', version: '1' },
    custom: {
      source: context.source,
      ...(context.trace ? { trace_id: context.trace.traceId, span_id: context.trace.spanId } : {}),
      ...(context.componentStack ? { component_stack: clip(context.componentStack.trim()) } : {}),
    },
  },
});
