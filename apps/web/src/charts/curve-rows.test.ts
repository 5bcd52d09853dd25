import { describe, expect, it } from 'vitest';
import {
  beatsForecast,
  chartData,
  comparePeriodLabels,
  curveRows,
  hasBand,
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
    expect(rows.map((r) => r.forecast.value)).toEqual([null, null, null, null, 15.1, 16.9]);
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

  it('draws the forecast only where it was projected, not joined to the last actual', () => {
    // Until issue #18 the dashed line was joined to the last actual: a segment that was neither
    // the figures nor the fitted line, which does not pass through them.
    const data = chartData(
      curveRows({
        points: [...points, { period: '2023', value: null, suppressed: true }],
        targets: [],
        forecast: [{ period: '2024', value: 16.9 }],
        baselinePeriod: null,
        direction: 'down',
      }),
    );
    expect(data.map((d) => [d.period, d.forecastLine])).toEqual([
      ['2019', null],
      ['2020', null],
      ['2021', null],
      ['2022', null],
      ['2023', null],
      ['2024', 16.9],
    ]);
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

describe('the two projected lines and their 80% bands', () => {
  const curveWeWereOn = [
    { period: '2020', value: 7, low: 6, high: 8 },
    { period: '2021', value: 8, low: 6.8, high: 9.2 },
    { period: '2022', value: 9, low: 7.5, high: 10.5 },
    { period: '2023', value: 10, low: 8.2, high: 11.8 },
  ];
  const headed = [{ period: '2023', value: 17, low: 15, high: 19 }];

  it('places both lines with their bands, as given, beside the actuals', () => {
    const rows = curveRows({
      points,
      targets: [],
      forecast: headed,
      baselineForecast: curveWeWereOn,
      baselinePeriod: '2019',
      direction: 'down',
    });
    expect(rows.map((r) => [r.period, r.curve.value, r.curve.low, r.curve.high])).toEqual([
      ['2019', null, null, null],
      ['2020', 7, 6, 8],
      ['2021', 8, 6.8, 9.2],
      ['2022', 9, 7.5, 10.5],
      ['2023', 10, 8.2, 11.8],
    ]);
    expect(rows.map((r) => [r.forecast.value, r.forecast.low, r.forecast.high]).at(-1)).toEqual([
      17, 15, 19,
    ]);
    expect(hasBand(rows, (r) => r.curve)).toBe(true);
    expect(hasBand(rows, (r) => r.forecast)).toBe(true);
  });

  it('draws each line and its band where the API projected them, and nowhere else', () => {
    const data = chartData(
      curveRows({
        points,
        targets: [],
        forecast: headed,
        baselineForecast: curveWeWereOn,
        baselinePeriod: '2019',
        direction: 'down',
      }),
    );
    expect(data.map((d) => [d.period, d.curveLine, d.curveBand])).toEqual([
      ['2019', null, null],
      ['2020', 7, [6, 8]],
      ['2021', 8, [6.8, 9.2]],
      ['2022', 9, [7.5, 10.5]],
      ['2023', 10, [8.2, 11.8]],
    ]);
    expect(data.map((d) => [d.period, d.forecastLine, d.forecastBand])).toEqual([
      ['2019', null, null],
      ['2020', null, null],
      ['2021', null, null],
      ['2022', null, null],
      ['2023', 17, [15, 19]],
    ]);
  });

  it('has no band where the API gave none (fewer than three figures fitted)', () => {
    const rows = curveRows({
      points,
      targets: [],
      forecast: [{ period: '2023', value: 17, low: null, high: null }],
      baselinePeriod: null,
      direction: 'down',
    });
    expect(hasBand(rows, (r) => r.forecast)).toBe(false);
    expect(hasBand(rows, (r) => r.curve)).toBe(false);
    expect(rows.at(-1)?.forecast).toMatchObject({ value: 17, low: null, high: null });
  });

  it('knows which side is better from the measure’s direction', () => {
    expect(beatsForecast(5, 6, 'down')).toBe(true);
    expect(beatsForecast(5, 6, 'up')).toBe(false);
    expect(beatsForecast(6, 6, 'up')).toBe(false);
  });
});
