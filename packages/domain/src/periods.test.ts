import { addDays, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeriodError } from './errors.js';
import {
  comparePeriods,
  formatPeriod,
  frenchPeriodName,
  nextPeriod,
  PERIOD_TYPES,
  type PeriodType,
  parseIsoDate,
  parsePeriod,
  periodContaining,
  periodContains,
  periodDistance,
  periodFromIndex,
  periodIndex,
  periodName,
  periodsBetween,
  previousPeriod,
  shiftPeriod,
} from './periods.js';

/** Adds days to an ISO date; local noon keeps DST changes from moving the day. */
function plusDays(date: string, days: number): string {
  const { year, month, day } = parseIsoDate(date);
  return format(addDays(new Date(year, month - 1, day, 12), days), 'yyyy-MM-dd');
}

describe('parseIsoDate', () => {
  it('accepts real dates, leap days included', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it.each(['2025-02-29', '2100-02-29', '2025-04-31', '2025-13-01', '2025-1-01', '0999-01-01'])(
    'rejects %s',
    (date) => {
      expect(() => parseIsoDate(date)).toThrow(PeriodError);
    },
  );
});

describe('parsePeriod', () => {
  it.each([
    ['2025', 4, 'year', '2025-01-01', '2025-12-31'],
    ['2025-Q3', 4, 'quarter', '2025-07-01', '2025-09-30'],
    ['2025-07', 4, 'month', '2025-07-01', '2025-07-31'],
    ['FY2025-26', 4, 'fiscal_year', '2025-04-01', '2026-03-31'],
    ['FY2025-26-Q1', 4, 'fiscal_quarter', '2025-04-01', '2025-06-30'],
    ['FY2025-26-Q4', 4, 'fiscal_quarter', '2026-01-01', '2026-03-31'],
    ['FY2025-26-Q2', 10, 'fiscal_quarter', '2026-01-01', '2026-03-31'],
    ['FY2025-26', 7, 'fiscal_year', '2025-07-01', '2026-06-30'],
    ['FY2025-26-Q3', 2, 'fiscal_quarter', '2025-08-01', '2025-10-31'],
    ['FY2025', 1, 'fiscal_year', '2025-01-01', '2025-12-31'],
    ['FY2025-Q3', 1, 'fiscal_quarter', '2025-07-01', '2025-09-30'],
    ['FY1999-00', 4, 'fiscal_year', '1999-04-01', '2000-03-31'],
    ['2024-02', 4, 'month', '2024-02-01', '2024-02-29'],
    ['2100-02', 4, 'month', '2100-02-01', '2100-02-28'],
    ['2000-02', 4, 'month', '2000-02-01', '2000-02-29'],
  ] as const)(
    'reads %s (fiscal start %i) as a %s from %s to %s',
    (label, fys, type, start, end) => {
      expect(parsePeriod(label, fys)).toMatchObject({ label, type, start, end });
    },
  );

  it('defaults the fiscal year to April', () => {
    expect(parsePeriod('FY2025-26')).toMatchObject({ start: '2025-04-01', end: '2026-03-31' });
  });

  it.each([
    ['2025-Q5', 4],
    ['2025-13', 4],
    ['2025-00', 4],
    ['2025-7', 4],
    ['25', 4],
    [' 2025', 4],
    ['2025q3', 4],
    ['FY2025-27', 4],
    ['FY2025', 4],
    ['FY2025-26', 1],
    ['FY2025-26-Q5', 4],
    ['0999', 4],
    ['', 4],
  ] as const)('rejects %j with fiscal start %i', (label, fys) => {
    expect(() => parsePeriod(label, fys)).toThrow(PeriodError);
  });

  it.each([0, 13, 4.5, Number.NaN])('rejects fiscal start %d', (fys) => {
    expect(() => parsePeriod('2025', fys)).toThrow(PeriodError);
  });

  it('explains which fiscal label to use', () => {
    expect(() => parsePeriod('FY2025', 4)).toThrow(/FY2025-26 or FY2024-25/);
    expect(() => parsePeriod('FY2025-26', 1)).toThrow(/labelled FY2025/);
  });
});

describe('formatPeriod', () => {
  it('writes canonical labels', () => {
    expect(formatPeriod({ type: 'month', year: 2025, part: 7 })).toBe('2025-07');
    expect(formatPeriod({ type: 'fiscal_quarter', year: 2025, part: 1 }, 4)).toBe('FY2025-26-Q1');
    expect(formatPeriod({ type: 'fiscal_quarter', year: 2025, part: 1 }, 1)).toBe('FY2025-Q1');
    expect(formatPeriod({ type: 'fiscal_year', year: 2099, part: 1 }, 7)).toBe('FY2099-00');
  });

  it('rejects parts out of range and years past 9999', () => {
    expect(() => formatPeriod({ type: 'quarter', year: 2025, part: 0 })).toThrow(PeriodError);
    expect(() => formatPeriod({ type: 'month', year: 2025, part: 13 })).toThrow(PeriodError);
    expect(() => formatPeriod({ type: 'fiscal_year', year: 9999, part: 1 }, 4)).toThrow(
      PeriodError,
    );
    expect(formatPeriod({ type: 'fiscal_year', year: 9999, part: 1 }, 1)).toBe('FY9999');
  });
});

describe('next and previous', () => {
  it.each([
    ['2025-12', 4, '2026-01'],
    ['2025-Q4', 4, '2026-Q1'],
    ['2025', 4, '2026'],
    ['FY2025-26-Q4', 4, 'FY2026-27-Q1'],
    ['FY2025-26-Q4', 7, 'FY2026-27-Q1'],
    ['FY2025-26', 4, 'FY2026-27'],
    ['FY2025', 1, 'FY2026'],
    ['FY2025-Q4', 1, 'FY2026-Q1'],
  ] as const)('after %s (fiscal start %i) comes %s', (label, fys, next) => {
    expect(nextPeriod(label, fys)).toBe(next);
    expect(previousPeriod(next, fys)).toBe(label);
  });

  it('shifts by several periods either way', () => {
    expect(shiftPeriod('2025-Q2', 7)).toBe('2027-Q1');
    expect(shiftPeriod('2025-02', -14)).toBe('2023-12');
    expect(shiftPeriod('2025-02', 0)).toBe('2025-02');
  });

  it('stops at the end of the supported range', () => {
    expect(() => nextPeriod('9999-12')).toThrow(PeriodError);
    expect(() => previousPeriod('1000-Q1')).toThrow(PeriodError);
  });
});

describe('periodContaining', () => {
  it.each([
    ['2025-03-31', 'fiscal_year', 4, 'FY2024-25'],
    ['2025-04-01', 'fiscal_year', 4, 'FY2025-26'],
    ['2025-04-01', 'fiscal_quarter', 4, 'FY2025-26-Q1'],
    ['2026-01-15', 'fiscal_quarter', 10, 'FY2025-26-Q2'],
    ['2025-12-01', 'fiscal_quarter', 12, 'FY2025-26-Q1'],
    ['2025-11-30', 'fiscal_quarter', 12, 'FY2024-25-Q4'],
    ['2025-06-15', 'fiscal_year', 1, 'FY2025'],
    ['2025-06-15', 'fiscal_quarter', 1, 'FY2025-Q2'],
    ['2025-12-31', 'year', 4, '2025'],
    ['2025-12-31', 'quarter', 4, '2025-Q4'],
    ['2025-01-01', 'month', 4, '2025-01'],
  ] as const)('puts %s in the %s (fiscal start %i) %s', (date, type, fys, label) => {
    expect(periodContaining(date, type, fys)).toBe(label);
  });

  it('rejects impossible dates and unknown types', () => {
    expect(() => periodContaining('2025-02-29', 'month')).toThrow(PeriodError);
    expect(() => periodContaining('2025-2-1', 'month')).toThrow(PeriodError);
    expect(() => periodContaining('2025-01-01', 'week' as PeriodType)).toThrow(PeriodError);
  });
});

describe('periodContains', () => {
  it('includes both ends', () => {
    expect(periodContains('FY2025-26', '2025-04-01')).toBe(true);
    expect(periodContains('FY2025-26', '2026-03-31')).toBe(true);
    expect(periodContains('FY2025-26', '2026-04-01')).toBe(false);
    expect(periodContains('FY2025-26', '2025-03-31')).toBe(false);
  });

  it('rejects a malformed date', () => {
    expect(() => periodContains('2025', '2025-13-01')).toThrow(PeriodError);
  });
});

describe('periodsBetween', () => {
  it('lists every period, both ends included, across a fiscal year boundary', () => {
    expect(periodsBetween('FY2024-25-Q3', 'FY2025-26-Q2')).toEqual([
      'FY2024-25-Q3',
      'FY2024-25-Q4',
      'FY2025-26-Q1',
      'FY2025-26-Q2',
    ]);
    expect(periodsBetween('2025-07', '2025-07')).toEqual(['2025-07']);
  });

  it('rejects a reversed range and mixed types', () => {
    expect(() => periodsBetween('2025-Q3', '2025-Q1')).toThrow(PeriodError);
    expect(() => periodsBetween('2025-Q3', '2025-12')).toThrow(PeriodError);
  });
});

describe('period indices', () => {
  it('makes consecutive periods differ by one', () => {
    expect(periodDistance('2024-Q4', '2025-Q1')).toBe(1);
    expect(periodDistance('FY2024-25', 'FY2026-27')).toBe(2);
    expect(periodDistance('2025-03', '2024-03')).toBe(-12);
  });

  it('sorts labels by period, not by text', () => {
    const labels = ['FY2025-26-Q4', 'FY2025-26-Q1', 'FY2024-25-Q4'];
    expect([...labels].sort((a, b) => comparePeriods(a, b))).toEqual([
      'FY2024-25-Q4',
      'FY2025-26-Q1',
      'FY2025-26-Q4',
    ]);
  });

  it('gives the same answer from the cache as from a fresh parse', () => {
    const first = periodIndex('2025-Q3', 4);
    expect(periodIndex('2025-Q3', 4)).toEqual(first);
    expect(periodIndex('FY2025', 1)).toEqual({ type: 'fiscal_year', index: 2025 });
    expect(() => periodIndex('FY2025', 4)).toThrow(PeriodError);
  });
});

describe('period properties', () => {
  const typeArb = fc.constantFrom(...PERIOD_TYPES);
  const fysArb = fc.integer({ min: 1, max: 12 });
  const dateArb = fc
    .integer({ min: 0, max: 365 * 300 })
    .map((offset) => plusDays('1850-01-01', offset));

  /** A random label of `type`, well inside the supported range. */
  function labelArb(type: PeriodType, fys: number) {
    const perYear = type === 'month' ? 12 : type.endsWith('quarter') ? 4 : 1;
    return fc
      .integer({ min: 1900 * perYear, max: 2150 * perYear })
      .map((index) => periodFromIndex(type, index, fys));
  }

  it('maps every date inside a period, and no date just outside it, back to that period', () => {
    fc.assert(
      fc.property(
        typeArb.chain((type) =>
          fysArb.chain((fys) => labelArb(type, fys).map((label) => ({ type, fys, label }))),
        ),
        ({ type, fys, label }) => {
          const { start, end } = parsePeriod(label, fys);
          for (let date = start; date <= end; date = plusDays(date, 1)) {
            expect(periodContaining(date, type, fys)).toBe(label);
          }
          expect(periodContaining(plusDays(start, -1), type, fys)).not.toBe(label);
          expect(periodContaining(plusDays(end, 1), type, fys)).not.toBe(label);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('contains a date exactly when the date maps back to the period', () => {
    fc.assert(
      fc.property(
        typeArb,
        fysArb,
        dateArb,
        fc.integer({ min: -3, max: 3 }),
        (type, fys, date, shift) => {
          const label = shiftPeriod(periodContaining(date, type, fys), shift, fys);
          const { start, end } = parsePeriod(label, fys);
          const inside = periodContains(label, date, fys);
          expect(inside).toBe(periodContaining(date, type, fys) === label);
          expect(inside).toBe(start <= date && date <= end);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('makes next start the day after this period ends', () => {
    fc.assert(
      fc.property(
        typeArb.chain((type) =>
          fysArb.chain((fys) => labelArb(type, fys).map((label) => ({ fys, label }))),
        ),
        ({ fys, label }) => {
          const next = nextPeriod(label, fys);
          expect(parsePeriod(next, fys).start).toBe(plusDays(parsePeriod(label, fys).end, 1));
          expect(previousPeriod(next, fys)).toBe(label);
          expect(periodDistance(label, next, fys)).toBe(1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips labels through parse, format and index', () => {
    fc.assert(
      fc.property(
        typeArb.chain((type) =>
          fysArb.chain((fys) => labelArb(type, fys).map((label) => ({ type, fys, label }))),
        ),
        ({ type, fys, label }) => {
          const period = parsePeriod(label, fys);
          expect(period.type).toBe(type);
          expect(formatPeriod(period, fys)).toBe(label);
          const { index } = periodIndex(label, fys);
          expect(periodFromIndex(type, index, fys)).toBe(label);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('periodName', () => {
  it('sets a quarter apart by a space and leaves other labels as they are', () => {
    expect(periodName('FY2025-26-Q2')).toBe('FY2025-26 Q2');
    expect(periodName('2025-Q3')).toBe('2025 Q3');
    expect(periodName('FY2025-26')).toBe('FY2025-26');
    expect(periodName('2025-07')).toBe('2025-07');
    expect(periodName('2025')).toBe('2025');
  });

  it('writes each kind of period the French way in French', () => {
    expect(periodName('FY2025-26-Q2', 'fr')).toBe('T2 2025-2026');
    expect(periodName('FY2099-00-Q4', 'fr')).toBe('T4 2099-2100');
    expect(periodName('2025-Q3', 'fr')).toBe('T3 2025');
    expect(periodName('FY2025-26', 'fr')).toBe('exercice 2025-2026');
    expect(periodName('2025-08', 'fr')).toBe('août 2025');
    expect(periodName('2025-12', 'fr')).toBe('décembre 2025');
    expect(periodName('2025', 'fr')).toBe('2025');
    expect(frenchPeriodName('not-a-period')).toBe('not-a-period');
  });
});
