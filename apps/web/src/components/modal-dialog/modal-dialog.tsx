// The one modal dialog of the web client (the export dialog, the reset-password dialog): a
// centred sheet over a dimmed page. While it is mounted the rest of the page is inert, focus
// starts inside and Tab and Shift+Tab keep it there, Esc closes from anywhere, and on unmount the
// page comes back and focus returns to what had it before (the opener).

import {
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useRef,
} from 'react';
import { createPortal } from 'react-dom';
import './modal-dialog.css';

const focusableSelector =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The controls Tab can reach inside `root`, in document order. */
export function focusables(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>(focusableSelector)].filter(
    (el) => !el.hidden && el.getAttribute('aria-hidden') !== 'true',
  );
}

export interface ModalDialogProps {
  /** The heading, shown as the dialog's h2 and its accessible name (aria-labelledby). */
  title: ReactNode;
  /** The id of the text that describes the dialog (aria-describedby), if any. */
  describedBy?: string;
  /** Called on Esc; the caller unmounts the dialog to close it. */
  onClose: () => void;
  /** Where focus goes on opening; the first control inside when not given. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Where focus goes on closing; the element that had focus on opening when not given. */
  returnFocus?: RefObject<HTMLElement | null>;
  /** Extra classes on the dialog sheet, for the caller's own layout. */
  className?: string;
  children: ReactNode;
}

export function ModalDialog({
  title,
  describedBy,
  onClose,
  initialFocus,
  returnFocus,
  className,
  children,
}: ModalDialogProps) {
  const titleId = `${useId()}-title`;
  const backdrop = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  // Open: the rest of the page goes inert and focus moves in; close: both come back.
  // biome-ignore lint/correctness/useExhaustiveDependencies: opening and closing happen once each, on mount and unmount.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const others = [...document.body.children].filter(
      (el): el is HTMLElement =>
        el instanceof HTMLElement && el !== backdrop.current && !el.hasAttribute('inert'),
    );
    for (const el of others) el.setAttribute('inert', '');
    (initialFocus?.current ?? focusables(dialog.current)[0])?.focus();
    return () => {
      for (const el of others) el.removeAttribute('inert');
      (returnFocus?.current ?? opener)?.focus();
    };
  }, []);

  // Esc closes even when focus sits on the dialog's text rather than a control.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const trapTab = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab') return;
    const items = focusables(dialog.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.current?.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.current?.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div ref={backdrop} className="modal-dialog-backdrop">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        className={className ? `modal-dialog ${className}` : 'modal-dialog'}
        onKeyDown={trapTab}
      >
        <h2 id={titleId} className="modal-dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
