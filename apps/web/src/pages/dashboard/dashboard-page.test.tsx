import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/auth-api';
import { testUser } from '../../test/fake-api';
import { renderApp, scorecardDrawn } from '../../test/render-app';
import { serveScorecards } from '../scorecards/test-api';
import { tableId, tableScorecard, tableScorecardRevising } from '../scorecards/test-fixtures';

const funder: User = {
  ...testUser,
  name: 'Frances Funder',
  roles: [{ role: 'funder_viewer', scopeType: 'table', scopeId: tableId }],
};

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function serveFunder() {
  return serveScorecards(
    {
      [`GET /api/v1/tables/${tableId}/scorecard`]: () => ({ status: 200, body: tableScorecard() }),
    },
    { user: funder, files: { '/api/v1/exports/scorecard.csv': 'measure_code\r\nM\r\n' } },
  );
}

describe('the funder dashboard', () => {
  it('is a funder’s home, in the navigation, with the headline measures of what they fund', async () => {
    serveFunder();
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Funder dashboard' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Funder dashboard' })).toBeTruthy();

    expect(
      await screen.findByRole('heading', { level: 2, name: /Northshire Planning Table/ }),
    ).toBeTruthy();
    await scorecardDrawn();
    expect(screen.getByRole('rowheader', { name: /# of children served/ })).toBeTruthy();
    // Not a headline measure: left to the full scorecard.
    expect(screen.queryByRole('rowheader', { name: /seen within 30 days/ })).toBeNull();
    expect(
      screen.getByText(
        'Approved figures only; counts under 5, and other figures that would reveal them, are hidden.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('x: hidden to protect small counts')).toBeTruthy();
    // No figure under revision: no "†" and no legend of it.
    expect(document.body.textContent).not.toContain('†');
  });

  it('marks a headline figure under revision, with the legend, and keeps the figure', async () => {
    serveScorecards(
      {
        [`GET /api/v1/tables/${tableId}/scorecard`]: () => ({
          status: 200,
          body: tableScorecardRevising(['# of children served']),
        }),
      },
      { user: funder },
    );
    renderApp('/dashboard');
    const row = (await screen.findByRole('rowheader', { name: /# of children served/ })).closest(
      'tr',
    );
    expect(row?.textContent).toContain('120† (under revision)');
    expect(
      screen.getByText('† under revision: the last approved figure, being corrected'),
    ).toBeTruthy();
  });

  it('downloads the scorecard CSV with the bearer token', async () => {
    const api = serveFunder();
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:csv');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderApp('/dashboard');

    const group = await screen.findByRole('group', {
      name: 'CSV downloads for Northshire Planning Table',
    });
    fireEvent.click(within(group).getByRole('button', { name: 'Scorecard' }));

    expect(await screen.findByText('Downloaded northshire-scorecard.csv')).toBeTruthy();
    const request = api.requests.find((r) => r.url.startsWith('/api/v1/exports/scorecard.csv'));
    expect(request?.url).toBe(`/api/v1/exports/scorecard.csv?tableId=${tableId}&bom=true&lang=en`);
    expect(request?.headers.get('authorization')).toBe('Bearer token-1');
    expect(createObjectURL).toHaveBeenCalledOnce();
    await waitFor(() => expect(click).toHaveBeenCalledOnce());
  });

  it('reports a failed download in words', async () => {
    serveFunder();
    renderApp('/dashboard');
    const group = await screen.findByRole('group', {
      name: 'CSV downloads for Northshire Planning Table',
    });
    // The observations export is not served by the fake API: it answers 404.
    fireEvent.click(within(group).getByRole('button', { name: 'Figures (long)' }));
    expect(await screen.findByText(/The download failed/)).toBeTruthy();
  });
});
