/** Every figure a scorecard row shows for one measure, from one pass over its series. */
import type { BaselineResult, ChangeResult } from './baseline.js';
import { changeSinceBaseline, compareToBaseline } from './baseline.js';
import type { Direction } from './direction.js';
import { InvalidInputError } from './errors.js';
import { type ForecastPoint, forecastIndexed } from './forecast.js';
import { DEFAULT_FISCAL_YEAR_START, periodFromIndex, periodIndex } from './periods.js';
import { indexSeries, type SeriesPoint } from './series.js';
import { evaluateTarget, type TargetResult } from './target.js';
import { type TrendResult, trendOfIndexed } from './trend.js';

export interface SeriesSummaryOptions {
  readonly direction: Direction;
  /** Month the fiscal year starts in, 1–12; default 4 (April). */
  readonly fiscalYearStart?: number;
  /** Target for the latest value; null or absent gives status `none`. */
  readonly target?: number | null;
  readonly baseline?: number | null;
  /** Near-target band as a fraction of |target|; default 0.10. */
  readonly band?: number;
  /** Periods to forecast past the last one; default 0 (no forecast). */
  readonly horizon?: number;
  /**
   * The measure's unit, for {@link SeriesSummary.change}: percents and rates change in points,
   * other units relatively. Default `number` (relative).
   */
  readonly unit?: string;
  /**
   * The period whose value target and baseline are judged on: the latest period reported, even
   * when its value is withheld (given as null), so that an earlier value does not stand in for
   * it. Default: the latest period that has a value.
   */
  readonly asOf?: string;
}

export interface SeriesSummary {
  /** The latest period that has a value: the actual that target and baseline are judged on. */
  readonly latest: { readonly period: string; readonly value: number } | null;
  readonly trend: TrendResult;
  readonly target: TargetResult;
  /** Relative change since the baseline, whatever the unit. */
  readonly baseline: BaselineResult;
  /** Change since the baseline in the unit's own terms (points or relative). */
  readonly change: ChangeResult;
  readonly forecast: ForecastPoint[];
}

/** Sorts and checks the series once, then computes trend, target, baseline and forecast on it. */
export function summarizeSeries(
  points: readonly SeriesPoint[],
  options: SeriesSummaryOptions,
): SeriesSummary {
  const fiscalYearStart = options.fiscalYearStart ?? DEFAULT_FISCAL_YEAR_START;
  const series = indexSeries(points, fiscalYearStart);
  let last = series.values.length - 1;
  if (options.asOf === undefined) {
    while (last >= 0 && series.values[last] === null) last--;
  } else {
    const at = periodIndex(options.asOf, fiscalYearStart);
    if (series.type !== null && at.type !== series.type) {
      throw new InvalidInputError(`asOf ${options.asOf} is not a period of the series' type`);
    }
    last = series.indices.indexOf(at.index);
  }
  const latestValue = last >= 0 ? (series.values[last] ?? null) : null;
  const latest =
    latestValue === null || series.type === null
      ? null
      : {
          period: periodFromIndex(series.type, series.indices[last] as number, fiscalYearStart),
          value: latestValue,
        };
  const targetOptions =
    options.band === undefined
      ? { direction: options.direction }
      : { direction: options.direction, band: options.band };
  return {
    latest,
    trend: trendOfIndexed(series, options.direction),
    target: evaluateTarget(latestValue, options.target ?? null, targetOptions),
    baseline: compareToBaseline(latestValue, options.baseline ?? null, options),
    change: changeSinceBaseline(latestValue, options.baseline ?? null, {
      unit: options.unit ?? 'number',
      direction: options.direction,
    }),
    forecast: forecastIndexed(series, options.horizon ?? 0),
  };
}
