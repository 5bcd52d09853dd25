// How far an agency is with its quarter, by the status board's rule: one figure expected per
// measure (its total), entered when the total has a value, whatever its status.

import type { EntrySheet } from '../../api/entry-api';
import { findCell } from '../data-entry/entry-sheet-model';

export interface FiguresCount {
  expected: number;
  entered: number;
}

export function countFigures(sheet: EntrySheet): FiguresCount {
  const period = sheet.period.label;
  const measures = sheet.programs.flatMap((program) => program.measures);
  const entered = measures.filter((measure) => {
    const total = findCell(measure, period);
    return total !== undefined && total.value !== null;
  }).length;
  return { expected: measures.length, entered };
}

/** The due date of the period, from the reporting calendar; null when none is defined. */
export function dueDateOf(
  period: string,
  calendar: readonly { period: string; due: string }[] | undefined,
): string | null {
  return calendar?.find((p) => p.period === period)?.due ?? null;
}
