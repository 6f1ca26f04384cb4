/**
 * Listens, in the capture phase, for clicks on an element carrying
 * `data-action` and submits of a `form[data-action]`, so each action opens
 * before the page's own handlers (React's) run in the same dispatch. Forms
 * are left to `submit`, or a click on their submit button would open the
 * action twice. Returns a function that stops listening.
 */
export const listenForActions = (
  root: Document | Element,
  begin: (name: string, event: Event) => void,
): (() => void) => {
  const onClick = (event: Event): void => {
    const element = event.target instanceof Element ? event.target.closest('[data-action]:not(form)') : null;
    if (element !== null && root.contains(element)) begin(element.getAttribute('data-action') ?? '', event);
  };
  const onSubmit = (event: Event): void => {
    const form = event.target;
    const name = form instanceof HTMLFormElement ? form.getAttribute('data-action') : null;
    if (name !== null) begin(name, event);
  };
  root.addEventListener('click', onClick, true);
  root.addEventListener('submit', onSubmit, true);
  return () => {
    root.removeEventListener('click', onClick, true);
    root.removeEventListener('submit', onSubmit, true);
  };
};
