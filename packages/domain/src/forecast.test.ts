import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { fitLine, forecast, forecastIndexed } from './forecast.js';
import { indexSeries } from './series.js';

describe('forecast', () => {
  it('extends an exact line', () => {
    const series = [
      { period: '2021-Q1', value: 2 },
      { period: '2021-Q2', value: 4 },
      { period: '2021-Q3', value: 6 },
      { period: '2021-Q4', value: 8 },
    ];
    expect(forecast(series, { horizon: 2 })).toEqual([
      { period: '2022-Q1', value: 10 },
      { period: '2022-Q2', value: 12 },
    ]);
  });

  it('keeps the index of a period after a gap', () => {
    const series = [
      { period: '2021-Q4', value: 16 },
      { period: '2021-Q1', value: 10 },
      { period: '2021-Q2', value: 12 },
    ];
    expect(forecast(series, { horizon: 2 })).toEqual([
      { period: '2022-Q1', value: 18 },
      { period: '2022-Q2', value: 20 },
    ]);
  });

  it('leaves null values out of the fit but keeps their index', () => {
    const series = [
      { period: '2021-01', value: 1 },
      { period: '2021-02', value: null },
      { period: '2021-03', value: 3 },
      { period: '2021-04', value: null },
    ];
    // Line through (0, 1) and (2, 3); projection starts after the last period given.
    expect(forecast(series, { horizon: 1 })).toEqual([{ period: '2021-05', value: 5 }]);
  });

  it('fits least squares through scattered points', () => {
    const series = [
      { period: 'FY2021-22', value: 50 },
      { period: 'FY2022-23', value: 54 },
      { period: 'FY2023-24', value: 55 },
      { period: 'FY2024-25', value: 61 },
    ];
    const [point] = forecast(series, { horizon: 1, fiscalYearStart: 4 });
    expect(point?.period).toBe('FY2025-26');
    expect(point?.value).toBeCloseTo(63.5, 12);
    const fit = fitLine(indexSeries(series));
    expect(fit?.slope).toBeCloseTo(3.4, 12);
    expect(fit?.intercept).toBeCloseTo(49.9, 12);
  });

  it('gives no points for fewer than two values or horizon 0', () => {
    expect(forecast([{ period: '2024-Q4', value: 7 }], { horizon: 3 })).toEqual([]);
    expect(
      forecast(
        [
          { period: '2024-Q3', value: 7 },
          { period: '2024-Q4', value: null },
        ],
        { horizon: 3 },
      ),
    ).toEqual([]);
    expect(
      forecast(
        [
          { period: '2024-Q3', value: 7 },
          { period: '2024-Q4', value: 8 },
        ],
        { horizon: 0 },
      ),
    ).toEqual([]);
    expect(forecast([], { horizon: 2 })).toEqual([]);
  });

  it('rolls labels over into the next fiscal year', () => {
    const series = [
      { period: 'FY2024-25-Q3', value: 10 },
      { period: 'FY2024-25-Q4', value: 13 },
    ];
    expect(forecast(series, { horizon: 2 }).map((p) => p.period)).toEqual([
      'FY2025-26-Q1',
      'FY2025-26-Q2',
    ]);
  });

  it('rejects a negative or fractional horizon', () => {
    expect(() => forecast([], { horizon: -1 })).toThrow(InvalidInputError);
    expect(() => forecast([], { horizon: 1.5 })).toThrow(InvalidInputError);
  });
});

describe('forecast with an interval', () => {
  // Expected values: numpy OLS with scipy.stats.t.ppf, as statsmodels' obs_ci_lower/upper.
  const falling = [
    { period: 'FY2024-25-Q2', value: 31.5 },
    { period: 'FY2024-25-Q3', value: 30.1 },
    { period: 'FY2024-25-Q4', value: 28.8 },
    { period: 'FY2025-26-Q1', value: 28.9 },
    { period: 'FY2025-26-Q2', value: 26.4 },
  ];

  it('gives the prediction interval of a new observation at each point', () => {
    const points = forecast(falling, { horizon: 2, interval: 0.8 });
    expect(points.map((p) => p.period)).toEqual(['FY2025-26-Q3', 'FY2025-26-Q4']);
    const [first, second] = points;
    expect(first?.value).toBeCloseTo(25.72, 12);
    expect(first?.low).toBeCloseTo(24.234068491877867, 11);
    expect(first?.high).toBeCloseTo(27.205931508122138, 11);
    expect(second?.low).toBeCloseTo(22.864194087576678, 11);
    expect(second?.high).toBeCloseTo(26.295805912423326, 11);
  });

  it('uses one residual degree of freedom with three values (t = 3.0777 at 80 %)', () => {
    const series = [
      { period: '2022-Q1', value: 5 },
      { period: '2022-Q2', value: 9 },
      { period: '2022-Q3', value: 8 },
    ];
    const [point] = forecast(series, { horizon: 1, interval: 0.8 });
    expect(point?.value).toBeCloseTo(10.333333333333334, 12);
    expect(point?.low).toBeCloseTo(-1.136516003926447, 11);
    expect(point?.high).toBeCloseTo(21.80318267059311, 11);
  });

  it('gives the line but no band from two values', () => {
    const series = [
      { period: '2021-Q1', value: 10 },
      { period: '2021-Q2', value: 14 },
    ];
    expect(forecast(series, { horizon: 2, interval: 0.8 })).toEqual([
      { period: '2021-Q3', value: 18, low: null, high: null },
      { period: '2021-Q4', value: 22, low: null, high: null },
    ]);
  });

  it('counts only values for n: a null period keeps its index but is not a point', () => {
    const series = [
      { period: '2021-01', value: 1 },
      { period: '2021-02', value: null },
      { period: '2021-03', value: 3 },
    ];
    expect(forecast(series, { horizon: 1, interval: 0.9 })).toEqual([
      { period: '2021-04', value: 4, low: null, high: null },
    ]);
  });

  it('collapses the band on a perfect fit and on a flat series', () => {
    const line = [3, 5, 7, 9].map((value, i) => ({ period: `${2015 + i}`, value }));
    expect(forecast(line, { horizon: 2, interval: 0.95 })).toEqual([
      { period: '2019', value: 11, low: 11, high: 11 },
      { period: '2020', value: 13, low: 13, high: 13 },
    ]);
    const flat = [4, 4, 4].map((value, i) => ({ period: `2020-0${i + 1}`, value }));
    expect(forecast(flat, { horizon: 1, interval: 0.8 })).toEqual([
      { period: '2020-04', value: 4, low: 4, high: 4 },
    ]);
  });

  it('widens with the probability and with distance from the data', () => {
    const wide = forecast(falling, { horizon: 3, interval: 0.95 });
    const narrow = forecast(falling, { horizon: 3, interval: 0.5 });
    const width = (p: { low: number | null; high: number | null } | undefined) =>
      (p?.high ?? 0) - (p?.low ?? 0);
    expect(width(wide[0])).toBeGreaterThan(width(narrow[0]));
    expect(width(wide[2])).toBeGreaterThan(width(wide[0]));
  });

  it('keeps points without low and high when no interval is asked for', () => {
    const [point] = forecast(falling, { horizon: 1 });
    expect(Object.keys(point ?? {})).toEqual(['period', 'value']);
    const [indexed] = forecastIndexed(indexSeries(falling), 1);
    expect(Object.keys(indexed ?? {})).toEqual(['period', 'value']);
  });

  it('gives no points for horizon 0 or an empty series, band or not', () => {
    expect(forecast(falling, { horizon: 0, interval: 0.8 })).toEqual([]);
    expect(forecast([], { horizon: 3, interval: 0.8 })).toEqual([]);
  });

  it('rejects an interval that is not a probability strictly between 0 and 1', () => {
    for (const interval of [0, 1, -0.2, 80, Number.NaN]) {
      expect(() => forecast(falling, { horizon: 1, interval })).toThrow(InvalidInputError);
    }
  });

  it('exposes the fit statistics the band is built from', () => {
    const fit = fitLine(indexSeries(falling));
    expect(fit?.count).toBe(5);
    expect(fit?.meanX).toBe(2);
    expect(fit?.sxx).toBe(10);
    expect(fit?.residualSumOfSquares).toBeCloseTo(1.176, 12);
  });
});
