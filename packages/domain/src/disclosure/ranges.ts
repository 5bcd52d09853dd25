/**
 * The range of values a hidden cell could take, given everything shown and the relations among
 * the cells (every cell ≥ 0): two linear programmes per cell and layer, solved with YALPS.
 */
import { type Constraint, type Model, solve } from 'yalps';
import type { IndexedProblem } from './problem.js';

export interface Range {
  readonly min: number;
  /** Infinity when nothing bounds it. */
  readonly max: number;
}

/** The linear system of one layer restricted to some relations, with open cells as unknowns. */
export interface LayerSystem {
  readonly model: Omit<Model<string, string>, 'objective' | 'direction'>;
  /** Variable name of each open cell in the system. */
  readonly variableOf: Map<number, string>;
  /** False when the shown figures contradict the relations (cannot happen on true figures). */
  readonly consistent: boolean;
}

/**
 * Builds the system of one layer over the given relations: for each relation active in that
 * layer, total − Σ parts (− a slack ≥ 0 where parts may be missing) = 0, with shown cells moved
 * to the right-hand side.
 */
export function layerSystem(
  p: IndexedProblem,
  open: readonly boolean[],
  relations: readonly number[],
  layer: number,
): LayerSystem {
  const variables = new Map<string, Map<string, number>>();
  const constraints = new Map<string, Constraint>();
  const variableOf = new Map<number, string>();
  let consistent = true;
  const coefficient = (name: string, row: string, by: number) => {
    let v = variables.get(name);
    if (!v) {
      v = new Map();
      variables.set(name, v);
    }
    v.set(row, (v.get(row) ?? 0) + by);
  };
  for (const r of relations) {
    const sense = (p.senses[r] as (string | null)[])[layer];
    if (!sense) continue;
    const row = `r${r}`;
    let rhs = 0;
    let unknowns = 0;
    (p.members[r] as number[]).forEach((c, i) => {
      const sign = i === 0 ? 1 : -1;
      if (open[c]) {
        const name = `c${c}`;
        variableOf.set(c, name);
        coefficient(name, row, sign);
        unknowns++;
      } else {
        rhs -= sign * ((p.values[c] as (number | null)[])[layer] ?? 0);
      }
    });
    if (sense === 'atLeast') {
      coefficient(`s${r}`, row, -1);
      unknowns++;
    }
    if (unknowns === 0) {
      if (Math.abs(rhs) > 1e-6 * Math.max(1, Math.abs(rhs))) consistent = false;
      continue;
    }
    constraints.set(row, { equal: rhs });
  }
  return { model: { constraints, variables }, variableOf, consistent };
}

const OPTIONS = { precision: 1e-9, includeZeroVariables: false } as const;

/** Min and max of one open cell in a layer system; null when the system has no solution. */
export function rangeOf(system: LayerSystem, cell: number): Range | null {
  const name = system.variableOf.get(cell);
  if (name === undefined) return { min: 0, max: Number.POSITIVE_INFINITY };
  const variables = new Map(
    [...(system.model.variables as Map<string, Map<string, number>>)].map(([k, v]) => [
      k,
      k === name ? new Map([...v, ['objective', 1]]) : v,
    ]),
  );
  const model = { ...system.model, variables, objective: 'objective' };
  const low = solve({ ...model, direction: 'minimize' }, OPTIONS);
  if (low.status === 'infeasible') return null;
  const high = solve({ ...model, direction: 'maximize' }, OPTIONS);
  if (high.status === 'infeasible') return null;
  const min = low.status === 'optimal' ? Math.max(0, low.result) : 0;
  const max = high.status === 'unbounded' ? Number.POSITIVE_INFINITY : high.result;
  return { min, max };
}
