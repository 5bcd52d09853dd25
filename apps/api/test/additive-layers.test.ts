// One rule for what adds up across breakdown cells and contributions (observations/figure.ts):
// the check of parts against their total and the restricted view's protection against
// subtraction read the same layers as the collective's arithmetic.
import { describe, expect, it } from 'vitest';
import { isAdditive } from '../src/disclosure/restricted-mask.js';
import type { MeasureRow } from '../src/measures/measures.repository.js';
import { additiveLayers, combineOptions } from '../src/observations/figure.js';
import { checkPartsAgainstTotal } from '../src/observations/parts.js';

const vocabulary = [{ code: 'gender', values: [{ code: 'girls' }, { code: 'boys' }] }];

function measure(aggregation: MeasureRow['aggregation'], unit: MeasureRow['unit'] = 'count') {
  return { aggregation, unit, rate_per: null } as MeasureRow;
}

describe('what adds up', () => {
  it('is the layers the collective sums: a ratio’s parts, a sum’s or a stock’s value', () => {
    expect(additiveLayers(measure('ratio', 'percent'))).toEqual(['numerator', 'denominator']);
    expect(additiveLayers(measure('sum'))).toEqual(['value']);
    // A stock (`latest` across periods) is summed across contributors (combineOptions).
    expect(combineOptions(measure('latest')).rule).toBe('sum');
    expect(additiveLayers(measure('latest'))).toEqual(['value']);
    for (const rule of ['mean', 'max', 'min'] as const) {
      expect(additiveLayers(measure(rule))).toEqual([]);
      expect(isAdditive(measure(rule))).toBe(false);
    }
    expect(isAdditive(measure('latest'))).toBe(true);
  });

  it('holds a stock’s parts to its total, as its collective sums them', () => {
    const cells = [
      { breakdown: '', value: 10, numerator: null, denominator: null },
      { breakdown: 'gender=girls', value: 11, numerator: null, denominator: null },
    ];
    expect(() =>
      checkPartsAgainstTotal(measure('latest'), cells, 'gender=girls', vocabulary),
    ).toThrowError(/larger than the total/);
    const fits = [cells[0], { ...cells[1], value: 4 }] as typeof cells;
    const warnings = checkPartsAgainstTotal(measure('latest'), fits, 'gender=girls', vocabulary);
    expect(warnings).toEqual([]);
    expect(checkPartsAgainstTotal(measure('mean'), cells, 'gender=girls', vocabulary)).toEqual([]);
  });
});
