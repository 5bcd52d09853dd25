import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AggregateUnit,
  aggregate,
  aggregatePeriods,
  aggregateUnitOf,
  type Contribution,
  type ContributorRule,
  ratioScale,
  ratioValue,
} from './aggregate.js';
import { InvalidInputError, PeriodError } from './errors.js';

describe('aggregate: sum, mean, max, min', () => {
  it('sums values and skips nulls', () => {
    expect(
      aggregate([{ value: 1 }, { value: null }, { value: 4 }], { unit: 'count', rule: 'sum' }),
    ).toEqual({ value: 5, numerator: null, denominator: null });
  });

  it.each(['sum', 'mean', 'max', 'min'] as const)(
    'gives null for %s when no input has a value, and for no input at all',
    (rule) => {
      expect(aggregate([{ value: null }, {}], { unit: 'number', rule }).value).toBeNull();
      expect(aggregate([], { unit: 'number', rule }).value).toBeNull();
    },
  );

  it('takes the mean over non-null values only', () => {
    expect(
      aggregate([{ value: 10 }, { value: null }, { value: 20 }], { unit: 'number', rule: 'mean' })
        .value,
    ).toBe(15);
  });

  it('takes max and min over non-null values, negatives included', () => {
    const inputs = [{ value: -3 }, { value: null }, { value: -7 }, { value: 2 }];
    expect(aggregate(inputs, { unit: 'number', rule: 'max' }).value).toBe(2);
    expect(aggregate(inputs, { unit: 'number', rule: 'min' }).value).toBe(-7);
  });

  it('reads a numerator/denominator input without a value as its scaled ratio', () => {
    expect(
      aggregate([{ numerator: 1, denominator: 4 }, { value: 50 }], {
        unit: 'percent',
        rule: 'mean',
      }).value,
    ).toBe(37.5);
  });
});

describe('aggregate: ratio', () => {
  it('divides the sum of numerators by the sum of denominators, never averaging percentages', () => {
    // The mean of 1/4 and 1/1 as percentages would be 62.5.
    expect(
      aggregate(
        [
          { numerator: 1, denominator: 4 },
          { numerator: 1, denominator: 1 },
        ],
        { unit: 'percent', rule: 'ratio' },
      ),
    ).toEqual({ value: 40, numerator: 2, denominator: 5 });
  });

  it('scales by unit: ×100 for percent, ×per for a rate, ×1 otherwise', () => {
    const inputs = [{ numerator: 3, denominator: 1500 }];
    expect(aggregate(inputs, { unit: 'rate', rule: 'ratio', per: 1000 }).value).toBe(2);
    expect(aggregate(inputs, { unit: 'rate', rule: 'ratio' }).value).toBe(0.002);
    expect(aggregate(inputs, { unit: 'number', rule: 'ratio', per: 1000 }).value).toBe(0.002);
    expect(aggregate(inputs, { unit: 'percent', rule: 'ratio', per: 1000 }).value).toBeCloseTo(0.2);
  });

  it('gives a null value but keeps the sums when the denominator sums to 0', () => {
    expect(
      aggregate(
        [
          { numerator: 0, denominator: 0 },
          { numerator: 0, denominator: 0 },
        ],
        { unit: 'percent', rule: 'ratio' },
      ),
    ).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it('lets a 0/0 contributor through without making the total undefined', () => {
    expect(
      aggregate(
        [
          { numerator: 0, denominator: 0 },
          { numerator: 3, denominator: 12 },
        ],
        { unit: 'percent', rule: 'ratio' },
      ),
    ).toEqual({ value: 25, numerator: 3, denominator: 12 });
  });

  it('counts only inputs that have both parts', () => {
    expect(
      aggregate(
        [{ numerator: 5, denominator: 10 }, { numerator: 3 }, { denominator: 9 }, { value: 7 }],
        { unit: 'percent', rule: 'ratio' },
      ),
    ).toEqual({ value: 50, numerator: 5, denominator: 10 });
  });

  it('gives all nulls when no input has both parts', () => {
    expect(aggregate([{ numerator: 3 }, { value: 7 }], { unit: 'percent', rule: 'ratio' })).toEqual(
      { value: null, numerator: null, denominator: null },
    );
  });
});

describe('aggregate: bad input', () => {
  it('refuses latest, which needs periods', () => {
    expect(() =>
      aggregate([{ value: 1 }], { unit: 'count', rule: 'latest' as ContributorRule }),
    ).toThrow(/aggregatePeriods/);
  });

  it('refuses unknown units and rules, NaN and a non-positive per', () => {
    expect(() => aggregate([], { unit: 'kg' as AggregateUnit, rule: 'sum' })).toThrow(
      InvalidInputError,
    );
    expect(() => aggregate([], { unit: 'count', rule: 'median' as ContributorRule })).toThrow(
      InvalidInputError,
    );
    expect(() => aggregate([{ value: Number.NaN }], { unit: 'count', rule: 'sum' })).toThrow(
      InvalidInputError,
    );
    expect(() => ratioScale('rate', 0)).toThrow(InvalidInputError);
  });
});

describe('ratioValue', () => {
  it('scales numerator ÷ denominator by the unit: 100 for a percent, per for a rate', () => {
    expect(ratioValue(90, 200, 'percent')).toBe(45);
    expect(ratioValue(3, 1200, 'rate', 1000)).toBe(2.5);
    expect(ratioValue(3, 4, 'rate')).toBe(0.75);
    expect(ratioValue(3, 4, 'rate', null)).toBe(0.75);
    expect(ratioValue(3, 4, 'number')).toBe(0.75);
    // any other unit combines as a plain number; `per` is for rates only
    expect(ratioValue(3, 4, 'days', 1000)).toBe(0.75);
    expect(ratioValue(1, 2, 'percent', 1000)).toBe(50);
  });

  it('is the value aggregate gives one contributor', () => {
    fc.assert(
      fc.property(
        fc.nat(1e6),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom<AggregateUnit>('percent', 'rate', 'count', 'number'),
        (numerator, denominator, unit) => {
          const one = aggregate([{ numerator, denominator }], { unit, rule: 'ratio', per: 1000 });
          expect(ratioValue(numerator, denominator, unit, 1000)).toBe(one.value);
        },
      ),
    );
  });

  it('is null without both parts or with a denominator of 0', () => {
    expect(ratioValue(null, 4, 'percent')).toBeNull();
    expect(ratioValue(3, undefined, 'percent')).toBeNull();
    expect(ratioValue(3, 0, 'percent')).toBeNull();
  });

  it('refuses numbers that are not finite and a non-positive per', () => {
    expect(() => ratioValue(Number.NaN, 4, 'percent')).toThrow(InvalidInputError);
    expect(() => ratioValue(1, Number.POSITIVE_INFINITY, 'percent')).toThrow(InvalidInputError);
    expect(() => ratioValue(1, 4, 'rate', 0)).toThrow(InvalidInputError);
  });

  it('maps a measure unit to the unit it combines as', () => {
    expect(['count', 'percent', 'rate', 'number', 'currency', 'days'].map(aggregateUnitOf)).toEqual(
      ['count', 'percent', 'rate', 'number', 'number', 'number'],
    );
  });
});

describe('aggregatePeriods', () => {
  it('takes the latest period that has a value, whatever the input order', () => {
    expect(
      aggregatePeriods(
        [
          { period: 'FY2025-26-Q4', value: 40 },
          { period: 'FY2025-26-Q1', value: 10 },
          { period: 'FY2025-26-Q3', value: 30 },
        ],
        { unit: 'count', rule: 'latest', fiscalYearStart: 4 },
      ).value,
    ).toBe(40);
  });

  it('skips a latest period without a value', () => {
    expect(
      aggregatePeriods(
        [
          { period: '2021', value: 5 },
          { period: '2022', value: null },
          { period: '2020', value: 2 },
        ],
        { unit: 'count', rule: 'latest' },
      ).value,
    ).toBe(5);
  });

  it('carries the latest period numerator and denominator for a ratio measure', () => {
    expect(
      aggregatePeriods(
        [
          { period: '2025-Q1', numerator: 1, denominator: 4 },
          { period: '2025-Q2', numerator: 3, denominator: 0 },
        ],
        { unit: 'percent', rule: 'latest' },
      ),
    ).toEqual({ value: 25, numerator: 1, denominator: 4 });
  });

  it('gives null for latest when no period has a value', () => {
    expect(
      aggregatePeriods([{ period: '2025', value: null }], { unit: 'count', rule: 'latest' }).value,
    ).toBeNull();
  });

  it('sums months into a quarter, skipping an unreported month', () => {
    expect(
      aggregatePeriods(
        [
          { period: '2025-01', value: 10 },
          { period: '2025-02', value: null },
          { period: '2025-03', value: 14 },
        ],
        { unit: 'count', rule: 'sum' },
      ).value,
    ).toBe(24);
  });

  it('combines quarterly ratios as a ratio of sums', () => {
    expect(
      aggregatePeriods(
        [
          { period: '2025-Q1', numerator: 1, denominator: 10 },
          { period: '2025-Q2', numerator: 9, denominator: 30 },
        ],
        { unit: 'percent', rule: 'ratio' },
      ),
    ).toEqual({ value: 25, numerator: 10, denominator: 40 });
  });

  it('rejects a repeated period, mixed period types and bad labels', () => {
    const options = { unit: 'count', rule: 'sum' } as const;
    expect(() =>
      aggregatePeriods(
        [
          { period: '2025-Q1', value: 1 },
          { period: '2025-Q1', value: 2 },
        ],
        options,
      ),
    ).toThrow(InvalidInputError);
    expect(() =>
      aggregatePeriods(
        [
          { period: '2025-Q1', value: 1 },
          { period: '2025-04', value: 2 },
        ],
        options,
      ),
    ).toThrow(InvalidInputError);
    expect(() => aggregatePeriods([{ period: '2025Q1', value: 1 }], options)).toThrow(PeriodError);
  });
});

describe('ratio properties', () => {
  // Whole numbers keep every sum exact, so order and grouping cannot change a single bit.
  const part = fc.integer({ min: 0, max: 100_000 });
  const input = fc.oneof(
    { weight: 8, arbitrary: fc.record({ numerator: part, denominator: part }) },
    { weight: 1, arbitrary: fc.record({ numerator: part }) },
    { weight: 1, arbitrary: fc.record({ value: part }) },
  );
  const unit = fc.constantFrom<AggregateUnit>('percent', 'rate', 'number', 'count');

  function both(inputs: readonly Contribution[]) {
    return inputs.filter(
      (i): i is { numerator: number; denominator: number } =>
        typeof i.numerator === 'number' && typeof i.denominator === 'number',
    );
  }

  it('equals the ratio of the sums', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 30 }), unit, (inputs, u) => {
        const result = aggregate(inputs, { unit: u, rule: 'ratio', per: 1000 });
        const usable = both(inputs);
        if (usable.length === 0) {
          expect(result).toEqual({ value: null, numerator: null, denominator: null });
          return;
        }
        const numerator = usable.reduce((s, i) => s + i.numerator, 0);
        const denominator = usable.reduce((s, i) => s + i.denominator, 0);
        expect(result.numerator).toBe(numerator);
        expect(result.denominator).toBe(denominator);
        expect(result.value).toBe(
          denominator === 0 ? null : (numerator / denominator) * ratioScale(u, 1000),
        );
      }),
    );
  });

  it('does not depend on the order of the inputs', () => {
    fc.assert(
      fc.property(
        fc
          .array(input, { maxLength: 30 })
          .chain((inputs) =>
            fc.tuple(
              fc.constant(inputs),
              fc.shuffledSubarray(inputs, { minLength: inputs.length }),
            ),
          ),
        ([inputs, shuffled]) => {
          const options = { unit: 'percent', rule: 'ratio' } as const;
          expect(aggregate(shuffled, options)).toEqual(aggregate(inputs, options));
        },
      ),
    );
  });

  it('does not depend on how inputs are grouped before combining', () => {
    fc.assert(
      fc.property(fc.array(fc.array(input, { maxLength: 8 }), { maxLength: 6 }), (groups) => {
        const options = { unit: 'percent', rule: 'ratio' } as const;
        const flat = aggregate(groups.flat(), options);
        const partials = groups.map((group) => aggregate(group, options));
        expect(aggregate(partials, options)).toEqual(flat);
      }),
    );
  });
});
