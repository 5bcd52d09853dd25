import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { type SuppressionCell, suppressSmallCells } from './suppress.js';

describe('suppressSmallCells', () => {
  it('hides a small part and the part that would reveal it through the total', () => {
    const result = suppressSmallCells(
      [
        { key: 'total', value: 31, total: true },
        { key: 'girls', value: 4 },
        { key: 'boys', value: 27 },
      ],
      5,
    );
    expect(result.suppressed).toEqual(['boys', 'girls']);
    expect(result.cells).toEqual([
      { key: 'total', hidden: false },
      { key: 'girls', hidden: true },
      { key: 'boys', hidden: true },
    ]);
  });

  it('shows zero and values at or above the threshold', () => {
    expect(
      suppressSmallCells(
        [
          { key: 'total', value: 12, total: true },
          { key: 'a', value: 0 },
          { key: 'b', value: 12 },
        ],
        5,
      ).suppressed,
    ).toEqual([]);
    expect(
      suppressSmallCells(
        [
          { key: 'a', value: 9 },
          { key: 'b', value: 10 },
          { key: 'c', value: 11 },
        ],
        10,
      ).suppressed,
    ).toEqual(['a']);
  });

  it('adds nothing when two parts are already hidden', () => {
    expect(
      suppressSmallCells(
        [
          { key: 'total', value: 15, total: true },
          { key: 'a', value: 2 },
          { key: 'b', value: 3 },
          { key: 'c', value: 10 },
        ],
        5,
      ).suppressed,
    ).toEqual(['a', 'b']);
  });

  it('picks the smallest other part above zero, the first on a tie', () => {
    expect(
      suppressSmallCells(
        [
          { key: 'total', value: 71, total: true },
          { key: 'x', value: 4 },
          { key: 'y', value: 30 },
          { key: 'z', value: 12 },
          { key: 'w', value: 25 },
        ],
        5,
      ).suppressed,
    ).toEqual(['x', 'z']);
    expect(
      suppressSmallCells(
        [
          { key: 'total', value: 33, total: true },
          { key: 'a', value: 0 },
          { key: 'b', value: 15 },
          { key: 'c', value: 3 },
          { key: 'd', value: 15 },
        ],
        5,
      ).suppressed,
    ).toEqual(['b', 'c']);
  });

  it('adds nothing when the total itself is hidden or there is no total', () => {
    expect(
      suppressSmallCells(
        [
          { key: 'total', value: 4, total: true },
          { key: 'a', value: 4 },
          { key: 'b', value: 0 },
        ],
        5,
      ).suppressed,
    ).toEqual(['a', 'total']);
    expect(
      suppressSmallCells(
        [
          { key: 'a', value: 4 },
          { key: 'b', value: 20 },
        ],
        5,
      ).suppressed,
    ).toEqual(['a']);
  });

  it('hides nothing when everything is zero', () => {
    expect(
      suppressSmallCells(
        [
          { key: 'total', value: 0, total: true },
          { key: 'a', value: 0 },
          { key: 'b', value: 0 },
        ],
        5,
      ).suppressed,
    ).toEqual([]);
  });

  it('hides a numerator/denominator cell when either part is small, but not a zero numerator', () => {
    expect(
      suppressSmallCells(
        [
          { key: 'k1', numerator: 3, denominator: 40 },
          { key: 'k2', numerator: 12, denominator: 4 },
          { key: 'k3', numerator: 0, denominator: 30 },
          { key: 'k4', numerator: 10, denominator: 50 },
        ],
        5,
      ).suppressed,
    ).toEqual(['k1', 'k2']);
  });

  it('picks the complementary numerator/denominator cell by smallest denominator', () => {
    expect(
      suppressSmallCells(
        [
          { key: 'total', numerator: 40, denominator: 150, total: true },
          { key: 'a', numerator: 3, denominator: 40 },
          { key: 'b', numerator: 30, denominator: 70 },
          { key: 'c', numerator: 7, denominator: 40 },
        ],
        5,
      ).suppressed,
    ).toEqual(['a', 'c']);
  });

  it('sorts the hidden keys', () => {
    expect(
      suppressSmallCells(
        [
          { key: 'b', value: 1 },
          { key: 'a', value: 2 },
          { key: 'C', value: 3 },
        ],
        5,
      ).suppressed,
    ).toEqual(['C', 'a', 'b']);
  });

  it('rejects duplicate keys and a threshold that is not positive', () => {
    expect(() =>
      suppressSmallCells(
        [
          { key: 'a', value: 1 },
          { key: 'a', value: 2 },
        ],
        5,
      ),
    ).toThrow(InvalidInputError);
    expect(() => suppressSmallCells([], 0)).toThrow(InvalidInputError);
  });
});

describe('suppression properties', () => {
  const threshold = fc.integer({ min: 1, max: 12 });
  const countBreakdown = fc
    .array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 7 })
    .map((parts): SuppressionCell[] => [
      { key: 'total', value: parts.reduce((s, v) => s + v, 0), total: true },
      ...parts.map((value, i) => ({ key: `p${i}`, value })),
    ]);
  const ratioBreakdown = fc
    .array(
      fc
        .integer({ min: 0, max: 60 })
        .chain((denominator) =>
          fc.integer({ min: 0, max: denominator }).map((numerator) => ({ numerator, denominator })),
        ),
      { minLength: 1, maxLength: 7 },
    )
    .map((parts): SuppressionCell[] => [
      {
        key: 'total',
        numerator: parts.reduce((s, p) => s + p.numerator, 0),
        denominator: parts.reduce((s, p) => s + p.denominator, 0),
        total: true,
      },
      ...parts.map((part, i) => ({ key: `p${i}`, ...part })),
    ]);

  it('never leaves exactly one hidden part beside a shown total', () => {
    fc.assert(
      fc.property(fc.oneof(countBreakdown, ratioBreakdown), threshold, (cells, t) => {
        const { suppressed } = suppressSmallCells(cells, t);
        const hidden = new Set(suppressed);
        const hiddenParts = cells.filter((c) => !c.total && hidden.has(c.key)).length;
        if (!hidden.has('total')) expect(hiddenParts).not.toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('hides every small cell and never a zero count', () => {
    fc.assert(
      fc.property(countBreakdown, threshold, (cells, t) => {
        const hidden = new Set(suppressSmallCells(cells, t).suppressed);
        for (const cell of cells) {
          const value = cell.value ?? 0;
          if (value > 0 && value < t) expect(hidden.has(cell.key)).toBe(true);
          if (value === 0) expect(hidden.has(cell.key)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
