import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { modifiedZScore } from './outliers.js';

describe('modifiedZScore', () => {
  it('flags a count keyed with extra digits against quarters of about 100', () => {
    const r = modifiedZScore([98, 102, 110, 95, 101], 99_999_999);
    expect(r.outlier).toBe(true);
    expect(r.score).toBeCloseTo(22_483_310.4003, 3);
  });

  it('says nothing with fewer than four earlier figures (nulls left out)', () => {
    expect(modifiedZScore([10, 12, null, 11], 1000)).toEqual({ score: null, outlier: false });
  });

  it('falls back to the mean absolute deviation when most figures are equal', () => {
    const r = modifiedZScore([5, 5, 5, 5, 9], 12);
    expect(r.score).toBeCloseTo(6.98149067193, 9);
    expect(r.outlier).toBe(true);
  });

  it('flags any change from a history that never varied, without a score', () => {
    expect(modifiedZScore([7, 7, 7, 7], 7)).toEqual({ score: 0, outlier: false });
    expect(modifiedZScore([7, 7, 7, 7, 7], 8)).toEqual({ score: null, outlier: true });
  });

  it('flags strictly above the threshold, on both sides', () => {
    expect(modifiedZScore([10, 12, 14, 16, 18], 22, { threshold: 2.698 }).outlier).toBe(false);
    expect(modifiedZScore([200, 210, 195, 205, 190, 215], 20).outlier).toBe(true);
  });

  it('never flags the median of the history itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 5 }),
        (xs) => {
          const m = [...xs].sort((a, b) => a - b)[2] as number;
          expect(modifiedZScore(xs, m).outlier).toBe(false);
        },
      ),
    );
  });

  it('refuses what is not a number', () => {
    expect(() => modifiedZScore([1, 2, 3, 4], Number.NaN)).toThrow(InvalidInputError);
    expect(() => modifiedZScore([1, 2, 3, 4], 1, { threshold: -1 })).toThrow(InvalidInputError);
  });
});
