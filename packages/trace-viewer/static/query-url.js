// @ts-check
// The query page's state lives in the address, so a query can be shared and
// the back button steps through what was run and clicked:
//   #/query?q=<specification JSON>&sel=<selection JSON>
// The selection is what POST /api/query/traces takes beside the query:
// {group} for a row, {group, time} for a point, {groups, time, range} for a
// heatmap cell.

/**
 * @typedef {Record<string, unknown>} QuerySpec
 * @typedef {{
 *   group?: Record<string, unknown>, groups?: Record<string, unknown>[], time?: string,
 *   range?: { column: string, min: number, max: number }
 * }} Selection
 * @typedef {{ spec: QuerySpec | undefined, selection: Selection | undefined, error: string | undefined }} QueryAddress
 */

export const QUERY_PATH = '#/query';

/** @param {string} hash */
export const isQueryHash = (hash) => hash === QUERY_PATH || hash.startsWith(`${QUERY_PATH}?`);

/**
 * @param {QuerySpec} spec
 * @param {Selection} [selection]
 */
export function queryHash(spec, selection) {
  const params = new URLSearchParams({ q: JSON.stringify(spec) });
  if (selection) params.set('sel', JSON.stringify(selection));
  return `${QUERY_PATH}?${params.toString()}`;
}

/** @param {string | null} json @param {string} name */
function readObject(json, name) {
  if (json === null) return undefined;
  /** @type {unknown} */
  let value;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`the address's ${name} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`the address's ${name} is not a JSON object`);
  return /** @type {Record<string, unknown>} */ (value);
}

/**
 * What a query address holds. A broken one (edited by hand, cut short in a
 * message) is reported, not thrown: the page says so and offers the builder.
 *
 * @param {string} hash
 * @returns {QueryAddress}
 */
export function readQueryHash(hash) {
  const params = new URLSearchParams(hash.slice(QUERY_PATH.length + 1));
  try {
    const spec = readObject(params.get('q'), 'query (q)');
    const selection = spec === undefined ? undefined : /** @type {Selection | undefined} */ (readObject(params.get('sel'), 'selection (sel)'));
    return { spec, selection, error: undefined };
  } catch (error) {
    return { spec: undefined, selection: undefined, error: /** @type {Error} */ (error).message };
  }
}
