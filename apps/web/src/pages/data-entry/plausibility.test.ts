import type { Observation } from '@rba/schema';
import { describe, expect, it } from 'vitest';
import { idleCell } from './cell-state';
import { earlierRange, earlierValues, figureOfCell, isUnusual } from './plausibility';

function observation(
  periodStart: string,
  value: number | null,
  breakdown: Record<string, string> = {},
): Observation {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    measureId: '00000000-0000-4000-8000-000000000002',
    period: periodStart,
    periodStart,
    periodEnd: periodStart,
    breakdown,
    value,
    numerator: null,
    denominator: null,
    note: null,
    status: 'approved',
    version: 1,
    enteredBy: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

const asValue = { entry: 'value', unit: 'count', ratePer: null } as const;
const asPercent = { entry: 'ratio', unit: 'percent', ratePer: null } as const;

describe('the plausibility check while typing', () => {
  it('reads the twelve periods before the one being entered', () => {
    expect(earlierRange('FY2025-26-Q3')).toEqual({ from: 'FY2022-23-Q3', to: 'FY2025-26-Q2' });
    expect(earlierRange('not a period')).toBeNull();
  });

  it('takes the same cell’s earlier figures only, oldest first', () => {
    const rows = [
      observation('2025-04-01', 12),
      observation('2025-01-01', 10),
      observation('2025-01-01', 4, { gender: 'girls' }),
      observation('2024-10-01', null),
      observation('2025-10-01', 99),
    ];
    expect(earlierValues(rows, {}, '2025-10-01')).toEqual([10, 12]);
    expect(earlierValues(rows, { gender: 'girls' }, '2025-10-01')).toEqual([4]);
  });

  it('flags a figure far from its history, never one without enough history', () => {
    const history = [98, 100, 102, 99, 101, 100];
    expect(isUnusual(history, 500)).toBe(true);
    expect(isUnusual(history, 101)).toBe(false);
    expect(isUnusual(history, null)).toBe(false);
    expect(isUnusual([100, 101, 99], 500)).toBe(false);
  });

  it('checks what is typed (a percentage from its parts), or the figure just saved', () => {
    const draft = { value: '1 234,5', numerator: '9', denominator: '20' };
    const editing = { ...idleCell, status: 'editing' as const, draft };
    expect(figureOfCell(asValue, editing, null, 'fr')).toBe(1234.5);
    expect(figureOfCell(asPercent, editing, null, 'en')).toBe(45);
    // A rate per 1,000 from the same parts: 450, compared with the rate's own history.
    const perThousand = { entry: 'ratio', unit: 'rate', ratePer: 1000 } as const;
    expect(figureOfCell(perThousand, editing, null, 'en')).toBe(450);
    const stored = { value: 7, numerator: null, denominator: null, note: null, version: 2 };
    expect(figureOfCell(asValue, { ...idleCell, status: 'saved' }, stored, 'en')).toBe(7);
    expect(figureOfCell(asValue, idleCell, stored, 'en')).toBeNull();
  });
});
