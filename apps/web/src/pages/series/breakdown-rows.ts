// Shapes a measure's breakdowns (by age group, gender, region…) into named lines and the rows a
// chart and its table share. Pure: figures are placed, never computed.

import type { Dimension, SeriesResponse } from '../../api/scorecards-api';
import { comparePeriodLabels } from '../../charts/curve-rows';
import { compareBreakdowns } from '../../components/figures/breakdown-order';

export interface BreakdownLine {
  key: string;
  /** The dimension values' labels ("Girls and women"), or their codes when unknown. */
  label: string;
  /** The stored French of every one of those labels, or null when one has none (see NameText). */
  labelFr: string | null;
}

export interface BreakdownCell {
  value: number | null;
  suppressed: boolean;
  /** The last approved figure of a period being corrected: shown, followed by "†". */
  underRevision?: boolean | undefined;
}

function cellOf(point: SeriesResponse['points'][number]): BreakdownCell {
  const cell: BreakdownCell = { value: point.value, suppressed: point.suppressed };
  if (point.underRevision) cell.underRevision = true;
  return cell;
}

export interface BreakdownRow {
  period: string;
  cells: Record<string, BreakdownCell>;
}

export const totalKey = '__total__';

/** A breakdown's readable name: each dimension's value label, in the API's order. */
export function breakdownLabel(
  breakdown: Record<string, string>,
  dimensions: readonly Dimension[],
): string {
  return Object.entries(breakdown)
    .map(([dimensionCode, valueCode]) => {
      const dimension = dimensions.find((d) => d.code === dimensionCode);
      return dimension?.values.find((v) => v.code === valueCode)?.label ?? valueCode;
    })
    .join(', ');
}

/** The breakdown's stored French labels, or null when a value has none (the label is English). */
export function breakdownLabelFr(
  breakdown: Record<string, string>,
  dimensions: readonly Dimension[],
): string | null {
  const labels = Object.entries(breakdown).map(([dimensionCode, valueCode]) => {
    const dimension = dimensions.find((d) => d.code === dimensionCode);
    return dimension?.values.find((v) => v.code === valueCode)?.labelFr ?? null;
  });
  return labels.every((l): l is string => Boolean(l?.trim())) ? labels.join(', ') : null;
}

export { compareBreakdowns };

/** The breakdown lines, named, in their dimensions' defined order. */
export function breakdownLines(
  series: Pick<SeriesResponse, 'breakdowns'>,
  dimensions: readonly Dimension[],
): BreakdownLine[] {
  const order = compareBreakdowns(dimensions);
  return [...series.breakdowns]
    .sort((a, b) => order(a.breakdown, b.breakdown))
    .map((b) => ({
      key: b.key,
      label: breakdownLabel(b.breakdown, dimensions),
      labelFr: breakdownLabelFr(b.breakdown, dimensions),
    }));
}

/** One row per period with the total and each breakdown's figure, oldest first. */
export function breakdownRows(
  series: Pick<SeriesResponse, 'points' | 'breakdowns'>,
): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  const row = (period: string) => {
    let found = rows.get(period);
    if (!found) {
      found = { period, cells: {} };
      rows.set(period, found);
    }
    return found;
  };
  for (const point of series.points) {
    row(point.period).cells[totalKey] = cellOf(point);
  }
  for (const b of series.breakdowns) {
    for (const point of b.points) {
      row(point.period).cells[b.key] = cellOf(point);
    }
  }
  return [...rows.values()].sort((a, b) => comparePeriodLabels(a.period, b.period));
}

/** What the chart draws for one row: a number, or null for a gap (missing or suppressed). */
export function chartDatum(row: BreakdownRow, keys: readonly string[]): Record<string, unknown> {
  const datum: Record<string, unknown> = { period: row.period };
  for (const key of keys) {
    const cell = row.cells[key];
    datum[key] = cell && !cell.suppressed ? cell.value : null;
  }
  return datum;
}
