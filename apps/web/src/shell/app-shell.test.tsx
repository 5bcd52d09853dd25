import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../api/auth-api';
import { readToken, saveToken } from '../api/token-store';
import { authRoutes, type FakeApi, fakeApi, holdRefreshCookie, testUser } from '../test/fake-api';
import { renderApp } from '../test/render-app';

let api: FakeApi;

function serve(user: User = testUser) {
  api = fakeApi(authRoutes(user));
  vi.stubGlobal('fetch', api.fetch);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  document.documentElement.lang = 'en';
  serve();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('authenticated shell', () => {
  it('sends a visitor without a session to the login page', async () => {
    renderApp('/scorecards');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    // Only the attempt to restore a session through the refresh cookie, which there is not, and
    // the sign-in page's question whether this is the demo database (asked once the page is
    // drawn: on a busy machine it may leave after the heading shows).
    await waitFor(() =>
      expect(api.calls.map((c) => `${c.method} ${c.path}`).sort()).toEqual([
        'GET /api/v1/demo/accounts',
        'POST /api/v1/auth/refresh',
      ]),
    );
    expect(screen.queryByText(/session has ended/)).toBeNull();
  });

  it('restores the session through the refresh cookie after a reload, keeping the token in memory only', async () => {
    holdRefreshCookie();
    renderApp('/');

    expect(await screen.findByText('Signed in as Ada Lovelace')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Scorecards' })).toBeTruthy();
    // The session comes back from POST /auth/refresh (the cookie, no bearer token); the token it
    // answers goes with the calls after it.
    expect(`${api.calls[0]?.method} ${api.calls[0]?.path}`).toBe('POST /api/v1/auth/refresh');
    expect(api.calls[0]?.headers.has('authorization')).toBe(false);
    await waitFor(() => expect(api.calls.length).toBeGreaterThan(1));
    expect(api.calls[1]?.headers.get('authorization')).toBe('Bearer token-1');
    expect(readToken()).toBe('token-1');
    expect(sessionStorage.length).toBe(0);
    expect(JSON.stringify({ ...localStorage })).not.toContain('token-1');
  });

  it('ends a session the server no longer accepts and cannot renew', async () => {
    // A tab that was signed in: its access token is refused, and so is the refresh cookie.
    saveToken('revoked');
    renderApp('/plans');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/session has ended/);
    expect(readToken()).toBeNull();
    expect(api.calls.slice(0, 2).map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/v1/me',
      'POST /api/v1/auth/refresh',
    ]);
  });

  it('lists every area an administrator may open, and marks the current one', async () => {
    holdRefreshCookie();
    renderApp('/scorecards');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual([
      'Scorecards',
      'Data entry',
      'Review queue',
      'Status board',
      'Turn the curve (plans)',
      'System map',
      'Partnerships',
      'Imports',
      'Admin',
    ]);
    expect(within(nav).getByRole('link', { name: 'Scorecards' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(screen.queryByText('Coming soon')).toBeNull();
  });

  it('hides Admin from someone who is not an administrator', async () => {
    serve({
      ...testUser,
      roles: [{ role: 'partner_editor', scopeType: 'organization', scopeId: 'o-1' }],
    });
    holdRefreshCookie();
    renderApp('/admin');

    expect(await screen.findByText('Only administrators can open this area.')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Admin' })).toBeNull();
  });

  it('switches to French: visible text, <html lang> and the saved choice follow', async () => {
    holdRefreshCookie();
    renderApp('/scorecards');
    await screen.findByText('Signed in as Ada Lovelace');

    fireEvent.click(screen.getByRole('button', { name: 'Français' }));

    const nav = await screen.findByRole('navigation', { name: 'Principale' });
    expect(within(nav).getByRole('link', { name: 'Tableaux de bord' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Saisie des données' })).toBeTruthy();
    expect(screen.getByText('Session ouverte : Ada Lovelace')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Se déconnecter' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem('rba.locale')).toBe('fr');
  });

  it('saves the last language chosen on the account, after a switch there and back', async () => {
    holdRefreshCookie();
    renderApp('/scorecards');
    await screen.findByText('Signed in as Ada Lovelace');

    fireEvent.click(screen.getByRole('button', { name: 'Français' }));
    await screen.findByText('Session ouverte : Ada Lovelace');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByText('Signed in as Ada Lovelace');

    const patches = () => api.calls.filter((c) => c.method === 'PATCH' && c.path === '/api/v1/me');
    await waitFor(() => expect(patches()).toHaveLength(2));
    expect(patches().map((c) => (c.body as { locale: string }).locale)).toEqual(['fr', 'en']);
  });

  it('starts in the user’s own language when none was chosen', async () => {
    serve({ ...testUser, locale: 'fr' });
    holdRefreshCookie();
    renderApp('/scorecards', { locale: 'en' });

    expect(await screen.findByText('Session ouverte : Ada Lovelace')).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
  });

  it('keeps a language the person chose over the user’s default', async () => {
    localStorage.setItem('rba.locale', 'en');
    serve({ ...testUser, locale: 'fr' });
    holdRefreshCookie();
    renderApp('/scorecards', { locale: 'en' });

    expect(await screen.findByText('Signed in as Ada Lovelace')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('sends the language to the server with every request', async () => {
    serve({ ...testUser, locale: 'fr' });
    holdRefreshCookie();
    renderApp('/scorecards', { locale: 'fr' });
    await screen.findByText('Session ouverte : Ada Lovelace');
    expect(api.calls[0]?.headers.get('accept-language')).toBe('fr');
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/v1/tables')).toBe(true));
    for (const call of api.calls.filter((c) => c.method === 'GET')) {
      expect(new URL(call.url, 'http://localhost').searchParams.get('lang')).toBe('fr');
    }
  });

  it('asks again for what is on screen when the language changes', async () => {
    holdRefreshCookie();
    renderApp('/scorecards');
    await screen.findByText('Signed in as Ada Lovelace');
    const tables = (lang: string) =>
      api.calls.filter(
        (c) => c.method === 'GET' && c.url === `/api/v1/tables?limit=500&lang=${lang}`,
      );
    await waitFor(() => expect(tables('en')).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: 'Français' }));
    await waitFor(() => expect(tables('fr')).toHaveLength(1));
  });

  it('signs out through the API and returns to the login page', async () => {
    holdRefreshCookie();
    renderApp('/imports');

    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('You have signed out.');
    const logout = api.calls.find((c) => c.path === '/api/v1/auth/logout');
    expect(logout).toMatchObject({ method: 'POST', path: '/api/v1/auth/logout' });
    expect(logout?.headers.get('authorization')).toBe('Bearer token-1');
    expect(readToken()).toBeNull();
  });
});
