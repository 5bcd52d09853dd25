/**
 * The curve we were on at the baseline (FORMAT.md "baseline_forecast"): the forecast line fitted
 * to the points up to and including the baseline period only, projected over every period after
 * it. Actual figures after the baseline are read against this line: doing better than it is
 * turning the curve.
 */
import { InvalidInputError } from './errors.js';
import {
  checkHorizon,
  checkInterval,
  type ForecastIntervalPoint,
  type ForecastPoint,
  fitLine,
  projectLine,
} from './forecast.js';
import { DEFAULT_FISCAL_YEAR_START, periodIndex } from './periods.js';
import { type IndexedSeries, indexSeries, type SeriesPoint } from './series.js';

export interface BaselineForecastOptions {
  /** The baseline period's label, of the series' period type. It may fall in a gap. */
  readonly baseline: string;
  /**
   * How many periods past the last period of the series to project; 0 still gives every period
   * after the baseline up to the last one.
   */
  readonly horizon: number;
  /** Month the fiscal year starts in, 1–12; default 4 (April). */
  readonly fiscalYearStart?: number;
  /** Probability of the prediction interval, as in `forecast`; absent gives no `low`/`high`. */
  readonly interval?: number;
}

/**
 * The baseline line of a series already in period order, `baselineIndex` being the baseline
 * period's sequence index (see `periodIndex`). Points run from the period after the baseline to
 * `horizon` periods past the last period of the series; none with fewer than two values at or
 * before the baseline, or when the baseline is at or past that end.
 */
export function baselineForecastIndexed(
  series: IndexedSeries,
  baselineIndex: number,
  horizon: number,
  interval: number,
): ForecastIntervalPoint[];
export function baselineForecastIndexed(
  series: IndexedSeries,
  baselineIndex: number,
  horizon: number,
  interval?: number,
): ForecastPoint[];
export function baselineForecastIndexed(
  series: IndexedSeries,
  baselineIndex: number,
  horizon: number,
  interval?: number,
): ForecastPoint[] | ForecastIntervalPoint[] {
  checkHorizon(horizon);
  checkInterval(interval);
  if (!Number.isInteger(baselineIndex)) {
    throw new InvalidInputError(`A baseline index must be an integer, got ${baselineIndex}`);
  }
  if (series.type === null) return [];
  const fit = fitLine(series, baselineIndex);
  if (fit === null) return [];
  // The end is the last period given, even when it has no value, as in `forecast`.
  const last = series.indices[series.indices.length - 1] as number;
  return projectLine(series, fit, baselineIndex + 1, last + horizon, interval);
}

/**
 * The line a series was on at its baseline: fitted (as `forecast` fits) to the values up to and
 * including the `baseline` period, projected to every period after it up to `horizon` periods
 * past the last period of the series. Fewer than two values up to the baseline → no points.
 * With `interval`, each point also has the `low` and `high` of its prediction interval.
 * Throws {@link InvalidInputError} when the baseline is not of the series' period type.
 */
export function baselineForecast(
  points: readonly SeriesPoint[],
  options: BaselineForecastOptions & { readonly interval: number },
): ForecastIntervalPoint[];
export function baselineForecast(
  points: readonly SeriesPoint[],
  options: BaselineForecastOptions,
): ForecastPoint[];
export function baselineForecast(
  points: readonly SeriesPoint[],
  options: BaselineForecastOptions,
): ForecastPoint[] | ForecastIntervalPoint[] {
  checkHorizon(options.horizon);
  checkInterval(options.interval);
  const fiscalYearStart = options.fiscalYearStart ?? DEFAULT_FISCAL_YEAR_START;
  const series = indexSeries(points, fiscalYearStart);
  const baseline = periodIndex(options.baseline, fiscalYearStart);
  if (series.type !== null && baseline.type !== series.type) {
    throw new InvalidInputError(
      `Baseline ${options.baseline} is a ${baseline.type} but the series is by ${series.type}`,
    );
  }
  return baselineForecastIndexed(series, baseline.index, options.horizon, options.interval);
}
