import { describe, expect, it } from 'vitest';
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
    expect(summary.forecast).toEqual([{ period: 'FY2025-26-Q4', value: 12 }]);
  });

  it('reports nothing computable for an empty series', () => {
    expect(summarizeSeries([], { direction: 'down', target: 5 })).toEqual({
      latest: null,
      trend: { trend: 'flat', periods: 0, favorable: null },
      target: { variance: null, percentOfTarget: null, status: 'none' },
      baseline: { change: null, favorable: null },
      forecast: [],
    });
  });
});
