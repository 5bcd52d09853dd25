/** The current trend of a series: the run of changes that ends at its latest value. */
import { checkDirection, type Direction } from './direction.js';
import { DEFAULT_FISCAL_YEAR_START } from './periods.js';
import { type IndexedSeries, indexSeries, type SeriesPoint } from './series.js';

export type Trend = 'up' | 'down' | 'flat';

export interface TrendResult {
  readonly trend: Trend;
  /** Rises or falls in the run; unchanged steps are not counted. */
  readonly periods: number;
  /** Whether the run goes the measure's desired direction; null when flat. */
  readonly favorable: boolean | null;
}

export interface TrendOptions {
  readonly direction: Direction;
  /** Month the fiscal year starts in, 1–12; default 4 (April). */
  readonly fiscalYearStart?: number;
}

const FLAT: TrendResult = Object.freeze({ trend: 'flat', periods: 0, favorable: null });

/**
 * The run rule on a series already in period order. Walking back from the latest value, a rise
 * extends an upward run and a fall a downward one; an unchanged value neither extends nor
 * breaks it; a missing period, a null value or a change the other way ends it.
 */
export function trendOfIndexed(series: IndexedSeries, direction: Direction): TrendResult {
  const { indices, values } = series;
  // The latest value is the latest period that has one: trailing empty periods have nothing to
  // compare.
  let i = values.length - 1;
  while (i >= 0 && values[i] === null) i--;
  if (i < 1) return FLAT;
  let laterIndex = indices[i] as number;
  let laterValue = values[i] as number;
  let run = 0;
  let changes = 0;
  for (let j = i - 1; j >= 0; j--) {
    const value = values[j] ?? null;
    const index = indices[j] as number;
    if (value === null || index !== laterIndex - 1) break;
    if (laterValue > value) {
      if (run < 0) break;
      run = 1;
      changes++;
    } else if (laterValue < value) {
      if (run > 0) break;
      run = -1;
      changes++;
    }
    laterIndex = index;
    laterValue = value;
  }
  if (changes === 0) return FLAT;
  const trend = run > 0 ? 'up' : 'down';
  return { trend, periods: changes, favorable: trend === direction };
}

/** The current trend of a series given in any order. */
export function currentTrend(points: readonly SeriesPoint[], options: TrendOptions): TrendResult {
  checkDirection(options.direction);
  const series = indexSeries(points, options.fiscalYearStart ?? DEFAULT_FISCAL_YEAR_START);
  return trendOfIndexed(series, options.direction);
}
