import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminUser } from '../../api/admin-api';
import {
  authRoutes,
  type FakeApi,
  type FakeResponse,
  fakeApi,
  holdRefreshCookie,
  testUser,
} from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

const at = '2025-01-01T00:00:00.000Z';
const samId = 'c1c1c1c1-0000-4000-8000-000000000001';
const sam: AdminUser = {
  id: samId,
  email: 'sam@example.org',
  name: 'Sam Member',
  locale: 'en',
  disabledAt: null,
  createdAt: at,
  roles: [],
};
const ada: AdminUser = { ...testUser, locale: 'en', disabledAt: null, createdAt: at };

let api: FakeApi;

/** POST /users/:id/password as the API answers it: the policy's refusal, else 204. */
function resetRoute() {
  return ({ body }: { body: unknown }): FakeResponse => {
    const { password } = body as { password: string };
    if (password.toLowerCase().includes('sam')) {
      return {
        status: 422,
        body: {
          error: {
            code: 'WEAK_PASSWORD',
            message: 'The password must not contain the email address or its name part',
            details: { rule: 'contains_email' },
          },
        },
      };
    }
    return { status: 204 };
  };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  holdRefreshCookie();
  document.documentElement.lang = 'en';
  api = fakeApi({
    ...authRoutes(),
    'GET /api/v1/organizations': () => ({ status: 200, body: { items: [], total: 0 } }),
    'GET /api/v1/tables': () => ({ status: 200, body: { items: [], total: 0 } }),
    'GET /api/v1/users': () => ({ status: 200, body: { items: [ada, sam], total: 2 } }),
    [`POST /api/v1/users/${samId}/password`]: resetRoute(),
  });
  vi.stubGlobal('fetch', api.fetch);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const resetCalls = () => api.calls.filter((c) => c.path.endsWith('/password'));

async function openDialog() {
  renderApp(`/admin/users/${samId}`);
  const detail = await screen.findByRole('region', { name: /Sam Member/ });
  const opener = within(detail).getByRole('button', { name: 'Reset password' });
  expect(opener.getAttribute('aria-haspopup')).toBe('dialog');
  opener.focus();
  fireEvent.click(opener);
  const dialog = await screen.findByRole('dialog', { name: 'Reset the password of Sam Member' });
  return { dialog, opener };
}

function fill(dialog: HTMLElement, password: string, confirm: string) {
  fireEvent.change(within(dialog).getByLabelText('New password'), {
    target: { value: password },
  });
  fireEvent.change(within(dialog).getByLabelText('Confirm the new password'), {
    target: { value: confirm },
  });
}

const submit = (dialog: HTMLElement) =>
  fireEvent.click(within(dialog).getByRole('button', { name: 'Reset the password' }));

function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');
}

describe('resetting another user’s password', () => {
  it('opens a modal dialog with focus in the new password, and Esc returns focus to the button', async () => {
    const { dialog, opener } = await openDialog();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const input = within(dialog).getByLabelText('New password');
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('autocomplete')).toBe('new-password');
    // The policy is read with the field, and says what the server will refuse.
    expect(describedText(input)).toMatch(/At least 12 characters.*“sam”/);
    // The page behind cannot be reached.
    expect(opener.closest('[inert]')).not.toBeNull();

    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
    expect(opener.closest('[inert]')).toBeNull();
    expect(resetCalls()).toEqual([]);
  });

  it('checks the length and the confirmation before asking the server', async () => {
    const { dialog } = await openDialog();
    fill(dialog, 'tiny', 'tiny');
    submit(dialog);
    const input = within(dialog).getByLabelText('New password');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(input)).toMatch(/at least 12 characters/);
    expect(document.activeElement).toBe(input);

    fill(dialog, 'a long walk by the river', 'a long walk by the sea');
    submit(dialog);
    const confirm = within(dialog).getByLabelText('Confirm the new password');
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(confirm.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(confirm)).toMatch(/do not match/);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(resetCalls()).toEqual([]);
  });

  it('shows the policy’s refusal at the new password', async () => {
    const { dialog } = await openDialog();
    fill(dialog, 'samwise-the-brave', 'samwise-the-brave');
    submit(dialog);
    const input = within(dialog).getByLabelText('New password');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(input)).toMatch(/must not contain the email address/);
    expect(document.activeElement).toBe(input);
    expect(resetCalls().map((c) => c.body)).toEqual([{ password: 'samwise-the-brave' }]);
  });

  it('resets the password, tells the admin to pass it on safely, and closes back to the button', async () => {
    const { dialog, opener } = await openDialog();
    fill(dialog, 'a long walk by the river', 'a long walk by the river');
    submit(dialog);

    const done = await within(dialog).findByRole('status');
    await waitFor(() => expect(done.textContent).toMatch(/sessions were ended/));
    expect(done.textContent).toMatch(/Pass the new password on to them safely/);
    expect(resetCalls().map((c) => [c.path, c.body])).toEqual([
      [`/api/v1/users/${samId}/password`, { password: 'a long walk by the river' }],
    ]);
    // The form is gone (no password left on screen); the next step is to close.
    expect(within(dialog).queryByLabelText('New password')).toBeNull();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    await waitFor(() => expect(document.activeElement).toBe(close));
    fireEvent.click(close);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('is not offered on one’s own account, which points to the account page', async () => {
    renderApp(`/admin/users/${testUser.id}`);
    const detail = await screen.findByRole('region', { name: /Ada Lovelace/ });
    expect(within(detail).queryByRole('button', { name: 'Reset password' })).toBeNull();
    const link = within(detail).getByRole('link', { name: /use your account page/ });
    expect(link.getAttribute('href')).toBe('/account');
  });
});
