// The checks' plausibility rule, applied while a figure is typed: the modified z-score of the
// figure against the same cell's figures of up to 12 earlier periods (|score| > 3.5), as
// GET …/periods/:period/checks applies it with @rba/domain. Pure, so it is tested on its own.

import { modifiedZScore, shiftPeriod } from '@rba/domain';
import type { Observation } from '@rba/schema';
import type { Locale } from '../../i18n/locale';
import {
  type CellState,
  parseFigure,
  type RatioUnit,
  type StoredFigure,
  typedRatio,
} from './cell-state';
import { type Breakdown, breakdownKey } from './entry-sheet-model';

/** How many earlier periods of the same cell make its history (the API's CHECK_HISTORY_PERIODS). */
export const HISTORY_PERIODS = 12;

/** The labels of the first and last earlier periods to read; null for a label we cannot shift. */
export function earlierRange(period: string): { from: string; to: string } | null {
  try {
    return { from: shiftPeriod(period, -HISTORY_PERIODS), to: shiftPeriod(period, -1) };
  } catch {
    return null;
  }
}

/** The cell's stored figures before the period (`periodStart`), oldest first, empty ones left out. */
export function earlierValues(
  observations: readonly Observation[],
  breakdown: Breakdown,
  periodStart: string,
): number[] {
  const key = breakdownKey(breakdown);
  return observations
    .filter(
      (o) => o.periodStart < periodStart && o.value !== null && breakdownKey(o.breakdown) === key,
    )
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart))
    .map((o) => o.value as number);
}

/** Whether the checks would flag this figure; never for no figure or too short a history. */
export function isUnusual(history: readonly number[], value: number | null): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  return modifiedZScore(history, value).outlier;
}

/**
 * The figure a cell holds now: what is being typed (a percentage from its numerator and
 * denominator), or the stored figure once just saved; null otherwise.
 */
export function figureOfCell(
  measure: RatioUnit & { entry: 'value' | 'ratio' },
  state: CellState,
  stored: StoredFigure | null,
  locale: Locale,
): number | null {
  if (state.draft) {
    if (measure.entry === 'ratio') return typedRatio(state.draft, locale, measure);
    const parsed = parseFigure(state.draft.value, locale);
    return parsed.ok ? parsed.value : null;
  }
  return state.status === 'saved' ? (stored?.value ?? null) : null;
}
