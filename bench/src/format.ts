const grouped = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A number with thousands separators and a fixed count of decimals; `—` when missing. */
export const formatNumber = (value: number | undefined, digits = 0): string =>
  value === undefined || !Number.isFinite(value) ? '—' : grouped(digits).format(value);

/** A ratio as `0.93×`. */
export const formatRatio = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}×`;

/** Bytes as kilobytes of 1,000 bytes, one decimal: budgets are stated that way. */
export const formatKb = (bytes: number | undefined): string =>
  bytes === undefined ? '—' : formatNumber(bytes / 1000, 1);

/** A signed difference, e.g. `+62 ms`. */
export const formatDelta = (value: number, unit: string): string =>
  `${value >= 0 ? '+' : '−'}${formatNumber(Math.abs(value))} ${unit}`;
