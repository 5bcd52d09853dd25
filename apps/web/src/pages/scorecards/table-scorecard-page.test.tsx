import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testUser } from '../../test/fake-api';
import { renderApp, scorecardDrawn } from '../../test/render-app';
import { serveScorecards } from './test-api';
import { agencyB, tableId, tableScorecard } from './test-fixtures';

const scorecardPath = `/api/v1/tables/${tableId}/scorecard`;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('the collective scorecard', () => {
  it('nests indicators, contributing programs and their measures, and shared measures', async () => {
    serveScorecards({ [`GET ${scorecardPath}`]: () => ({ status: 200, body: tableScorecard() }) });
    renderApp(`/scorecards/tables/${tableId}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Northshire Planning Table' }),
    ).toBeTruthy();

    await scorecardDrawn();
    expect(
      screen.getByRole('heading', { level: 2, name: /All children are mentally healthy/ }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Shared measures' })).toBeTruthy();
    expect(
      screen.getByText(
        'Approved figures only; counts under 5, and other figures that would reveal them, are hidden.',
      ),
    ).toBeTruthy();
    // Once for the page: what the "x" of a suppressed figure means.
    expect(screen.getAllByText('x: hidden to protect small counts')).toHaveLength(1);

    // Group rows: the indicators, then each program with its agency.
    const groups = screen
      .getAllByRole('rowheader')
      .filter((th) => th.getAttribute('scope') === 'rowgroup');
    expect(groups.map((g) => g.textContent)).toEqual([
      'Population indicators',
      'Program: Counselling (Northshire Children’s Centre)',
      'Program: Family circle (Youth Wellness Hub)',
    ]);

    const indicator = rowOf('Youth rating their mental health');
    expect(within(indicator).getByText('Population indicator')).toBeTruthy();
    expect(within(indicator).getByText('Headline measure')).toBeTruthy();
    expect(within(indicator).getByText('Plan: 2 open, 1 overdue')).toBeTruthy();
    expect(
      within(indicator).getByText('Rising for 3 periods in a row (unfavourable)'),
    ).toBeTruthy();

    const percent = rowOf('% seen within 30 days');
    expect(within(percent).getByText('45% (90/200)')).toBeTruthy();
    expect(within(percent).getByText('Near')).toBeTruthy();
    expect(
      within(percent).getByRole('link', { name: '% seen within 30 days' }).getAttribute('href'),
    ).toMatch(/^\/measures\//);

    const suppressed = rowOf('# of families taking part');
    expect(within(suppressed).getByText('x')).toBeTruthy();
    expect(within(suppressed).getByText('Hidden to protect small counts')).toBeTruthy();
    expect(suppressed.textContent).not.toContain('<');

    // The shared measure, then each partner's contribution beneath it.
    const shared = screen.getByRole('region', { name: 'Shared measures' });
    const links = within(shared)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual([
      '# served across the system',
      'Northshire Children’s Centre',
      'Youth Wellness Hub',
    ]);
    expect(within(shared).getAllByText('Contribution from')).toHaveLength(2);
  });

  it('filters by partner, category and headline measures', async () => {
    serveScorecards({ [`GET ${scorecardPath}`]: () => ({ status: 200, body: tableScorecard() }) });
    renderApp(`/scorecards/tables/${tableId}`);
    await screen.findByRole('heading', { level: 1, name: 'Northshire Planning Table' });
    await scorecardDrawn();

    fireEvent.change(screen.getByLabelText('Partner'), { target: { value: agencyB.id } });
    expect(screen.queryByRole('rowheader', { name: /# of children served/ })).toBeNull();
    expect(screen.getByRole('rowheader', { name: /# of families taking part/ })).toBeTruthy();
    expect(screen.queryByText('Contribution from Northshire Children’s Centre')).toBeNull();

    fireEvent.change(screen.getByLabelText('Partner'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'how_well' } });
    expect(screen.getAllByRole('rowheader', { name: /seen within 30 days/ })).toHaveLength(1);
    expect(screen.queryByRole('rowheader', { name: /Youth rating/ })).toBeNull();

    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'all' } });
    fireEvent.click(screen.getByLabelText('Headline measures only'));
    expect(screen.getByRole('rowheader', { name: /# of children served/ })).toBeTruthy();
    expect(screen.queryByRole('rowheader', { name: /seen within 30 days/ })).toBeNull();
  });

  it('offers every period the API names and asks for the chosen one, with a sparkline of points', async () => {
    const api = serveScorecards({
      [`GET ${scorecardPath}`]: () => ({ status: 200, body: tableScorecard() }),
    });
    renderApp(`/scorecards/tables/${tableId}`);
    await screen.findByRole('heading', { level: 1, name: 'Northshire Planning Table' });
    await scorecardDrawn();

    const picker = screen.getByLabelText('Period') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual([
      '',
      'FY2025-26-Q2',
      'FY2025-26-Q1',
      'FY2023-24-Q4',
      '2022',
      '2021',
    ]);
    expect(api.urls).toContain(`${scorecardPath}?points=12&lang=en`);
    fireEvent.change(picker, { target: { value: 'FY2025-26-Q1' } });
    await waitFor(() =>
      expect(api.urls).toContain(`${scorecardPath}?period=FY2025-26-Q1&points=12&lang=en`),
    );
  });

  it('says plainly when the table is not there for this person', async () => {
    serveScorecards({});
    renderApp(`/scorecards/tables/${tableId}`);
    expect(await screen.findByText(/There is no scorecard here/)).toBeTruthy();
  });

  it("offers the table's coordinators to publish it at a secret link, and no one else", async () => {
    const coordinator = {
      ...testUser,
      roles: [
        { role: 'table_coordinator' as const, scopeType: 'table' as const, scopeId: tableId },
      ],
    };
    serveScorecards(
      {
        [`GET ${scorecardPath}`]: () => ({ status: 200, body: tableScorecard() }),
        [`GET /api/v1/tables/${tableId}/public-links`]: () => ({
          status: 200,
          body: { items: [] },
        }),
      },
      { user: coordinator },
    );
    renderApp(`/scorecards/tables/${tableId}`);
    fireEvent.click(await screen.findByText('Publish this scorecard at a secret link'));
    expect(await screen.findByRole('heading', { level: 3 })).toBeTruthy();
    cleanup();

    const member = {
      ...testUser,
      roles: [{ role: 'table_member' as const, scopeType: 'table' as const, scopeId: tableId }],
    };
    serveScorecards(
      { [`GET ${scorecardPath}`]: () => ({ status: 200, body: tableScorecard() }) },
      { user: member },
    );
    renderApp(`/scorecards/tables/${tableId}`);
    await screen.findAllByRole('table');
    expect(screen.queryByText('Publish this scorecard at a secret link')).toBeNull();
  });
});
