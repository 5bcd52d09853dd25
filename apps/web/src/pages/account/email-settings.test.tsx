import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationSettings } from '../../api/notifications-api';
import { authRoutes, type FakeApi, fakeApi, holdRefreshCookie } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

let api: FakeApi;

function serve(refuse = false) {
  let saved: NotificationSettings = {
    email: { reminders: true, submissions: false, returns: true },
  };
  api = fakeApi({
    ...authRoutes(),
    'GET /api/v1/me/notification-settings': () => ({ status: 200, body: saved }),
    'PUT /api/v1/me/notification-settings': ({ body }) => {
      if (refuse) {
        return {
          status: 400,
          body: { error: { code: 'VALIDATION_ERROR', message: 'The settings are not valid' } },
        };
      }
      saved = body as NotificationSettings;
      return { status: 200, body: saved };
    },
  });
  vi.stubGlobal('fetch', api.fetch);
  holdRefreshCookie();
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('e-mail notifications on the account page', () => {
  it('shows the three choices as saved, and saves a change', async () => {
    serve();
    renderApp('/account');

    const group = await screen.findByRole('group', { name: 'E-mail me about' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(3);
    expect(box('Reminders of due dates and surveys').checked).toBe(true);
    expect(box('An agency submitted a quarter').checked).toBe(false);
    expect(box('A quarter returned or reopened').checked).toBe(true);
    expect(box('An agency submitted a quarter').getAttribute('aria-describedby')).toBeTruthy();

    fireEvent.click(box('Reminders of due dates and surveys'));
    fireEvent.click(box('An agency submitted a quarter'));
    fireEvent.click(screen.getByRole('button', { name: 'Save e-mail choices' }));

    expect(await screen.findByText('Your e-mail choices are saved.')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      email: { reminders: false, submissions: true, returns: true },
    });
  });

  it('says why a save failed', async () => {
    serve(true);
    renderApp('/account');
    fireEvent.click(await screen.findByRole('button', { name: 'Save e-mail choices' }));
    const region = await screen.findByText('The settings are not valid');
    expect(region.getAttribute('role')).toBe('alert');
    expect(screen.queryByText('Your e-mail choices are saved.')).toBeNull();
  });

  it('reads in French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    serve();
    renderApp('/account');
    expect(await screen.findByRole('group', { name: 'M’envoyer un courriel pour' })).toBeTruthy();
    expect(box('Les rappels d’échéance et les sondages').checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Enregistrer mes choix' })).toBeTruthy();
  });
});
