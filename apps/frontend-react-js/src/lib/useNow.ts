import { useSyncExternalStore } from 'react';

const TICK_MS = 30_000;

// One shared clock: read fresh when the first component starts watching it,
// then every 30 s while any component is mounted.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

const tick = () => {
  now = Date.now();
  listeners.forEach((listener) => {
    listener();
  });
};

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
};

const getNow = (): number => now;

/** The current time, re-rendering its users every 30 s, for relative timestamps. */
export const useNow = (): number => useSyncExternalStore(subscribe, getNow);
