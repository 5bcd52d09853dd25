import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { fitLine, forecast } from './forecast.js';
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
