import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CurveReport } from '../../api/curve-report-api';
import { authRoutes, type FakeApi, fakeApi, holdRefreshCookie } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

const measureId = '5f0c2a8e-3c1d-4f7a-9b2e-1a2b3c4d5e6f';
const atTable = 'a1a1a1a1-0000-4000-8000-000000000001';
const hidden = 'b2b2b2b2-0000-4000-8000-000000000002';

// Canada, both sexes, 12 to 17, "Perceived mental health, fair or poor" (Statistics Canada
// table 13-10-0096), with 2021 suppressed here to exercise the gap.
const report: CurveReport = {
  generatedAt: '2025-03-04T12:00:00.000Z',
  curve: {
    view: 'all',
    suppressionThreshold: null,
    measureId,
    code: 'YOUTH-MH',
    name: 'Youth reporting fair or poor mental health',
    nameFr: null,
    kind: 'indicator',
    category: null,
    unit: 'percent',
    direction: 'down',
    periodType: 'year',
    headline: true,
    decimals: 1,
    latest: { period: '2022', value: 14.7, numerator: null, denominator: null, suppressed: false },
    target: { value: 12, status: 'off', variance: 2.7, percentOfTarget: 122.5 },
    trend: { trend: 'up', periods: 3, favorable: false },
    // Points, not +145 %: the change of a percentage is read in percentage points (issue #18).
    baseline: { period: '2019', value: 6, change: 8.7, changeUnit: 'points', favorable: false },
    points: [
      ['2015', 4.1],
      ['2016', 4.4],
      ['2017', 5.8],
      ['2018', 6.7],
      ['2019', 6],
      ['2020', 8.3],
      ['2021', null],
      ['2022', 14.7],
    ].map(([period, value]) => ({
      period: period as string,
      value: value as number | null,
      suppressed: value === null,
    })),
    targets: [
      { period: '2022', value: 12 },
      { period: '2024', value: 10 },
    ],
    // Where we are headed, from the latest figures, and the curve we were on at the 2019
    // baseline, each with its 80 % band; and the latest figure against the latter.
    forecast: [
      { period: '2023', value: 15.2, low: 13.4, high: 17 },
      { period: '2024', value: 16.6, low: 14.6, high: 18.6 },
    ],
    baselineForecast: [
      ['2020', 7.2, 6.3, 8.1],
      ['2021', 7.7, 6.7, 8.7],
      ['2022', 8.2, 7.1, 9.3],
      ['2023', 8.7, 7.5, 9.9],
      ['2024', 9.2, 7.9, 10.5],
    ].map(([period, value, low, high]) => ({
      period: period as string,
      value: value as number,
      low: low as number,
      high: high as number,
    })),
    versusBaselineCurve: {
      period: '2022',
      actual: 14.7,
      expected: 8.2,
      low: 7.1,
      high: 9.3,
      better: false,
    },
    breakdowns: [],
    plan: {
      hasPlan: true,
      updatedAt: '2025-02-01T10:00:00.000Z',
      openActions: 2,
      overdueActions: 1,
    },
  },
  plan: {
    id: 'c3c3c3c3-0000-4000-8000-000000000003',
    measureId,
    revision: 3,
    updatedBy: null,
    updatedByName: null,
    updatedAt: '2025-02-01T10:00:00.000Z',
    canEdit: true,
    story: {
      forcesUp: [
        {
          id: 'f1f1f1f1-0000-4000-8000-000000000001',
          text: 'Social isolation during the pandemic',
          evidence: 'School board survey, 2021',
        },
      ],
      forcesDown: [
        { id: 'f2f2f2f2-0000-4000-8000-000000000002', text: 'Peer support groups', evidence: null },
      ],
      narrative: 'The curve rose sharply after 2019.\n\nWaiting lists doubled.',
    },
    partners: [
      {
        id: 'p1p1p1p1-0000-4000-8000-000000000001',
        organizationId: atTable,
        name: null,
        role: 'Runs the drop-in clinic',
      },
      {
        id: 'p2p2p2p2-0000-4000-8000-000000000002',
        organizationId: null,
        name: 'Public library',
        role: 'Hosts peer groups',
      },
      {
        id: 'p3p3p3p3-0000-4000-8000-000000000003',
        organizationId: hidden,
        name: null,
        role: 'Funds outreach',
      },
    ],
    whatWorks: [
      {
        id: 'w1w1w1w1-0000-4000-8000-000000000001',
        idea: 'Peer mentoring',
        source: 'Meta-analysis, 2019',
        cost: 'low_cost',
        chosen: true,
      },
      {
        id: 'w2w2w2w2-0000-4000-8000-000000000002',
        idea: 'Walk-in hours after school',
        source: null,
        cost: 'no_cost',
        chosen: false,
      },
    ],
    actions: [
      {
        id: 'a1a1a1a1-1111-4000-8000-000000000001',
        title: 'Open a second drop-in',
        ownerOrganizationId: atTable,
        ownerName: 'Sam Lee',
        dueDate: '2024-06-30',
        status: 'in_progress',
        measureId,
        overdue: true,
      },
      {
        id: 'a2a2a2a2-1111-4000-8000-000000000002',
        title: 'Train librarians',
        ownerOrganizationId: null,
        ownerName: 'Ana Roy',
        dueDate: '2026-01-15',
        status: 'planned',
        measureId: null,
        overdue: false,
      },
    ],
    dataDevelopmentAgenda: [
      {
        id: 'd1d1d1d1-0000-4000-8000-000000000001',
        name: 'Wait time to first appointment',
        description: 'From the clinics’ booking systems',
      },
      {
        id: 'd2d2d2d2-0000-4000-8000-000000000002',
        name: 'Youth-reported belonging',
        description: null,
      },
    ],
  },
};

let api: FakeApi;

function serve(answer: { status: number; body?: unknown } = { status: 200, body: report }) {
  api = fakeApi({
    ...authRoutes(),
    [`GET /api/v1/measures/${measureId}/curve-report`]: () => answer,
    [`GET /api/v1/organizations/${atTable}`]: () => ({
      status: 200,
      body: {
        id: atTable,
        code: 'YWC',
        name: 'Youth Wellness Centre',
        nameFr: null,
        kind: 'agency',
      },
    }),
    [`GET /api/v1/organizations/${hidden}`]: () => ({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Organization not found' } },
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  holdRefreshCookie();
  document.documentElement.lang = 'en';
  serve();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const path = `/reports/curve/${measureId}`;

describe('the turn-the-curve report page', () => {
  it('shows the title, the headline figures and all five sections, without the app navigation', async () => {
    renderApp(path);

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Youth reporting fair or poor mental health',
      }),
    ).toBeTruthy();
    const sections = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(sections).toEqual([
      'Headline figures',
      '1. The curve',
      '2. The story behind the curve',
      '3. Partners with a role to play',
      '4. What works',
      '5. The action plan',
    ]);
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.getByText('Code YOUTH-MH')).toBeTruthy();
    expect(screen.getByText('Yearly figures')).toBeTruthy();
    expect(screen.getByText('Lower is better')).toBeTruthy();
    // Shown in the reader's time zone: only the day is certain here.
    expect(screen.getByText(/^Generated March 4, 2025/)).toBeTruthy();
    expect(document.title).toBe(
      'Youth reporting fair or poor mental health: turn-the-curve report · RBA Scorecard',
    );

    const headline = screen.getByRole('region', { name: 'Headline figures' });
    expect(headline.textContent).toContain('14.7% in 2022');
    expect(headline.textContent).toContain('12.0% ○ Off');
    expect(headline.textContent).toContain('▲ Rising, 3 in a row (unfavourable)');
    expect(headline.textContent).toContain('+8.7 pts since 2019 (6.0%) (unfavourable)');
  });

  it('draws the curve as an image with a summary, and lists every figure in a table', async () => {
    renderApp(path);
    const chart = await screen.findByRole('img', { name: /^Line chart of Youth reporting/ });
    expect(chart.getAttribute('aria-label')).toBe(
      'Line chart of Youth reporting fair or poor mental health from 2015 to 2022. ' +
        'Latest figure 14.7% in 2022. Baseline 2019. ' +
        'The curve we were on, from the 2019 baseline: 9.2% by 2024. ' +
        'Where we are headed, from the latest figures: 16.6% by 2024. ' +
        'Figures hidden to protect small counts are left as gaps. Every figure is in the table under the chart.',
    );
    expect(chart.querySelector('svg')).not.toBeNull();
    expect(
      chart.querySelectorAll('.curve-actual, .curve-target, .curve-forecast, .curve-baseline-curve')
        .length,
    ).toBe(4);
    expect(chart.querySelectorAll('.curve-band').length).toBe(2);
    // The verdict, in one sentence under the drawing: printed with the report.
    expect(document.querySelector('.curve-verdict')?.textContent).toBe(
      'In 2022, the latest figure (14.7%) is worse than the curve we were on, which pointed to 8.2% (80% range: 7.1% to 9.3%).',
    );

    const table = screen.getByRole('table', { name: 'The figures behind the curve' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['2015', '4.1%', '–', '–', '–'],
      ['2016', '4.4%', '–', '–', '–'],
      ['2017', '5.8%', '–', '–', '–'],
      ['2018', '6.7%', '–', '–', '–'],
      ['2019 (baseline)', '6.0%', '–', '–', '–'],
      ['2020', '8.3%', '–', '7.2%80%: 6.3% to 8.1%', '–'],
      ['2021', 'xHidden to protect small counts', '–', '7.7%80%: 6.7% to 8.7%', '–'],
      ['2022', '14.7%', '12.0%', '8.2%80%: 7.1% to 9.3%', '–'],
      ['2023', '–', '–', '8.7%80%: 7.5% to 9.9%', '15.2%80%: 13.4% to 17.0%'],
      ['2024', '–', '10.0%', '9.2%80%: 7.9% to 10.5%', '16.6%80%: 14.6% to 18.6%'],
    ]);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Actual',
      'Target',
      'Baseline',
      'The curve we were on (from the 2019 baseline)',
      'The curve we were on: 80% range',
      'Where we are headed (from the latest figures)',
      'Where we are headed: 80% range',
      'xHidden to protect small counts: a gap, not zero',
    ]);
  });

  it('shows the story, partners by name, what works and the action plan', async () => {
    renderApp(path);
    await screen.findByRole('heading', { level: 1 });

    const story = screen.getByRole('region', { name: '2. The story behind the curve' });
    expect(story.textContent).toContain('Social isolation during the pandemic');
    expect(story.textContent).toContain('Evidence: School board survey, 2021');
    expect(story.textContent).toContain('Peer support groups');
    expect(within(story).getAllByText(/curve rose|Waiting lists/).length).toBe(2);

    const partners = screen.getByRole('region', { name: '3. Partners with a role to play' });
    expect(await within(partners).findByText('Youth Wellness Centre')).toBeTruthy();
    expect(within(partners).getByText('Public library')).toBeTruthy();
    expect(await within(partners).findByText('An organization at the table')).toBeTruthy();

    const works = screen.getByRole('region', { name: '4. What works' });
    const ideas = within(works).getAllByRole('row').slice(1);
    expect(ideas[0]?.textContent).toBe('Peer mentoringMeta-analysis, 2019Low cost✓ Chosen');
    expect(ideas[1]?.textContent).toBe('Walk-in hours after schoolNo costNot chosen');

    const plan = screen.getByRole('region', { name: '5. The action plan' });
    const actions = within(plan).getAllByRole('row').slice(1);
    expect(actions[0]?.textContent).toBe(
      'Open a second drop-inSam Lee (Youth Wellness Centre)Jun 30, 2024In progress ⚠ Overdue',
    );
    expect(actions[1]?.textContent).toBe('Train librariansAna RoyJan 15, 2026Planned');
    const agenda = within(plan)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(agenda).toEqual([
      'Wait time to first appointmentFrom the clinics’ booking systems',
      'Youth-reported belonging',
    ]);
  });

  it('speaks French: numbers, dates and every heading', async () => {
    localStorage.setItem('rba.locale', 'fr');
    renderApp(path);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Chiffres clés',
      '1. La courbe',
      '2. L’histoire derrière la courbe',
      '3. Les partenaires qui ont un rôle à jouer',
      '4. Ce qui fonctionne',
      '5. Le plan d’action',
    ]);
    const headline = screen.getByRole('region', { name: 'Chiffres clés' });
    expect(headline.textContent).toMatch(/14,7\s% en 2022/u);
    expect(headline.textContent).toMatch(/\+8,7\spts depuis 2019/u);
    expect(document.querySelector('.curve-verdict')?.textContent).toMatch(
      /^En 2022, la dernière valeur \(14,7\s%\) est moins bonne que la courbe que nous suivions, qui annonçait 8,2\s% \(fourchette à 80 % : de 7,1\s% à 9,3\s%\)\.$/u,
    );
    const plan = screen.getByRole('region', { name: '5. Le plan d’action' });
    expect(plan.textContent).toContain('30 juin 2024');
    expect(plan.textContent).toContain('En retard');
  });

  it('names things in French, marking an English fallback, and asks the API in French', async () => {
    localStorage.setItem('rba.locale', 'fr');
    const french: CurveReport = {
      ...report,
      curve: {
        ...report.curve,
        name: 'Jeunes déclarant une santé mentale passable ou mauvaise',
        nameFr: 'Jeunes déclarant une santé mentale passable ou mauvaise',
      },
    };
    serve({ status: 200, body: french });
    renderApp(path);
    const title = await screen.findByRole('heading', {
      level: 1,
      name: 'Jeunes déclarant une santé mentale passable ou mauvaise',
    });
    expect(title.getAttribute('lang')).toBeNull();
    const asked = api.calls.filter((c) => c.path.endsWith('/curve-report'));
    expect(asked.every((c) => c.url.endsWith('?lang=fr'))).toBe(true);
    // The organization has no French name: shown in English, and marked so.
    const partners = screen.getByRole('region', {
      name: '3. Les partenaires qui ont un rôle à jouer',
    });
    expect((await within(partners).findByText('Youth Wellness Centre')).getAttribute('lang')).toBe(
      'en',
    );
    expect(document.querySelector('.curve-chart-caption')?.textContent).toContain(
      'Jeunes déclarant une santé mentale passable ou mauvaise',
    );
  });

  it('prints with the browser’s print dialog', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderApp(path);
    fireEvent.click(await screen.findByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('says plainly when the measure does not exist or is not the person’s to see', async () => {
    serve({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'Measure not found' } } });
    renderApp(path);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'There is no report at this address: the measure does not exist, or you do not have access to it.',
    );
  });

  it('says so when no plan has been written yet, and still shows the curve', async () => {
    serve({
      status: 200,
      body: {
        ...report,
        plan: {
          ...report.plan,
          id: null,
          revision: 0,
          updatedAt: null,
          story: { forcesUp: [], forcesDown: [], narrative: '' },
          partners: [],
          whatWorks: [],
          actions: [],
          dataDevelopmentAgenda: [],
        },
      },
    });
    renderApp(path);
    expect(
      await screen.findByText('No turn-the-curve plan has been saved for this measure yet.'),
    ).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Line chart/ })).toBeTruthy();
    expect(screen.getAllByText('Nothing recorded yet.').length).toBeGreaterThanOrEqual(5);
  });
});
