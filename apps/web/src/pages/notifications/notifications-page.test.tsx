import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../api/notifications-api';
import {
  authRoutes,
  type FakeApi,
  type FakeRoute,
  fakeApi,
  holdRefreshCookie,
} from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

const org = 'a1a1a1a1-0000-4000-8000-000000000001';
const ids = [1, 2, 3, 4].map((n) => `e${n}e${n}e${n}e${n}-0000-4000-8000-00000000000${n}`);

function notifications(): Notification[] {
  const base = { at: '2027-01-24T09:00:00.000Z', read: false, lang: 'en' as const };
  return [
    {
      ...base,
      id: ids[0] as string,
      kind: 'reminder',
      subject: 'FY2026-27 Q3 is due in 7 days',
      body: 'Northshire Youth Services has not submitted FY2026-27 Q3.\n\nIt is due on January 31, 2027.',
      link: '/data-entry',
    },
    {
      ...base,
      id: ids[1] as string,
      kind: 'returned',
      subject: 'FY2026-27 Q2 was returned',
      body: 'Chantal Coordinator returned it with this note:\n\nCheck the waits.',
      link: '/data-entry?period=FY2026-27-Q2',
    },
    {
      ...base,
      id: ids[2] as string,
      kind: 'submitted',
      subject: 'Bay Services submitted FY2026-27 Q3',
      body: 'It awaits your review.',
      link: `/review/${org}/FY2026-27-Q3`,
    },
    {
      ...base,
      id: ids[3] as string,
      kind: 'reopened',
      read: true,
      subject: 'FY2026-27 Q1 was reopened',
      body: 'A figure must change.',
      link: 'https://elsewhere.example/phish',
    },
  ];
}

let api: FakeApi;
let served: Notification[];

/** A server that keeps the notifications' read state, as the API does. */
function serve() {
  const items = notifications();
  served = items;
  const reads: Record<string, FakeRoute> = Object.fromEntries(
    items.map((n) => [
      `POST /api/v1/me/notifications/${n.id}/read`,
      () => {
        n.read = true;
        return { status: 204 };
      },
    ]),
  );
  api = fakeApi({
    ...authRoutes(),
    'GET /api/v1/me/notifications': () => ({
      status: 200,
      body: { items, unread: items.filter((n) => !n.read).length },
    }),
    'POST /api/v1/me/notifications/read-all': () => {
      for (const n of items) n.read = true;
      return { status: 204 };
    },
    ...reads,
  });
  vi.stubGlobal('fetch', api.fetch);
  holdRefreshCookie();
}

const listGets = () =>
  api.calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/me/notifications');

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  serve();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the bell', () => {
  it('counts the unread in words, and opens the notifications', async () => {
    renderApp('/scorecards');
    const bell = await screen.findByRole('link', { name: 'Notifications 3 unread' });
    expect(listGets()[0]?.url).toBe('/api/v1/me/notifications?limit=50&lang=en');

    fireEvent.click(bell);
    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeTruthy();
    expect(screen.getByText('You have 3 unread notifications.')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Your notifications, newest first' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(within(items[0] as HTMLElement).getByText('Unread')).toBeTruthy();
    expect(within(items[0] as HTMLElement).getByText('Reminder')).toBeTruthy();
    expect(within(items[3] as HTMLElement).queryByText('Unread')).toBeNull();
    // The body's paragraphs, as paragraphs.
    const reminder = screen.getByRole('article', { name: 'FY2026-27 Q3 is due in 7 days' });
    expect(within(reminder).getByText('It is due on January 31, 2027.').tagName).toBe('P');
    // A link that would leave the site is not followed.
    const reopened = screen.getByRole('article', { name: 'FY2026-27 Q1 was reopened' });
    expect(within(reopened).queryByRole('link')).toBeNull();
  });

  it('marks a notification read when it is opened, and goes where the work is', async () => {
    renderApp('/notifications');
    const submitted = await screen.findByRole('article', {
      name: 'Bay Services submitted FY2026-27 Q3',
    });
    const open = within(submitted).getByRole('link', { name: 'Review the quarter' });
    expect(open.getAttribute('href')).toBe(`/review/${org}/FY2026-27-Q3`);
    fireEvent.click(
      within(screen.getByRole('article', { name: 'FY2026-27 Q3 is due in 7 days' })).getByRole(
        'link',
        { name: 'Enter the figures' },
      ),
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'This quarter' })).toBeTruthy();
    await waitFor(() =>
      expect(api.calls.some((c) => c.path === `/api/v1/me/notifications/${ids[0]}/read`)).toBe(
        true,
      ),
    );
    expect(await screen.findByRole('link', { name: 'Notifications 2 unread' })).toBeTruthy();
  });

  it('marks all as read', async () => {
    renderApp('/notifications');
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all as read' }));

    expect(await screen.findByText('Every notification is marked as read.')).toBeTruthy();
    expect(screen.getByText('You have read every notification.')).toBeTruthy();
    expect(screen.queryByText('Unread')).toBeNull();
    expect(screen.getByRole('link', { name: 'Notifications' })).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/v1/me/notifications/read-all')).toBe(true);
  });

  it('asks again every minute and when the window gets focus back', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    renderApp('/scorecards');
    await screen.findByRole('link', { name: 'Notifications 3 unread' });
    expect(listGets()).toHaveLength(1);

    // Read elsewhere (another tab, another device) meanwhile.
    (served[0] as Notification).read = true;
    vi.advanceTimersByTime(60_000);
    expect(await screen.findByRole('link', { name: 'Notifications 2 unread' })).toBeTruthy();
    expect(listGets()).toHaveLength(2);

    (served[1] as Notification).read = true;
    window.dispatchEvent(new Event('visibilitychange'));
    expect(await screen.findByRole('link', { name: 'Notifications 1 unread' })).toBeTruthy();
    expect(listGets()).toHaveLength(3);
  });

  it('speaks French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    renderApp('/notifications');
    expect(await screen.findByRole('link', { name: 'Notifications 3 non lues' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tout marquer comme lu' })).toBeTruthy();
    expect(screen.getByText('Vous avez 3 notifications non lues.')).toBeTruthy();
  });
});
