import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxItem } from '../../api/notifications-api';
import { authRoutes, type FakeApi, fakeApi, holdRefreshCookie } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

const at = '2027-01-24T09:00:00.000Z';

function message(
  n: number,
  state: OutboxItem['state'],
  more: Partial<OutboxItem> = {},
): OutboxItem {
  return {
    id: `e${n}e${n}e${n}e${n}-0000-4000-8000-00000000000${n}`,
    state,
    kind: 'reminder',
    recipient: {
      id: `c${n}c${n}c${n}c${n}-0000-4000-8000-00000000000${n}`,
      email: `editor${n}@example.org`,
      name: `Editor ${n}`,
    },
    organization: {
      id: 'a1a1a1a1-0000-4000-8000-000000000001',
      name: 'Bay Services',
      nameFr: null,
    },
    period: 'FY2026-27-Q3',
    offset: -7,
    subject: 'FY2026-27 Q3 is due in 7 days',
    lang: 'en',
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    createdAt: at,
    sentAt: null,
    ...more,
  };
}

const outbox: OutboxItem[] = [
  message(1, 'sent', { attempts: 1, sentAt: at }),
  message(2, 'skipped_no_smtp', { offset: 3, subject: 'FY2026-27 Q3 is 3 days overdue' }),
  message(3, 'failed', {
    attempts: 2,
    lastError: 'Connection refused',
    nextAttemptAt: '2027-01-24T09:05:00.000Z',
  }),
  message(4, 'opted_out', { kind: 'returned', offset: null, subject: 'FY2026-27 Q2 was returned' }),
];

let api: FakeApi;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  api = fakeApi({
    ...authRoutes(),
    'GET /api/v1/admin/outbox': () => ({ status: 200, body: { items: outbox } }),
    'POST /api/v1/admin/reminders/run': () => ({
      status: 200,
      body: { queued: 2, sent: 1, failed: 0, skipped: 1 },
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
  holdRefreshCookie();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const outboxGets = () => api.calls.filter((c) => c.path === '/api/v1/admin/outbox');

describe('the admin outbox', () => {
  it('lists each message with its delivery state in words', async () => {
    renderApp('/admin');
    fireEvent.click(await screen.findByRole('link', { name: 'E-mail outbox' }));

    const region = await screen.findByRole('region', { name: 'Messages 1 to 4' });
    const rows = within(region).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(within(rows[0] as HTMLElement).getByText('Sent')).toBeTruthy();
    const skipped = rows[1] as HTMLElement;
    expect(within(skipped).getByText('Not e-mailed: no mail server')).toBeTruthy();
    expect(
      within(skipped).getByText(
        'Not e-mailed: no mail server is configured; kept as an in-app notification.',
      ),
    ).toBeTruthy();
    expect(within(skipped).getByText('Reminder, 3 days after')).toBeTruthy();
    const failed = rows[2] as HTMLElement;
    expect(within(failed).getByText('Failed, will retry')).toBeTruthy();
    expect(within(failed).getByText('Last error: Connection refused')).toBeTruthy();
    expect(within(rows[3] as HTMLElement).getByText('Returned')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What the delivery states mean' })).toBeTruthy();
    expect(outboxGets()[0]?.url).toBe('/api/v1/admin/outbox?limit=50&offset=0&lang=en');
  });

  it('filters by state', async () => {
    renderApp('/admin/outbox');
    await screen.findByRole('region', { name: 'Messages 1 to 4' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Delivery state' }), {
      target: { value: 'failed' },
    });
    await waitFor(() =>
      expect(outboxGets().at(-1)?.url).toBe(
        '/api/v1/admin/outbox?limit=50&offset=0&state=failed&lang=en',
      ),
    );
  });

  it('runs the reminders now and says what the run did', async () => {
    renderApp('/admin/outbox');
    await screen.findByRole('region', { name: 'Messages 1 to 4' });
    const before = outboxGets().length;

    fireEvent.click(screen.getByRole('button', { name: 'Run reminders now' }));

    const done = await screen.findByText(
      'Reminders run: 2 queued, 1 sent, 0 failed, 1 not e-mailed.',
    );
    expect(done.getAttribute('role')).toBe('status');
    expect(api.calls.find((c) => c.path === '/api/v1/admin/reminders/run')?.body).toEqual({});
    await waitFor(() => expect(outboxGets().length).toBeGreaterThan(before));
  });

  it('reads in French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    renderApp('/admin/outbox');
    expect(
      await screen.findByRole('button', { name: 'Exécuter les rappels maintenant' }),
    ).toBeTruthy();
    expect(
      await screen.findByText(
        'Non envoyé par courriel : aucun serveur de courriel n’est configuré ; conservé comme notification dans l’application.',
        { selector: '.outbox-detail' },
      ),
    ).toBeTruthy();
  });
});
