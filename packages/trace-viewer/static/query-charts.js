// @ts-check
// The answer's charts, drawn by uPlot on canvas: a line per group over time
// for each calculation, and the heatmap as cells on uPlot's own scales and
// axes (a draw hook fills them). A click on a point or a cell calls back with
// what it stands for; the page lists the traces behind it.

/** @import { HeatmapGrid, Line } from './chart-data.js' */
import { bucketRange, cellAt, heatColor } from './chart-data.js';
import { el } from './dom.js';
import { formatColumnValue as formatValue } from './format.js';

const HEIGHT = 220;
const LINE_COLORS = ['#b197fc', '#38d9c7', '#ffa94d', '#74c0fc', '#f783ac', '#a9e34b', '#ffd43b', '#e599f7'];
const AXIS = { stroke: '#a396bd', grid: { stroke: '#3a2a5580', width: 1 }, ticks: { stroke: '#3a2a55', width: 1 } };

/** The colour of a group's line, and of its swatch in the table. @param {number} index */
export const lineColor = (index) => /** @type {string} */ (LINE_COLORS[index % LINE_COLORS.length]);


/** Width of the charts' box, less its padding. @param {HTMLElement} box */
const widthOf = (box) => Math.max(320, box.clientWidth - 24);

/**
 * @typedef {{ box: HTMLElement, draw: () => void, destroy: () => void }} Chart
 * draw: once the box is in the page, so it has a width; the chart then follows the box's size
 */

/**
 * A chart in its own box.
 *
 * @param {string} title
 * @param {(box: HTMLElement) => uPlot} create
 * @param {string} [note] said under the title
 * @returns {Chart}
 */
function chartBox(title, create, note) {
  const box = el('figure', { class: 'chart' }, el('figcaption', {}, title), note === undefined ? null : el('p', { class: 'chart-readout' }, note));
  /** @type {uPlot | undefined} */
  let plot;
  const observer = new ResizeObserver(() => plot?.setSize({ width: widthOf(box), height: HEIGHT }));
  return {
    box,
    draw: () => {
      plot ??= create(box);
      observer.observe(box);
    },
    destroy: () => {
      observer.disconnect();
      plot?.destroy();
    },
  };
}

/**
 * @param {{
 *   title: string, note: string | undefined, column: string, times: number[], granularity: number, lines: Line[],
 *   onPoint: (line: Line, timeIndex: number) => void
 * }} chart
 */
export function lineChart({ title, note, column, times, granularity, lines, onPoint }) {
  const last = times.at(-1) ?? 0;
  return chartBox(title, (box) => {
    const plot = new uPlot(
      {
        width: widthOf(box),
        height: HEIGHT,
        scales: { x: { time: true, range: [times[0] ?? 0, last + granularity] } },
        axes: [AXIS, { ...AXIS, size: 70, values: (_u, values) => values.map((value) => formatValue(column, value)) }],
        series: [
          {},
          ...lines.map((line, index) => ({
            label: line.label,
            stroke: lineColor(index),
            width: 2,
            points: { show: true, size: 6, fill: lineColor(index) },
            value: (/** @type {uPlot} */ _u, /** @type {number | null} */ value) => (value === null ? '–' : formatValue(column, value)),
          })),
        ],
        cursor: { drag: { x: false, y: false }, points: { size: 8 } },
        legend: { live: true },
      },
      [times, ...lines.map((line) => line.values)],
      box,
    );
    const open = () => {
      const index = plot.cursor.idx;
      if (index === null || index === undefined) return;
      const line = nearestLine(plot, lines, index);
      if (line) onPoint(line, index);
    };
    plot.over.addEventListener('click', open);
    // From the last point of the first line: left and right along the line, up and down to the other lines there.
    let at = { line: 0, index: lastIndexWithValue(lines[0]?.values ?? []) };
    keyboardAccess(plot, `${title}: arrow keys move between points, Enter lists the traces of one`, open, (key) => {
      const next = stepPoint(lines, at, key);
      if (!next) return undefined;
      at = next;
      const value = lines[next.line]?.values[next.index];
      const time = times[next.index];
      if (value === null || value === undefined || time === undefined) return undefined;
      return { left: plot.valToPos(time, 'x'), top: plot.valToPos(value, 'y') };
    });
    return plot;
  }, note);
}

/** @param {(number | null)[]} values */
const lastIndexWithValue = (values) => values.findLastIndex((value) => value !== null);

/**
 * The point an arrow key moves to: the nearest one with a value, along the
 * line (left, right) or across the lines at the same time (up, down).
 *
 * @param {Line[]} lines
 * @param {{ line: number, index: number }} at
 * @param {string} key
 * @returns {{ line: number, index: number } | undefined}
 */
function stepPoint(lines, at, key) {
  const has = (/** @type {number} */ line, /** @type {number} */ index) => {
    const value = lines[line]?.values[index];
    return value !== null && value !== undefined;
  };
  const along = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0;
  const across = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : 0;
  const length = lines[at.line]?.values.length ?? 0;
  if (!has(at.line, at.index)) {
    const first = lines.findIndex((line) => lastIndexWithValue(line.values) >= 0);
    return first < 0 ? undefined : { line: first, index: lastIndexWithValue(lines[first]?.values ?? []) };
  }
  for (let index = at.index + along; along !== 0 && index >= 0 && index < length; index += along) {
    if (has(at.line, index)) return { line: at.line, index };
  }
  for (let line = at.line + across; across !== 0 && line >= 0 && line < lines.length; line += across) {
    if (has(line, at.index)) return { line, index: at.index };
  }
  return at;
}

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

/**
 * Keyboard access to a chart: its plot area takes focus, the arrow keys move
 * the cursor from point to point (or cell to cell) as the mouse would, and
 * Enter or Space opens what is under it, as a click does.
 *
 * @param {uPlot} plot
 * @param {string} label
 * @param {() => void} open
 * @param {(key: string) => { left: number, top: number } | undefined} step the cursor's next place, in CSS pixels of the plot area
 */
function keyboardAccess(plot, label, open, step) {
  const area = plot.over;
  area.tabIndex = 0;
  area.setAttribute('role', 'application');
  area.setAttribute('aria-label', label);
  const moveTo = (/** @type {string} */ key) => {
    const next = step(key);
    if (next) plot.setCursor(next);
  };
  // Focus shows the cursor where the keys start from, unless a press of the
  // pointer gave it: then the cursor stays where the pointer is, to be clicked.
  let pressed = false;
  area.addEventListener('pointerdown', () => (pressed = true));
  area.addEventListener('focus', () => {
    if (!pressed) moveTo('');
    pressed = false;
  });
  area.addEventListener('pointerup', () => (pressed = false));
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    } else if (ARROWS.includes(event.key)) {
      event.preventDefault();
      moveTo(event.key);
    }
  });
}

/** The line whose point at `index` is nearest the cursor, of those with a value there. @param {uPlot} plot @param {Line[]} lines @param {number} index */
function nearestLine(plot, lines, index) {
  const top = plot.cursor.top ?? 0;
  let best;
  let bestDistance = Infinity;
  lines.forEach((line, i) => {
    const value = line.values[index];
    if (value === null || value === undefined || plot.series[i + 1]?.show === false) return;
    const distance = Math.abs(plot.valToPos(value, 'y') - top);
    if (distance < bestDistance) [best, bestDistance] = [line, distance];
  });
  return best;
}

/**
 * The heatmap: one cell per time bucket and value bucket, coloured by its
 * count. Its scales are exactly the grid's extent, written on the figure as
 * data attributes so a test can find a cell's pixel.
 *
 * @param {{
 *   title: string, column: string, grid: HeatmapGrid,
 *   onCell: (timeIndex: number, range: { min: number, max: number }) => void
 * }} chart
 */
export function heatmapChart({ title, column, grid, onCell }) {
  const xMin = grid.times[0] ?? 0;
  const xMax = (grid.times.at(-1) ?? 0) + grid.granularity;
  const yMax = grid.min + grid.buckets * grid.step;
  const readout = el('p', { class: 'chart-readout', 'aria-live': 'polite' }, 'Hover a cell; click it for its traces.');
  /** @type {(plot: uPlot) => ReturnType<typeof cellAt>} */
  const cellUnderCursor = (plot) => {
    const { left, top } = plot.cursor;
    if (left === undefined || top === undefined || left < 0 || top < 0) return undefined;
    return cellAt(grid, plot.posToVal(left, 'x'), plot.posToVal(top, 'y'));
  };
  const chart = chartBox(title, (box) => {
    box.append(readout);
    const plot = new uPlot(
      {
        width: widthOf(box),
        height: HEIGHT,
        scales: { x: { time: true, range: [xMin, xMax] }, y: { range: [grid.min, yMax] } },
        axes: [AXIS, { ...AXIS, size: 70, values: (_u, values) => values.map((value) => formatValue(column, value)) }],
        // A series of no values: the cells are drawn by the hook below.
        series: [{}, { label: title, stroke: 'transparent', points: { show: false } }],
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        legend: { show: false },
        hooks: {
          draw: [(u) => drawCells(u, grid)],
          setCursor: [
            (u) => {
              const cell = cellUnderCursor(u);
              readout.textContent = cell ? describeCell(grid, column, cell) : 'Hover a cell; click it for its traces.';
            },
          ],
        },
      },
      [grid.times, grid.times.map(() => null)],
      box,
    );
    const open = () => {
      const cell = cellUnderCursor(plot);
      if (cell && cell.count > 0) onCell(cell.timeIndex, bucketRange(grid, cell.bucket));
    };
    plot.over.addEventListener('click', open);
    // From the fullest cell, a cell a key.
    let at = fullestCell(grid);
    keyboardAccess(plot, `${title}: arrow keys move between cells, Enter lists the traces of one`, open, (key) => {
      const dx = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0;
      const dy = key === 'ArrowDown' ? -1 : key === 'ArrowUp' ? 1 : 0;
      at = {
        timeIndex: Math.min(grid.times.length - 1, Math.max(0, at.timeIndex + dx)),
        bucket: Math.min(grid.buckets - 1, Math.max(0, at.bucket + dy)),
      };
      const { min, max } = bucketRange(grid, at.bucket);
      const start = grid.times[at.timeIndex] ?? 0;
      return { left: plot.valToPos(start + grid.granularity / 2, 'x'), top: plot.valToPos((min + max) / 2, 'y') };
    });
    return plot;
  });
  Object.assign(chart.box.dataset, { xMin: String(xMin), xMax: String(xMax), yMin: String(grid.min), yMax: String(yMax) });
  chart.box.classList.add('heatmap');
  return chart;
}

/** The cell with the most spans (the first of them). @param {HeatmapGrid} grid */
function fullestCell(grid) {
  let best = { timeIndex: 0, bucket: 0, count: -1 };
  grid.counts.forEach((row, timeIndex) =>
    row.forEach((count, bucket) => {
      if (count > best.count) best = { timeIndex, bucket, count };
    }),
  );
  return { timeIndex: best.timeIndex, bucket: best.bucket };
}

/** @param {HeatmapGrid} grid @param {string} column @param {{ timeIndex: number, bucket: number, count: number }} cell */
function describeCell(grid, column, cell) {
  const { min, max } = bucketRange(grid, cell.bucket);
  const start = new Date((grid.times[cell.timeIndex] ?? 0) * 1000).toLocaleTimeString();
  return `${String(cell.count)} span${cell.count === 1 ? '' : 's'} from ${formatValue(column, min)} to ${formatValue(column, max)}, at ${start}`;
}

/** @param {uPlot} u @param {HeatmapGrid} grid */
function drawCells(u, grid) {
  const { ctx } = u;
  ctx.save();
  ctx.beginPath();
  ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  ctx.clip();
  grid.times.forEach((start, timeIndex) => {
    const x0 = u.valToPos(start, 'x', true);
    const x1 = u.valToPos(start + grid.granularity, 'x', true);
    grid.counts[timeIndex]?.forEach((count, bucket) => {
      const color = heatColor(count, grid.maxCount);
      if (!color) return;
      const { min, max } = bucketRange(grid, bucket);
      const y0 = u.valToPos(max, 'y', true);
      const y1 = u.valToPos(min, 'y', true);
      ctx.fillStyle = color;
      // A pixel's gap between cells keeps the grid readable.
      ctx.fillRect(x0, y0, Math.max(1, x1 - x0 - 1), Math.max(1, y1 - y0 - 1));
    });
  });
  ctx.restore();
}
