import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FigureHistoryItem } from '../../api/history-api';
import type { SeriesResponse } from '../../api/scorecards-api';
import type { FakeRoute } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { serveScorecards } from '../scorecards/test-api';
import { series as summary, uid } from '../scorecards/test-fixtures';

const measureId = uid();
const base = `/api/v1/measures/${measureId}`;
const priya = { id: uid(), name: 'Priya Patel' };
const chantal = { id: uid(), name: 'Chantal Coordinator' };

function seriesResponse(view: SeriesResponse['view']): SeriesResponse {
  return {
    ...summary({ measureId, name: '# of youth served' }),
    view,
    suppressionThreshold: null,
    targets: [],
    forecast: [],
    baselineForecast: [],
    versusBaselineCurve: null,
    breakdowns: [
      {
        breakdown: { gender: 'girls_women' },
        key: 'gender=girls_women',
        points: [{ period: 'FY2025-26-Q2', value: 70, suppressed: false }],
      },
    ],
  };
}

const step = (at: string, action: FigureHistoryItem['action'], reason: string | null = null) => ({
  at,
  actor: chantal,
  action,
  value: null,
  numerator: null,
  denominator: null,
  status: null,
  note: null,
  reason,
});
const saved = (at: string, value: number, note: string | null = null) => ({
  ...step(at, 'saved'),
  actor: priya,
  value,
  status: 'draft' as const,
  note,
});

const items = [
  saved('2025-07-02T10:00:00.000Z', 118),
  step('2025-07-20T10:00:00.000Z', 'submitted'),
  step('2025-07-22T10:00:00.000Z', 'returned', 'Two intakes counted twice'),
  saved('2025-07-23T10:00:00.000Z', 116, 'Duplicates removed'),
  step('2025-07-25T10:00:00.000Z', 'approved'),
];

function serve(view: SeriesResponse['view'], history: FakeRoute) {
  return serveScorecards({
    [`GET ${base}/series`]: () => ({ status: 200, body: seriesResponse(view) }),
    [`GET ${base}/observations`]: () => ({ status: 200, body: { items: [] } }),
    [`GET ${base}/curve-plan`]: () => ({ status: 404 }),
    'GET /api/v1/dimensions': () => ({
      status: 200,
      body: {
        items: [
          {
            id: uid(),
            code: 'gender',
            name: 'Gender',
            values: [{ code: 'girls_women', label: 'Girls and women' }],
          },
        ],
      },
    }),
    'GET /api/v1/organizations': () => ({ status: 200, body: { items: [], total: 0 } }),
    [`GET ${base}/observations/FY2025-26-Q2/history`]: history,
    [`GET ${base}/observations/FY2025-26-Q1/history`]: history,
  });
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .slice(1)
        .map((c) => c.textContent?.replace(/\s+/g, ' ').trim()),
    );

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a figure’s history on the series page', () => {
  it('shows the latest period’s history in order, old → new, for any period and breakdown', async () => {
    const api = serve('all', () => ({ status: 200, body: { items } }));
    renderApp(`/measures/${measureId}`);
    const section = await screen.findByRole('region', { name: 'History of a figure' });
    const table = await within(section).findByRole('table', {
      name: 'History of # of youth served, FY2025-26 Q2',
    });
    expect(rowsOf(table)).toEqual([
      ['Priya Patel', 'Saved', 'from —No figure → to 118', ''],
      ['Chantal Coordinator', 'Submitted', '', ''],
      ['Chantal Coordinator', 'Returned', '', 'Reason: Two intakes counted twice'],
      ['Priya Patel', 'Saved', 'from 118 → to 116', 'Note: Duplicates removed'],
      ['Chantal Coordinator', 'Approved', '', ''],
    ]);

    fireEvent.change(within(section).getByLabelText('Period'), {
      target: { value: 'FY2025-26-Q1' },
    });
    fireEvent.change(within(section).getByLabelText('Figure'), {
      target: { value: 'gender=girls_women' },
    });
    await within(section).findByRole('table', {
      name: 'History of # of youth served (Girls and women), FY2025-26 Q1',
    });
    expect(api.urls).toContain(
      `${base}/observations/FY2025-26-Q1/history?breakdown=gender%3Agirls_women&lang=en`,
    );
  });

  it('speaks French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    serve('review', () => ({ status: 200, body: { items } }));
    renderApp(`/measures/${measureId}`, { locale: 'fr' });
    const section = await screen.findByRole('region', { name: 'Historique d’une donnée' });
    const table = await within(section).findByRole('table', {
      name: 'Historique de # of youth served, T2 2025-2026',
    });
    expect(rowsOf(table).map((r) => r[1])).toEqual([
      'Enregistré',
      'Soumis',
      'Renvoyé',
      'Enregistré',
      'Approuvé',
    ]);
    expect(rowsOf(table)[3]?.[2]).toBe('de 118 → à 116');
  });

  it('is left out when the API refuses it, and never asked for in a funder’s view', async () => {
    const refused = serve('all', () => ({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: 'Not for you' } },
    }));
    renderApp(`/measures/${measureId}`);
    await screen.findByRole('heading', { level: 1, name: '# of youth served' });
    await waitFor(() => expect(refused.urls.some((u) => u.includes('/history'))).toBe(true));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'History of a figure' })).toBeNull(),
    );
    expect(screen.queryByText(/history of this figure could not be loaded/)).toBeNull();
    cleanup();

    const api = serve('restricted', () => ({ status: 200, body: { items } }));
    renderApp(`/measures/${measureId}`);
    await screen.findByRole('heading', { level: 1, name: '# of youth served' });
    expect(screen.queryByRole('region', { name: 'History of a figure' })).toBeNull();
    expect(api.urls.some((u) => u.includes('/history'))).toBe(false);
  });
});
