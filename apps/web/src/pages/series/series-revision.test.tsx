// The series page as a funder sees it while a period is reopened for correction: the last
// approved figures, each marked "†" (latest, curve, table, breakdowns), and the legend once.

import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/auth-api';
import type { SeriesResponse } from '../../api/scorecards-api';
import { testUser } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { serveScorecards } from '../scorecards/test-api';
import { revised, series as summary, uid } from '../scorecards/test-fixtures';

const measureId = uid();
const base = `/api/v1/measures/${measureId}`;
const funder: User = {
  ...testUser,
  roles: [{ role: 'funder_viewer', scopeType: 'table', scopeId: uid() }],
};
const legend = {
  en: '† under revision: the last approved figure, being corrected',
  fr: '† en révision : le dernier chiffre approuvé, en cours de correction',
} as const;

function seriesResponse(underRevision: boolean): SeriesResponse {
  const plain = summary({ measureId, name: '# of youth served' });
  const q2 = { period: 'FY2025-26-Q2', value: 70, suppressed: false };
  return {
    ...(underRevision ? revised(plain) : plain),
    view: 'restricted',
    suppressionThreshold: 5,
    targets: [],
    forecast: [],
    baselineForecast: [],
    versusBaselineCurve: null,
    breakdowns: [
      {
        breakdown: { gender: 'girls_women' },
        key: 'gender=girls_women',
        points: [
          { period: 'FY2025-26-Q1', value: 60, suppressed: false },
          underRevision ? { ...q2, underRevision: true } : q2,
        ],
      },
    ],
  };
}

function serve(underRevision: boolean, user: User = funder) {
  serveScorecards(
    {
      [`GET ${base}/series`]: () => ({ status: 200, body: seriesResponse(underRevision) }),
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
    },
    { user },
  );
}

function rowOf(tableName: string, period: string): HTMLElement {
  const table = screen.getByRole('table', { name: tableName });
  const row = within(table).getByRole('rowheader', { name: period }).closest('tr');
  if (!row) throw new Error(`no row for ${period}`);
  return row;
}

/** What the headline says under its "Latest" term. */
function latestFigure(term: string): string | null | undefined {
  return screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
}

async function open(locale?: 'fr') {
  renderApp(`/measures/${measureId}`, locale ? { locale } : {});
  await screen.findByRole('heading', { level: 1, name: '# of youth served' });
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a series under revision, for a funder', () => {
  it('marks the latest figure, the point in the curve and its table, and the breakdown', async () => {
    serve(true);
    await open();

    // The latest figure stays shown, followed by "†" and the words for screen readers.
    expect(latestFigure('Latest')).toBe('120† (under revision) FY2025-26 Q2');
    // The page's legend, once; the chart's own legend names the mark it draws.
    expect(screen.getAllByText(legend.en)).toHaveLength(1);
    const chartLegend = screen.getByRole('list', { name: 'Legend' });
    expect(
      within(chartLegend).getByText('Under revision: the last approved figure, being corrected'),
    ).toBeTruthy();

    // The table under the curve: the marked period only.
    const curveTable = 'The figures behind the curve';
    expect(rowOf(curveTable, 'FY2025-26 Q2').textContent).toContain('120† (under revision)');
    expect(rowOf(curveTable, 'FY2025-26 Q1').textContent).not.toContain('†');
    // The chart draws it apart (a ring with "†") and its summary says it.
    expect(document.querySelectorAll('.curve-revision')).toHaveLength(1);
    const summary = screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'));
    expect(summary.join(' ')).toContain(
      'Under revision (the last approved figure, being corrected): FY2025-26 Q2.',
    );

    // The breakdown's table: the marked cells (the total and the girls' line) of that period.
    const byBreakdown = rowOf('The figures by breakdown', 'FY2025-26 Q2');
    expect(within(byBreakdown).getAllByText('(under revision)')).toHaveLength(2);
    expect(rowOf('The figures by breakdown', 'FY2025-26 Q1').textContent).not.toContain('†');
  });

  it('says it in French', async () => {
    serve(true, { ...funder, locale: 'fr' });
    await open('fr');
    expect(latestFigure('Dernière donnée')).toBe('120† (en révision) T2 2025-2026');
    expect(screen.getAllByText(legend.fr)).toHaveLength(1);
  });

  it('shows neither mark nor legend when nothing is under revision', async () => {
    serve(false);
    await open();
    expect(latestFigure('Latest')).toBe('120 FY2025-26 Q2');
    expect(document.body.textContent).not.toContain('†');
    expect(screen.queryByText(/under revision/i)).toBeNull();
    expect(document.querySelector('.curve-revision')).toBeNull();
  });
});
