// @ts-check
// Building the page from untrusted span data: every string becomes a text
// node or an attribute value, never markup.

/**
 * @typedef {Node | string | number | null | undefined | false} Child
 * @typedef {Record<string, string | number | boolean | undefined>} Props
 */

/**
 * An element with attributes and children. `on*` keys are not accepted, so
 * no handler is ever built from data; attach listeners after.
 *
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith('on')) throw new Error(`event handler attribute ${name} is not allowed`);
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

/** @param {Element} parent @param {...Child} children */
export function append(parent, ...children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A coloured chip naming a service. @param {string} service @param {string} color */
export function serviceChip(service, color) {
  const chip = el('span', { class: 'chip', title: service }, service);
  chip.style.setProperty('--service-color', color);
  return chip;
}
