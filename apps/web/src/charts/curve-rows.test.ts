import { describe, expect, it } from 'vitest';
import {
  beatsForecast,
  comparePeriodLabels,
  curveRows,
  hasTurningBand,
  revisionPeriods,
  suppressedPeriods,
} from './curve-rows';

const points = [
  { period: '2019', value: 6, suppressed: false },
  { period: '2020', value: 8.3, suppressed: false },
  { period: '2021', value: null, suppressed: true },
  { period: '2022', value: 14.7, suppressed: false },
];

describe('curve rows', () => {
  it('merges actuals, targets and forecast into one row per period, in time order', () => {
    const rows = curveRows({
      points,
      targets: [
        { period: '2024', value: 10 },
        { period: '2022', value: 12 },
      ],
      forecast: [
        { period: '2023', value: 15.1 },
        { period: '2024', value: 16.9 },
      ],
      baselinePeriod: '2019',
      direction: 'down',
    });
    expect(rows.map((r) => r.period)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    expect(rows.map((r) => r.actual)).toEqual([6, 8.3, null, 14.7, null, null]);
    expect(rows.map((r) => r.target)).toEqual([null, null, null, 12, null, 10]);
    expect(rows.map((r) => r.forecast)).toEqual([null, null, null, null, 15.1, 16.9]);
    expect(rows.map((r) => r.isBaseline)).toEqual([true, false, false, false, false, false]);
  });

  it('leaves a suppressed figure as a gap, never zero', () => {
    const rows = curveRows({
      points,
      targets: [],
      forecast: [],
      baselinePeriod: null,
      direction: 'down',
    });
    const hidden = rows.find((r) => r.period === '2021');
    expect(hidden).toMatchObject({ actual: null, suppressed: true });
    expect(suppressedPeriods(rows)).toEqual(['2021']);
  });

  it('carries the mark of a figure under revision, and keeps the figure on the line', () => {
    const rows = curveRows({
      points: [
        ...points.slice(0, 3),
        { period: '2022', value: 14.7, suppressed: false, underRevision: true },
      ],
      targets: [],
      forecast: [],
      baselinePeriod: null,
      direction: 'down',
    });
    expect(rows.map((r) => r.underRevision)).toEqual([false, false, false, true]);
    expect(rows.at(-1)?.actual).toBe(14.7);
    expect(revisionPeriods(rows)).toEqual(['2022']);
  });

  it('starts the dashed forecast line at the last actual, without changing the forecast', () => {
    const rows = curveRows({
      points: [...points, { period: '2023', value: null, suppressed: true }],
      targets: [],
      forecast: [{ period: '2024', value: 16.9 }],
      baselinePeriod: null,
      direction: 'down',
    });
    expect(rows.map((r) => [r.period, r.forecastLine])).toEqual([
      ['2019', null],
      ['2020', null],
      ['2021', null],
      ['2022', 14.7],
      ['2023', null],
      ['2024', 16.9],
    ]);
    expect(rows.find((r) => r.period === '2022')?.forecast).toBeNull();
  });

  it('adds a row for a baseline period that has no figure', () => {
    const rows = curveRows({
      points,
      targets: [],
      forecast: [],
      baselinePeriod: '2015',
      direction: 'up',
    });
    expect(rows[0]).toMatchObject({ period: '2015', actual: null, isBaseline: true });
  });

  it('orders quarters, months and fiscal periods by their labels', () => {
    expect(['2025-Q3', '2024-Q4', '2025-Q1'].sort(comparePeriodLabels)).toEqual([
      '2024-Q4',
      '2025-Q1',
      '2025-Q3',
    ]);
    expect(['2025-10', '2025-02'].sort(comparePeriodLabels)).toEqual(['2025-02', '2025-10']);
    expect(['FY2025-26-Q1', 'FY2024-25-Q4'].sort(comparePeriodLabels)).toEqual([
      'FY2024-25-Q4',
      'FY2025-26-Q1',
    ]);
  });
});

describe('the turning-the-curve band', () => {
  it('knows which side is better from the measure’s direction', () => {
    expect(beatsForecast(5, 6, 'down')).toBe(true);
    expect(beatsForecast(5, 6, 'up')).toBe(false);
    expect(beatsForecast(6, 6, 'up')).toBe(false);
  });

  it('shades between actual and forecast only where the actual does better', () => {
    const rows = curveRows({
      points: [
        { period: '2020', value: 10, suppressed: false },
        { period: '2021', value: 9, suppressed: false },
        { period: '2022', value: 13, suppressed: false },
        { period: '2023', value: null, suppressed: true },
      ],
      targets: [],
      forecast: [
        { period: '2020', value: 10 },
        { period: '2021', value: 11 },
        { period: '2022', value: 12 },
        { period: '2023', value: 13 },
      ],
      baselinePeriod: '2020',
      direction: 'down',
    });
    expect(rows.map((r) => r.band)).toEqual([null, [9, 11], null, null]);
    expect(hasTurningBand(rows)).toBe(true);
  });

  it('has no band when the forecast only starts after the last actual', () => {
    const rows = curveRows({
      points,
      targets: [],
      forecast: [{ period: '2023', value: 1 }],
      baselinePeriod: null,
      direction: 'down',
    });
    expect(hasTurningBand(rows)).toBe(false);
  });
});
