// @ts-check
// Re-run a task every few seconds while the tab is visible, reporting whether
// the viewer answered so the header can say "live" or "offline".

export const POLL_INTERVAL_MS = 2000;

/**
 * @param {() => Promise<void>} task
 * @param {(ok: boolean) => void} onStatus
 * @returns {() => void} stops polling
 */
export function startPolling(task, onStatus) {
  let stopped = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const run = async () => {
    if (!document.hidden) {
      try {
        await task();
        if (!stopped) onStatus(true);
      } catch {
        if (!stopped) onStatus(false);
      }
    }
    if (!stopped) timer = setTimeout(() => void run(), POLL_INTERVAL_MS);
  };
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
