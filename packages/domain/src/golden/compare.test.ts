import { describe, expect, it } from 'vitest';
import { mismatchedFields, numbersMatch, valuesMatch } from './compare.js';

describe('numbersMatch', () => {
  it('is relative away from zero and absolute near it', () => {
    expect(numbersMatch(1e6, 1e6 + 1e-4, 1e-9)).toBe(true);
    expect(numbersMatch(1e6, 1e6 + 1e-2, 1e-9)).toBe(false);
    expect(numbersMatch(0, 5e-10, 1e-9)).toBe(true);
    expect(numbersMatch(0, 5e-9, 1e-9)).toBe(false);
    expect(numbersMatch(0.1 + 0.2, 0.3, 1e-9)).toBe(true);
  });

  it('uses the case tolerance when given', () => {
    expect(numbersMatch(100, 100.5, 0.01)).toBe(true);
    expect(numbersMatch(100, 102, 0.01)).toBe(false);
  });

  it('never matches NaN or infinity with a finite number', () => {
    expect(numbersMatch(1, Number.NaN, 1)).toBe(false);
    expect(numbersMatch(1, Number.POSITIVE_INFINITY, 1)).toBe(false);
  });
});

describe('valuesMatch', () => {
  it('matches null only with null', () => {
    expect(valuesMatch(null, null, 1e-9)).toBe(true);
    expect(valuesMatch(null, 0, 1e-9)).toBe(false);
    expect(valuesMatch(0, null, 1e-9)).toBe(false);
    expect(valuesMatch(null, undefined, 1e-9)).toBe(false);
  });

  it('compares arrays by length and element, objects by the expected keys', () => {
    const tol = 1e-9;
    expect(
      valuesMatch([{ period: 'a', value: 1 }], [{ period: 'a', value: 1, extra: 2 }], tol),
    ).toBe(true);
    expect(valuesMatch([1, 2], [1, 2, 3], tol)).toBe(false);
    expect(valuesMatch({ a: 1 }, [1], tol)).toBe(false);
    expect(valuesMatch('met', 'near', tol)).toBe(false);
    expect(valuesMatch(true, true, tol)).toBe(true);
  });

  it('matches nested objects on the keys expected lists, at every level', () => {
    const tol = 1e-9;
    const actual = {
      a: { degree: 1, betweenness: 0, trust: null },
      b: { degree: 2, betweenness: 2 / 3, trust: 4 },
    };
    expect(valuesMatch({ b: { degree: 2, betweenness: 0.666666666667 } }, actual, tol)).toBe(true);
    expect(valuesMatch({ a: { trust: 3 } }, actual, tol)).toBe(false);
    expect(valuesMatch({ c: { degree: 0 } }, actual, tol)).toBe(false);
  });
});

describe('mismatchedFields', () => {
  it('lists the expected fields that differ or are missing', () => {
    expect(mismatchedFields({ a: 1, b: 2, c: 3 }, { a: 1, b: 5 }, 1e-9)).toEqual(['b', 'c']);
  });
});
