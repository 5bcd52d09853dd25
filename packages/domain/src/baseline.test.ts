import { describe, expect, it } from 'vitest';
import { changeSinceBaseline, changeUnitOf, compareToBaseline } from './baseline.js';
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

describe('changeSinceBaseline', () => {
  it('gives percentage points for a percent and a rate', () => {
    const percent = changeSinceBaseline(21.2, 25.1, { unit: 'percent', direction: 'down' });
    expect(percent.change).toBeCloseTo(-3.9, 12);
    expect(percent).toMatchObject({ changeUnit: 'points', favorable: true });
    const rate = changeSinceBaseline(7.0, 5.2, { unit: 'rate', direction: 'down' });
    expect(rate.change).toBeCloseTo(1.8, 12);
    expect(rate).toMatchObject({ changeUnit: 'points', favorable: false });
  });

  it('is relative for every other unit', () => {
    expect(changeSinceBaseline(46, 40, { unit: 'count', direction: 'up' })).toEqual({
      change: 0.15,
      changeUnit: 'relative',
      favorable: true,
    });
    const days = changeSinceBaseline(38, 21, { unit: 'days', direction: 'down' });
    expect(days.change).toBeCloseTo(17 / 21, 15);
    expect(days).toMatchObject({ changeUnit: 'relative', favorable: false });
    expect(changeSinceBaseline(-10, -20, { unit: 'number', direction: 'up' })).toEqual({
      change: 0.5,
      changeUnit: 'relative',
      favorable: true,
    });
  });

  it('keeps points defined at a zero baseline, relative not', () => {
    expect(changeSinceBaseline(4.5, 0, { unit: 'percent', direction: 'up' })).toEqual({
      change: 4.5,
      changeUnit: 'points',
      favorable: true,
    });
    expect(changeSinceBaseline(5000, 0, { unit: 'currency', direction: 'up' })).toEqual({
      change: null,
      changeUnit: 'relative',
      favorable: null,
    });
  });

  it('names the unit even when a figure is missing; no change is not favorable', () => {
    expect(changeSinceBaseline(null, 30, { unit: 'percent', direction: 'up' })).toEqual({
      change: null,
      changeUnit: 'points',
      favorable: null,
    });
    expect(changeSinceBaseline(12, null, { unit: 'count', direction: 'up' })).toEqual({
      change: null,
      changeUnit: 'relative',
      favorable: null,
    });
    expect(changeSinceBaseline(12.5, 12.5, { unit: 'number', direction: 'down' })).toEqual({
      change: 0,
      changeUnit: 'relative',
      favorable: null,
    });
    expect(changeSinceBaseline(40, 40, { unit: 'rate', direction: 'down' })).toEqual({
      change: 0,
      changeUnit: 'points',
      favorable: null,
    });
  });

  it('rejects bad input', () => {
    expect(() => changeSinceBaseline(1, 2, { unit: '', direction: 'up' })).toThrow(
      InvalidInputError,
    );
    expect(() => changeSinceBaseline(Number.NaN, 2, { unit: 'percent', direction: 'up' })).toThrow(
      InvalidInputError,
    );
    expect(() =>
      changeSinceBaseline(1, 2, { unit: 'percent', direction: 'sideways' as 'up' }),
    ).toThrow(InvalidInputError);
  });
});

describe('changeUnitOf', () => {
  it('reads points for percent and rate only', () => {
    expect(['percent', 'rate', 'count', 'number', 'currency', 'days'].map(changeUnitOf)).toEqual([
      'points',
      'points',
      'relative',
      'relative',
      'relative',
      'relative',
    ]);
  });
});
