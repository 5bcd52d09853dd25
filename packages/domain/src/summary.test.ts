import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { summarizeSeries } from './summary.js';

describe('summarizeSeries', () => {
  it('judges target and baseline on the latest value and projects the series', () => {
    const summary = summarizeSeries(
      [
        { period: 'FY2025-26-Q2', value: 8 },
        { period: 'FY2025-26-Q1', value: 6 },
        { period: 'FY2024-25-Q4', value: 4 },
        { period: 'FY2025-26-Q3', value: null },
      ],
      { direction: 'up', target: 10, baseline: 4, horizon: 1, band: 0.25 },
    );
    expect(summary.latest).toEqual({ period: 'FY2025-26-Q2', value: 8 });
    expect(summary.trend).toEqual({ trend: 'up', periods: 2, favorable: true });
    expect(summary.target).toEqual({ variance: -0.2, percentOfTarget: 80, status: 'near' });
    expect(summary.baseline).toEqual({ change: 1, favorable: true });
    expect(summary.change).toEqual({ change: 1, changeUnit: 'relative', favorable: true });
    expect(summary.forecast).toEqual([{ period: 'FY2025-26-Q4', value: 12 }]);
  });

  it('reads the change of a percent or a rate in points', () => {
    const points = [
      { period: '2024', value: 40 },
      { period: '2025', value: 45 },
    ];
    const summary = summarizeSeries(points, { direction: 'up', baseline: 40, unit: 'percent' });
    expect(summary.change).toEqual({ change: 5, changeUnit: 'points', favorable: true });
    expect(summary.baseline).toEqual({ change: 0.125, favorable: true });
  });

  it('judges target and baseline at `asOf`, even when that period has no value to show', () => {
    const points = [
      { period: '2023', value: 4 },
      { period: '2024', value: 6 },
      // withheld (small numbers): reported, but nothing can be shown
      { period: '2025', value: null },
    ];
    const options = { direction: 'up', target: 6, baseline: 4, fiscalYearStart: 4 } as const;
    const atLatest = summarizeSeries(points, { ...options, asOf: '2025' });
    expect(atLatest.latest).toBeNull();
    expect(atLatest.target.status).toBe('none');
    expect(atLatest.change.change).toBeNull();
    // the trend still reads the values there are
    expect(atLatest.trend).toEqual({ trend: 'up', periods: 1, favorable: true });
    // without asOf, the latest value stands in
    const byDefault = summarizeSeries(points, options);
    expect(byDefault.latest).toEqual({ period: '2024', value: 6 });
    expect(byDefault.target.status).toBe('met');
    expect(summarizeSeries(points, { ...options, asOf: '2024' }).latest).toEqual({
      period: '2024',
      value: 6,
    });
    // a period the series does not hold has no value
    expect(summarizeSeries(points, { ...options, asOf: '2030' }).latest).toBeNull();
    expect(() => summarizeSeries(points, { ...options, asOf: '2025-Q1' })).toThrow(
      InvalidInputError,
    );
  });

  it('reports nothing computable for an empty series', () => {
    expect(summarizeSeries([], { direction: 'down', target: 5 })).toEqual({
      latest: null,
      trend: { trend: 'flat', periods: 0, favorable: null },
      target: { variance: null, percentOfTarget: null, status: 'none' },
      baseline: { change: null, favorable: null },
      change: { change: null, changeUnit: 'relative', favorable: null },
      forecast: [],
    });
  });
});
