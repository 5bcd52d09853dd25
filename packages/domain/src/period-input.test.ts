import { describe, expect, it } from 'vitest';
import { PeriodError } from './errors.js';
import { normalizePeriod, tryNormalizePeriod } from './period-input.js';
import type { PeriodType } from './periods.js';

describe('normalizePeriod', () => {
  it.each([
    ['2021-04-15', 'month', 4, '2021-04'],
    ['2021-04-15', 'quarter', 4, '2021-Q2'],
    ['2021-04-15', 'fiscal_quarter', 4, 'FY2021-22-Q1'],
    ['2021-03-31', 'fiscal_year', 4, 'FY2020-21'],
    ['2021/4/5', 'month', 4, '2021-04'],
    ['2021-04-15T00:00:00Z', 'year', 4, '2021'],
    ['2021-04', 'month', 4, '2021-04'],
    ['2021-4', 'month', 4, '2021-04'],
    ['04/2021', 'month', 4, '2021-04'],
    ['Apr 2021', 'month', 4, '2021-04'],
    ['April 2021', 'month', 4, '2021-04'],
    ['sept. 2021', 'month', 4, '2021-09'],
    ['2021 Dec', 'month', 4, '2021-12'],
    ['2021-04', 'quarter', 4, '2021-Q2'],
    ['2021-04', 'fiscal_quarter', 4, 'FY2021-22-Q1'],
    ['2021-04', 'fiscal_year', 4, 'FY2021-22'],
    ['2021-01', 'year', 4, '2021'],
    ['2021Q2', 'quarter', 4, '2021-Q2'],
    ['2021-Q2', 'quarter', 4, '2021-Q2'],
    ['2021 q2', 'quarter', 4, '2021-Q2'],
    ['Q2 2021', 'quarter', 4, '2021-Q2'],
    ['q2-2021', 'quarter', 4, '2021-Q2'],
    ['Q2 2021', 'fiscal_quarter', 1, 'FY2021-Q2'],
    ['FY2021-22', 'fiscal_year', 4, 'FY2021-22'],
    ['fy 2021-22', 'fiscal_year', 7, 'FY2021-22'],
    ['2021/22', 'fiscal_year', 4, 'FY2021-22'],
    ['2021-22', 'fiscal_year', 4, 'FY2021-22'],
    ['2021-2022', 'fiscal_year', 4, 'FY2021-22'],
    ['2021–22', 'fiscal_year', 4, 'FY2021-22'],
    ['1999/00', 'fiscal_year', 4, 'FY1999-00'],
    ['2011-12', 'fiscal_year', 4, 'FY2011-12'],
    ['2011-12', 'month', 4, '2011-12'],
    ['FY2021-22-Q2', 'fiscal_quarter', 4, 'FY2021-22-Q2'],
    ['FY2021-22 Q2', 'fiscal_quarter', 4, 'FY2021-22-Q2'],
    ['2021/22 Q2', 'fiscal_quarter', 4, 'FY2021-22-Q2'],
    ['Q2 FY2021-22', 'fiscal_quarter', 4, 'FY2021-22-Q2'],
    ['FY2021', 'fiscal_year', 1, 'FY2021'],
    ['FY2021', 'year', 1, '2021'],
    ['2021', 'year', 4, '2021'],
    ['2021', 'fiscal_year', 1, 'FY2021'],
    [' 2021 ', 'year', 4, '2021'],
    [2021, 'year', 4, '2021'],
  ] as const)('reads %j as the %s (fiscal start %i) %s', (input, type, fiscalYearStart, label) => {
    expect(normalizePeriod(input, { type, fiscalYearStart })).toBe(label);
  });

  it.each([
    ['2021-05', 'quarter', 4, /does not start a quarter/],
    ['2021', 'fiscal_year', 4, /ambiguous.*FY2021-22 or FY2020-21/],
    ['FY2021', 'fiscal_year', 4, /ambiguous/],
    ['Q2 2021', 'fiscal_quarter', 4, /ambiguous for fiscal quarters.*FY2021-22-Q1/],
    ['2021/23', 'fiscal_year', 4, /neither a month nor a fiscal year/],
    ['2021/2023', 'fiscal_year', 4, /neither a month nor a fiscal year/],
    ['FY2021-22', 'fiscal_year', 1, /starts in January/],
    ['2021-Q2', 'year', 4, /is a quarter, not a year/],
    ['2021', 'month', 4, /is a year, not a month/],
    ['2021-02-30', 'month', 4, /Not a calendar date/],
    ['13/2021', 'month', 4, /out of range/],
    ['Smarch 2021', 'month', 4, /Cannot read/],
    ['next year', 'year', 4, /Cannot read/],
    ['', 'year', 4, /Expected a period/],
  ] as const)('rejects %j as a %s (fiscal start %i)', (input, type, fiscalYearStart, message) => {
    expect(() => normalizePeriod(input, { type, fiscalYearStart })).toThrow(PeriodError);
    expect(() => normalizePeriod(input, { type, fiscalYearStart })).toThrow(message);
  });

  it('rejects an unknown target type and fiscal start', () => {
    expect(() => normalizePeriod('2021', { type: 'week' as PeriodType })).toThrow(PeriodError);
    expect(() => normalizePeriod('2021', { type: 'year', fiscalYearStart: 0 })).toThrow(
      PeriodError,
    );
  });
});

describe('tryNormalizePeriod', () => {
  it('returns the label or the message instead of throwing', () => {
    expect(tryNormalizePeriod('Q3 2024', { type: 'quarter' })).toEqual({
      ok: true,
      label: '2024-Q3',
    });
    const failed = tryNormalizePeriod('2024-08', { type: 'quarter' });
    expect(failed.ok).toBe(false);
    expect(failed.ok ? '' : failed.error).toMatch(/does not start a quarter/);
  });
});
