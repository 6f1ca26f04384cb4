// @ts-check
// The query builder: Honeycomb's clauses (VISUALIZE, WHERE, GROUP BY, ORDER
// BY, LIMIT and the time range) as rows of fields. Column fields suggest the
// columns the stored spans have. Typing edits the clauses in place; adding or
// removing a row, or changing a calculation's op, redraws the builder.

/** @import { QueryForm } from './query-form.js' */
import { el } from './dom.js';
import { CALCULATION_OPS, calculationKey, FILTER_OPS, NO_VALUE_OPS, specFromForm, TIME_RANGES } from './query-form.js';

export const COLUMNS_LIST_ID = 'query-columns';

/**
 * @param {string[]} options
 * @param {string} value
 * @param {string} label
 */
function select(options, value, label) {
  const field = el('select', { 'aria-label': label });
  for (const option of options) field.append(el('option', { value: option, selected: option === value }, option));
  return field;
}

/** @param {string} value @param {string} label @param {string} [placeholder] */
const columnInput = (value, label, placeholder = 'column') =>
  el('input', { type: 'text', value, list: COLUMNS_LIST_ID, 'aria-label': label, placeholder, autocomplete: 'off', spellcheck: 'false' });

/** @param {string} label */
const removeButton = (label) => el('button', { type: 'button', class: 'remove', 'aria-label': label, title: label }, '×');

/** @param {string} label @param {string} text */
const addButton = (label, text) => el('button', { type: 'button', class: 'add', 'aria-label': label }, text);

/**
 * @param {string} name
 * @param {string} hint
 * @param {...(Node | null)} items
 */
const clause = (name, hint, ...items) =>
  el('div', { class: 'clause' }, el('div', { class: 'clause-name', title: hint }, name), el('div', { class: 'clause-items' }, ...items));

/**
 * @param {HTMLElement} container
 * @param {QueryForm} form edited in place
 * @param {{ onRun: (spec: Record<string, unknown>) => void }} handlers
 * @returns {{ showError: (message: string | undefined) => void }}
 */
export function mountBuilder(container, form, { onRun }) {
  const error = el('p', { class: 'query-error', role: 'alert', hidden: true });

  const render = () => {
    const calculations = form.calculations.map((calc, i) => {
      const n = String(i + 1);
      const op = select(CALCULATION_OPS, calc.op, `Calculation ${n} op`);
      const column = columnInput(calc.column, `Calculation ${n} column`);
      column.disabled = calc.op === 'COUNT';
      op.addEventListener('change', () => {
        calc.op = op.value;
        render();
      });
      column.addEventListener('input', () => {
        calc.column = column.value;
        refreshOrderChoices();
      });
      const remove = removeButton(`Remove calculation ${n}`);
      remove.addEventListener('click', () => {
        form.calculations.splice(i, 1);
        render();
      });
      return el('span', { class: 'item' }, op, column, remove);
    });
    const addCalculation = addButton('Add calculation', '+');
    addCalculation.addEventListener('click', () => {
      form.calculations.push({ op: 'COUNT', column: '' });
      render();
    });

    const filters = form.filters.map((filter, i) => {
      const n = String(i + 1);
      const column = columnInput(filter.column, `Filter ${n} column`);
      const op = select(FILTER_OPS, filter.op, `Filter ${n} op`);
      const value = el('input', { type: 'text', value: filter.value, 'aria-label': `Filter ${n} value`, placeholder: 'value', spellcheck: 'false' });
      value.hidden = NO_VALUE_OPS.includes(filter.op);
      column.addEventListener('input', () => (filter.column = column.value));
      op.addEventListener('change', () => {
        filter.op = op.value;
        value.hidden = NO_VALUE_OPS.includes(filter.op);
      });
      value.addEventListener('input', () => (filter.value = value.value));
      const remove = removeButton(`Remove filter ${n}`);
      remove.addEventListener('click', () => {
        form.filters.splice(i, 1);
        render();
      });
      return el('span', { class: 'item' }, column, op, value, remove);
    });
    const combination = select(['AND', 'OR'], form.combination, 'Combine filters with');
    combination.hidden = form.filters.length < 2;
    combination.addEventListener('change', () => (form.combination = combination.value === 'OR' ? 'OR' : 'AND'));
    const addFilter = addButton('Add filter', '+');
    addFilter.addEventListener('click', () => {
      form.filters.push({ column: '', op: '=', value: '' });
      render();
    });

    const breakdowns = form.breakdowns.map((breakdown, i) => {
      const n = String(i + 1);
      const column = columnInput(breakdown, `Group by ${n}`);
      column.addEventListener('input', () => {
        form.breakdowns[i] = column.value;
        refreshOrderChoices();
      });
      const remove = removeButton(`Remove group by ${n}`);
      remove.addEventListener('click', () => {
        form.breakdowns.splice(i, 1);
        render();
      });
      return el('span', { class: 'item' }, column, remove);
    });
    const addBreakdown = addButton('Add group by', '+');
    addBreakdown.addEventListener('click', () => {
      form.breakdowns.push('');
      render();
    });

    const limit = el('input', { type: 'number', min: 1, max: 1000, value: form.limit, placeholder: '100', 'aria-label': 'Limit' });
    limit.addEventListener('input', () => (form.limit = limit.value));

    const time = timeSelect(form);
    const run = el('button', { type: 'submit', class: 'run' }, 'Run query');

    container.replaceChildren(
      el(
        'form',
        { class: 'query-builder', 'aria-label': 'Query builder' },
        clause('VISUALIZE', 'What to calculate', ...calculations, addCalculation),
        clause('WHERE', 'Which spans', ...filters, combination, addFilter),
        clause('GROUP BY', 'Break results down by these columns', ...breakdowns, addBreakdown),
        el('div', { class: 'clause', id: 'order-clause' }),
        clause('LIMIT', 'Groups shown', limit),
        clause('TIME', 'Spans that started in', time),
        el('div', { class: 'builder-actions' }, run, error),
      ),
    );
    const formElement = /** @type {HTMLFormElement} */ (container.firstChild);
    formElement.addEventListener('submit', (event) => {
      event.preventDefault();
      onRun(specFromForm(form));
    });
    renderOrders();
  };

  // ORDER BY offers the calculations (but HEATMAP) and the breakdowns as they
  // are typed. Typing only refreshes its choices: redrawing the clause would
  // replace its buttons under a click that starts as a column field blurs.
  const orderChoices = () => [
    ...form.calculations.filter((calc) => calc.op !== 'HEATMAP').map((calc) => orderChoice(calc.op, calc.column)),
    ...form.breakdowns.filter((column) => column.trim() !== '').map((column) => orderChoice('', column)),
  ];
  /** @type {{ order: QueryForm['orders'][number], by: HTMLSelectElement }[]} */
  let orderFields = [];
  /** @type {HTMLButtonElement | undefined} */
  let addOrder;

  function refreshOrderChoices() {
    const choices = orderChoices();
    for (const { order, by } of orderFields) {
      const current = orderChoice(order.op, order.column);
      const options = choices.some(([value]) => value === current[0]) ? choices : [current, ...choices];
      by.replaceChildren(...options.map(([value, label]) => el('option', { value, selected: value === current[0] }, label)));
    }
    if (addOrder) addOrder.disabled = choices.length === 0;
  }

  function renderOrders() {
    const slot = container.querySelector('#order-clause');
    if (!slot) return;
    orderFields = [];
    const items = form.orders.map((order, i) => {
      const n = String(i + 1);
      const by = el('select', { 'aria-label': `Order ${n} by` });
      orderFields.push({ order, by });
      by.addEventListener('change', () => Object.assign(order, JSON.parse(by.value)));
      const direction = select(['descending', 'ascending'], order.descending ? 'descending' : 'ascending', `Order ${n} direction`);
      direction.addEventListener('change', () => (order.descending = direction.value === 'descending'));
      const remove = removeButton(`Remove order ${n}`);
      remove.addEventListener('click', () => {
        form.orders.splice(i, 1);
        renderOrders();
      });
      return el('span', { class: 'item' }, by, direction, remove);
    });
    const add = addButton('Add order', '+');
    addOrder = add;
    add.addEventListener('click', () => {
      const [first] = orderChoices();
      if (!first) return;
      form.orders.push({ ...JSON.parse(first[0]), descending: true });
      renderOrders();
    });
    slot.replaceChildren(
      el('div', { class: 'clause-name', title: 'Order of the groups' }, 'ORDER BY'),
      el('div', { class: 'clause-items' }, ...items, add),
    );
    refreshOrderChoices();
  }

  render();
  const showError = (/** @type {string | undefined} */ message) => {
    const node = container.querySelector('.query-error');
    if (!(node instanceof HTMLElement)) return;
    node.hidden = message === undefined;
    node.textContent = message ?? '';
  };
  return { showError };
}

/** An ORDER BY choice: its value (the order's op and column, as JSON) and its label. @param {string} op @param {string} column @returns {[string, string]} */
const orderChoice = (op, column) => [
  JSON.stringify({ op, column: op === 'COUNT' ? '' : column }),
  op === '' ? column : calculationKey(op, column),
];

/** The time range: the usual relative ranges, or the absolute one a shared query carried. @param {QueryForm} form */
function timeSelect(form) {
  const field = el('select', { 'aria-label': 'Time range' });
  const { start_time: start, end_time: end } = form.fixedTime;
  if (start !== undefined && end !== undefined) {
    const label = `${new Date(start * 1000).toLocaleString()} – ${new Date(end * 1000).toLocaleString()}`;
    field.append(el('option', { value: 'fixed', selected: true }, label));
  }
  for (const [seconds, label] of TIME_RANGES) {
    field.append(el('option', { value: seconds, selected: start === undefined && seconds === form.timeRange }, label));
  }
  if (start === undefined && !TIME_RANGES.some(([seconds]) => seconds === form.timeRange)) {
    field.append(el('option', { value: form.timeRange, selected: true }, `Last ${String(form.timeRange)} s`));
  }
  const fixed = form.fixedTime;
  field.addEventListener('change', () => {
    if (field.value === 'fixed') {
      form.fixedTime = fixed;
      return;
    }
    form.timeRange = Number(field.value);
    form.fixedTime = {};
  });
  return field;
}
