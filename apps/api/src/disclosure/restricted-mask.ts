// What a restricted view (funders, public links) hides: one decision per measure family (a shared
// measure with its contributions, or a measure alone) and period, taken over every figure any
// restricted route can show — totals, breakdown cells, cross-classifications, collective figures
// and their contributions — by @rba/domain's protectCells. Every route asks the same mask.
import {
  aggregate,
  type DisclosureCell,
  familyProblem,
  isSmallCount,
  type MeasureCells,
  protectCells,
} from '@rba/domain';
import type { MeasureRow } from '../measures/measures.repository.js';
import { additiveLayers, combineOptions } from '../observations/figure.js';

/** A stored or computed figure of one measure, period and breakdown. */
export interface MaskCell {
  measure_id: string;
  period_start: string;
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface RestrictedMask {
  /** Whether the restricted view hides this figure. */
  hidden(measureId: string, periodStart: string, breakdown: string): boolean;
  /** Figures decided, figures hidden, of them small themselves. */
  readonly stats: { cells: number; hidden: number; small: number };
}

/** A family: the measure a collective is computed for (or the measure alone) and its members. */
export interface Family {
  root: MeasureRow;
  contributions: MeasureRow[];
}

const cellId = (measureId: string, start: string, breakdown: string) =>
  `${measureId}|${start}|${breakdown}`;

/** Counts, and percentages and rates made of a numerator and denominator, can identify people. */
export function isSuppressible(m: Pick<MeasureRow, 'unit' | 'aggregation'>): boolean {
  return (
    m.unit === 'count' || (m.aggregation === 'ratio' && (m.unit === 'percent' || m.unit === 'rate'))
  );
}

function isRatio(m: Pick<MeasureRow, 'aggregation'>): boolean {
  return m.aggregation === 'ratio';
}

/** Sums, stocks and ratios add up across breakdowns and contributions (figure.ts). */
export function isAdditive(m: Pick<MeasureRow, 'aggregation'>): boolean {
  return additiveLayers(m).length > 0;
}

function layersOf(root: MeasureRow, c: MaskCell): (number | null)[] {
  return isRatio(root) ? [c.numerator, c.denominator] : [c.value];
}

/**
 * The collective cells of a shared measure, per period and breakdown: its contributions combined
 * by @rba/domain's aggregate, by the same rule the scorecard's collective points use.
 */
function collectiveCells(root: MeasureRow, cells: MaskCell[]): MaskCell[] {
  const byCell = new Map<string, MaskCell[]>();
  for (const c of cells) {
    const key = `${c.period_start}|${c.breakdown}`;
    const list = byCell.get(key);
    if (list) list.push(c);
    else byCell.set(key, [c]);
  }
  const options = combineOptions(root);
  const out: MaskCell[] = [];
  for (const group of byCell.values()) {
    const combined = aggregate(group, options);
    if (combined.value === null && combined.numerator === null) continue;
    const first = group[0] as MaskCell;
    out.push({
      measure_id: root.id,
      period_start: first.period_start,
      breakdown: first.breakdown,
      value: combined.value,
      numerator: combined.numerator,
      denominator: combined.denominator,
    });
  }
  return out;
}

function hasSmall(cells: MaskCell[], root: MeasureRow, threshold: number): boolean {
  return cells.some((c) => layersOf(root, c).some((v) => isSmallCount(v, threshold)));
}

/**
 * Decides one family over all its periods. `cells` are the approved figures of the root (when it
 * is not a shared measure) and of its contributions.
 */
function decideFamily(
  family: Family,
  cells: MaskCell[],
  threshold: number,
  hidden: Set<string>,
  stats: { cells: number; hidden: number; small: number },
): void {
  const { root } = family;
  const shared = root.kind === 'shared';
  const collective = shared ? collectiveCells(root, cells) : [];
  const all = [...cells, ...collective];
  stats.cells += all.length;
  if (!isSuppressible(root)) return;
  const byPeriod = new Map<string, MaskCell[]>();
  for (const c of all) {
    const list = byPeriod.get(c.period_start);
    if (list) list.push(c);
    else byPeriod.set(c.period_start, [c]);
  }
  for (const [start, periodCells] of byPeriod) {
    if (!hasSmall(periodCells, root, threshold)) continue;
    const byMeasure = new Map<string, Map<string, (number | null)[]>>();
    for (const c of periodCells) {
      let m = byMeasure.get(c.measure_id);
      if (!m) {
        m = new Map();
        byMeasure.set(c.measure_id, m);
      }
      m.set(c.breakdown, layersOf(root, c));
    }
    const measures: MeasureCells[] = [...byMeasure].map(([id, m]) => ({ id, cells: m }));
    const layers = isRatio(root) ? 2 : 1;
    let keys: string[];
    if (isAdditive(root)) {
      const problem = familyProblem(layers, measures, shared ? root.id : undefined);
      const result = protectCells(problem, { threshold });
      keys = result.hidden;
      stats.small += result.small;
    } else {
      // Means and extremes add nothing up: hide what is small, and a collective figure any of
      // whose contributions is hidden (it could be that one).
      const small: DisclosureCell[] = measures.flatMap((m) =>
        [...m.cells].map(([k, values]) => ({ key: `${m.id}|${k}`, values })),
      );
      keys = small
        .filter((c) => c.values.some((v) => isSmallCount(v, threshold)))
        .map((c) => c.key);
      stats.small += keys.length;
      if (shared) {
        const breakdowns = new Set(keys.map((k) => k.slice(k.indexOf('|') + 1)));
        for (const b of breakdowns) keys.push(`${root.id}|${b}`);
      }
    }
    for (const key of keys) {
      const at = key.indexOf('|');
      hidden.add(cellId(key.slice(0, at), start, key.slice(at + 1)));
    }
  }
}

/** The mask of these families, from their approved figures (`cellsOf` loads them). */
export function decideMask(
  families: Family[],
  cells: MaskCell[],
  threshold: number,
): RestrictedMask {
  const hidden = new Set<string>();
  const stats = { cells: 0, hidden: 0, small: 0 };
  const familyOf = new Map<string, Family>();
  for (const f of families) {
    familyOf.set(f.root.id, f);
    for (const c of f.contributions) familyOf.set(c.id, f);
  }
  const cellsOf = new Map<Family, MaskCell[]>();
  for (const c of cells) {
    const f = familyOf.get(c.measure_id);
    if (!f) continue;
    const list = cellsOf.get(f);
    if (list) list.push(c);
    else cellsOf.set(f, [c]);
  }
  for (const f of families) {
    decideFamily(f, cellsOf.get(f) ?? [], threshold, hidden, stats);
  }
  stats.hidden = hidden.size;
  return {
    hidden: (measureId, start, breakdown) => {
      // Asking about a measure nobody decided would show its figures unprotected: a bug.
      if (!familyOf.has(measureId)) throw new Error(`No disclosure decision for ${measureId}`);
      return hidden.has(cellId(measureId, start, breakdown));
    },
    stats,
  };
}
