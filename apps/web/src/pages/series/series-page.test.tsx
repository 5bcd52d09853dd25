import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SeriesResponse } from '../../api/scorecards-api';
import { renderApp } from '../../test/render-app';
import { serveScorecards } from '../scorecards/test-api';
import { series as summary, uid } from '../scorecards/test-fixtures';

const measureId = uid();
const base = `/api/v1/measures/${measureId}`;

function seriesResponse(view: SeriesResponse['view'] = 'all'): SeriesResponse {
  return {
    ...summary({ measureId, name: '# of youth served', headline: true }),
    view,
    suppressionThreshold: view === 'restricted' ? 5 : null,
    targets: [{ period: 'FY2025-26-Q2', value: 130 }],
    forecast: [{ period: 'FY2025-26-Q3', value: 125, low: 110, high: 140 }],
    baselineForecast: [],
    versusBaselineCurve: null,
    breakdowns: [
      {
        breakdown: { gender: 'girls_women' },
        key: 'gender=girls_women',
        points: [
          { period: 'FY2025-26-Q1', value: 60, suppressed: false },
          { period: 'FY2025-26-Q2', value: 70, suppressed: false },
        ],
      },
      {
        breakdown: { gender: 'gender_diverse' },
        key: 'gender=gender_diverse',
        points: [
          { period: 'FY2025-26-Q1', value: null, suppressed: true },
          { period: 'FY2025-26-Q2', value: 6, suppressed: false },
        ],
      },
    ],
  };
}

const plan = {
  id: uid(),
  measureId,
  revision: 3,
  updatedBy: null,
  updatedAt: '2026-01-10T12:00:00.000Z',
  canEdit: true,
  story: { forcesUp: [], forcesDown: [], narrative: 'Waits grew when a clinic closed.' },
  partners: [{ id: uid(), organizationId: null, name: 'Public library', role: 'Space' }],
  whatWorks: [
    { id: uid(), idea: 'Walk-in Saturdays', source: null, cost: 'low_cost', chosen: true },
  ],
  actions: [
    {
      id: uid(),
      title: 'Open on Saturdays',
      ownerOrganizationId: null,
      ownerName: 'Priya',
      dueDate: '2025-11-05',
      status: 'in_progress',
      measureId: null,
      overdue: true,
    },
  ],
  dataDevelopmentAgenda: [],
};

const dimensions = {
  items: [
    {
      id: uid(),
      code: 'gender',
      name: 'Gender',
      nameFr: null,
      values: [
        { code: 'girls_women', label: 'Girls and women', labelFr: null },
        { code: 'gender_diverse', label: 'Gender diverse', labelFr: null },
      ],
    },
  ],
};

const frenchDimensions = {
  items: [
    {
      ...dimensions.items[0],
      name: 'Genre',
      nameFr: 'Genre',
      values: [
        { code: 'girls_women', label: 'Filles et femmes', labelFr: 'Filles et femmes' },
        { code: 'gender_diverse', label: 'Gender diverse', labelFr: null },
      ],
    },
  ],
};

function serve(
  observations: { status: number; body?: unknown },
  view: SeriesResponse['view'] = 'all',
) {
  return serveScorecards({
    [`GET ${base}/series`]: () => ({ status: 200, body: seriesResponse(view) }),
    [`GET ${base}/observations`]: () => observations,
    [`GET ${base}/curve-plan`]: () => ({ status: 200, body: plan }),
    'GET /api/v1/dimensions': () => ({ status: 200, body: dimensions }),
    'GET /api/v1/organizations': () => ({ status: 200, body: { items: [], total: 0 } }),
  });
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the series page', () => {
  it('reads in French: names, breakdown labels and periods, an English fallback marked', async () => {
    localStorage.setItem('rba.locale', 'fr');
    const api = serveScorecards({
      [`GET ${base}/series`]: () => ({
        status: 200,
        body: {
          ...seriesResponse(),
          name: 'Nombre de jeunes servis',
          nameFr: 'Nombre de jeunes servis',
        },
      }),
      [`GET ${base}/observations`]: () => ({ status: 200, body: { items: [] } }),
      [`GET ${base}/curve-plan`]: () => ({ status: 200, body: plan }),
      // As the API answers ?lang=fr: French where there is French, else the English.
      'GET /api/v1/dimensions': () => ({ status: 200, body: frenchDimensions }),
      'GET /api/v1/organizations': () => ({ status: 200, body: { items: [], total: 0 } }),
    });
    renderApp(`/measures/${measureId}`);

    const title = await screen.findByRole('heading', { level: 1, name: 'Nombre de jeunes servis' });
    expect(title.getAttribute('lang')).toBeNull();
    expect(api.urls).toContain(`${base}/series?horizon=4&lang=fr`);
    // Periods the French way, in the headline and the tables; never the machine label.
    expect(screen.getAllByText('T2 2025-2026').length).toBeGreaterThan(0);
    expect(document.querySelector('main')?.textContent).not.toMatch(/FY2025|2025-26-Q/);
    // The breakdown with a French label reads in French; the one without is marked English.
    const breakdowns = screen.getByRole('table', { name: 'Les données par ventilation' });
    expect(within(breakdowns).getByRole('columnheader', { name: 'Filles et femmes' })).toBeTruthy();
    const fallback = within(breakdowns).getByRole('columnheader', { name: 'Gender diverse' });
    expect(fallback.getAttribute('lang')).toBe('en');
  });

  it('draws the curve with its table, the breakdowns to toggle, the notes and the plan', async () => {
    const api = serve({
      status: 200,
      body: {
        items: [
          {
            id: uid(),
            measureId,
            period: 'FY2025-26-Q2',
            periodStart: '2025-07-01',
            periodEnd: '2025-09-30',
            breakdown: {},
            value: 120,
            numerator: null,
            denominator: null,
            note: 'A new intake worker started in August.',
            status: 'approved',
            version: 2,
            enteredBy: null,
            updatedAt: '2025-10-01T00:00:00.000Z',
          },
        ],
      },
    });
    renderApp(`/measures/${measureId}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: '# of youth served' }),
    ).toBeTruthy();
    expect(api.urls).toContain(`${base}/series?horizon=4&lang=en`);
    expect(screen.getByRole('table', { name: 'The figures behind the curve' })).toBeTruthy();

    // Breakdown lines, named by their dimension values, each with a checkbox.
    const legend = screen.getByRole('group', { name: 'Lines shown' });
    const boxes = within(legend).getAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('label')?.textContent)).toEqual([
      'Total',
      'Girls and women',
      'Gender diverse',
    ]);
    const plot = screen.getByRole('img', { name: /by breakdown; lines shown: 3/ });
    fireEvent.click(within(legend).getByRole('checkbox', { name: 'Gender diverse' }));
    expect(plot.getAttribute('aria-label')).toMatch(/lines shown: 2/);
    expect(
      (within(legend).getByRole('checkbox', { name: 'Gender diverse' }) as HTMLInputElement)
        .checked,
    ).toBe(false);

    // Every breakdown figure stays in the table, a suppressed one as "x" with the neutral reason.
    const table = screen.getByRole('table', { name: 'The figures by breakdown' });
    const firstRow = within(table).getByRole('rowheader', { name: 'FY2025-26 Q1' }).closest('tr');
    expect(firstRow?.textContent).toContain('xHidden to protect small counts');
    expect(firstRow?.textContent).not.toContain('<');
    // Only a restricted view has the legend of "x".
    expect(screen.queryByText('x: hidden to protect small counts')).toBeNull();

    expect(await screen.findByText('A new intake worker started in August.')).toBeTruthy();

    const aside = screen.getByRole('complementary', { name: 'Turn-the-curve plan' });
    expect(within(aside).getByText('Waits grew when a clinic closed.')).toBeTruthy();
    expect(within(aside).getByText('Overdue')).toBeTruthy();
    expect(within(aside).getByRole('link', { name: 'Edit the plan' }).getAttribute('href')).toBe(
      `/plans/${measureId}`,
    );
    expect(
      within(aside)
        .getByRole('link', { name: 'Turn-the-curve report for # of youth served' })
        .getAttribute('href'),
    ).toBe(`/reports/curve/${measureId}`);
  });

  it('leaves the notes out for a funder, and does not ask for the stored figures', async () => {
    const calls = serve(
      { status: 403, body: { error: { code: 'FORBIDDEN', message: 'Funders read series' } } },
      'restricted',
    );
    renderApp(`/measures/${measureId}`);
    await screen.findByRole('heading', { level: 1, name: '# of youth served' });
    await screen.findByRole('complementary', { name: 'Turn-the-curve plan' });
    expect(screen.queryByRole('heading', { name: 'Notes on the figures' })).toBeNull();
    expect(screen.queryByText(/could not be loaded/)).toBeNull();
    expect(calls.urls.some((u) => u.includes('/observations'))).toBe(false);
    // The rule in general words, and once what the "x" of a suppressed figure means.
    expect(screen.getAllByText('x: hidden to protect small counts')).toHaveLength(1);
    const table = screen.getByRole('table', { name: 'The figures by breakdown' });
    const firstRow = within(table).getByRole('rowheader', { name: 'FY2025-26 Q1' }).closest('tr');
    expect(firstRow?.textContent).toContain('xHidden to protect small counts');
    expect(document.body.textContent).not.toMatch(/<\s*\d/);
  });
});
