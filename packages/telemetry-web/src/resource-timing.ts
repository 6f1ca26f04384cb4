/** The fields of a resource timing entry that fetch spans use, in milliseconds on the page's performance clock. */
export interface TimingEntry {
  readonly name: string;
  readonly initiatorType: string;
  readonly fetchStart: number;
  readonly domainLookupStart: number;
  readonly domainLookupEnd: number;
  readonly connectStart: number;
  readonly secureConnectionStart: number;
  readonly connectEnd: number;
  readonly requestStart: number;
  readonly responseStart: number;
  readonly responseEnd: number;
}

/** The timing of one fetch, once it has been answered. */
export interface TimingWatch {
  /** The fetch was answered: resolves with its timing once the browser reports it, or undefined after the wait. */
  answered(): Promise<TimingEntry | undefined>;
  /** The fetch failed: stop watching. */
  cancel(): void;
}

interface Watch {
  readonly url: string;
  /** When the fetch was called, on the performance clock. */
  readonly since: number;
  readonly seen: TimingEntry[];
  finish: (() => void) | undefined;
}

/** The timing phases a fetch span carries as events, in their order. */
export const NETWORK_EVENTS = [
  'fetchStart',
  'domainLookupStart',
  'domainLookupEnd',
  'connectStart',
  'secureConnectionStart',
  'connectEnd',
  'requestStart',
  'responseStart',
  'responseEnd',
] as const satisfies readonly (keyof TimingEntry)[];

/** Both clocks are coarsened: an entry dated this much before the fetch was called is still its own. */
const CLOCK_SLACK_MS = 1;

/**
 * Matches the browser's resource timing entries to the fetches that caused
 * them. A fetch's entry is reported once its body has arrived, which is
 * after the fetch was answered, so the span waits for exactly that event and
 * no longer: at most `maxWaitMillis`, for a body nobody reads.
 */
export class ResourceTimings {
  readonly #maxWaitMillis: number;
  readonly #watches = new Set<Watch>();
  /** Entries already given to a fetch, so two fetches of one URL never share one. */
  readonly #used = new WeakSet<TimingEntry>();
  readonly #observer: PerformanceObserver;

  constructor(maxWaitMillis: number) {
    this.#maxWaitMillis = maxWaitMillis;
    this.#observer = new PerformanceObserver((list) => {
      this.#receive(list.getEntries() as unknown as TimingEntry[]);
    });
    this.#observer.observe({ type: 'resource' });
  }

  /** Starts watching for the entry of a fetch of `url` that is called now. */
  watch(url: string): TimingWatch {
    const watch: Watch = { url, since: performance.now() - CLOCK_SLACK_MS, seen: [], finish: undefined };
    this.#watches.add(watch);
    return {
      answered: () =>
        new Promise<TimingEntry | undefined>((resolve) => {
          const timer = setTimeout(() => watch.finish?.(), this.#maxWaitMillis);
          watch.finish = () => {
            clearTimeout(timer);
            this.#watches.delete(watch);
            // The earliest not given to another fetch: of two fetches of one
            // URL in flight, the one called first started first.
            const entry = watch.seen.filter((seen) => !this.#used.has(seen)).sort((a, b) => a.fetchStart - b.fetchStart)[0];
            if (entry !== undefined) this.#used.add(entry);
            resolve(entry);
          };
        }),
      cancel: () => {
        this.#watches.delete(watch);
      },
    };
  }

  disconnect(): void {
    this.#observer.disconnect();
    for (const watch of this.#watches) watch.finish?.();
    this.#watches.clear();
  }

  #receive(entries: readonly TimingEntry[]): void {
    for (const watch of [...this.#watches]) {
      const mine = entries.filter(
        (entry) => entry.initiatorType === 'fetch' && entry.name === watch.url && entry.fetchStart >= watch.since,
      );
      if (mine.length === 0) continue;
      watch.seen.push(...mine);
      // Before the answer, only another fetch's entry can come (one of the
      // same URL called since): this one's is reported once its body arrived.
      watch.finish?.();
    }
  }
}
