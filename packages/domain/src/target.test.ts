import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { evaluateTarget } from './target.js';

describe('evaluateTarget', () => {
  it('computes variance against |target| and percent of the signed target', () => {
    expect(evaluateTarget(92, 100, { direction: 'up' })).toEqual({
      variance: -0.08,
      percentOfTarget: 92,
      status: 'near',
    });
    expect(evaluateTarget(-5, -10, { direction: 'down' })).toEqual({
      variance: 0.5,
      percentOfTarget: 50,
      status: 'off',
    });
  });

  it('counts meeting or beating the target as met, whichever the direction', () => {
    expect(evaluateTarget(100, 100, { direction: 'up' }).status).toBe('met');
    expect(evaluateTarget(150, 100, { direction: 'up' }).status).toBe('met');
    expect(evaluateTarget(400, 500, { direction: 'down' }).status).toBe('met');
    expect(evaluateTarget(520, 500, { direction: 'down' }).status).toBe('near');
  });

  it('puts a shortfall exactly on the band edge inside the band', () => {
    expect(evaluateTarget(90, 100, { direction: 'up' }).status).toBe('near');
    expect(evaluateTarget(2.7, 3, { direction: 'up' }).status).toBe('near');
    expect(evaluateTarget(110, 100, { direction: 'down' }).status).toBe('near');
    expect(evaluateTarget(89.9, 100, { direction: 'up' }).status).toBe('off');
  });

  it('uses a configurable band, default 0.10', () => {
    expect(evaluateTarget(94, 100, { direction: 'up' }).status).toBe('near');
    expect(evaluateTarget(94, 100, { direction: 'up', band: 0.05 }).status).toBe('off');
    expect(evaluateTarget(86, 100, { direction: 'up', band: 0.15 }).status).toBe('near');
    expect(evaluateTarget(99, 100, { direction: 'up', band: 0 }).status).toBe('off');
  });

  it('gives none and null figures for a missing or zero target, or a missing actual', () => {
    const none = { variance: null, percentOfTarget: null, status: 'none' };
    expect(evaluateTarget(40, null, { direction: 'down' })).toEqual(none);
    expect(evaluateTarget(40, 0, { direction: 'up' })).toEqual(none);
    expect(evaluateTarget(null, 50, { direction: 'up' })).toEqual(none);
  });

  it('rejects a negative band and non-finite numbers', () => {
    expect(() => evaluateTarget(1, 2, { direction: 'up', band: -0.1 })).toThrow(InvalidInputError);
    expect(() => evaluateTarget(Number.NaN, 2, { direction: 'up' })).toThrow(InvalidInputError);
    expect(() => evaluateTarget(1, Number.POSITIVE_INFINITY, { direction: 'up' })).toThrow(
      InvalidInputError,
    );
  });
});
