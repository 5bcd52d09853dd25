import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useCallback, useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModalDialog } from './modal-dialog';

afterEach(cleanup);

/** A page with a button that opens the dialog, as the export and reset-password buttons do. */
function Page({
  onClose = () => {},
  useInitialFocus = false,
  useReturnFocus = false,
}: {
  onClose?: () => void;
  useInitialFocus?: boolean;
  useReturnFocus?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const second = useRef<HTMLInputElement>(null);
  const elsewhere = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    onClose();
    setOpen(false);
  }, [onClose]);
  return (
    <main>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Open
      </button>
      <button ref={elsewhere} type="button">
        Elsewhere
      </button>
      {open ? (
        <ModalDialog
          title="Rename the table"
          describedBy="intro"
          onClose={close}
          className="rename-dialog"
          {...(useInitialFocus ? { initialFocus: second } : {})}
          {...(useReturnFocus ? { returnFocus: elsewhere } : {})}
        >
          <p id="intro">Give the table a new name.</p>
          <label>
            Name <input />
          </label>
          <label>
            Code <input ref={second} />
          </label>
          <button type="button" disabled>
            Save
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </ModalDialog>
      ) : null}
    </main>
  );
}

function open() {
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  fireEvent.click(opener);
  const dialog = screen.getByRole('dialog', { name: 'Rename the table' });
  return { opener, dialog };
}

describe('the modal dialog', () => {
  it('is a labelled, described modal dialog over the page, with focus on its first control', () => {
    render(<Page />);
    const { dialog } = open();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Rename the table');
    const described = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('Give the table a new name.');
    expect(dialog.className).toBe('modal-dialog rename-dialog');
    // Outside the page's tree, so that the page can go inert without it.
    expect(dialog.closest('main')).toBeNull();
    expect(dialog.parentElement?.className).toBe('modal-dialog-backdrop');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Name'));
  });

  it('makes the page behind inert while open, and gives it back on closing', async () => {
    // Something already inert before the dialog opens stays so after it closes.
    const aside = document.createElement('aside');
    aside.setAttribute('inert', '');
    document.body.append(aside);
    try {
      render(<Page />);
      const { opener, dialog } = open();
      expect(opener.closest('[inert]')).not.toBeNull();
      expect(dialog.closest('[inert]')).toBeNull();
      fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(opener.closest('[inert]')).toBeNull();
      expect(aside.hasAttribute('inert')).toBe(true);
    } finally {
      aside.remove();
    }
  });

  it('keeps Tab and Shift+Tab inside, skipping disabled controls', () => {
    render(<Page />);
    const { dialog } = open();
    const first = within(dialog).getByLabelText('Name');
    const code = within(dialog).getByLabelText('Code');
    const last = within(dialog).getByRole('button', { name: 'Cancel' });

    last.focus();
    expect(fireEvent.keyDown(last, { key: 'Tab' })).toBe(false);
    expect(document.activeElement).toBe(first);

    expect(fireEvent.keyDown(first, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(last);

    // In the middle the browser moves focus itself: the dialog leaves the key alone.
    code.focus();
    expect(fireEvent.keyDown(code, { key: 'Tab' })).toBe(true);
    expect(fireEvent.keyDown(code, { key: 'Tab', shiftKey: true })).toBe(true);
    expect(document.activeElement).toBe(code);

    // Focus lost from the controls (on the page's body): Tab and Shift+Tab bring it back in.
    code.blur();
    expect(document.activeElement).toBe(document.body);
    expect(fireEvent.keyDown(dialog, { key: 'Tab' })).toBe(false);
    expect(document.activeElement).toBe(first);
    first.blur();
    expect(fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(last);
  });

  it('closes with Esc from anywhere and gives the focus back to the opener', async () => {
    const onClose = vi.fn();
    render(<Page onClose={onClose} />);
    const { opener } = open();
    expect(fireEvent.keyDown(document, { key: 'Escape' })).toBe(false);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(opener);
    // Closed, Esc is the page's again.
    expect(fireEvent.keyDown(document, { key: 'Escape' })).toBe(true);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('starts and ends focus where the caller says', async () => {
    render(<Page useInitialFocus useReturnFocus />);
    const { dialog } = open();
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Code'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Elsewhere' }));
  });
});
