import { describe, expect, it } from 'vitest';
import { baselineForecast, baselineForecastIndexed } from './baseline-forecast.js';
import { InvalidInputError, PeriodError } from './errors.js';
import { forecast } from './forecast.js';
import { periodIndex } from './periods.js';
import { indexSeries } from './series.js';

const yearly = [12.1, 12.9, 13.4, 14.6, 15.0, 17.8, 19.2, 20.5, 21.1].map((value, i) => ({
  period: `${2015 + i}`,
  value,
}));

describe('baselineForecast', () => {
  it('fits the points up to the baseline and projects past the last period', () => {
    // Expected values: numpy OLS on 2015..2019 with scipy.stats.t.ppf(0.9, 3).
    const points = baselineForecast(yearly, { baseline: '2019', horizon: 2, interval: 0.8 });
    expect(points.map((p) => p.period)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    expect(points[0]?.value).toBeCloseTo(15.85, 12);
    expect(points[0]?.low).toBeCloseTo(15.385330624283096, 11);
    expect(points[0]?.high).toBeCloseTo(16.314669375716903, 11);
    expect(points[1]?.low).toBeCloseTo(16.06344602169134, 11);
    expect(points[5]?.value).toBeCloseTo(19.6, 12);
  });

  it('ignores the actuals after the baseline', () => {
    const changed = yearly.map((p) => (p.period > '2019' ? { ...p, value: 0 } : p));
    expect(baselineForecast(changed, { baseline: '2019', horizon: 1 })).toEqual(
      baselineForecast(yearly, { baseline: '2019', horizon: 1 }),
    );
  });

  it('with the baseline at the last point, is the forecast itself', () => {
    const options = { horizon: 3, interval: 0.9 };
    expect(baselineForecast(yearly, { ...options, baseline: '2023' })).toEqual(
      forecast(yearly, options),
    );
    const quarters = [100, 97, 95, 90, 88].map((value, i) => ({
      period: `${2022 + Math.floor(i / 4)}-Q${(i % 4) + 1}`,
      value,
    }));
    const points = baselineForecast(quarters, { baseline: '2023-Q1', horizon: 3 });
    expect(points.map((p) => p.period)).toEqual(['2023-Q2', '2023-Q3', '2023-Q4']);
    [84.7, 81.6, 78.5].forEach((value, i) => {
      expect(points[i]?.value).toBeCloseTo(value, 12);
    });
  });

  it('gives no points with the baseline at the first point (one value)', () => {
    expect(baselineForecast(yearly, { baseline: '2015', horizon: 2, interval: 0.8 })).toEqual([]);
  });

  it('gives no points with the baseline before the series', () => {
    expect(baselineForecast(yearly, { baseline: '2010', horizon: 2 })).toEqual([]);
  });

  it('still covers every period after the baseline with horizon 0; no band from two values', () => {
    const monthly = [12, 15, 13, 19].map((value, i) => ({ period: `2024-0${i + 1}`, value }));
    expect(baselineForecast(monthly, { baseline: '2024-02', horizon: 0, interval: 0.8 })).toEqual([
      { period: '2024-03', value: 18, low: null, high: null },
      { period: '2024-04', value: 21, low: null, high: null },
    ]);
  });

  it('accepts a baseline in a gap: the fit uses the values before it', () => {
    const gappy = [
      { period: '2021-Q1', value: 10 },
      { period: '2021-Q2', value: 12 },
      { period: '2021-Q4', value: 30 },
    ];
    expect(baselineForecast(gappy, { baseline: '2021-Q3', horizon: 1 })).toEqual([
      { period: '2021-Q4', value: 16 },
      { period: '2022-Q1', value: 18 },
    ]);
  });

  it('leaves null values out of the fit, keeping their index', () => {
    const series = [
      { period: '2020', value: 1 },
      { period: '2021', value: null },
      { period: '2022', value: 3 },
      { period: '2023', value: 50 },
    ];
    expect(baselineForecast(series, { baseline: '2022', horizon: 0 })).toEqual([
      { period: '2023', value: 4 },
    ]);
  });

  it('projects from a baseline past the last period, up to the horizon', () => {
    const series = yearly.slice(0, 3);
    expect(baselineForecast(series, { baseline: '2018', horizon: 3 }).map((p) => p.period)).toEqual(
      ['2019', '2020'],
    );
    expect(baselineForecast(series, { baseline: '2030', horizon: 3 })).toEqual([]);
  });

  it('reads fiscal labels with the fiscal year start', () => {
    const series = [10.56, 12.38, 12.49, 10.5].map((value, i) => ({
      period: `FY${2015 + i}-${16 + i}`,
      value,
    }));
    const points = baselineForecast(series, {
      baseline: 'FY2017-18',
      horizon: 1,
      fiscalYearStart: 7,
    });
    expect(points.map((p) => p.period)).toEqual(['FY2018-19', 'FY2019-20']);
  });

  it('gives no points for an empty series', () => {
    expect(baselineForecast([], { baseline: '2019', horizon: 2 })).toEqual([]);
  });

  it('rejects a baseline of another period type, a bad label, horizon or interval', () => {
    expect(() => baselineForecast(yearly, { baseline: '2019-Q4', horizon: 1 })).toThrow(
      InvalidInputError,
    );
    expect(() => baselineForecast(yearly, { baseline: 'soon', horizon: 1 })).toThrow(PeriodError);
    expect(() => baselineForecast(yearly, { baseline: '2019', horizon: -1 })).toThrow(
      InvalidInputError,
    );
    expect(() => baselineForecast(yearly, { baseline: '2019', horizon: 1, interval: 1 })).toThrow(
      InvalidInputError,
    );
  });
});

describe('baselineForecastIndexed', () => {
  it('takes the baseline as a sequence index', () => {
    const series = indexSeries(yearly);
    const at = periodIndex('2019').index;
    expect(baselineForecastIndexed(series, at, 2, 0.8)).toEqual(
      baselineForecast(yearly, { baseline: '2019', horizon: 2, interval: 0.8 }),
    );
    expect(() => baselineForecastIndexed(series, 1.5, 2)).toThrow(InvalidInputError);
  });
});
