import { describe, expect, it } from 'vitest';
import { formatChange, formatMeasureValue } from './measure-value';

describe('a measure’s figure in its unit', () => {
  it('writes a percentage with the measure’s decimals, the French way in French', () => {
    expect(formatMeasureValue('en', 45.2, 'percent', 1)).toBe('45.2%');
    expect(formatMeasureValue('fr', 45.2, 'percent', 1)).toMatch(/^45,2\s%$/u);
    expect(formatMeasureValue('en', 13, 'percent', 1)).toBe('13.0%');
  });

  it('writes counts, currency and days', () => {
    expect(formatMeasureValue('en', 1200, 'count', 0)).toBe('1,200');
    expect(formatMeasureValue('en', 1200, 'currency', 0)).toBe('$1,200');
    expect(formatMeasureValue('en', 12, 'days', 0)).toBe('12 days');
    expect(formatMeasureValue('fr', 12, 'days', 0)).toMatch(/^12\sjours$/u);
  });

  it('signs a change against the baseline', () => {
    expect(formatChange('en', 2.5854)).toBe('+259%');
    expect(formatChange('en', -0.25)).toBe('-25%');
    expect(formatChange('en', 0.054)).toBe('+5.4%');
    expect(formatChange('fr', 0.25)).toMatch(/^\+25\s%$/u);
  });
});

describe('axis ticks', () => {
  it('drop trailing zeros but keep the measure’s precision', () => {
    expect(formatMeasureValue('en', 4, 'percent', 1, 0)).toBe('4%');
    expect(formatMeasureValue('en', 2.5, 'percent', 1, 0)).toBe('2.5%');
  });
});
