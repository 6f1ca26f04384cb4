import { useEffect, useEffectEvent, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './Popup.css';

interface PopupProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog over the page; Escape, the close button or a click outside
 * dismisses it. Focus moves to its first field, and back to whatever opened
 * it on close.
 */
export const Popup = ({ title, onClose, children }: PopupProps) => {
  const titleId = useId();
  const close = useEffectEvent(onClose);
  const dialog = useRef<HTMLDivElement>(null);
  // Read while rendering, before focus moves into the dialog.
  const [opener] = useState(() => document.activeElement);

  // Layout effect: focus moves in the same commit that shows or removes the dialog.
  useLayoutEffect(() => {
    const field = dialog.current?.querySelector<HTMLElement>('textarea, input, select');
    (field ?? dialog.current)?.focus();
    return () => {
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, [opener]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return createPortal(
    <div
      className="popup_backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div ref={dialog} className="popup" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <header className="popup_header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="popup_close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>,
    document.body,
  );
};
