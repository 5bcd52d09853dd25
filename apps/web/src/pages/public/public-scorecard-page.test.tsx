import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, AppRoutes } from '../../app';
import { createQueryClient } from '../../query-client';
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

/** Shows the page's address, to check what the language switch writes into it. */
function Address() {
  const { search } = useLocation();
  return <output data-testid="address">{search}</output>;
}

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

  it('is in French when its link asks for it, and the switch keeps the link in step', async () => {
    // What the API answers with ?lang=fr: French where there is French, else the English.
    const french = tableScorecard();
    french.table = {
      ...french.table,
      name: 'Table de planification de Northshire',
      nameFr: 'Table de planification de Northshire',
      population: 'Enfants et jeunes',
      populationFr: 'Enfants et jeunes',
    };
    const api = serveScorecards(
      { 'GET /api/v1/public/scorecards/s3cret': () => ({ status: 200, body: french }) },
      { signedIn: false },
    );
    const queryClient = createQueryClient();
    queryClient.setDefaultOptions({ queries: { retry: false } });
    render(
      <AppProviders queryClient={queryClient}>
        <MemoryRouter initialEntries={['/public/scorecards/s3cret?lang=fr']}>
          <AppRoutes />
          <Address />
        </MemoryRouter>
      </AppProviders>,
    );

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Table de planification de Northshire',
    });
    expect(heading.getAttribute('lang')).toBeNull();
    await scorecardDrawn();
    expect(screen.getByText('Tableau de bord publié')).toBeTruthy();
    expect(screen.getByText('Enfants et jeunes').closest('[lang="en"]')).toBeNull();
    // Every question the page asked was in French, the first one included.
    const asked = api.urls.filter((url) => url.startsWith('/api/v1/public/'));
    expect(asked.length).toBeGreaterThan(0);
    for (const url of asked) expect(url).toMatch(/[?&]lang=fr(&|$)/);
    // A program with no French name is the English fallback, marked as English.
    expect(screen.getByText('Counselling').closest('[lang="en"]')).toBeTruthy();
    const result = screen.getByRole('heading', {
      level: 2,
      name: /All children are mentally healthy/,
    });
    expect(result.querySelector('[lang="en"]')?.textContent).toBe(
      'All children are mentally healthy',
    );
    // A measure's name without French is marked too, in its row header.
    const row = screen.getByRole('rowheader', { name: /% seen within 30 days/ });
    expect(within(row).getByText('% seen within 30 days').getAttribute('lang')).toBe('en');
    // Periods read the French way.
    expect(screen.getAllByText('T2 2025-2026').length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(/FY2025-26|2025-26-Q2/);
    expect(localStorage.getItem('rba.locale')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('?lang=en'));
    await waitFor(() =>
      expect(api.urls.some((url) => /^\/api\/v1\/public\/.*[?&]lang=en/.test(url))).toBe(true),
    );
    expect(await screen.findByText('Published scorecard')).toBeTruthy();
  });
});
