import { describe, expect, it } from 'vitest';
import type { FigureHistoryItem } from '../../api/history-api';
import { historyRows } from './history-rows';

const actor = { id: '00000000-0000-4000-8000-000000000001', name: 'Priya Patel' };

function item(
  action: FigureHistoryItem['action'],
  fields: Partial<FigureHistoryItem> = {},
): FigureHistoryItem {
  return {
    at: '2025-10-02T10:00:00.000Z',
    actor,
    action,
    value: null,
    numerator: null,
    denominator: null,
    status: action === 'saved' ? 'draft' : null,
    note: null,
    reason: null,
    ...fields,
  };
}

describe('historyRows', () => {
  it('puts each save beside the figure of the save before it, skipping the period’s steps', () => {
    const rows = historyRows([
      item('saved', { value: 10 }),
      item('submitted'),
      item('returned', { reason: 'Check it' }),
      item('saved', { value: 12, note: 'Recounted' }),
      item('saved', { value: 12, note: 'Recounted' }),
      item('saved', { value: null }),
    ]);
    expect(rows.map((r) => [r.item.action, r.before?.value ?? null, r.figureChanged])).toEqual([
      ['saved', null, true],
      ['submitted', null, false],
      ['returned', null, false],
      ['saved', 10, true],
      ['saved', 12, false],
      ['saved', 12, true],
    ]);
    expect(rows.map((r) => r.noteChanged)).toEqual([false, false, false, true, false, true]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('compares a percentage by its numerator and denominator too', () => {
    const rows = historyRows([
      item('saved', { value: 50, numerator: 5, denominator: 10 }),
      item('saved', { value: 50, numerator: 10, denominator: 20 }),
    ]);
    expect(rows[1]?.figureChanged).toBe(true);
    expect(rows[1]?.before).toEqual({ value: 50, numerator: 5, denominator: 10 });
  });
});
