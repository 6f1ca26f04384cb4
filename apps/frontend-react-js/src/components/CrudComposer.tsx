import type { Activity } from '@cruddur/api-contract';
import { createContext, use, useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from 'react';
import { ActivityForm } from './ActivityForm';
import { Popup } from './Popup';

interface Composer {
  /** Opens the New crud popup, from any page. */
  open: () => void;
  /** Calls `listener` with each crud posted; returns a function that stops. */
  subscribe: (listener: (activity: Activity) => void) => () => void;
}

const ComposerContext = createContext<Composer | null>(null);

const useComposer = (): Composer => {
  const composer = use(ComposerContext);
  if (composer === null) throw new Error('the crud composer is used outside CrudComposerProvider');
  return composer;
};

/** What opens the New crud popup. */
export const useOpenComposer = (): (() => void) => useComposer().open;

/** Runs `onCreated` for each crud posted while the calling component is shown (the home feed puts it on top). */
export const useCreatedCruds = (onCreated: (activity: Activity) => void): void => {
  const { subscribe } = useComposer();
  const created = useEffectEvent(onCreated);
  useEffect(
    () =>
      subscribe((activity) => {
        created(activity);
      }),
    [subscribe],
  );
};

/**
 * The New crud popup, one for the whole layout, so the navigation's Crud
 * button posts from every page as the course's does.
 */
export const CrudComposerProvider = ({ children }: { children: ReactNode }) => {
  const [composing, setComposing] = useState(false);
  const listeners = useRef(new Set<(activity: Activity) => void>());
  const open = useCallback(() => {
    setComposing(true);
  }, []);
  const subscribe = useCallback((listener: (activity: Activity) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const composer = useMemo(() => ({ open, subscribe }), [open, subscribe]);

  return (
    <ComposerContext value={composer}>
      {children}
      {composing && (
        <Popup
          title="New crud"
          onClose={() => {
            setComposing(false);
          }}
        >
          <ActivityForm
            onCreated={(activity) => {
              for (const listener of listeners.current) listener(activity);
              setComposing(false);
            }}
          />
        </Popup>
      )}
    </ComposerContext>
  );
};
