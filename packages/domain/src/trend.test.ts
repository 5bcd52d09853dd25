import { describe, expect, it } from 'vitest';
import { InvalidInputError, PeriodError } from './errors.js';
import type { SeriesPoint } from './series.js';
import { currentTrend } from './trend.js';

function quarters(first: string, values: readonly (number | null)[]): SeriesPoint[] {
  const [year, q] = first.split('-Q').map(Number) as [number, number];
  return values.map((value, i) => {
    const index = year * 4 + q - 1 + i;
    return { period: `${Math.floor(index / 4)}-Q${(index % 4) + 1}`, value };
  });
}

describe('currentTrend', () => {
  it('follows only the run that ends at the latest value', () => {
    expect(
      currentTrend(quarters('2020-Q1', [5, 4, 6, 8, 10, 12, 11]), { direction: 'up' }),
    ).toEqual({ trend: 'down', periods: 1, favorable: false });
  });

  it('counts a long falling run as favorable for a down measure', () => {
    expect(
      currentTrend(quarters('2019-Q1', [7, 10, 8, 6, 5, 4, 3, 2]), { direction: 'down' }),
    ).toEqual({ trend: 'down', periods: 6, favorable: true });
  });

  it('is flat for no point, one point, or no change at all', () => {
    const flat = { trend: 'flat', periods: 0, favorable: null };
    expect(currentTrend([], { direction: 'up' })).toEqual(flat);
    expect(currentTrend(quarters('2021-Q1', [5]), { direction: 'up' })).toEqual(flat);
    expect(currentTrend(quarters('2021-Q1', [5, 5, 5]), { direction: 'down' })).toEqual(flat);
  });

  it('ends the run at a missing period', () => {
    const series = [
      { period: '2021-Q1', value: 5 },
      { period: '2021-Q2', value: 6 },
      { period: '2021-Q4', value: 8 },
      { period: '2022-Q1', value: 9 },
    ];
    expect(currentTrend(series, { direction: 'up' })).toEqual({
      trend: 'up',
      periods: 1,
      favorable: true,
    });
  });

  it('treats a period with a null value as missing', () => {
    expect(currentTrend(quarters('2021-Q1', [1, 2, null, 4, 5]), { direction: 'up' })).toEqual({
      trend: 'up',
      periods: 1,
      favorable: true,
    });
  });

  it('starts from the latest period that has a value when the last ones are empty', () => {
    expect(currentTrend(quarters('2021-Q1', [1, 2, 3, null]), { direction: 'up' })).toEqual({
      trend: 'up',
      periods: 2,
      favorable: true,
    });
    expect(currentTrend(quarters('2021-Q1', [3, null, null]), { direction: 'up' }).trend).toBe(
      'flat',
    );
  });

  it('skips unchanged steps without counting or breaking them', () => {
    expect(currentTrend(quarters('2021-Q1', [3, 5, 7, 7]), { direction: 'up' })).toEqual({
      trend: 'up',
      periods: 2,
      favorable: true,
    });
    expect(currentTrend(quarters('2021-Q1', [9, 7, 7, 6, 6]), { direction: 'down' })).toEqual({
      trend: 'down',
      periods: 2,
      favorable: true,
    });
    expect(currentTrend(quarters('2025-Q1', [2, 3, 3, 3, 4, 4, 5]), { direction: 'down' })).toEqual(
      { trend: 'up', periods: 3, favorable: false },
    );
  });

  it('is flat when an unchanged step is followed (backwards) by a gap', () => {
    const series = [
      { period: '2021-Q1', value: 4 },
      { period: '2021-Q3', value: 5 },
      { period: '2021-Q4', value: 5 },
    ];
    expect(currentTrend(series, { direction: 'up' }).trend).toBe('flat');
  });

  it('sorts the series by period first', () => {
    const series = [
      { period: 'FY2025-26-Q2', value: 11 },
      { period: 'FY2024-25-Q3', value: 20 },
      { period: 'FY2025-26-Q1', value: 15 },
      { period: 'FY2024-25-Q4', value: 18 },
    ];
    expect(currentTrend(series, { direction: 'down', fiscalYearStart: 4 })).toEqual({
      trend: 'down',
      periods: 3,
      favorable: true,
    });
  });

  it('reads fiscal labels with the given fiscal start', () => {
    const series = [
      { period: 'FY2024-Q4', value: 1 },
      { period: 'FY2025-Q1', value: 2 },
    ];
    expect(currentTrend(series, { direction: 'up', fiscalYearStart: 1 }).periods).toBe(1);
    expect(() => currentTrend(series, { direction: 'up' })).toThrow(PeriodError);
  });

  it('rejects duplicate periods, mixed types, NaN and an unknown direction', () => {
    expect(() =>
      currentTrend(
        [
          { period: '2021-Q1', value: 1 },
          { period: '2021-Q1', value: 2 },
        ],
        { direction: 'up' },
      ),
    ).toThrow(/appears more than once/);
    expect(() =>
      currentTrend(
        [
          { period: '2021-Q1', value: 1 },
          { period: '2021-04', value: 2 },
        ],
        { direction: 'up' },
      ),
    ).toThrow(InvalidInputError);
    expect(() =>
      currentTrend([{ period: '2021-Q1', value: Number.NaN }], { direction: 'up' }),
    ).toThrow(InvalidInputError);
    expect(() => currentTrend([], { direction: 'sideways' as 'up' })).toThrow(InvalidInputError);
  });
});
