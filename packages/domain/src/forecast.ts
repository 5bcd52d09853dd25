/** A straight-line projection of a series: ordinary least squares of value on period index. */
import { InvalidInputError } from './errors.js';
import { DEFAULT_FISCAL_YEAR_START, periodFromIndex } from './periods.js';
import { type IndexedSeries, indexSeries, type SeriesPoint } from './series.js';

export interface ForecastPoint {
  readonly period: string;
  readonly value: number;
}

export interface ForecastOptions {
  /** How many periods past the last one to project; 0 gives no points. */
  readonly horizon: number;
  /** Month the fiscal year starts in, 1–12; default 4 (April). */
  readonly fiscalYearStart?: number;
}

export interface LineFit {
  readonly slope: number;
  /** Value of the line at the series' first period. */
  readonly intercept: number;
}

/**
 * Least-squares line through the points that have a value, with x = periods since the first
 * period of the series (a gap keeps its index). Null with fewer than two values.
 */
export function fitLine(series: IndexedSeries): LineFit | null {
  const { indices, values } = series;
  const origin = indices[0] ?? 0;
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < values.length; i++) {
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
  for (let i = 0; i < values.length; i++) {
    const y = values[i];
    if (y === null || y === undefined) continue;
    const dx = (indices[i] as number) - origin - meanX;
    sxx += dx * dx;
    sxy += dx * (y - meanY);
  }
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

function checkHorizon(horizon: number): void {
  if (!Number.isInteger(horizon) || horizon < 0) {
    throw new InvalidInputError(`Horizon must be a whole number of periods, got ${horizon}`);
  }
}

/** Projects a series already in period order `horizon` periods past its last period. */
export function forecastIndexed(series: IndexedSeries, horizon: number): ForecastPoint[] {
  checkHorizon(horizon);
  if (horizon === 0 || series.type === null) return [];
  const fit = fitLine(series);
  if (fit === null) return [];
  const origin = series.indices[0] as number;
  // Projection starts after the last period given, even when that period has no value.
  const last = series.indices[series.indices.length - 1] as number;
  const points: ForecastPoint[] = [];
  for (let step = 1; step <= horizon; step++) {
    const index = last + step;
    points.push({
      period: periodFromIndex(series.type, index, series.fiscalYearStart),
      value: fit.intercept + fit.slope * (index - origin),
    });
  }
  return points;
}

/** Projects a series given in any order `horizon` periods past its last period. */
export function forecast(
  points: readonly SeriesPoint[],
  options: ForecastOptions,
): ForecastPoint[] {
  checkHorizon(options.horizon);
  const series = indexSeries(points, options.fiscalYearStart ?? DEFAULT_FISCAL_YEAR_START);
  return forecastIndexed(series, options.horizon);
}
