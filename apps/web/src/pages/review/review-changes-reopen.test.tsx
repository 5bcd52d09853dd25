import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntrySheet } from '../../api/entry-api';
import { renderApp } from '../../test/render-app';
import { coordinator, hub, Q, reviewSheet, serveReview, submission, wait } from './test-fixtures';

const changesRoute = `GET /api/v1/organizations/${hub}/periods/${Q}/changes`;
const reopenRoute = `POST /api/v1/organizations/${hub}/periods/${Q}/reopen`;
const page = `/review/${hub}/${Q}`;

const parts = (value: number | null) => ({ value, numerator: null, denominator: null });

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  document.documentElement.lang = 'en';
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('what changed since the quarter was handed back', () => {
  it('lists each changed figure, before and now, under the date it was returned', async () => {
    serveReview(() => reviewSheet('submitted'), {
      [changesRoute]: () => ({
        status: 200,
        body: {
          since: { action: 'returned', at: '2025-10-22T10:00:00.000Z' },
          items: [
            {
              measureId: wait,
              code: 'WAIT',
              period: Q,
              breakdown: {},
              before: parts(71),
              after: parts(58),
            },
            {
              measureId: wait,
              code: 'WAIT',
              period: Q,
              breakdown: { gender: 'women' },
              before: parts(null),
              after: parts(40),
            },
          ],
        },
      }),
    });
    renderApp(page);
    const section = await screen.findByRole('region', {
      name: 'Changed since it was returned on Oct 22, 2025',
    });
    const rows = within(section)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Measure', 'Figure', 'Before', 'Now'],
      ['Average days to first session (WAIT)', 'Total', '71.0 days', '58.0 days'],
      ['Average days to first session (WAIT)', 'Gender: Women', '—No figure', '40.0 days'],
    ]);
  });

  it('says when nothing changed since the reopening, and nothing at all when never handed back', async () => {
    let since: unknown = { action: 'reopened', at: '2025-11-04T10:00:00.000Z' };
    serveReview(() => reviewSheet('submitted'), {
      [changesRoute]: () => ({ status: 200, body: { since, items: [] } }),
    });
    renderApp(page);
    expect(
      await screen.findByText('Nothing changed since it was reopened on Nov 4, 2025.'),
    ).toBeTruthy();
    cleanup();
    since = null;
    renderApp(page);
    await screen.findByRole('region', { name: 'Your decision' });
    expect(screen.queryByRole('region', { name: /Changed since/ })).toBeNull();
    expect(screen.queryByText(/Nothing changed since/)).toBeNull();
  });
});

describe('reopening an approved quarter', () => {
  it('requires a reason, posts it, and shows the quarter reopened', async () => {
    let sheet: EntrySheet = reviewSheet('approved');
    const api = serveReview(() => sheet, {
      [reopenRoute]: ({ body }) => {
        const reason = (body as { reason: string }).reason;
        sheet = { ...reviewSheet('reopened', reason), lock: null };
        return { status: 200, body: submission('reopened', reason) };
      },
    });
    renderApp(page);
    const form = await screen.findByRole('region', { name: 'Reopen for correction' });
    expect(screen.queryByText(/nothing to decide/)).toBeNull();
    const reason = within(form).getByLabelText('Reason for reopening FY2025-26 Q3');
    fireEvent.click(within(form).getByRole('button', { name: 'Reopen for correction' }));
    expect(within(form).getByText('Write the reason for reopening the quarter.')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reason);
    const posts = () =>
      api.calls.filter((c) => c.method === 'POST' && !c.path.startsWith('/api/v1/auth/'));
    expect(posts()).toHaveLength(0);

    fireEvent.change(reason, { target: { value: 'The October count was wrong.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reopen for correction' }));
    const done = await screen.findByText(
      'FY2025-26 Q3 is reopened for correction. Northshire Youth Wellness Hub can now correct its figures and submit the quarter again.',
    );
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.path).toBe(`/api/v1/organizations/${hub}/periods/${Q}/reopen`);
    expect(posts()[0]?.body).toEqual({ reason: 'The October count was wrong.' });
    // The refreshed quarter: its new status and the reason; the form is gone.
    await screen.findByText('Reopened for correction for this reason:');
    expect(screen.getByText('The October count was wrong.')).toBeTruthy();
    expect(screen.getAllByText('Reopened for correction').length).toBeGreaterThan(0);
    expect(screen.queryByRole('region', { name: 'Reopen for correction' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(done));
  });

  it('shows the server’s refusal', async () => {
    serveReview(() => reviewSheet('approved'), {
      [reopenRoute]: () => ({
        status: 409,
        body: {
          error: { code: 'INVALID_TRANSITION', message: 'Only an approved period can be reopened' },
        },
      }),
    });
    renderApp(page);
    const form = await screen.findByRole('region', { name: 'Reopen for correction' });
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: 'Wrong count' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reopen for correction' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Only an approved period can be reopened',
    );
  });

  it('is only for those who review the agency', async () => {
    serveReview(
      () => ({ ...reviewSheet('approved'), canReview: false }),
      {},
      {
        ...coordinator,
        roles: [],
      },
    );
    renderApp(page);
    expect(
      await screen.findByText(
        'This quarter is approved. Only a coordinator of a table this agency is at can reopen it for correction.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reopen for correction' })).toBeNull();
  });

  it('speaks French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    serveReview(() => reviewSheet('approved'));
    renderApp(page, { locale: 'fr' });
    const form = await screen.findByRole('region', { name: 'Rouvrir pour correction' });
    fireEvent.click(within(form).getByRole('button', { name: 'Rouvrir pour correction' }));
    expect(
      within(form).getByText('Indiquez le motif de la réouverture du trimestre.'),
    ).toBeTruthy();
    expect(within(form).getByLabelText('Motif de la réouverture de T3 2025-2026')).toBeTruthy();
  });
});
