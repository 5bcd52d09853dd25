/**
 * A straight-line projection of a series: ordinary least squares of value on period index, and
 * optionally the prediction interval of a new observation at each projected period
 * (FORMAT.md "forecast", with an interval).
 */
import { InvalidInputError } from './errors.js';
import { DEFAULT_FISCAL_YEAR_START, periodFromIndex } from './periods.js';
import { type IndexedSeries, indexSeries, type SeriesPoint } from './series.js';
import { studentTQuantile } from './student-t.js';

export interface ForecastPoint {
  readonly period: string;
  readonly value: number;
}

/** A projected point with its prediction interval: null with fewer than three values. */
export interface ForecastIntervalPoint extends ForecastPoint {
  readonly low: number | null;
  readonly high: number | null;
}

export interface ForecastOptions {
  /** How many periods past the last one to project; 0 gives no points. */
  readonly horizon: number;
  /** Month the fiscal year starts in, 1–12; default 4 (April). */
  readonly fiscalYearStart?: number;
  /**
   * Probability of the prediction interval, strictly between 0 and 1 (0.8 for an 80 % band).
   * Given, every point also has `low` and `high`; absent, points are `{ period, value }` only.
   */
  readonly interval?: number;
}

export interface LineFit {
  readonly slope: number;
  /** Value of the line at the series' first period. */
  readonly intercept: number;
  /** n: how many points with a value were fitted (at least 2). */
  readonly count: number;
  /** x̄: mean of the fitted points' x, x being periods since the series' first period. */
  readonly meanX: number;
  /** Sxx = Σ(x − x̄)², always > 0. */
  readonly sxx: number;
  /** Σ residual²: 0 for a perfect fit. */
  readonly residualSumOfSquares: number;
}

/**
 * Least-squares line through the points that have a value, with x = periods since the first
 * period of the series (a gap keeps its index). With `upTo` (a sequence index, see
 * `periodIndex`) only points at or before that index are fitted. Null with fewer than two values.
 */
export function fitLine(
  series: IndexedSeries,
  upTo: number = Number.POSITIVE_INFINITY,
): LineFit | null {
  const { indices, values } = series;
  const origin = indices[0] ?? 0;
  let end = 0;
  while (end < indices.length && (indices[end] as number) <= upTo) end++;
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < end; i++) {
    const y = values[i];
    if (y === null || y === undefined) continue;
    n++;
    sumX += (indices[i] as number) - origin;
    sumY += y;
  }
  if (n < 2) return null;
  const meanX = sumX / n;
  const meanY = sumY / n;
  // Centred sums avoid the cancellation of Σx² − n·x̄².
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < end; i++) {
    const y = values[i];
    if (y === null || y === undefined) continue;
    const dx = (indices[i] as number) - origin - meanX;
    sxx += dx * dx;
    sxy += dx * (y - meanY);
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let residualSumOfSquares = 0;
  for (let i = 0; i < end; i++) {
    const y = values[i];
    if (y === null || y === undefined) continue;
    const residual = y - (intercept + slope * ((indices[i] as number) - origin));
    residualSumOfSquares += residual * residual;
  }
  return { slope, intercept, count: n, meanX, sxx, residualSumOfSquares };
}

/** Throws unless `horizon` is a whole number of periods ≥ 0. */
export function checkHorizon(horizon: number): void {
  if (!Number.isInteger(horizon) || horizon < 0) {
    throw new InvalidInputError(`Horizon must be a whole number of periods, got ${horizon}`);
  }
}

/** Throws unless `interval` is absent or a probability strictly between 0 and 1. */
export function checkInterval(interval: number | undefined): void {
  if (interval === undefined) return;
  if (typeof interval !== 'number' || !(interval > 0 && interval < 1)) {
    throw new InvalidInputError(
      `Interval must be a probability strictly between 0 and 1, got ${interval}`,
    );
  }
}

/**
 * The fitted line at the sequence indices `from`..`to` (both included), with the interval when
 * asked: value ± t · s · √(1 + 1/n + (x − x̄)² / Sxx), s² = Σ residual² / (n − 2), t the
 * Student-t quantile at (1 + interval) / 2 with n − 2 degrees of freedom; `low` and `high` are
 * null with n < 3. Shared by {@link forecastIndexed} and the baseline forecast.
 */
export function projectLine(
  series: IndexedSeries,
  fit: LineFit,
  from: number,
  to: number,
  interval?: number,
): ForecastPoint[] | ForecastIntervalPoint[] {
  if (series.type === null) return [];
  const origin = series.indices[0] as number;
  const df = fit.count - 2;
  const t = interval === undefined || df < 1 ? null : studentTQuantile((1 + interval) / 2, df);
  const s = df < 1 ? 0 : Math.sqrt(fit.residualSumOfSquares / df);
  const points: (ForecastPoint | ForecastIntervalPoint)[] = [];
  for (let index = from; index <= to; index++) {
    const x = index - origin;
    const period = periodFromIndex(series.type, index, series.fiscalYearStart);
    const value = fit.intercept + fit.slope * x;
    if (interval === undefined) {
      points.push({ period, value });
    } else if (t === null) {
      points.push({ period, value, low: null, high: null });
    } else {
      const dx = x - fit.meanX;
      const half = t * s * Math.sqrt(1 + 1 / fit.count + (dx * dx) / fit.sxx);
      points.push({ period, value, low: value - half, high: value + half });
    }
  }
  return points as ForecastPoint[] | ForecastIntervalPoint[];
}

/** Projects a series already in period order `horizon` periods past its last period. */
export function forecastIndexed(
  series: IndexedSeries,
  horizon: number,
  interval: number,
): ForecastIntervalPoint[];
export function forecastIndexed(
  series: IndexedSeries,
  horizon: number,
  interval?: number,
): ForecastPoint[];
export function forecastIndexed(
  series: IndexedSeries,
  horizon: number,
  interval?: number,
): ForecastPoint[] | ForecastIntervalPoint[] {
  checkHorizon(horizon);
  checkInterval(interval);
  if (horizon === 0 || series.type === null) return [];
  const fit = fitLine(series);
  if (fit === null) return [];
  // Projection starts after the last period given, even when that period has no value.
  const last = series.indices[series.indices.length - 1] as number;
  return projectLine(series, fit, last + 1, last + horizon, interval);
}

/**
 * Projects a series given in any order `horizon` periods past its last period. With
 * `interval`, each point also has the `low` and `high` of its prediction interval.
 */
export function forecast(
  points: readonly SeriesPoint[],
  options: ForecastOptions & { readonly interval: number },
): ForecastIntervalPoint[];
export function forecast(points: readonly SeriesPoint[], options: ForecastOptions): ForecastPoint[];
export function forecast(
  points: readonly SeriesPoint[],
  options: ForecastOptions,
): ForecastPoint[] | ForecastIntervalPoint[] {
  checkHorizon(options.horizon);
  checkInterval(options.interval);
  const series = indexSeries(points, options.fiscalYearStart ?? DEFAULT_FISCAL_YEAR_START);
  return forecastIndexed(series, options.horizon, options.interval);
}
