import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenRanges, protectCells } from './protect.js';
import { familyProblem, type MeasureCells } from './relations.js';

const counts = (id: string, cells: Record<string, number>): MeasureCells => ({
  id,
  cells: new Map(Object.entries(cells).map(([k, v]) => [k, [v]])),
});

/** The narrowest range of any hidden cell, and the hidden keys. */
function audit(problem: ReturnType<typeof familyProblem>, threshold = 5) {
  const result = protectCells(problem, { threshold });
  const ranges = hiddenRanges(problem, new Set(result.hidden));
  const widths = ranges.map((r) => (r.range ? r.range.max - r.range.min : -1));
  return { result, narrowest: Math.min(Number.POSITIVE_INFINITY, ...widths) };
}

describe('protectCells', () => {
  it('protects every girls cell of an age × gender table (issue 15, case B)', () => {
    const problem = familyProblem(1, [
      counts('m', {
        '': 30,
        'gender=girls': 3,
        'gender=boys': 27,
        'age=a': 10,
        'age=b': 20,
        'age=a;gender=girls': 1,
        'age=b;gender=girls': 2,
        'age=a;gender=boys': 9,
        'age=b;gender=boys': 18,
      }),
    ]);
    const { result, narrowest } = audit(problem);
    expect(result.hidden).toEqual(
      expect.arrayContaining(['m|age=a;gender=girls', 'm|age=b;gender=girls', 'm|gender=girls']),
    );
    expect(narrowest).toBeGreaterThanOrEqual(5);
  });

  it('hides a collective cell that one agency alone makes up (issue 15, case A)', () => {
    const problem = familyProblem(
      1,
      [
        counts('shared', { '': 60, 'age=0': 3, 'age=6': 10, 'age=12': 22, 'age=18': 25 }),
        counts('a', { '': 40, 'age=0': 3, 'age=6': 10, 'age=12': 12, 'age=18': 15 }),
        counts('b', { '': 20, 'age=0': 0, 'age=6': 0, 'age=12': 10, 'age=18': 10 }),
      ],
      'shared',
    );
    const { result, narrowest } = audit(problem);
    expect(result.hidden).toEqual(expect.arrayContaining(['a|age=0', 'shared|age=0']));
    expect(narrowest).toBeGreaterThanOrEqual(5);
  });

  it('decides the same whatever order the figures come in', () => {
    const base = [
      counts('s', { '': 17, 'g=a': 9, 'g=b': 8 }),
      counts('a', { '': 7, 'g=a': 4, 'g=b': 3 }),
      counts('b', { '': 7, 'g=a': 3, 'g=b': 4 }),
      counts('c', { '': 3, 'g=a': 2, 'g=b': 1 }),
    ];
    const shuffled = (order: number[]) =>
      order.map((i) => {
        const m = base[i] as MeasureCells;
        return { id: m.id, cells: new Map([...m.cells].reverse()) };
      });
    const first = protectCells(familyProblem(1, base, 's'), { threshold: 5 }).hidden;
    for (const order of [
      [3, 2, 1, 0],
      [1, 0, 3, 2],
      [2, 3, 0, 1],
    ]) {
      expect(protectCells(familyProblem(1, shuffled(order), 's'), { threshold: 5 }).hidden).toEqual(
        first,
      );
    }
  });

  it('hides nothing when nothing is small', () => {
    const problem = familyProblem(1, [counts('m', { '': 30, 'g=a': 10, 'g=b': 20 })]);
    expect(protectCells(problem, { threshold: 5 })).toEqual({
      hidden: [],
      small: 0,
      programmes: 0,
    });
  });

  it('widens a 1 and a 1 beside 20 (FORMAT.md: hidden parts add up to the threshold)', () => {
    const problem = familyProblem(1, [counts('m', { '': 22, 'g=a': 1, 'g=b': 1, 'g=c': 20 })]);
    expect(protectCells(problem, { threshold: 5 }).hidden).toEqual(['m|g=a', 'm|g=b', 'm|g=c']);
  });

  it('bounds parts by a total they do not add up to', () => {
    // 3 + 12 + 25 = 40 of a total of 40, one age group not entered: the 3 is hidden, and the
    // total bounds it to 0–3 unless another part is hidden too.
    const problem = familyProblem(1, [
      counts('m', { '': 45, 'age=0': 3, 'age=6': 12, 'age=12': 25 }),
    ]);
    const { narrowest } = audit(problem);
    expect(narrowest).toBeGreaterThanOrEqual(5);
  });

  it('protects numerators and denominators of a ratio', () => {
    const problem = familyProblem(2, [
      {
        id: 'p',
        cells: new Map([
          ['', [40, 100]],
          ['g=a', [2, 3]],
          ['g=b', [38, 97]],
        ]),
      },
    ]);
    const { result, narrowest } = audit(problem);
    expect(result.hidden).toEqual(['p|g=a', 'p|g=b']);
    expect(narrowest).toBeGreaterThanOrEqual(5);
  });

  it('proves every pattern on generated tables (two dimensions, contributions)', () => {
    const cell = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 60 }));
    const agency = fc.array(fc.array(cell, { minLength: 2, maxLength: 3 }), {
      minLength: 2,
      maxLength: 3,
    });
    fc.assert(
      fc.property(fc.array(agency, { minLength: 1, maxLength: 3 }), (agencies) => {
        const rows = Math.min(...agencies.map((a) => a.length));
        const cols = Math.min(...agencies.map((a) => Math.min(...a.map((r) => r.length))));
        const grid = (a: number[][]) => {
          const cells: Record<string, number> = {};
          let total = 0;
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < cols; j++) {
              const v = (a[i] as number[])[j] as number;
              cells[`a=${i};b=${j}`] = v;
              cells[`a=${i}`] = (cells[`a=${i}`] ?? 0) + v;
              cells[`b=${j}`] = (cells[`b=${j}`] ?? 0) + v;
              total += v;
            }
          }
          cells[''] = total;
          return cells;
        };
        const parts = agencies.map((a, k) => counts(`o${k}`, grid(a)));
        const whole: Record<string, number> = {};
        for (const p of parts)
          for (const [k, v] of p.cells) whole[k] = (whole[k] ?? 0) + (v[0] ?? 0);
        const problem = familyProblem(1, [counts('s', whole), ...parts], 's');
        const { result, narrowest } = audit(problem);
        const small = problem.cells.filter((c) => (c.values[0] ?? 0) > 0 && (c.values[0] ?? 0) < 5);
        for (const c of small) expect(result.hidden).toContain(c.key);
        expect(narrowest).toBeGreaterThanOrEqual(5 - 1e-6);
      }),
      { numRuns: 150, seed: 15 },
    );
  });
});
