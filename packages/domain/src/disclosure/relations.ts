/**
 * The additive relations a reader of a restricted view knows, built from breakdown keys
 * (`dim=value` pairs sorted by dimension code, joined by ';'; '' is the total): a cell is the sum
 * of the cells that break it down by one more dimension, and a collective figure is the sum of
 * its contributions, breakdown cell by breakdown cell.
 */
import type { DisclosureCell, DisclosureProblem, DisclosureRelation } from './problem.js';

type Pairs = [string, string][];

function parse(key: string): Pairs {
  if (key === '') return [];
  return key.split(';').map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at), pair.slice(at + 1)] as [string, string];
  });
}

function format(pairs: Pairs): string {
  return [...pairs]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([d, v]) => `${d}=${v}`)
    .join(';');
}

const signature = (pairs: Pairs) =>
  pairs
    .map(([d]) => d)
    .sort()
    .join('+');

function isSubset(small: string[], big: string[]): boolean {
  return small.every((d) => big.includes(d));
}

export interface MeasureCells {
  /** Prefix of this measure's cell keys in the problem (its id). */
  readonly id: string;
  /** Its figures by breakdown key. */
  readonly cells: ReadonlyMap<string, readonly (number | null)[]>;
}

function sumOf(rows: (readonly (number | null)[])[], layers: number): (number | null)[] {
  return Array.from({ length: layers }, (_, l) => {
    let sum: number | null = null;
    for (const row of rows) {
      const v = row[l] ?? null;
      if (v !== null) sum = (sum ?? 0) + v;
    }
    return sum;
  });
}

/**
 * One measure's cells with the levels its finer cells imply (unpublished), and its relations:
 * every cell equals the sum of its breakdown by each next finer group of dimensions present.
 */
function measureParts(
  m: MeasureCells,
  layers: number,
): { cells: DisclosureCell[]; relations: DisclosureRelation[] } {
  const parsed = new Map([...m.cells.keys()].map((k) => [k, parse(k)]));
  const groups = [...new Set([...parsed.values()].map(signature))].map((s) =>
    s === '' ? [] : s.split('+'),
  );
  if (!groups.some((g) => g.length === 0)) groups.push([]);
  // Every level a present cell implies (its projection onto each coarser group).
  const values = new Map<string, readonly (number | null)[]>(m.cells);
  const implied = new Set<string>();
  for (const pairs of parsed.values()) {
    const dims = pairs.map(([d]) => d);
    for (const g of groups) {
      if (g.length >= dims.length || !isSubset(g, dims)) continue;
      const key = format(pairs.filter(([d]) => g.includes(d)));
      if (!values.has(key)) implied.add(key);
    }
  }
  for (const key of implied) parsed.set(key, parse(key));
  const keys = [...parsed.keys()].sort();
  const relations: DisclosureRelation[] = [];
  const childrenOf = new Map<string, string[]>();
  for (const key of keys) {
    const pairs = parsed.get(key) as Pairs;
    const dims = pairs.map(([d]) => d);
    const supersets = groups.filter((g) => g.length > dims.length && isSubset(dims, g));
    const minimal = supersets.filter(
      (g) => !supersets.some((h) => h.length < g.length && isSubset(h, g)),
    );
    for (const g of minimal) {
      const sig = [...g].sort().join('+');
      const children = keys.filter((k) => {
        const kp = parsed.get(k) as Pairs;
        return (
          signature(kp) === sig && pairs.every(([d, v]) => kp.some(([e, w]) => e === d && w === v))
        );
      });
      if (children.length === 0) continue;
      if (!childrenOf.has(key)) childrenOf.set(key, children);
      relations.push({ total: `${m.id}|${key}`, parts: children.map((k) => `${m.id}|${k}`) });
    }
  }
  // Implied levels take the sum of their children (coarsest last, so finer sums come first).
  const byDepth = [...implied].sort(
    (a, b) => (parsed.get(b) as Pairs).length - (parsed.get(a) as Pairs).length,
  );
  for (const key of byDepth) {
    const children = childrenOf.get(key) ?? [];
    values.set(
      key,
      sumOf(
        children.map((k) => values.get(k) ?? Array.from({ length: layers }, () => null)),
        layers,
      ),
    );
  }
  const cells = keys.map((key) => ({
    key: `${m.id}|${key}`,
    values: values.get(key) ?? Array.from({ length: layers }, () => null),
    published: !implied.has(key),
  }));
  return { cells, relations };
}

/**
 * The problem of one period: each measure's cells and breakdown relations and, with
 * `collective`, the relation of each of its cells to the same cell of every contribution.
 * Cell keys are `${id}|${breakdownKey}`.
 */
export function familyProblem(
  layers: number,
  measures: readonly MeasureCells[],
  collective?: string,
): DisclosureProblem {
  const cells: DisclosureCell[] = [];
  const relations: DisclosureRelation[] = [];
  // One order whatever the caller's (a database may hand rows back in any order): ties in the
  // line rule go to the first cell, so the same figures must always give the same problem.
  const ordered = [...measures].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const m of ordered) {
    const parts = measureParts(m, layers);
    cells.push(...parts.cells);
    relations.push(...parts.relations);
  }
  if (collective !== undefined) {
    const present = new Set(cells.map((c) => c.key));
    const contributions = ordered.filter((m) => m.id !== collective);
    const prefix = `${collective}|`;
    const wholeKeys = cells
      .filter((c) => c.key.startsWith(prefix))
      .map((c) => c.key.slice(prefix.length));
    for (const key of wholeKeys) {
      const parts = contributions.map((m) => `${m.id}|${key}`).filter((k) => present.has(k));
      if (parts.length > 0) relations.push({ total: `${collective}|${key}`, parts });
    }
  }
  return { layers, cells, relations };
}
