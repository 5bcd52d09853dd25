// Scorecards as the API sends them, for component tests: small, but nested like the real ones.

import type { SeriesSummary, TableScorecard } from '../../api/scorecards-api';

let next = 0;
/** A fresh uuid-shaped id, so ids never collide between fixtures. */
export function uid(): string {
  next += 1;
  return `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
}

export function series(overrides: Partial<SeriesSummary> = {}): SeriesSummary {
  return {
    measureId: uid(),
    code: 'M',
    name: 'A measure',
    nameFr: null,
    kind: 'performance',
    category: 'how_much',
    unit: 'count',
    direction: 'up',
    periodType: 'fiscal_quarter',
    headline: false,
    decimals: 0,
    latest: {
      period: 'FY2025-26-Q2',
      value: 120,
      numerator: null,
      denominator: null,
      suppressed: false,
    },
    target: { value: null, status: 'none', variance: null, percentOfTarget: null },
    trend: { trend: 'up', periods: 2, favorable: true },
    baseline: {
      period: 'FY2024-25-Q1',
      value: 100,
      change: 0.2,
      changeUnit: 'relative',
      favorable: true,
    },
    points: [
      { period: 'FY2025-26-Q1', value: 110, suppressed: false },
      { period: 'FY2025-26-Q2', value: 120, suppressed: false },
    ],
    plan: { hasPlan: false, updatedAt: null, openActions: 0, overdueActions: 0 },
    ...overrides,
  };
}

export const agencyA = {
  id: uid(),
  code: 'NCMHC',
  name: 'Northshire Children’s Centre',
  nameFr: null,
};
export const agencyB = { id: uid(), code: 'YWH', name: 'Youth Wellness Hub', nameFr: null };

export const tableId = uid();

/** One result (an indicator, two programs of two agencies) and one shared measure. */
export function tableScorecard(overrides: Partial<TableScorecard> = {}): TableScorecard {
  return {
    table: {
      id: tableId,
      name: 'Northshire Planning Table',
      nameFr: null,
      population: 'Children and youth',
      populationFr: null,
    },
    period: null,
    view: 'restricted',
    suppressionThreshold: 5,
    // Every period with a figure, FY2023-24-Q4 among them although no point below reaches back
    // to it (the API sends each series' last points only).
    periods: ['FY2025-26-Q2', 'FY2025-26-Q1', 'FY2023-24-Q4', '2022', '2021'],
    results: [
      {
        id: uid(),
        title: 'All children are mentally healthy',
        titleFr: null,
        indicators: [
          series({
            name: 'Youth rating their mental health fair or poor',
            kind: 'indicator',
            category: null,
            unit: 'percent',
            direction: 'down',
            periodType: 'year',
            headline: true,
            decimals: 1,
            latest: {
              period: '2022',
              value: 16.3,
              numerator: null,
              denominator: null,
              suppressed: false,
            },
            trend: { trend: 'up', periods: 3, favorable: false },
            baseline: {
              period: '2019',
              value: 6.6,
              change: 9.7,
              changeUnit: 'points',
              favorable: false,
            },
            points: [
              { period: '2021', value: 12.9, suppressed: false },
              { period: '2022', value: 16.3, suppressed: false },
            ],
            plan: { hasPlan: true, updatedAt: null, openActions: 2, overdueActions: 1 },
          }),
        ],
        programs: [
          {
            id: uid(),
            name: 'Counselling',
            nameFr: null,
            organization: agencyA,
            measures: [
              series({ name: '# of children served', headline: true }),
              series({
                name: '% seen within 30 days',
                category: 'how_well',
                unit: 'percent',
                latest: {
                  period: 'FY2025-26-Q2',
                  value: 45,
                  numerator: 90,
                  denominator: 200,
                  suppressed: false,
                },
                target: { value: 50, status: 'near', variance: -0.1, percentOfTarget: 90 },
              }),
            ],
          },
          {
            id: uid(),
            name: 'Family circle',
            nameFr: null,
            organization: agencyB,
            measures: [
              series({
                name: '# of families taking part',
                latest: {
                  period: 'FY2025-26-Q2',
                  value: null,
                  numerator: null,
                  denominator: null,
                  suppressed: true,
                },
                points: [
                  { period: 'FY2025-26-Q1', value: 7, suppressed: false },
                  { period: 'FY2025-26-Q2', value: null, suppressed: true },
                ],
              }),
            ],
          },
        ],
      },
    ],
    sharedMeasures: [
      {
        ...series({ name: '# served across the system', kind: 'shared', headline: true }),
        contributions: [
          { ...series({ name: '# served' }), organization: agencyA },
          { ...series({ name: '# served' }), organization: agencyB },
        ],
      },
    ],
    ...overrides,
  };
}

/**
 * The series as a reader of approved figures sees it while its latest period is reopened for
 * correction: the last approved figure, marked under revision (its point too).
 */
export function revised(s: SeriesSummary): SeriesSummary {
  const latest = s.latest ? { ...s.latest, underRevision: true as const } : null;
  return {
    ...s,
    latest,
    points: s.points.map((p) =>
      p.period === latest?.period ? { ...p, underRevision: true as const } : p,
    ),
  };
}

/** The table scorecard with the named program measures under revision. */
export function tableScorecardRevising(names: readonly string[]): TableScorecard {
  const card = tableScorecard();
  const mark = (s: SeriesSummary) => (names.includes(s.name) ? revised(s) : s);
  return {
    ...card,
    results: card.results.map((r) => ({
      ...r,
      programs: r.programs.map((p) => ({ ...p, measures: p.measures.map(mark) })),
    })),
  };
}
