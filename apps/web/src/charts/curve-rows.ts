// Shapes a measure's curve (actuals, targets, forecast, baseline) into the rows the chart draws
// and its table lists. Pure: no figure is computed here, only placed.

export interface CurvePointInput {
  period: string;
  value: number | null;
  suppressed: boolean;
  /** The last approved figure of a period reopened for correction. */
  underRevision?: boolean | undefined;
}

export interface PeriodValue {
  period: string;
  value: number;
}

export interface CurveFigures {
  points: readonly CurvePointInput[];
  targets: readonly PeriodValue[];
  forecast: readonly PeriodValue[];
  baselinePeriod: string | null;
  direction: 'up' | 'down';
}

export interface CurveRow {
  period: string;
  /** The figure; null where there is none or where it is suppressed (a gap, never 0). */
  actual: number | null;
  suppressed: boolean;
  /** The figure is the last approved one of a period being corrected: still shown, marked "†". */
  underRevision: boolean;
  target: number | null;
  /** The API's projection for this period. */
  forecast: number | null;
  /**
   * What the dashed forecast line passes through: the projection, and at the last actual the
   * actual itself, so the line continues from where the curve is now. Drawing only.
   */
  forecastLine: number | null;
  /** Low and high edge of the "turning the curve" band where the actual beats the forecast. */
  band: [number, number] | null;
  isBaseline: boolean;
}

/**
 * Canonical period labels (`2025`, `2025-Q3`, `2025-07`, `FY2025-26`, `FY2025-26-Q1`) are
 * zero-padded and year-first, so within one period type text order is time order.
 */
export function comparePeriodLabels(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Whether the actual does better than the forecast in the measure's desired direction. */
export function beatsForecast(
  actual: number,
  forecast: number,
  direction: CurveFigures['direction'],
): boolean {
  return direction === 'up' ? actual > forecast : actual < forecast;
}

/** One row per period that has an actual, a target, a forecast or is the baseline, in order. */
export function curveRows(figures: CurveFigures): CurveRow[] {
  const rows = new Map<string, CurveRow>();
  const row = (period: string): CurveRow => {
    let found = rows.get(period);
    if (!found) {
      found = {
        period,
        actual: null,
        suppressed: false,
        underRevision: false,
        target: null,
        forecast: null,
        forecastLine: null,
        band: null,
        isBaseline: false,
      };
      rows.set(period, found);
    }
    return found;
  };

  for (const point of figures.points) {
    const r = row(point.period);
    r.suppressed = point.suppressed;
    r.underRevision = point.underRevision === true;
    r.actual = point.suppressed ? null : point.value;
  }
  for (const target of figures.targets) row(target.period).target = target.value;
  for (const projected of figures.forecast) {
    const r = row(projected.period);
    r.forecast = projected.value;
    r.forecastLine = projected.value;
  }
  if (figures.baselinePeriod) row(figures.baselinePeriod).isBaseline = true;

  const ordered = [...rows.values()].sort((a, b) => comparePeriodLabels(a.period, b.period));

  // The dashed line starts at the last actual before the projection begins.
  const firstForecast = ordered.findIndex((r) => r.forecast !== null);
  if (firstForecast > 0) {
    for (let i = firstForecast - 1; i >= 0; i--) {
      const r = ordered[i] as CurveRow;
      if (r.actual !== null) {
        if (r.forecastLine === null) r.forecastLine = r.actual;
        break;
      }
    }
  }

  for (const r of ordered) {
    if (r.actual !== null && r.forecast !== null) {
      if (beatsForecast(r.actual, r.forecast, figures.direction)) {
        r.band = [Math.min(r.actual, r.forecast), Math.max(r.actual, r.forecast)];
      }
    }
  }
  return ordered;
}

/** Whether any period shows the curve turning: an actual better than its forecast. */
export function hasTurningBand(rows: readonly CurveRow[]): boolean {
  return rows.some((r) => r.band !== null);
}

/** The periods whose figure is suppressed: drawn as a gap with a marker. */
export function suppressedPeriods(rows: readonly CurveRow[]): string[] {
  return rows.filter((r) => r.suppressed).map((r) => r.period);
}

/** The periods whose figure is under revision: marked "†" in the chart and its table. */
export function revisionPeriods(rows: readonly CurveRow[]): string[] {
  return rows.filter((r) => r.underRevision).map((r) => r.period);
}
