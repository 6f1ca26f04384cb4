// @ts-check
// The answer's groups as a table: a row per result, its breakdown values and
// its numbers (HEATMAP aside: the chart shows it), with the swatch of its
// line. A row is a button: it lists the traces behind it.

/** @import { QueryAnswer } from './chart-data.js' */
import { groupLabel, groupOf, NONE_LABEL } from './chart-data.js';
import { el } from './dom.js';
import { lineColor } from './query-charts.js';

/** A number as the table prints it: six significant digits, the exact value in its title. @param {unknown} value */
export function formatCell(value) {
  if (value === null || value === undefined) return NONE_LABEL;
  if (typeof value === 'number') return String(Number(value.toPrecision(6)));
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * @param {QueryAnswer} answer
 * @param {string[]} breakdowns
 * @param {string[]} keys the calculations' keys, HEATMAP left out
 * @param {(group: Record<string, unknown>) => void} onRow
 */
export function groupsTable(answer, breakdowns, keys, onRow) {
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, el('span', { class: 'sr-only' }, 'Line')),
    ...breakdowns.map((column) => el('th', { scope: 'col' }, column)),
    ...keys.map((key) => el('th', { scope: 'col', class: 'num' }, key)),
  );
  const rows = answer.data.results.map(({ data }, index) => {
    const group = groupOf(data, breakdowns);
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = lineColor(index);
    const row = el(
      'tr',
      { class: 'group-row', tabindex: 0, role: 'button', 'aria-label': `Traces of ${groupLabel(group)}`, 'data-group': JSON.stringify(group) },
      el('td', {}, swatch),
      ...breakdowns.map((column) => el('td', {}, formatCell(data[column]))),
      ...keys.map((key) => {
        const value = data[key];
        return el('td', { class: 'num', 'data-key': key, 'data-value': JSON.stringify(value ?? null), title: String(value) }, formatCell(value));
      }),
    );
    const open = () => onRow(group);
    row.addEventListener('click', open);
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
    return row;
  });
  return el('table', { class: 'groups', 'aria-label': 'Groups' }, el('thead', {}, head), el('tbody', {}, ...rows));
}
