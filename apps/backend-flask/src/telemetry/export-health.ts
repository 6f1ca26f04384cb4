import { DEFAULT_EXPORT_ERROR_INTERVAL_MS, ExportHealth, exportErrorIntervalMs, type FailureHints, type LineKind } from '@cruddur/export-health';

/** Where the API's lines about its telemetry destinations go: stderr, one line each. */
export const toStderr = (line: string): void => {
  console.error(line);
};

/**
 * CRUDDUR_EXPORT_ERROR_INTERVAL_MS for the exporters started before the app
 * (instrumentation.ts): a malformed value falls back to the default here, as
 * the app's own configuration then refuses to start naming the variable.
 */
export const telemetryIntervalMs = (env: NodeJS.ProcessEnv = process.env): number => {
  try {
    return exportErrorIntervalMs(env);
  } catch {
    return DEFAULT_EXPORT_ERROR_INTERVAL_MS;
  }
};

export interface DestinationHealth {
  readonly health: ExportHealth;
  readonly hints: FailureHints;
}

/** Every reporter made here, so shutdown can say what they have not said yet. */
const reporters = new Set<ExportHealth>();

/** A destination's reporter writing `backend-flask: export to <destination> …` lines to stderr (or `write`). */
export const destinationHealth = (
  destination: string,
  hints: FailureHints,
  { intervalMs = telemetryIntervalMs(), write = toStderr }: { intervalMs?: number; write?: (line: string, kind: LineKind) => void } = {},
): DestinationHealth => {
  const health = new ExportHealth({ destination, noun: hints.noun, prefix: 'backend-flask', write, intervalMs });
  reporters.add(health);
  return { health, hints };
};

/** What each exporter counts as dropped when the process exits before its exports end. */
const atExit = new Set<() => void>();

/** Registers `count`, run once at exit, to count a destination's exports still in flight as dropped. */
export const countUnfinishedAtExit = (count: () => void): void => {
  atExit.add(count);
};

/**
 * Counts the exports still in flight as dropped, then writes what every
 * reporter has not said yet. For a shutdown whose last export outlives its
 * budget: the exporters' own shutdown, which would say it, never runs then.
 */
export const flushExportHealth = (): void => {
  for (const count of atExit) count();
  atExit.clear();
  for (const health of reporters) health.flush();
};
