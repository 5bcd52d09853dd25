import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp, scorecardDrawn } from '../../test/render-app';
import { serveScorecards } from '../scorecards/test-api';
import { tableScorecard, tableScorecardRevising } from '../scorecards/test-fixtures';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a published scorecard', () => {
  it('shows the scorecard to a visitor who is not signed in, without the app around it', async () => {
    const api = serveScorecards(
      { 'GET /api/v1/public/scorecards/s3cret': () => ({ status: 200, body: tableScorecard() }) },
      { signedIn: false },
    );
    renderApp('/public/scorecards/s3cret');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Northshire Planning Table' }),
    ).toBeTruthy();

    await scorecardDrawn();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(api.urls.some((url) => url.startsWith('/api/v1/me'))).toBe(false);
    // Read-only: names are not links (the series pages need a sign-in), and no plan column.
    const row = screen.getByRole('rowheader', { name: /% seen within 30 days/ });
    expect(within(row).queryByRole('link')).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Turn the curve' })).toBeNull();
    expect(screen.getAllByText('x').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Hidden to protect small counts').length).toBeGreaterThan(0);
    expect(screen.getByText('x: hidden to protect small counts')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/<\s*\d/);
  });

  it('speaks the visitor’s language', async () => {
    serveScorecards(
      { 'GET /api/v1/public/scorecards/s3cret': () => ({ status: 200, body: tableScorecard() }) },
      { signedIn: false },
    );
    renderApp('/public/scorecards/s3cret', { locale: 'fr' });
    await screen.findByRole('heading', { level: 1, name: 'Northshire Planning Table' });
    await scorecardDrawn();
    expect(screen.getByText('Tableau de bord publié')).toBeTruthy();
    expect(screen.getByText(/^45\s%\s\(90\/200\)$/)).toBeTruthy();
    expect(screen.getAllByText('Masqué pour protéger les petits nombres').length).toBeGreaterThan(
      0,
    );
    expect(screen.getByText('x : masqué pour protéger les petits nombres')).toBeTruthy();
  });

  it('marks a figure under revision in the visitor’s language, with its legend', async () => {
    serveScorecards(
      {
        'GET /api/v1/public/scorecards/s3cret': () => ({
          status: 200,
          body: tableScorecardRevising(['% seen within 30 days']),
        }),
      },
      { signedIn: false },
    );
    renderApp('/public/scorecards/s3cret', { locale: 'fr' });
    await screen.findByRole('heading', { level: 1, name: 'Northshire Planning Table' });
    await scorecardDrawn();
    const row = screen.getByRole('rowheader', { name: /% seen within 30 days/ }).closest('tr');
    expect(row?.textContent).toMatch(/45\s%\s\(90\/200\)† \(en révision\)/);
    expect(
      screen.getByText('† en révision : le dernier chiffre approuvé, en cours de correction'),
    ).toBeTruthy();
  });

  it('says kindly that a revoked or unknown link leads nowhere', async () => {
    serveScorecards({}, { signedIn: false });
    renderApp('/public/scorecards/revoked');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Scorecard not available' }),
    ).toBeTruthy();
    expect(
      screen.getByText('This scorecard was not found, or it is no longer published.'),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull();
  });
});
