/** Every figure a scorecard row shows for one measure, from one pass over its series. */
import type { BaselineResult } from './baseline.js';
import { compareToBaseline } from './baseline.js';
import type { Direction } from './direction.js';
import { type ForecastPoint, forecastIndexed } from './forecast.js';
import { DEFAULT_FISCAL_YEAR_START, periodFromIndex } from './periods.js';
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
}

export interface SeriesSummary {
  /** The latest period that has a value: the actual that target and baseline are judged on. */
  readonly latest: { readonly period: string; readonly value: number } | null;
  readonly trend: TrendResult;
  readonly target: TargetResult;
  readonly baseline: BaselineResult;
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
  while (last >= 0 && series.values[last] === null) last--;
  const latestValue = last >= 0 ? (series.values[last] as number) : null;
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
    forecast: forecastIndexed(series, options.horizon ?? 0),
  };
}
