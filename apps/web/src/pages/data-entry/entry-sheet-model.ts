// Shaping the entry sheet the API sends into what the grid draws: rows by program and category,
// each measure's stored cells by period and breakdown. No figure is computed here.

import type { EntryCell, EntryMeasure, EntrySheet } from '../../api/entry-api';
import { compareBreakdowns } from '../../components/figures/breakdown-order';
import type { MessageKey } from '../../i18n/messages.en';
import type { StoredFigure } from './cell-state';

export type Category = NonNullable<EntryMeasure['category']>;

/** The three categories of performance measures, in the order RBA asks them. */
export const categories: readonly (Category | null)[] = [
  'how_much',
  'how_well',
  'better_off',
  null,
];

export const categoryTitle: Record<Category | 'none', MessageKey> = {
  how_much: 'dataEntry.category.how_much',
  how_well: 'dataEntry.category.how_well',
  better_off: 'dataEntry.category.better_off',
  none: 'dataEntry.category.none',
};

export const categoryIcon: Record<Category | 'none', string> = {
  how_much: '#',
  how_well: '✓',
  better_off: '♥',
  none: '·',
};

export type Breakdown = Record<string, string>;

/** The canonical key of a breakdown, as the API stores it: '' for the total. */
export function breakdownKey(breakdown: Breakdown): string {
  return Object.keys(breakdown)
    .sort()
    .map((dim) => `${dim}=${breakdown[dim]}`)
    .join(';');
}

/** The cell store's key of one figure of the period being entered. */
export function cellKey(measureId: string, breakdown: Breakdown): string {
  return `${measureId}|${breakdownKey(breakdown)}`;
}

export function findCell(
  measure: EntryMeasure,
  period: string,
  breakdown: Breakdown = {},
): EntryCell | undefined {
  const key = breakdownKey(breakdown);
  return measure.cells.find((c) => c.period === period && breakdownKey(c.breakdown) === key);
}

export function toStored(cell: EntryCell | undefined | null): StoredFigure | null {
  if (!cell) return null;
  return {
    value: cell.value,
    numerator: cell.numerator,
    denominator: cell.denominator,
    note: cell.note,
    version: cell.version,
  };
}

export interface CategoryGroup {
  category: Category | null;
  measures: EntryMeasure[];
}

export interface ProgramGroup {
  id: string;
  /** In the reader's language as the API gave it; `nameFr` the French as stored. */
  name: string;
  nameFr: string | null;
  categories: CategoryGroup[];
}

/** Programs with measures, each split by category (How much, How well, Better off, other). */
export function groupSheet(sheet: EntrySheet): ProgramGroup[] {
  return sheet.programs
    .filter((p) => p.measures.length > 0)
    .map((p) => ({
      id: p.id,
      name: p.name,
      nameFr: p.nameFr ?? null,
      categories: categories
        .map((category) => ({
          category,
          measures: p.measures.filter((m) => m.category === category),
        }))
        .filter((g) => g.measures.length > 0),
    }));
}

/** Every measure in the order the grid shows them, so the keyboard runs down the page. */
export function measuresInOrder(groups: ProgramGroup[]): EntryMeasure[] {
  return groups.flatMap((p) => p.categories.flatMap((c) => c.measures));
}

export interface BreakdownRow {
  breakdown: Breakdown;
  /** The dimension values' labels, in the dimensions' order. */
  labels: string[];
  /** Each label's French twin as stored (null when none), to mark an English fallback. */
  labelsFr: (string | null)[];
}

/**
 * The breakdown cells of a measure: each value of each of its dimensions, then any stored cell
 * crossing several dimensions, in the dimensions' defined order (not as the keys sort as text).
 */
export function breakdownRows(measure: EntryMeasure): BreakdownRow[] {
  const rows: BreakdownRow[] = measure.dimensions.flatMap((d) =>
    d.values.map((v) => ({
      breakdown: { [d.code]: v.code },
      labels: [v.label],
      labelsFr: [v.labelFr ?? null],
    })),
  );
  const seen = new Set(rows.map((r) => breakdownKey(r.breakdown)));
  const order = compareBreakdowns(measure.dimensions);
  const crossed = [...measure.cells].sort((a, b) => order(a.breakdown, b.breakdown));
  for (const cell of crossed) {
    const key = breakdownKey(cell.breakdown);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const crossing = measure.dimensions.filter((d) => cell.breakdown[d.code] !== undefined);
    const values = crossing.map((d) => d.values.find((v) => v.code === cell.breakdown[d.code]));
    rows.push({
      breakdown: cell.breakdown,
      labels: crossing.map((d, i) => values[i]?.label ?? (cell.breakdown[d.code] as string)),
      labelsFr: values.map((v) => v?.labelFr ?? null),
    });
  }
  return rows;
}

/** A period label as people read it, the one way the client writes one (i18n/period-name). */
