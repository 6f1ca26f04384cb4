/** The targets. */
export const GOALS = {
  homeRpsBOverAMin: 0.85,
  p99BOverAMax: 1.25,
  rpsBOverCMin: 1.5,
  startupBMinusAMaxMs: 150,
  webTracingMaxGzipBytes: 30_000,
  clickToTraceMedianMaxMs: 250,
  viewerQueryMedianMaxMs: 100,
  /** How far the store's byte estimate may stray from the heap it measures, as a fraction. */
  viewerEstimateMaxDeviation: 0.25,
} as const;

export interface GoalCheck {
  /** The target as written in the table, e.g. `B/A ≥ 0.85`. */
  readonly goal: string;
  /** The measured value it was checked against, formatted. */
  readonly measured: string;
  readonly pass: boolean;
}

/** A missing value (a ratio over zero, a measurement that did not happen) never passes. */
export const atLeast = (goal: string, value: number | undefined, min: number, measured: string): GoalCheck => ({
  goal,
  measured,
  pass: value !== undefined && value >= min,
});

export const atMost = (goal: string, value: number | undefined, max: number, measured: string): GoalCheck => ({
  goal,
  measured,
  pass: value !== undefined && value <= max,
});
