// @ts-check
// A query's answer reshaped for the charts: a column of values per group for
// each calculation, over the series' time buckets, and the heatmap's grid
// (every group shown, summed). Pure, so the arithmetic is unit-tested.

/**
 * @typedef {{ min_value: number | null, max_value: number | null, step_size: number | null, counts: number[] }} Heatmap
 * @typedef {Record<string, unknown>} Row
 * @typedef {{
 *   query: Record<string, unknown>, complete: boolean,
 *   data: { results: { data: Row }[], series: { time: string, data: Row }[] },
 *   window: { start_time: number, end_time: number, granularity: number }
 * }} QueryAnswer
 * @typedef {{ label: string, group: Record<string, unknown>, values: (number | null)[] }} Line
 * @typedef {{
 *   times: number[], granularity: number, min: number, step: number, buckets: number,
 *   counts: number[][], maxCount: number
 * }} HeatmapGrid counts[time][bucket]; times in epoch seconds, each a bucket's start
 */

export const NONE_LABEL = '(none)';

/** The breakdown values of a row: its group. @param {Row} data @param {string[]} breakdowns */
export const groupOf = (data, breakdowns) => Object.fromEntries(breakdowns.map((column) => [column, data[column] ?? null]));

/** How a group is named in legends and the table. @param {Record<string, unknown>} group */
export function groupLabel(group) {
  const values = Object.values(group);
  if (values.length === 0) return 'all spans';
  return values.map((value) => (value === null ? NONE_LABEL : typeof value === 'string' ? value : JSON.stringify(value))).join(' · ');
}

/** @param {Record<string, unknown>} group */
const groupKey = (group) => JSON.stringify(Object.values(group));

/** The series' bucket starts, in time order, epoch seconds. @param {QueryAnswer} answer */
export function seriesTimes(answer) {
  return [...new Set(answer.data.series.map((entry) => entry.time))].map((time) => Date.parse(time) / 1000).sort((a, b) => a - b);
}

/**
 * One line per result row (in the rows' order) of a calculation over time:
 * null where a bucket has no value.
 *
 * @param {QueryAnswer} answer
 * @param {string[]} breakdowns
 * @param {string} key a calculation's key, e.g. P90(duration_ms)
 * @returns {{ times: number[], lines: Line[] }}
 */
export function lineSeries(answer, breakdowns, key) {
  const times = seriesTimes(answer);
  const column = new Map(times.map((time, index) => [time, index]));
  /** @type {Map<string, Line>} */
  const lines = new Map();
  for (const { data } of answer.data.results) {
    const group = groupOf(data, breakdowns);
    lines.set(groupKey(group), { label: groupLabel(group), group, values: times.map(() => null) });
  }
  for (const entry of answer.data.series) {
    const line = lines.get(groupKey(groupOf(entry.data, breakdowns)));
    const index = column.get(Date.parse(entry.time) / 1000);
    const value = entry.data[key];
    if (line && index !== undefined && typeof value === 'number') line.values[index] = value;
  }
  return { times, lines: [...lines.values()] };
}

/** @param {unknown} value @returns {value is Heatmap} */
const isHeatmap = (value) => typeof value === 'object' && value !== null && 'counts' in value && Array.isArray(value.counts);

/**
 * The heatmap of every group shown, as one grid: the server gives all rows
 * and series entries of a query the same bucket layout, so the counts add up.
 * Undefined when no span had a value.
 *
 * @param {QueryAnswer} answer
 * @param {string} key e.g. HEATMAP(duration_ms)
 * @returns {HeatmapGrid | undefined}
 */
export function heatmapGrid(answer, key) {
  const layout = answer.data.results.map(({ data }) => data[key]).find((value) => isHeatmap(value) && value.step_size !== null);
  if (!isHeatmap(layout) || layout.min_value === null || layout.step_size === null) return undefined;
  const times = seriesTimes(answer);
  const column = new Map(times.map((time, index) => [time, index]));
  const buckets = layout.counts.length;
  const counts = times.map(() => new Array(buckets).fill(0));
  let maxCount = 0;
  for (const entry of answer.data.series) {
    const cell = entry.data[key];
    const row = counts[column.get(Date.parse(entry.time) / 1000) ?? -1];
    if (!row || !isHeatmap(cell)) continue;
    cell.counts.forEach((count, bucket) => {
      row[bucket] += count;
      maxCount = Math.max(maxCount, row[bucket]);
    });
  }
  return { times, granularity: answer.window.granularity, min: layout.min_value, step: layout.step_size, buckets, counts, maxCount };
}

/**
 * The cell under a point of the chart: by its time and value.
 *
 * @param {HeatmapGrid} grid
 * @param {number} timeS
 * @param {number} value
 * @returns {{ timeIndex: number, bucket: number, count: number } | undefined}
 */
export function cellAt(grid, timeS, value) {
  const timeIndex = grid.times.findIndex((start) => timeS >= start && timeS < start + grid.granularity);
  const bucket = Math.floor((value - grid.min) / grid.step + 1e-9);
  if (timeIndex < 0 || bucket < 0 || bucket >= grid.buckets) return undefined;
  return { timeIndex, bucket, count: grid.counts[timeIndex]?.[bucket] ?? 0 };
}

/** Drops binary noise (0.6000000000000001 → 0.6), as the server does for its bucket bounds. @param {number} value */
const clean = (value) => Number(value.toPrecision(12));

/** A cell's range of values: min included, max excluded. @param {HeatmapGrid} grid @param {number} bucket */
export const bucketRange = (grid, bucket) => ({ min: clean(grid.min + bucket * grid.step), max: clean(grid.min + (bucket + 1) * grid.step) });

/**
 * A cell's colour: empty cells are not drawn; the rest go from a faint to a
 * full teal by the square root of their count, so a cell of one span still
 * shows beside a cell of thousands.
 *
 * @param {number} count
 * @param {number} maxCount
 */
export function heatColor(count, maxCount) {
  if (count <= 0 || maxCount <= 0) return undefined;
  const strength = Math.sqrt(count / maxCount);
  return `rgba(56, 217, 199, ${(0.18 + 0.82 * strength).toFixed(3)})`;
}
