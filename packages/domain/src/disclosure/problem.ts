/**
 * A disclosure problem: the cells a restricted view could show for one measure (or one shared
 * measure and its contributions) in one period, and the additive relations among them that
 * anyone reading the view knows (a total is the sum of its parts).
 */
import { InvalidInputError } from '../errors.js';

export interface DisclosureCell {
  readonly key: string;
  /** One number per layer (a count: [value]; a ratio: [numerator, denominator]); null: none. */
  readonly values: readonly (number | null)[];
  /**
   * False for a cell no view shows (a breakdown level implied by finer cells that nobody
   * entered): an unknown to every reader, never hidden and never protected itself.
   */
  readonly published?: boolean;
}

/** `total` is the sum of `parts` (every key must name a cell of the problem). */
export interface DisclosureRelation {
  readonly total: string;
  readonly parts: readonly string[];
}

export interface DisclosureProblem {
  /** 1 for counts, 2 for numerator and denominator. */
  readonly layers: number;
  readonly cells: readonly DisclosureCell[];
  readonly relations: readonly DisclosureRelation[];
}

/**
 * What a relation tells in one layer, read off the true figures: `equal` when its parts add up
 * to its total, `atLeast` when they add up to less (parts not entered: the total bounds them),
 * null when they add up to more or the total is missing (the figures contradict the relation,
 * so it tells nothing true).
 */
export type Sense = 'equal' | 'atLeast' | null;

/** The problem with keys resolved to indexes, as the solver and the rules use it. */
export interface IndexedProblem {
  readonly layers: number;
  readonly keys: readonly string[];
  readonly values: readonly (readonly (number | null)[])[];
  readonly published: readonly boolean[];
  /** Each relation as [total, ...parts] indexes, parts without a figure in any layer left out. */
  readonly members: readonly (readonly number[])[];
  /** senses[r][layer] */
  readonly senses: readonly (readonly Sense[])[];
  /** The relations each cell belongs to. */
  readonly relationsOf: readonly (readonly number[])[];
}

const EPSILON = 1e-9;

function senseOf(total: number | null, parts: (number | null)[]): Sense {
  if (total === null) return null;
  const sum = parts.reduce<number>((s, v) => s + (v ?? 0), 0);
  const scale = Math.max(1, Math.abs(total));
  if (Math.abs(sum - total) <= EPSILON * scale) return 'equal';
  return sum < total ? 'atLeast' : null;
}

export function indexProblem(problem: DisclosureProblem): IndexedProblem {
  const { layers } = problem;
  if (!Number.isInteger(layers) || layers < 1) {
    throw new InvalidInputError(`Layers must be a whole number of at least 1, got ${layers}`);
  }
  const at = new Map<string, number>();
  problem.cells.forEach((cell, i) => {
    if (at.has(cell.key)) throw new InvalidInputError(`Cell key ${cell.key} appears twice`);
    if (cell.values.length !== layers) {
      throw new InvalidInputError(`Cell ${cell.key} needs ${layers} values`);
    }
    for (const v of cell.values) {
      if (v !== null && !(Number.isFinite(v) && v >= 0)) {
        throw new InvalidInputError(`Cell ${cell.key} has a value that is not a number ≥ 0`);
      }
    }
    at.set(cell.key, i);
  });
  const indexOf = (key: string) => {
    const i = at.get(key);
    if (i === undefined) throw new InvalidInputError(`A relation names an unknown cell ${key}`);
    return i;
  };
  const values = problem.cells.map((c) => c.values);
  const members: number[][] = [];
  const senses: Sense[][] = [];
  for (const r of problem.relations) {
    const total = indexOf(r.total);
    const parts = r.parts
      .map(indexOf)
      .filter((p) => (values[p] as (number | null)[]).some((v) => v !== null));
    if (parts.length === 0) continue;
    members.push([total, ...parts]);
    senses.push(
      Array.from({ length: layers }, (_, layer) =>
        senseOf(
          (values[total] as (number | null)[])[layer] ?? null,
          parts.map((p) => (values[p] as (number | null)[])[layer] ?? null),
        ),
      ),
    );
  }
  const relationsOf: number[][] = problem.cells.map(() => []);
  members.forEach((m, r) => {
    for (const c of m) (relationsOf[c] as number[]).push(r);
  });
  return {
    layers,
    keys: problem.cells.map((c) => c.key),
    values,
    published: problem.cells.map((c) => c.published !== false),
    members,
    senses,
    relationsOf,
  };
}
