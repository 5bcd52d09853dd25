import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readToken } from '../../api/token-store';
import {
  authRoutes,
  type FakeApi,
  type FakeResponse,
  fakeApi,
  holdRefreshCookie,
  testUser,
} from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

const oldPassword = 'correct horse battery';
const newPassword = 'a quiet harbour at dawn';

/**
 * A server that knows Ada's password, as POST /auth/password does: a wrong current password is a
 * failed sign-in (after `maxFailures` of them, 429 with the wait), the policy refuses a common
 * password or one holding the email's name part, and success answers a new session.
 */
function passwordServer({ maxFailures = 3 } = {}) {
  let password = oldPassword;
  let token = 'token-1';
  let failures = 0;
  const refused = (status: number, code: string, message: string, details?: unknown) => ({
    status,
    body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
  });
  const bearer = (headers: Headers) => headers.get('authorization') === `Bearer ${token}`;
  return {
    ...authRoutes(testUser, oldPassword),
    'GET /api/v1/me': ({ headers }: { headers: Headers }): FakeResponse =>
      bearer(headers)
        ? { status: 200, body: testUser }
        : refused(401, 'UNAUTHORIZED', 'Authentication required'),
    'PATCH /api/v1/me': ({ headers }: { headers: Headers }): FakeResponse =>
      bearer(headers)
        ? { status: 200, body: testUser }
        : refused(401, 'UNAUTHORIZED', 'Authentication required'),
    'POST /api/v1/auth/password': ({
      body,
      headers,
    }: {
      body: unknown;
      headers: Headers;
    }): FakeResponse => {
      if (!bearer(headers)) return refused(401, 'UNAUTHORIZED', 'Authentication required');
      const request = body as { currentPassword: string; newPassword: string };
      if (failures >= maxFailures) {
        return refused(429, 'RATE_LIMITED', 'Too many failed sign-in attempts; try again later', {
          retryAfterSeconds: 120,
        });
      }
      if (request.currentPassword !== password) {
        failures += 1;
        return refused(422, 'WRONG_PASSWORD', 'The current password is incorrect');
      }
      if (request.newPassword === 'password1234') {
        return refused(422, 'WEAK_PASSWORD', 'The password is on a list', { rule: 'common' });
      }
      if (request.newPassword.toLowerCase().includes('ada')) {
        return refused(422, 'WEAK_PASSWORD', 'The password must not contain the email', {
          rule: 'contains_email',
        });
      }
      password = request.newPassword;
      token = 'token-2';
      failures = 0;
      return {
        status: 200,
        body: { token, expiresAt: '2030-01-01T00:00:00.000Z', user: testUser },
      };
    },
  };
}

let api: FakeApi;

function serve(routes = passwordServer()) {
  api = fakeApi(routes);
  vi.stubGlobal('fetch', api.fetch);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  holdRefreshCookie();
  document.documentElement.lang = 'en';
  serve();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openForm(locale: 'en' | 'fr' = 'en') {
  // A language chosen in this browser wins over the account's (English) one.
  localStorage.setItem('rba.locale', locale);
  renderApp('/account');
  const name = locale === 'en' ? 'Change password' : 'Changer le mot de passe';
  return screen.findByRole('form', { name });
}

function fill(form: HTMLElement, values: { current?: string; next?: string; confirm?: string }) {
  const set = (label: string, value: string | undefined) => {
    if (value !== undefined) {
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    }
  };
  set('Current password', values.current);
  set('New password', values.next);
  set('Confirm the new password', values.confirm);
}

const submit = (form: HTMLElement) =>
  fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));

const passwordCalls = () => api.calls.filter((c) => c.path === '/api/v1/auth/password');

/** The field is marked invalid and its description names the problem (and keeps any hint). */
function expectFieldError(input: HTMLElement, text: RegExp) {
  expect(input.getAttribute('aria-invalid')).toBe('true');
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const described = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  expect(described).toMatch(text);
}

describe('the account page', () => {
  it('shows who is signed in, their language switch and the password policy up front', async () => {
    const form = await openForm();
    expect(screen.getByRole('heading', { level: 1, name: 'Your account' })).toBeTruthy();
    const details = screen.getByRole('region', { name: 'Your details' });
    expect(within(details).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(details).getByText('ada@example.org')).toBeTruthy();
    const language = within(details).getByRole('group', { name: 'Language' });
    expect(
      within(language).getByRole('button', { name: 'English' }).getAttribute('aria-pressed'),
    ).toBe('true');

    const current = within(form).getByLabelText('Current password');
    const next = within(form).getByLabelText('New password');
    expect(current.getAttribute('type')).toBe('password');
    expect(current.getAttribute('autocomplete')).toBe('current-password');
    expect(next.getAttribute('autocomplete')).toBe('new-password');
    expect(
      within(form).getByLabelText('Confirm the new password').getAttribute('autocomplete'),
    ).toBe('new-password');
    // The policy is on screen before anything is typed, and read with the new password's field.
    const policy = document.getElementById(next.getAttribute('aria-describedby') ?? '');
    expect(policy?.textContent).toContain('at least 12 characters');
    expect(policy?.textContent).toContain('commonly used');
    expect(policy?.textContent).toContain('“ada”');
  });

  it('is reached from the account link in the top bar', async () => {
    renderApp('/scorecards');
    const account = await screen.findByRole('region', { name: 'Account' });
    fireEvent.click(within(account).getByRole('link', { name: 'Your account' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeTruthy();
  });

  it('changes the password, keeps the new session and says the others ended', async () => {
    const form = await openForm();
    fill(form, { current: oldPassword, next: newPassword, confirm: newPassword });
    submit(form);

    const status = await screen.findByText('Password changed. You are signed out everywhere else.');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(passwordCalls().map((c) => c.body)).toEqual([
      { currentPassword: oldPassword, newPassword },
    ]);
    expect(passwordCalls()[0]?.headers.get('authorization')).toBe('Bearer token-1');
    // The old access token no longer works on the server: the client holds the new one.
    expect(readToken()).toBe('token-2');
    for (const label of ['Current password', 'New password', 'Confirm the new password']) {
      expect((within(form).getByLabelText(label) as HTMLInputElement).value).toBe('');
    }

    // The next call goes with the new token, and the person stays signed in.
    fireEvent.click(screen.getAllByRole('button', { name: 'Français' })[0] as HTMLElement);
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = api.calls.find((c) => c.method === 'PATCH');
    expect(patch?.headers.get('authorization')).toBe('Bearer token-2');
    expect(screen.queryByRole('heading', { name: /Sign in|Connexion/ })).toBeNull();
  });

  it('checks the length and that both copies match before asking the server', async () => {
    const form = await openForm();
    fill(form, { current: oldPassword, next: 'short', confirm: 'short' });
    submit(form);
    const next = within(form).getByLabelText('New password');
    await waitFor(() => expect(document.activeElement).toBe(next));
    expectFieldError(next, /at least 12 characters/);

    fill(form, { next: newPassword, confirm: 'a quiet harbour at dusk' });
    submit(form);
    const confirm = within(form).getByLabelText('Confirm the new password');
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expectFieldError(confirm, /do not match/);
    expect(next.getAttribute('aria-invalid')).toBeNull();
    expect(passwordCalls()).toEqual([]);
  });

  it('asks for the current password first, and focuses it', async () => {
    const form = await openForm();
    fill(form, { next: 'x', confirm: 'y' });
    submit(form);
    const current = within(form).getByLabelText('Current password');
    await waitFor(() => expect(document.activeElement).toBe(current));
    expectFieldError(current, /Enter your current password/);
    // Every problem is marked at once, not one per attempt.
    expectFieldError(within(form).getByLabelText('New password'), /at least 12/);
    expectFieldError(within(form).getByLabelText('Confirm the new password'), /do not match/);
    expect(passwordCalls()).toEqual([]);
  });

  it('shows the server’s refusal of a weak password at the new password, naming the rule', async () => {
    const form = await openForm();
    fill(form, { current: oldPassword, next: 'password1234', confirm: 'password1234' });
    submit(form);
    const next = within(form).getByLabelText('New password');
    await waitFor(() => expect(next.getAttribute('aria-invalid')).toBe('true'));
    expectFieldError(next, /on a list of commonly used passwords/);
    // The policy stays tied to the field beside the problem.
    expect(next.getAttribute('aria-describedby')).toMatch(/account-password-policy/);
    expect(document.activeElement).toBe(next);

    fill(form, { next: 'ada-lovelace-1815', confirm: 'ada-lovelace-1815' });
    submit(form);
    await waitFor(() => expectFieldError(next, /must not contain the email address/));
    expect(readToken()).toBe('token-1');
    expect(screen.queryByText(/Password changed/)).toBeNull();
  });

  it('shows a wrong current password at that field', async () => {
    const form = await openForm();
    fill(form, { current: 'not my password', next: newPassword, confirm: newPassword });
    submit(form);
    const current = within(form).getByLabelText('Current password');
    await waitFor(() => expect(current.getAttribute('aria-invalid')).toBe('true'));
    expectFieldError(current, /current password is incorrect/);
    expect(document.activeElement).toBe(current);
    expect(within(form).getByLabelText('New password').getAttribute('aria-invalid')).toBeNull();
    // Still signed in: a refused password is not a refused session.
    expect(readToken()).toBe('token-1');
  });

  it('says how long to wait after too many wrong passwords', async () => {
    serve(passwordServer({ maxFailures: 1 }));
    const form = await openForm();
    fill(form, { current: 'guess one', next: newPassword, confirm: newPassword });
    submit(form);
    const current = within(form).getByLabelText('Current password');
    await waitFor(() => expect(current.getAttribute('aria-invalid')).toBe('true'));

    // Even the right password waits now.
    fill(form, { current: oldPassword });
    submit(form);
    const alert = await within(form).findByText(
      'Too many failed attempts with the current password. Wait 2 min and try again.',
    );
    expect(alert.getAttribute('role')).toBe('alert');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(passwordCalls().map((c) => c.body)).toHaveLength(2);
    expect(screen.queryByText(/Password changed/)).toBeNull();
  });

  it('speaks French', async () => {
    const form = await openForm('fr');
    expect(screen.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Mot de passe actuel'), {
      target: { value: oldPassword },
    });
    fireEvent.change(within(form).getByLabelText('Nouveau mot de passe'), {
      target: { value: 'password1234' },
    });
    fireEvent.change(within(form).getByLabelText('Confirmer le nouveau mot de passe'), {
      target: { value: 'password1234' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Changer le mot de passe' }));
    expect(
      await within(form).findByText(/figure sur une liste de mots de passe couramment utilisés/),
    ).toBeTruthy();
  });

  it('words a validation refusal itself at the field it names, in French too', async () => {
    serve({
      ...passwordServer(),
      'POST /api/v1/auth/password': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_ERROR',
            message: 'newPassword: too long',
            details: [
              {
                path: 'body.newPassword',
                code: 'too_long',
                params: { maximum: 256 },
                message: 'The API’s own words',
              },
            ],
          },
        },
      }),
    });
    const form = await openForm('fr');
    const next = within(form).getByLabelText('Nouveau mot de passe');
    fireEvent.change(within(form).getByLabelText('Mot de passe actuel'), {
      target: { value: oldPassword },
    });
    fireEvent.change(next, { target: { value: newPassword } });
    fireEvent.change(within(form).getByLabelText('Confirmer le nouveau mot de passe'), {
      target: { value: newPassword },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Changer le mot de passe' }));
    await waitFor(() =>
      expectFieldError(next, /Raccourcissez ce texte à 256 caractères ou moins\./),
    );
    await waitFor(() => expect(document.activeElement).toBe(next));
    expect(form.textContent).not.toContain('The API’s own words');
  });
});
