import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { periodIndex } from './periods.js';
import { indexSeries } from './series.js';

describe('indexSeries', () => {
  it('sorts by period and keeps gaps as jumps in the index', () => {
    const series = indexSeries([
      { period: '2025-Q1', value: 3 },
      { period: '2024-Q3', value: 1 },
      { period: '2024-Q4', value: null },
    ]);
    const base = periodIndex('2024-Q3').index;
    expect(series.type).toBe('quarter');
    expect(series.indices).toEqual([base, base + 1, base + 2]);
    expect(series.values).toEqual([1, null, 3]);
  });

  it('reads a missing value as null', () => {
    const series = indexSeries([{ period: '2025', value: undefined as unknown as null }]);
    expect(series.values).toEqual([null]);
  });

  it('has no type when empty', () => {
    expect(indexSeries([])).toEqual({ type: null, fiscalYearStart: 4, indices: [], values: [] });
  });

  it('rejects a period given twice, even out of order', () => {
    expect(() =>
      indexSeries([
        { period: '2025', value: 1 },
        { period: '2024', value: 2 },
        { period: '2025', value: 3 },
      ]),
    ).toThrow(/2025 appears more than once/);
    expect(() => indexSeries('2025' as never)).toThrow(InvalidInputError);
  });
});
