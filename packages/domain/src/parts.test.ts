import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { compareParts, PARTS_TOLERANCE, partExceedsTotal } from './parts.js';

describe('partExceedsTotal', () => {
  it('is true only for a part strictly larger than its total', () => {
    expect(partExceedsTotal(11, 10)).toBe(true);
    expect(partExceedsTotal(10, 10)).toBe(false);
    expect(partExceedsTotal(0, 10)).toBe(false);
  });

  it('is false when either is missing', () => {
    expect(partExceedsTotal(null, 10)).toBe(false);
    expect(partExceedsTotal(11, null)).toBe(false);
  });

  it('refuses a number that is not finite', () => {
    expect(() => partExceedsTotal(Number.NaN, 1)).toThrow(InvalidInputError);
  });
});

describe('compareParts', () => {
  it('sums the parts and says where they stand against the total', () => {
    expect(compareParts(10, [4, 6])).toEqual({ sum: 10, relation: 'equal' });
    expect(compareParts(10, [4, 7])).toEqual({ sum: 11, relation: 'over' });
    expect(compareParts(10, [4, 5])).toEqual({ sum: 9, relation: 'under' });
  });

  it('reads decimal sums that land a hair off as equal', () => {
    expect(compareParts(0.3, [0.1, 0.2])).toEqual({ sum: 0.1 + 0.2, relation: 'equal' });
    expect(compareParts(1, [1 + PARTS_TOLERANCE / 2])?.relation).toBe('equal');
    expect(compareParts(1, [1 + PARTS_TOLERANCE * 2])?.relation).toBe('over');
    expect(compareParts(1, [1 - PARTS_TOLERANCE * 2])?.relation).toBe('under');
  });

  it('compares nothing without a total or with a part not given', () => {
    expect(compareParts(null, [1, 2])).toBeNull();
    expect(compareParts(10, [4, null])).toBeNull();
  });

  it('refuses numbers that are not finite', () => {
    expect(() => compareParts(10, [Number.POSITIVE_INFINITY])).toThrow(InvalidInputError);
    expect(() => compareParts(Number.NaN, [1])).toThrow(InvalidInputError);
  });
});
