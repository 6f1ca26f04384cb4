/**
 * How a telemetry destination (an OTLP endpoint, the X-Ray daemon, Rollbar,
 * CloudWatch Logs) tells the operator that it is failing: at most one line
 * per destination per interval, naming the destination, the reason, what to
 * check, and how many exports failed and items were dropped since the last
 * line; then one line when exports get through again.
 */

/** The variable that sets the interval between two lines about the same destination. */
export const EXPORT_ERROR_INTERVAL_VAR = 'CRUDDUR_EXPORT_ERROR_INTERVAL_MS';
export const DEFAULT_EXPORT_ERROR_INTERVAL_MS = 30_000;

/** CRUDDUR_EXPORT_ERROR_INTERVAL_MS as a whole number of milliseconds (default 30 s); throws naming the variable when malformed. */
export const exportErrorIntervalMs = (env: Readonly<Record<string, string | undefined>>): number => {
  const raw = env[EXPORT_ERROR_INTERVAL_VAR]?.trim();
  if (!raw) return DEFAULT_EXPORT_ERROR_INTERVAL_MS;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${EXPORT_ERROR_INTERVAL_VAR} must be a whole number of milliseconds above 0, got ${JSON.stringify(raw)}`);
  }
  return value;
};

/** Why an export failed, in words fit for a log line (never a secret), and what to do about it. */
export interface ExportFailure {
  /** `HTTP 401`, `ECONNREFUSED`, `timeout`, `ThrottlingException (HTTP 400)`. */
  readonly reason: string;
  /** `check HONEYCOMB_API_KEY`, `unreachable: check AWS_XRAY_DAEMON_ADDRESS`. */
  readonly hint?: string;
}

/** What to name in a hint, per destination. */
export interface FailureHints {
  /** Checked on 401/403: `HONEYCOMB_API_KEY`, `ROLLBAR_ACCESS_TOKEN`. */
  readonly credentials: string;
  /** Checked when unreachable or 404: `OTEL_EXPORTER_OTLP_ENDPOINT`, `AWS_XRAY_DAEMON_ADDRESS`. */
  readonly address: string;
  /** What a failed export loses: `spans`, `items`, `log events`. */
  readonly noun: string;
  /** What happens on throttling, default `<noun> dropped`. */
  readonly whenThrottled?: string;
}

/** Network error codes meaning nothing (or nothing useful) answers at the address. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);

export const httpFailure = (status: number, hints: FailureHints): ExportFailure => {
  const reason = `HTTP ${String(status)}`;
  if (status === 401 || status === 403) return { reason, hint: `check ${hints.credentials}` };
  if (status === 404) return { reason, hint: `check the endpoint path (${hints.address})` };
  if (status === 429 || status === 503) return { reason, hint: `destination throttling; ${hints.whenThrottled ?? `${hints.noun} dropped`}` };
  if (status >= 500) return { reason, hint: `destination failing; ${hints.noun} dropped` };
  return { reason, hint: `destination refused the data; ${hints.noun} dropped` };
};

export const unreachable = (reason: string, hints: FailureHints): ExportFailure => ({ reason, hint: `unreachable: check ${hints.address}` });

const codeOf = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string' && code.length > 0) return code;
  return cause === undefined || cause === error ? undefined : codeOf(cause);
};

/**
 * A network or timeout error as a failure: `ECONNREFUSED` → "unreachable:
 * check <address>". The error's message is used only when it has no code,
 * cut to its first line.
 */
export const networkFailure = (error: unknown, hints: FailureHints): ExportFailure => {
  const code = codeOf(error);
  if (code !== undefined && UNREACHABLE_CODES.has(code)) return unreachable(code, hints);
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (/time(d)?\s?out/i.test(`${name} ${message}`)) return unreachable('timeout', hints);
  return { reason: code ?? (message.split('\n', 1)[0] ?? '').slice(0, 200) };
};

/** `failing`: an outage (first line, then a summary per interval); `resumed`: it is over; `dropped`: items lost while the destination works. */
export type LineKind = 'failing' | 'resumed' | 'dropped';

export interface ExportHealthOptions {
  /** Names the destination in each line, e.g. `OTLP http://127.0.0.1:4318/v1/traces`: no secrets. */
  readonly destination: string;
  /** What is counted as dropped: `spans`, `segments`, `items`, `log events`. */
  readonly noun: string;
  /** Where the lines go (stderr, a logger); each line without its newline, with what kind of line it is. */
  readonly write: (line: string, kind: LineKind) => void;
  /** Who speaks, leading each line: `backend-flask`, `pino-cloudwatch`. */
  readonly prefix: string;
  /** At most one line per this many milliseconds; default 30 s. */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

export interface FailureDetails {
  /** Items the failed export carried, now lost. */
  readonly dropped?: number;
  /**
   * When the failed attempt started. A failure of an attempt that started
   * before the latest success is a straggler of an outage already over
   * (e.g. a request that hung until its timeout): its items count as
   * dropped, but it does not open a new outage.
   */
  readonly startedAt?: number;
}

/**
 * One destination's health. Failures and drops are counted as they happen
 * (cheap, never throws, never waits); lines are written at most once per
 * interval: the first failure at once, then a summary each interval while
 * the outage lasts, then "resumed after N failures" once an export gets
 * through. Drops while the destination works (a full queue) get a line of
 * their own, under the same interval.
 */
export class ExportHealth {
  readonly #options: ExportHealthOptions;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #failing = false;
  /** Recovered, but not said yet (the interval has not passed since the last line). */
  #resumedUnsaid = false;
  /** Since the last line. */
  #failures = 0;
  #dropped = 0;
  #dropReason: string | undefined;
  /** Since the outage began, for the "resumed" line. */
  #outageFailures = 0;
  #outageDropped = 0;
  #lastFailure: ExportFailure | undefined;
  /** Whether a "failing" line went out during this outage (else the "resumed" line names the reason). */
  #outageSaid = false;
  #lastLineAt = -Infinity;
  #latestSuccessStart = -Infinity;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: ExportHealthOptions) {
    this.#options = options;
    this.#intervalMs = options.intervalMs ?? DEFAULT_EXPORT_ERROR_INTERVAL_MS;
    this.#now = options.now ?? Date.now;
  }

  /** True from a failure until an export gets through. */
  get failing(): boolean {
    return this.#failing;
  }

  /** An export failed. */
  failure(failure: ExportFailure, { dropped = 0, startedAt }: FailureDetails = {}): void {
    if (startedAt !== undefined && startedAt < this.#latestSuccessStart) {
      this.dropped(dropped, `${failure.reason}, sent before exports resumed`);
      return;
    }
    this.#failing = true;
    this.#resumedUnsaid = false;
    this.#failures += 1;
    this.#outageFailures += 1;
    this.#dropped += dropped;
    this.#outageDropped += dropped;
    this.#lastFailure = failure;
    this.#report();
  }

  /** Items lost without a failed export (a full queue); `reason` says why. */
  dropped(count: number, reason: string): void {
    if (count <= 0) return;
    this.#dropped += count;
    if (this.#failing || this.#resumedUnsaid) this.#outageDropped += count;
    else this.#dropReason = reason;
    this.#report();
  }

  /** An export got through; `startedAt` is when its attempt started (default now). */
  success(startedAt: number = this.#now()): void {
    if (startedAt > this.#latestSuccessStart) this.#latestSuccessStart = startedAt;
    if (!this.#failing) return;
    this.#failing = false;
    this.#resumedUnsaid = true;
    this.#report();
  }

  /** Writes what is still unsaid now, whatever the interval (at shutdown). */
  flush(): void {
    this.#emit();
  }

  /** Stops the pending timer; what is unsaid stays unsaid. */
  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #report(): void {
    const wait = this.#lastLineAt + this.#intervalMs - this.#now();
    if (wait <= 0) {
      this.#emit();
      return;
    }
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#emit();
    }, wait);
    // Never the reason the process stays up.
    this.#timer.unref();
  }

  #emit(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const { prefix, destination, noun } = this.#options;
    let line: string | undefined;
    let kind: LineKind = 'failing';
    if (this.#failing && this.#lastFailure && (this.#failures > 0 || this.#dropped > 0)) {
      const { reason, hint } = this.#lastFailure;
      line =
        `${prefix}: export to ${destination} failing: ${reason}${hint ? `: ${hint}` : ''}; ` +
        `${plural(this.#failures, 'failure')}, ${String(this.#dropped)} ${noun} dropped since the last line`;
      this.#outageSaid = true;
    } else if (this.#resumedUnsaid) {
      // An outage shorter than the interval may end before its first line could go out: say why here.
      const unsaid = this.#outageSaid || !this.#lastFailure ? '' : ` (${this.#lastFailure.reason}${this.#lastFailure.hint ? `: ${this.#lastFailure.hint}` : ''})`;
      line = `${prefix}: export to ${destination} resumed after ${plural(this.#outageFailures, 'failure')}${unsaid}; ${String(this.#outageDropped)} ${noun} dropped meanwhile`;
      kind = 'resumed';
      this.#outageSaid = false;
      this.#resumedUnsaid = false;
      this.#outageFailures = 0;
      this.#outageDropped = 0;
    } else if (this.#dropped > 0) {
      kind = 'dropped';
      line = `${prefix}: export to ${destination}: ${String(this.#dropped)} ${noun} dropped (${this.#dropReason ?? 'unknown reason'}) since the last line`;
    }
    if (line === undefined) return;
    this.#failures = 0;
    this.#dropped = 0;
    this.#dropReason = undefined;
    this.#lastLineAt = this.#now();
    this.#options.write(line, kind);
  }
}

const plural = (count: number, word: string): string => `${String(count)} ${word}${count === 1 ? '' : 's'}`;
