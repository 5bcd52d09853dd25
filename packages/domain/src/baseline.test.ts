import { describe, expect, it } from 'vitest';
import { compareToBaseline } from './baseline.js';
import { InvalidInputError } from './errors.js';

describe('compareToBaseline', () => {
  it('gives the relative change and whether it goes the desired way', () => {
    expect(compareToBaseline(60, 50, { direction: 'up' })).toEqual({
      change: 0.2,
      favorable: true,
    });
    expect(compareToBaseline(90, 120, { direction: 'down' })).toEqual({
      change: -0.25,
      favorable: true,
    });
    expect(compareToBaseline(90, 120, { direction: 'up' })).toEqual({
      change: -0.25,
      favorable: false,
    });
  });

  it('divides by |baseline| so a rise from a negative baseline is positive', () => {
    expect(compareToBaseline(-10, -20, { direction: 'up' })).toEqual({
      change: 0.5,
      favorable: true,
    });
  });

  it('has no favorable side when nothing changed', () => {
    expect(compareToBaseline(50, 50, { direction: 'up' })).toEqual({ change: 0, favorable: null });
  });

  it('is undefined for a zero or missing baseline, or a missing actual', () => {
    const none = { change: null, favorable: null };
    expect(compareToBaseline(12, 0, { direction: 'up' })).toEqual(none);
    expect(compareToBaseline(12, null, { direction: 'up' })).toEqual(none);
    expect(compareToBaseline(null, 10, { direction: 'down' })).toEqual(none);
  });

  it('rejects non-finite numbers', () => {
    expect(() => compareToBaseline(Number.NaN, 10, { direction: 'up' })).toThrow(InvalidInputError);
  });
});
