// A figure's history as rows to read: each save beside the figure it replaced (the previous
// save's), and whether its figure or its note changed. Pure, so it is tested on its own.

import type { FigureHistoryItem } from '../../api/history-api';

export interface FigureParts {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface HistoryRow {
  /** Stable while the history only grows (oldest first): the item's time, action and place. */
  key: string;
  item: FigureHistoryItem;
  /** For a save: the figure before it (null for the first save); null for a period's step. */
  before: FigureParts | null;
  /** For a save: whether the figure differs from the one before (true for the first save). */
  figureChanged: boolean;
  /** For a save: whether the note differs from the one before. */
  noteChanged: boolean;
}

export function partsOf(item: FigureParts): FigureParts {
  return { value: item.value, numerator: item.numerator, denominator: item.denominator };
}

export function sameParts(a: FigureParts, b: FigureParts): boolean {
  return a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator;
}

/** The items in the API's order (oldest first), each save with the figure it replaced. */
export function historyRows(items: readonly FigureHistoryItem[]): HistoryRow[] {
  let previous: FigureHistoryItem | null = null;
  return items.map((item, index) => {
    const key = `${item.at}|${item.action}|${index}`;
    if (item.action !== 'saved') {
      return { key, item, before: null, figureChanged: false, noteChanged: false };
    }
    const before = previous ? partsOf(previous) : null;
    const row: HistoryRow = {
      key,
      item,
      before,
      figureChanged: before === null || !sameParts(before, partsOf(item)),
      noteChanged: (previous?.note ?? null) !== item.note,
    };
    previous = item;
    return row;
  });
}
