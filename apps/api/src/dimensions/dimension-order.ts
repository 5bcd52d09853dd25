// The defined order of dimension values (the order they were listed in when the dimension was
// made, `dimension_values.sort_order`), for breakdown lines and export rows: age groups read
// 0–5, 6–11, 12–17, 18–24, never 0–5, 12–17, 18–24, 6–11 as text would have them.
import type { DbOrTrx } from '../db/schema.js';
import { dimensionValuesInOrder } from './dimensions.repository.js';

/** For each dimension code, its value codes' positions in the defined order. */
export type DimensionOrder = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Orders two canonical breakdown keys (`age_group=12_17;gender=girls`); `''` is the total. */
export type BreakdownCompare = (a: string, b: string) => number;

/** The defined order of the values of these dimensions (all dimensions when left out). */
export async function dimensionOrder(db: DbOrTrx, codes?: string[]): Promise<DimensionOrder> {
  if (codes && codes.length === 0) return new Map();
  const order = new Map<string, Map<string, number>>();
  for (const r of await dimensionValuesInOrder(db, codes)) {
    let values = order.get(r.dimension);
    if (!values) {
      values = new Map();
      order.set(r.dimension, values);
    }
    values.set(r.value, values.size);
  }
  return order;
}

/** The dimension codes the breakdown keys name. */
export function dimensionsOfKeys(keys: Iterable<string>): string[] {
  const codes = new Set<string>();
  for (const key of keys) {
    if (key === '') continue;
    for (const pair of key.split(';')) codes.add(pair.slice(0, pair.indexOf('=')));
  }
  return [...codes];
}

interface SortKey {
  dims: string;
  ranks: number[];
  values: string[];
}

function sortKeyOf(key: string, order: DimensionOrder): SortKey {
  if (key === '') return { dims: '', ranks: [], values: [] };
  const dims: string[] = [];
  const ranks: number[] = [];
  const values: string[] = [];
  for (const pair of key.split(';')) {
    const at = pair.indexOf('=');
    const dim = pair.slice(0, at);
    const value = pair.slice(at + 1);
    dims.push(dim);
    values.push(value);
    ranks.push(order.get(dim)?.get(value) ?? Number.POSITIVE_INFINITY);
  }
  return { dims: dims.join(';'), ranks, values };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Breakdown keys in the dimensions' defined order: the total first, then the lines of one
 * dimension (dimensions by code, values in their order), then cross-classifications (by their
 * dimensions, then value by value). A value no longer defined comes after the defined ones.
 */
export function compareBreakdownKeys(order: DimensionOrder): BreakdownCompare {
  const cache = new Map<string, SortKey>();
  const keyOf = (key: string) => {
    let k = cache.get(key);
    if (!k) {
      k = sortKeyOf(key, order);
      cache.set(key, k);
    }
    return k;
  };
  return (a, b) => {
    if (a === b) return 0;
    const x = keyOf(a);
    const y = keyOf(b);
    if (x.ranks.length !== y.ranks.length) return x.ranks.length - y.ranks.length;
    if (x.dims !== y.dims) return byText(x.dims, y.dims);
    for (let i = 0; i < x.ranks.length; i++) {
      const [rx, ry] = [x.ranks[i] as number, y.ranks[i] as number];
      if (rx !== ry) return rx < ry ? -1 : 1;
      const [vx, vy] = [x.values[i] as string, y.values[i] as string];
      if (vx !== vy) return byText(vx, vy);
    }
    return byText(a, b);
  };
}

/** Every breakdown key a measure with these dimensions can have, past which none are listed. */
const MAX_RANKED_KEYS = 2000;

/**
 * A measure's breakdown keys ranked once (the total 0, then 1, 2, … in the order of
 * {@link compareBreakdownKeys}), so that SQL can order rows the same way by joining the ranks.
 * Every key of the measure's dimensions is ranked unless there would be more than
 * {@link MAX_RANKED_KEYS}; then only the total and the one-dimension keys are. `compare` orders
 * ranked keys by rank and the others after them, as text: what `order by rank nulls last,
 * breakdown collate "C"` does.
 */
export interface BreakdownRanking {
  ranks: ReadonlyMap<string, number>;
  compare: BreakdownCompare;
}

function keysOf(dims: string[], order: DimensionOrder, maxDims: number): string[] {
  let keys: string[][] = [[]];
  for (const dim of [...dims].sort(byText)) {
    const values = [...(order.get(dim)?.keys() ?? [])];
    const next: string[][] = [];
    for (const k of keys) {
      next.push(k);
      if (k.length < maxDims) for (const v of values) next.push([...k, `${dim}=${v}`]);
    }
    keys = next;
  }
  return keys.map((k) => k.join(';'));
}

export function rankBreakdowns(dims: string[], order: DimensionOrder): BreakdownRanking {
  const sizes = dims.map((d) => (order.get(d)?.size ?? 0) + 1);
  const all = sizes.reduce((p, n) => p * n, 1) <= MAX_RANKED_KEYS;
  const keys = keysOf(dims, order, all ? dims.length : 1).sort(compareBreakdownKeys(order));
  const ranks = new Map(keys.map((k, i) => [k, i]));
  return {
    ranks,
    compare: (a, b) => {
      if (a === b) return 0;
      const ra = ranks.get(a);
      const rb = ranks.get(b);
      if (ra !== undefined && rb !== undefined) return ra - rb;
      if (ra !== undefined) return -1;
      if (rb !== undefined) return 1;
      return byText(a, b);
    },
  };
}
