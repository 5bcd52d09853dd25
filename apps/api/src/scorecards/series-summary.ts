// Turns a measure's stored cells into the series summary of the contract. Every figure comes
// from @rba/domain; this module only chooses which points are shown to whom.
import { aggregate, periodContaining, summarizeSeries } from '@rba/domain';
import type { SeriesSummaryBody } from '@rba/schema';
import type { MaskCell, RestrictedMask } from '../disclosure/disclosure.service.js';
import type { MeasureRow } from '../measures/measures.repository.js';
import { parseBreakdownKey } from '../observations/breakdown.js';
import { combineOptions } from '../observations/figure.js';

/** A stored figure with its workflow status. */
export interface Cell extends MaskCell {
  status: string;
  /** A last approved copy, read by a restricted caller while its period is reopened. */
  under_revision?: boolean;
}

export interface TargetCell {
  measure_id: string;
  period_start: string;
  value: number;
}

export interface Point {
  period: string;
  periodStart: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status?: string;
  suppressed: boolean;
  underRevision?: boolean;
}

/** The `underRevision` field of a point in a response: there only when true. */
export function revisionMark(p: { underRevision?: boolean }): { underRevision?: true } {
  return p.underRevision ? { underRevision: true } : {};
}

export function hide(p: Point): Point {
  return { ...p, value: null, numerator: null, denominator: null, suppressed: true };
}

/** A stored cell as a point; hidden when the restricted view's mask says so. */
export function toPoint(m: MeasureRow, c: Cell, fys: number, mask: RestrictedMask | null): Point {
  const p: Point = {
    period: periodContaining(c.period_start, m.period_type, fys),
    periodStart: c.period_start,
    value: c.value,
    numerator: c.numerator,
    denominator: c.denominator,
    status: c.status,
    suppressed: false,
  };
  if (c.under_revision) p.underRevision = true;
  return mask?.hidden(m.id, c.period_start, c.breakdown) ? hide(p) : p;
}

/**
 * A shared measure's collective points in an unrestricted view: per period, the partners'
 * figures combined by the measure's rule (a percentage is Σnumerator/Σdenominator). Restricted
 * views take theirs from the mask, which decides them with the contributions.
 */
export function collectivePoints(
  shared: MeasureRow,
  contributions: Point[][],
  fys: number,
): Point[] {
  const byPeriod = new Map<string, Point[]>();
  for (const series of contributions) {
    for (const p of series) {
      if (p.suppressed || (p.value === null && p.numerator === null)) continue;
      byPeriod.set(p.periodStart, [...(byPeriod.get(p.periodStart) ?? []), p]);
    }
  }
  const options = combineOptions(shared);
  return [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([start, points]) => {
      const combined = aggregate(points, options);
      const p: Point = {
        period: periodContaining(start, shared.period_type, fys),
        periodStart: start,
        value: combined.value,
        numerator: combined.numerator,
        denominator: combined.denominator,
        suppressed: false,
      };
      // A collective figure is under revision when any figure it is made of is.
      if (points.some((c) => c.underRevision)) p.underRevision = true;
      return p;
    });
}

/** The points in period order: as given when they already are (a scorecard's usually are). */
function inOrder(points: Point[]): Point[] {
  for (let i = 1; i < points.length; i++) {
    if ((points[i] as Point).periodStart < (points[i - 1] as Point).periodStart) {
      return [...points].sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1));
    }
  }
  return points;
}

/** The newest point with a figure or a hidden one, else null. */
function latestOf(sorted: Point[]): Point | null {
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i] as Point;
    if (p.suppressed || p.value !== null) return p;
  }
  return null;
}

/**
 * A measure's series summary. Every figure is computed from all the points; the answer carries
 * the last `window` of them (all when null), so that a scorecard builds only what it sends.
 */
export function summarize(
  m: MeasureRow,
  points: Point[],
  targets: TargetCell[],
  fys: number,
  window: number | null = null,
): Omit<SeriesSummaryBody, 'plan'> {
  const sorted = inOrder(points);
  const firstShown = sorted.find((p) => !p.suppressed && p.value !== null);
  const latestPoint = latestOf(sorted);
  const targetCell = latestPoint
    ? targets.find((t) => t.measure_id === m.id && t.period_start === latestPoint.periodStart)
    : undefined;
  const targetValue = targetCell?.value ?? null;

  // The baseline: the value at the measure's baseline period, else the first value shown.
  let base: { period: string; value: number | null } | null = null;
  if (m.baseline_period) {
    const at = sorted.find((p) => p.periodStart === m.baseline_period);
    base = {
      period: periodContaining(m.baseline_period, m.period_type, fys),
      value: at && !at.suppressed ? at.value : null,
    };
  } else if (firstShown) {
    base = { period: firstShown.period, value: firstShown.value };
  }

  // Every figure from the domain in one pass: target and change judged on the latest point
  // (none when it is suppressed), the trend on the values shown.
  const s = summarizeSeries(
    // A point is already what the domain reads (period, value) unless hidden.
    sorted.some((p) => p.suppressed)
      ? sorted.map((p) => ({ period: p.period, value: p.suppressed ? null : p.value }))
      : sorted,
    {
      direction: m.direction,
      fiscalYearStart: fys,
      target: targetValue,
      baseline: base?.value ?? null,
      unit: m.unit,
      ...(latestPoint ? { asOf: latestPoint.period } : {}),
    },
  );
  const t = s.target;
  const trend = s.trend;
  const baseline: SeriesSummaryBody['baseline'] = base && {
    period: base.period,
    value: base.value,
    change: s.change.change,
    changeUnit: s.change.changeUnit,
    favorable: s.change.favorable,
  };

  return {
    measureId: m.id,
    code: m.code,
    name: m.name,
    nameFr: m.name_fr,
    kind: m.kind,
    category: m.category,
    unit: m.unit,
    direction: m.direction,
    periodType: m.period_type,
    headline: m.headline,
    decimals: m.decimals,
    latest: latestPoint
      ? {
          period: latestPoint.period,
          value: latestPoint.value,
          numerator: latestPoint.numerator,
          denominator: latestPoint.denominator,
          suppressed: latestPoint.suppressed,
          ...revisionMark(latestPoint),
        }
      : null,
    target: {
      value: targetValue,
      status: t.status,
      variance: t.variance,
      percentOfTarget: t.percentOfTarget,
    },
    trend: { trend: trend.trend, periods: trend.periods, favorable: trend.favorable },
    baseline,
    points: (window === null || sorted.length <= window ? sorted : sorted.slice(-window)).map(
      (p) => ({
        period: p.period,
        value: p.value,
        numerator: p.numerator,
        denominator: p.denominator,
        ...(p.status ? { status: p.status } : {}),
        suppressed: p.suppressed,
        ...revisionMark(p),
      }),
    ),
  };
}

/** The values a forecast is fitted to: the points shown, in period order. */
export function forecastInputOf(points: Point[]): { period: string; value: number }[] {
  const out: { period: string; value: number }[] = [];
  for (const p of inOrder(points)) {
    if (!p.suppressed && p.value !== null) out.push({ period: p.period, value: p.value });
  }
  return out;
}

/** Breakdown lines of one measure, each cell hidden where the restricted view's mask says so. */
export function breakdownLines(
  m: MeasureRow,
  cells: Cell[],
  fys: number,
  mask: RestrictedMask | null,
  order: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
): { breakdown: Record<string, string>; key: string; points: Point[] }[] {
  const lines = new Map<string, Point[]>();
  for (const c of cells) {
    if (c.breakdown === '') continue;
    const p = toPoint(m, c, fys, mask);
    const line = lines.get(c.breakdown);
    if (line) line.push(p);
    else lines.set(c.breakdown, [p]);
  }
  // In the dimensions' defined order (age groups 0–5, 6–11, 12–17…), not as text.
  return [...lines.entries()]
    .sort(([a], [b]) => order(a, b))
    .map(([key, points]) => ({
      breakdown: parseBreakdownKey(key),
      key,
      points: points.sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1)),
    }));
}
