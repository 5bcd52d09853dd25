import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readToken } from '../../api/token-store';
import { authRoutes, type FakeApi, fakeApi, testUser } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { safeNextPath } from './login-page';

let api: FakeApi;

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  api = fakeApi(authRoutes(testUser, 'correct horse battery'));
  vi.stubGlobal('fetch', api.fetch);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function signIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('login page', () => {
  it('shows the server’s error message in an alert region and marks the fields invalid', async () => {
    renderApp('/login');
    signIn('ada@example.org', 'wrong password');

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('The email or password is incorrect'));
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toBe(alert.id);
    expect(readToken()).toBeNull();
  });

  it('words a refused address itself, next to the email field', async () => {
    api = fakeApi({
      ...authRoutes(testUser, 'correct horse battery'),
      'POST /api/v1/auth/login': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_ERROR',
            message: 'email: Invalid email address',
            details: [
              {
                path: 'body.email',
                code: 'invalid_format',
                params: { format: 'email' },
                message: 'The API’s own words',
              },
            ],
          },
        },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/login');
    signIn('ada@example.org', 'correct horse battery');

    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const described = document.getElementById(email.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('Enter an email address, such as name@example.org.');
    expect(document.activeElement).toBe(email);
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBeNull();
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    renderApp('/login');
    signIn('ada@example.org', 'correct horse battery');

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/server could not be reached/),
    );
  });

  it('signs in, keeps the token for the session and opens the shell with the user’s name', async () => {
    renderApp('/login');
    signIn('  ada@example.org ', 'correct horse battery');

    expect(await screen.findByText('Signed in as Ada Lovelace')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Scorecards' })).toBeTruthy();
    // The access token is kept in memory, never in web storage.
    expect(readToken()).toBe('token-1');
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
    expect(api.calls.find((c) => c.path === '/api/v1/auth/login')?.body).toEqual({
      email: 'ada@example.org',
      password: 'correct horse battery',
    });
  });

  it('returns to the page that was asked for before signing in', async () => {
    renderApp('/imports');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    signIn('ada@example.org', 'correct horse battery');

    expect(await screen.findByRole('heading', { level: 1, name: 'Imports' })).toBeTruthy();
  });
});

describe('the demo accounts on the sign-in page', () => {
  const demo = {
    password: 'northshire-demo',
    accounts: [
      {
        email: 'coordinator@northshire.example',
        name: 'Chantal Coordinator',
        role: 'table_coordinator',
        organization: null,
        quarter: null,
      },
      {
        email: 'editor.ngh@northshire.example',
        name: 'Dana Whitfield',
        role: 'partner_editor',
        organization: 'Northshire General Hospital',
        quarter: 'returned',
      },
    ],
  };

  it('lists them by role on the demo database; one click fills the form, Enter signs in', async () => {
    api = fakeApi({
      ...authRoutes(testUser, 'correct horse battery'),
      'GET /api/v1/demo/accounts': () => ({ status: 200, body: demo }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/login');
    const list = await screen.findByRole('region', { name: 'Demo accounts' });
    expect(list.textContent).toContain('they all use the password northshire-demo');
    expect(list.textContent).toContain(
      'Northshire General Hospital: this quarter returned with a note',
    );
    // Its name is what it shows (role, then address), as WCAG's "label in name" asks.
    fireEvent.click(
      screen.getByRole('button', { name: 'Partner editor editor.ngh@northshire.example' }),
    );
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe(
      'editor.ngh@northshire.example',
    );
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('northshire-demo');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign in' }));
  });

  it('shows nothing of them on any other database (the API’s list is empty)', async () => {
    api = fakeApi({
      ...authRoutes(testUser, 'correct horse battery'),
      'GET /api/v1/demo/accounts': () => ({ status: 200, body: { password: null, accounts: [] } }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/login');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    await waitFor(() =>
      expect(api.calls.some((c) => c.path === '/api/v1/demo/accounts')).toBe(true),
    );
    expect(screen.queryByRole('region', { name: 'Demo accounts' })).toBeNull();
    expect(screen.queryByText(/northshire-demo/)).toBeNull();
  });
});

describe('safeNextPath', () => {
  it('keeps paths of this site and sends anything else home, where each role has its start page', () => {
    expect(safeNextPath('/plans?measure=3')).toBe('/plans?measure=3');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('/login')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
