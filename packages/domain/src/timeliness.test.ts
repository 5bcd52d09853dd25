import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, PeriodError } from './errors.js';
import {
  daysBetween,
  dueHasPassed,
  median,
  medianDaysToApproval,
  onTimeRate,
  submittedOnTime,
} from './timeliness.js';

describe('dueHasPassed and submittedOnTime', () => {
  it('keep the whole due day (UTC) and no more', () => {
    expect(dueHasPassed('2025-10-31', '2025-10-31T00:00:00Z')).toBe(false);
    expect(dueHasPassed('2025-10-31', '2025-10-31T23:59:59.999Z')).toBe(false);
    expect(dueHasPassed('2025-10-31', '2025-11-01T00:00:00Z')).toBe(true);
    expect(submittedOnTime('2025-10-31', '2025-10-31T23:59:59.999Z')).toBe(true);
    expect(submittedOnTime('2025-10-31', '2025-11-01T00:00:00Z')).toBe(false);
    expect(submittedOnTime('2025-10-31', '2025-09-01T08:00:00Z')).toBe(true);
  });

  it('read offsets as the moment they name', () => {
    // 20:00 at UTC-5 is 01:00 UTC the next day.
    expect(dueHasPassed('2025-10-31', '2025-10-31T20:00:00-05:00')).toBe(true);
    expect(submittedOnTime('2025-10-31', '2025-11-01T01:00:00+02:00')).toBe(true);
  });

  it('are always each other’s opposite at the same moment', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 86_400_000 }), (ms) => {
        const at = new Date(Date.UTC(2025, 9, 30) + ms).toISOString();
        expect(dueHasPassed('2025-10-31', at)).toBe(!submittedOnTime('2025-10-31', at));
      }),
    );
  });

  it('refuse what is not a date or a moment', () => {
    expect(() => dueHasPassed('2025-02-30', '2025-03-01T00:00:00Z')).toThrow(PeriodError);
    expect(() => dueHasPassed('2025-10-31', 'soon')).toThrow(InvalidInputError);
  });
});

describe('onTimeRate', () => {
  const at = '2025-12-15T12:00:00Z';

  it('counts periods with a due date, submitted or past due', () => {
    const r = onTimeRate(
      [
        { due: '2025-01-31', firstSubmittedAt: '2025-01-31T22:00:00Z' }, // on time
        { due: '2025-04-30', firstSubmittedAt: '2025-05-02T09:00:00Z' }, // late
        { due: '2025-07-31', firstSubmittedAt: null }, // never submitted, past due: late
        { due: null, firstSubmittedAt: '2025-10-01T00:00:00Z' }, // no due date: left out
      ],
      at,
    );
    expect(r).toEqual({ counted: 3, onTime: 1, rate: 1 / 3 });
  });

  it('leaves out a period not yet due and not yet submitted, but counts one submitted early', () => {
    expect(onTimeRate([{ due: '2026-01-31', firstSubmittedAt: null }], at)).toEqual({
      counted: 0,
      onTime: 0,
      rate: null,
    });
    expect(
      onTimeRate([{ due: '2026-01-31', firstSubmittedAt: '2025-12-01T00:00:00Z' }], at),
    ).toEqual({ counted: 1, onTime: 1, rate: 1 });
  });

  it('is null with nothing to count, and always between 0 and 1', () => {
    expect(onTimeRate([], at).rate).toBeNull();
    const record = fc.record({
      due: fc.constantFrom(null, '2025-03-31', '2025-12-31', '2026-03-31'),
      firstSubmittedAt: fc.constantFrom(null, '2025-03-31T10:00:00Z', '2026-01-05T10:00:00Z'),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), (periods) => {
        const r = onTimeRate(periods, at);
        expect(r.onTime).toBeLessThanOrEqual(r.counted);
        if (r.rate !== null) expect(r.rate).toBeGreaterThanOrEqual(0);
        if (r.rate !== null) expect(r.rate).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([4, 1, 9, 2])).toBe(3);
  });

  it('does not depend on the order of its input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (xs) => {
        expect(median([...xs].reverse())).toBe(median(xs));
      }),
    );
  });

  it('refuses what is not a finite number', () => {
    expect(() => median([1, Number.NaN])).toThrow(InvalidInputError);
  });
});

describe('medianDaysToApproval', () => {
  it('measures fractional days and rounds the median to 2 decimals', () => {
    expect(daysBetween('2025-01-01T00:00:00Z', '2025-01-02T12:00:00Z')).toBe(1.5);
    const r = medianDaysToApproval([
      { submittedAt: '2025-01-01T00:00:00Z', approvedAt: '2025-01-03T00:00:00Z' }, // 2
      { submittedAt: '2025-04-01T00:00:00Z', approvedAt: '2025-04-01T08:00:00Z' }, // 1/3
      { submittedAt: '2025-07-01T00:00:00Z', approvedAt: '2025-07-11T00:00:00Z' }, // 10
    ]);
    expect(r).toEqual({ approvals: 3, medianDays: 2 });
    const even = medianDaysToApproval([
      { submittedAt: '2025-01-01T00:00:00Z', approvedAt: '2025-01-01T08:00:00Z' },
      { submittedAt: '2025-04-01T00:00:00Z', approvedAt: '2025-04-01T00:00:00Z' },
    ]);
    expect(even).toEqual({ approvals: 2, medianDays: 0.17 });
  });

  it('is null without approvals, and refuses an approval before its submission', () => {
    expect(medianDaysToApproval([])).toEqual({ approvals: 0, medianDays: null });
    expect(() =>
      medianDaysToApproval([
        { submittedAt: '2025-01-02T00:00:00Z', approvedAt: '2025-01-01T00:00:00Z' },
      ]),
    ).toThrow(InvalidInputError);
  });
});
