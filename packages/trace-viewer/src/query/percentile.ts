// Percentiles by nearest rank: the smallest value with at least p % of the
// values at or below it. Exact (Honeycomb estimates), always one of the
// values, and ties need no interpolation.

/**
 * The percentile of values sorted ascending, `thousandths` being the rank
 * in thousandths (P90 is 900, P999 is 999); null when there are none.
 */
export const percentileOfSorted = (sorted: ArrayLike<number>, thousandths: number): number | null => {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((thousandths * sorted.length) / 1000));
  return sorted[rank - 1] ?? null;
};
