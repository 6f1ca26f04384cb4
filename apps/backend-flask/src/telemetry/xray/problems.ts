export interface ProblemReportOptions {
  readonly warn: (message: string) => void;
  readonly intervalMs?: number;
  readonly now?: () => number;
}

/**
 * Counts what went wrong and says so at most once per interval (default a
 * minute): the first problem at once, the rest summed in the next line, so
 * a daemon that is down costs one log line a minute, not one per request.
 */
export class ProblemReport {
  private readonly counts = new Map<string, number>();
  private lastReport = -Infinity;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ProblemReportOptions) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Writes one line where this report's lines go (the X-Ray sender's export health writes there too). */
  say(line: string): void {
    this.options.warn(line);
  }

  /** Counts one occurrence of `problem` (a short sentence, e.g. `send failed: ECONNREFUSED`). */
  count(problem: string, times = 1): void {
    this.counts.set(problem, (this.counts.get(problem) ?? 0) + times);
    if (this.now() - this.lastReport >= this.intervalMs) this.flush();
  }

  /** Reports what was counted since the last line, if anything. */
  flush(): void {
    if (this.counts.size === 0) return;
    const summary = [...this.counts].map(([problem, times]) => `${problem} (${String(times)}×)`).join('; ');
    this.counts.clear();
    this.lastReport = this.now();
    this.options.warn(`backend-flask: X-Ray: ${summary}`);
  }
}
