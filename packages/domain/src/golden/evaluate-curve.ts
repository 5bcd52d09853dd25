/**
 * Golden kinds about where the curve is headed and how far it moved: "forecast" (with or
 * without an interval), "baseline_forecast" and "change" (FORMAT.md).
 */
import { changeSinceBaseline } from '../baseline.js';
import { baselineForecast } from '../baseline-forecast.js';
import { forecast } from '../forecast.js';
import {
  CaseShapeError,
  directionOf,
  fiscalYearStartOf,
  type JsonObject,
  nullableNumberAt,
  numberAt,
  seriesAt,
  stringAt,
} from './shape.js';

function horizonOf(c: JsonObject): number {
  const horizon = numberAt(c.horizon, 'horizon');
  if (!Number.isInteger(horizon) || horizon < 0) {
    throw new CaseShapeError(`horizon must be a whole number ≥ 0, got ${horizon}`);
  }
  return horizon;
}

/** `interval` when the case gives one: a probability strictly between 0 and 1. */
function intervalOf(c: JsonObject): { interval?: number } {
  if (c.interval === undefined) return {};
  const interval = numberAt(c.interval, 'interval');
  if (!(interval > 0 && interval < 1)) {
    throw new CaseShapeError(`interval must be strictly between 0 and 1, got ${interval}`);
  }
  return { interval };
}

export function evaluateForecast(c: JsonObject): JsonObject {
  const points = forecast(seriesAt(c.series), {
    horizon: horizonOf(c),
    fiscalYearStart: fiscalYearStartOf(c),
    ...intervalOf(c),
  });
  return { points: points.map((point) => ({ ...point })) };
}

export function evaluateBaselineForecast(c: JsonObject): JsonObject {
  const points = baselineForecast(seriesAt(c.series), {
    baseline: stringAt(c.baseline, 'baseline'),
    horizon: horizonOf(c),
    fiscalYearStart: fiscalYearStartOf(c),
    ...intervalOf(c),
  });
  return { points: points.map((point) => ({ ...point })) };
}

export function evaluateChange(c: JsonObject): JsonObject {
  return {
    ...changeSinceBaseline(
      nullableNumberAt(c.actual, 'actual'),
      nullableNumberAt(c.baseline, 'baseline'),
      { unit: stringAt(c.unit, 'unit'), direction: directionOf(c) },
    ),
  };
}
