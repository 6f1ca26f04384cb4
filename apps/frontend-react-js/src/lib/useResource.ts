import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'success'; data: T };

export interface Resource<T> {
  state: ResourceState<T>;
  /** Loads again after a failure (or to refresh). */
  retry: () => void;
  /** Changes the loaded data in place, e.g. to put a new crud on top. */
  update: (change: (data: T) => T) => void;
}

interface Settled<T> {
  key: string;
  attempt: number;
  state: ResourceState<T>;
}

const LOADING = { status: 'loading' } as const;

/**
 * Loads data for `key` when it changes (or on retry); earlier requests are
 * aborted, so only the answer for the current key and attempt is shown.
 */
export const useResource = <T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> => {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const loadCurrent = useEffectEvent(load);

  useEffect(() => {
    const controller = new AbortController();
    const settle = (state: ResourceState<T>) => {
      if (!controller.signal.aborted) setSettled({ key, attempt, state });
    };
    loadCurrent(controller.signal).then(
      (data) => {
        settle({ status: 'success', data });
      },
      (error: unknown) => {
        settle({ status: 'error', error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [key, attempt]);

  const retry = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  const update = useCallback((change: (data: T) => T) => {
    setSettled((previous) =>
      previous?.state.status === 'success'
        ? { ...previous, state: { status: 'success', data: change(previous.state.data) } }
        : previous,
    );
  }, []);

  const current = settled !== null && settled.key === key && settled.attempt === attempt;
  return { state: current ? settled.state : LOADING, retry, update };
};
