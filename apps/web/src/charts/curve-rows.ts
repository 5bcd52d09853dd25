// Shapes a measure's curve (actuals, targets, baseline, and the two lines it is read against:
// the curve we were on at the baseline and where we are headed from the latest figures, each
// with its 80% band) into the rows the chart draws and its table lists. Pure: no figure is
// computed here, only placed.

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

/** A projected point, with its 80% prediction interval when the API could give one. */
export interface BandValue extends PeriodValue {
  low?: number | null | undefined;
  high?: number | null | undefined;
}

export interface CurveFigures {
  points: readonly CurvePointInput[];
  targets: readonly PeriodValue[];
  /** Where we are headed: the API's line through every shown figure, past the latest. */
  forecast: readonly BandValue[];
  /** The curve we were on: the API's line through the figures up to the baseline. */
  baselineForecast?: readonly BandValue[] | undefined;
  baselinePeriod: string | null;
  direction: 'up' | 'down';
}

/**
 * One projected line at one period: its value and 80% band as the API gave them. A line is drawn
 * only where it was projected: it is not joined to the figure before it, since a fitted line
 * does not pass through that figure, and a joining segment would be neither the figures nor the
 * line (issue #18).
 */
export interface LineAt {
  value: number | null;
  low: number | null;
  high: number | null;
  /** The band as drawn: [low, high], or null where there is none. */
  band: [number, number] | null;
}

export interface CurveRow {
  period: string;
  /** The figure; null where there is none or where it is suppressed (a gap, never 0). */
  actual: number | null;
  suppressed: boolean;
  /** The figure is the last approved one of a period being corrected: still shown, marked "†". */
  underRevision: boolean;
  target: number | null;
  /** Where we are headed at this period. */
  forecast: LineAt;
  /** The curve we were on at this period. */
  curve: LineAt;
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

/** Whether the actual does better than the projection in the measure's desired direction. */
export function beatsForecast(
  actual: number,
  forecast: number,
  direction: CurveFigures['direction'],
): boolean {
  return direction === 'up' ? actual > forecast : actual < forecast;
}

const noLine = (): LineAt => ({ value: null, low: null, high: null, band: null });

function place(r: LineAt, p: BandValue): void {
  r.value = p.value;
  r.low = p.low ?? null;
  r.high = p.high ?? null;
  r.band = r.low !== null && r.high !== null ? [r.low, r.high] : null;
}

/** One row per period that has an actual, a target, a projection or is the baseline, in order. */
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
        forecast: noLine(),
        curve: noLine(),
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
  for (const p of figures.forecast) place(row(p.period).forecast, p);
  for (const p of figures.baselineForecast ?? []) place(row(p.period).curve, p);
  if (figures.baselinePeriod) row(figures.baselinePeriod).isBaseline = true;

  return [...rows.values()].sort((a, b) => comparePeriodLabels(a.period, b.period));
}

/** What the chart draws from the rows: flat fields, as recharts reads them by key. */
export function chartData(rows: readonly CurveRow[]) {
  return rows.map((r) => ({
    period: r.period,
    actual: r.actual,
    target: r.target,
    forecastLine: r.forecast.value,
    forecastBand: r.forecast.band,
    curveLine: r.curve.value,
    curveBand: r.curve.band,
    underRevision: r.underRevision,
  }));
}

/** Whether a line's 80% band has any width to draw. */
export function hasBand(rows: readonly CurveRow[], pick: (r: CurveRow) => LineAt): boolean {
  return rows.some((r) => {
    const at = pick(r);
    return at.low !== null && at.high !== null;
  });
}

/** The periods whose figure is suppressed: drawn as a gap with a marker. */
export function suppressedPeriods(rows: readonly CurveRow[]): string[] {
  return rows.filter((r) => r.suppressed).map((r) => r.period);
}

/** The periods whose figure is under revision: marked "†" in the chart and its table. */
export function revisionPeriods(rows: readonly CurveRow[]): string[] {
  return rows.filter((r) => r.underRevision).map((r) => r.period);
}
