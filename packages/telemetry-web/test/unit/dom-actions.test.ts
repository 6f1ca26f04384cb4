// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listenForActions } from '../../src/dom-actions.js';

let begun: string[];
let stop: () => void;

beforeEach(() => {
  document.body.innerHTML = `
    <nav data-action="open-home"><a href="#"><svg><path id="icon"></path></svg><span id="label">Home</span></a></nav>
    <form data-action="post-crud"><textarea></textarea><button id="crud" type="submit">Crud</button></form>
    <button id="plain">Plain</button>
    <div id="inner-root"><button id="inner" data-action="search">Search</button></div>
  `;
  begun = [];
});

afterEach(() => {
  stop();
});

const listen = (root: Document | Element = document): void => {
  stop = listenForActions(root, (name) => {
    begun.push(name);
  });
};

const click = (id: string): void => {
  document.getElementById(id)?.click();
};

describe('listenForActions', () => {
  it('opens the action of the closest [data-action] element of a click', () => {
    listen();
    click('label');
    document.getElementById('icon')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(begun).toEqual(['open-home', 'open-home']);
  });

  it('opens a form’s action once on submit, not again for the click on its button', () => {
    listen();
    const form = document.querySelector('form');
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
    });
    click('crud');
    expect(begun).toEqual(['post-crud']);
  });

  it('runs before the page’s own handlers, in the same dispatch', () => {
    listen();
    const order: string[] = [];
    document.getElementById('inner')?.addEventListener('click', () => order.push(`handler after ${begun.join()}`));
    click('inner');
    expect(order).toEqual(['handler after search']);
  });

  it('ignores clicks outside any [data-action] element', () => {
    listen();
    click('plain');
    expect(begun).toEqual([]);
  });

  it('keeps to its root', () => {
    listen(document.getElementById('inner-root') as Element);
    click('label');
    click('inner');
    expect(begun).toEqual(['search']);
  });

  it('stops listening', () => {
    const spy = vi.fn();
    stop = listenForActions(document, spy);
    stop();
    click('label');
    expect(spy).not.toHaveBeenCalled();
  });
});
