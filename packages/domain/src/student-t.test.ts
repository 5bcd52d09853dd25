import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { logGamma, regularizedBeta, studentTCdf, studentTQuantile } from './student-t.js';

/** |a − b| ≤ tol · max(1, |b|). */
function near(actual: number, expected: number, tol = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

describe('studentTQuantile', () => {
  it('matches printed tables at the 0.9 quantile', () => {
    near(studentTQuantile(0.9, 1), 3.0777, 2e-5);
    near(studentTQuantile(0.9, 5), 1.4759, 2e-5);
    near(studentTQuantile(0.9, 30), 1.3104, 2e-5);
  });

  // Reference values: scipy.stats.t.ppf (SciPy 1.17), agreeing with mpmath at 40 digits.
  it.each([
    [0.9, 1, 3.0776835371752544],
    [0.9, 5, 1.4758840488244815],
    [0.9, 30, 1.3104150253913955],
    [0.975, 3, 3.1824463052837078],
    [0.95, 2, 2.9199855803537242],
    [0.995, 10, 3.16927267261695],
    [0.9, 7.5, 1.4052118464159533],
    [0.999, 4, 7.173182219782307],
    [0.975, 1000, 1.9623390808264083],
    [0.6, 12, 0.25903274567688733],
  ])('t(%d, %d df) to 1e-12', (p, df, expected) => {
    near(studentTQuantile(p, df), expected);
  });

  it('is exact at the median and antisymmetric', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    near(studentTQuantile(0.1, 5), -1.4758840488244815);
    near(studentTQuantile(0.1, 1), -3.0776835371752544);
  });

  it('reaches far into the tails with one degree of freedom', () => {
    // Cauchy: t = tan(π(p − ½)) = 1/tan(π(1 − p)); 1 − 2⁻³⁰ is exact in binary.
    near(studentTQuantile(1 - 2 ** -30, 1), 1 / Math.tan(Math.PI * 2 ** -30));
    near(studentTQuantile(0.75, 1), 1);
  });

  it('inverts the distribution function', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          near(studentTCdf(t, df), p, 1e-12);
        },
      ),
    );
  });

  it('rejects probabilities outside (0, 1) and degrees of freedom ≤ 0', () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) {
      expect(() => studentTQuantile(p, 5)).toThrow(InvalidInputError);
    }
    for (const df of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => studentTQuantile(0.9, df)).toThrow(InvalidInputError);
    }
  });
});

describe('studentTCdf', () => {
  it('matches scipy.stats.t.cdf', () => {
    near(studentTCdf(-3, 4), 0.019970984035859413, 1e-13);
    near(studentTCdf(0.5, 9), 0.6854643500869868, 1e-13);
    near(studentTCdf(-40, 2), 0.0003122073360923703, 1e-13);
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(studentTCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 3)).toBe(0);
  });
});

describe('special functions', () => {
  it('logGamma matches known values', () => {
    near(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    near(logGamma(1), 0, 1e-14);
    near(logGamma(10), Math.log(362880), 1e-14);
    expect(() => logGamma(0)).toThrow(InvalidInputError);
  });

  it('regularizedBeta matches mpmath', () => {
    near(regularizedBeta(2.5, 1.5, 0.3), 0.0889437231706656, 1e-13);
    near(regularizedBeta(0.5, 20, 0.01), 0.4713699354850156, 1e-13);
    near(regularizedBeta(30, 0.5, 0.97), 0.17821754497024134, 1e-13);
    expect(regularizedBeta(2, 3, 0)).toBe(0);
    expect(regularizedBeta(2, 3, 1)).toBe(1);
  });
});
