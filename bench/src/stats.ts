/** The middle value (mean of the two middle ones for an even count). */
export const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * The nearest-rank percentile of values already sorted ascending: the
 * smallest value with at least p % of the values at or below it.
 */
export const percentileOfSorted = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) throw new Error('percentile of no values');
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
};

/** numerator / denominator, or undefined when the denominator is zero. */
export const ratio = (numerator: number, denominator: number): number | undefined =>
  denominator === 0 ? undefined : numerator / denominator;

/** (max − min) / median: how far apart the rounds were, as a fraction of the median. */
export const relativeSpread = (values: readonly number[]): number => {
  const mid = median(values);
  return mid === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / mid;
};
