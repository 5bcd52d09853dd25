/**
 * Complementary cell suppression over a whole problem (every line of a measure's breakdowns,
 * its cross-classifications, a collective figure and its contributions): the FORMAT.md line rule
 * applied to every line until nothing changes, then a proof by linear programming that every
 * hidden figure could take any value in a range at least `threshold` wide; where the proof
 * fails, one more cell is hidden and the whole is tried again.
 */
import { applyLineRule, checkThreshold, isSmallCount } from '../suppress.js';
import {
  type DisclosureProblem,
  type IndexedProblem,
  indexProblem,
  type Sense,
} from './problem.js';
import { layerSystem, type Range, rangeOf } from './ranges.js';

export interface ProtectionResult {
  /** Keys of the hidden cells, sorted. */
  readonly hidden: string[];
  /** How many of them are small themselves (the rest protect them). */
  readonly small: number;
  /** Linear programmes solved to prove the pattern. */
  readonly programmes: number;
}

const TOLERANCE = 1e-6;

function activeLayers(senses: readonly Sense[]): number[] {
  return senses.flatMap((s, layer) => (s ? [layer] : []));
}

/** The line rule on every relation until nothing changes; returns whether anything was hidden. */
function applyLines(p: IndexedProblem, hidden: boolean[], threshold: number): boolean {
  let any = false;
  for (let changed = true; changed; ) {
    changed = false;
    p.members.forEach((members, r) => {
      const layers = activeLayers(p.senses[r] as Sense[]);
      if (layers.length === 0) return;
      const total = members[0] as number;
      if (!p.published[total]) return; // nothing fixed to subtract from
      const open = members.map((c) => hidden[c] === true || !p.published[c]);
      if (open[0]) {
        // A hidden total beside parts all shown is their sum: open one part.
        const exact = layers.some((l) => (p.senses[r] as Sense[])[l] === 'equal');
        if (!exact || open.slice(1).some(Boolean)) return;
        const pick = smallestShown(p, members.slice(1), hidden, layers);
        if (pick !== null) {
          hidden[pick] = true;
          changed = true;
        }
        return;
      }
      const added = applyLineRule(
        members.map((c) => p.values[c] as (number | null)[]),
        open,
        threshold,
        layers,
      );
      for (const i of added) {
        const c = members[i] as number;
        if (p.published[c] && !hidden[c]) {
          hidden[c] = true;
          changed = true;
        }
      }
    });
    any ||= changed;
  }
  return any;
}

/** The shown published cell with the smallest figure above zero (by the last layer), if any. */
function smallestShown(
  p: IndexedProblem,
  cells: readonly number[],
  hidden: readonly boolean[],
  layers: readonly number[],
  allowZero = false,
): number | null {
  const sizeLayer = layers[layers.length - 1] as number;
  let pick: number | null = null;
  let pickSize = Number.POSITIVE_INFINITY;
  for (const c of cells) {
    if (hidden[c] || !p.published[c]) continue;
    const size = (p.values[c] as (number | null)[])[sizeLayer] ?? null;
    if (size === null || (!allowZero && size <= 0)) continue;
    if (size < pickSize) {
      pick = c;
      pickSize = size;
    }
  }
  return pick;
}

/** Groups of relations joined through their open cells; only relations with an open cell. */
function components(p: IndexedProblem, hidden: readonly boolean[]): number[][] {
  const isOpen = (c: number) => hidden[c] === true || !p.published[c];
  const seen = new Set<number>();
  const out: number[][] = [];
  p.members.forEach((members, start) => {
    if (seen.has(start) || !members.some(isOpen)) return;
    const group: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const r = stack.pop() as number;
      group.push(r);
      for (const c of p.members[r] as number[]) {
        if (!isOpen(c)) continue;
        for (const next of p.relationsOf[c] as number[]) {
          if (!seen.has(next)) {
            seen.add(next);
            stack.push(next);
          }
        }
      }
    }
    out.push(group);
  });
  return out;
}

interface Narrow {
  cell: number;
  layer: number;
  relations: number[];
}

/**
 * The first hidden cell whose range is narrower than the threshold, if any. A group of one
 * relation with no unpublished cell is proven by the line rule itself and not solved.
 */
function findNarrow(
  p: IndexedProblem,
  hidden: readonly boolean[],
  threshold: number,
  count: { programmes: number },
): Narrow | null {
  const open = p.keys.map((_, c) => hidden[c] === true || !p.published[c]);
  for (const group of components(p, hidden)) {
    const cells = [...new Set(group.flatMap((r) => p.members[r] as number[]))];
    if (group.length === 1 && cells.every((c) => p.published[c])) continue;
    for (let layer = 0; layer < p.layers; layer++) {
      const system = layerSystem(p, open, group, layer);
      for (const c of cells) {
        if (!hidden[c] || (p.values[c] as (number | null)[])[layer] === null) continue;
        if (!system.variableOf.has(c)) continue;
        count.programmes += 2;
        const range: Range | null = system.consistent ? rangeOf(system, c) : null;
        if (range === null || range.max - range.min < threshold - TOLERANCE) {
          return { cell: c, layer, relations: group };
        }
      }
    }
  }
  return null;
}

/** Hides one more cell to widen a narrow range: near the narrow cell first, then its group. */
function widen(p: IndexedProblem, hidden: boolean[], narrow: Narrow): boolean {
  const layers = [narrow.layer];
  const near = (p.relationsOf[narrow.cell] as number[]).flatMap((r) => p.members[r] as number[]);
  const group = narrow.relations.flatMap((r) => p.members[r] as number[]);
  for (const [cells, allowZero] of [
    [near, false],
    [group, false],
    [near, true],
    [group, true],
  ] as const) {
    const pick = smallestShown(p, cells, hidden, layers, allowZero);
    if (pick !== null) {
      hidden[pick] = true;
      return true;
    }
  }
  return false;
}

/**
 * Decides which cells of a problem a restricted view hides: every published cell with a figure
 * 0 < x < threshold in any layer, and enough others that, for every hidden cell and layer, the
 * values consistent with everything shown (cells ≥ 0) span at least `threshold`.
 */
export function protectCells(
  problem: DisclosureProblem,
  options: { threshold: number },
): ProtectionResult {
  const { threshold } = options;
  checkThreshold(threshold);
  const p = indexProblem(problem);
  const hidden = p.keys.map(
    (_, c) =>
      p.published[c] === true &&
      (p.values[c] as (number | null)[]).some((v) => isSmallCount(v, threshold)),
  );
  const small = hidden.filter(Boolean).length;
  const count = { programmes: 0 };
  if (small > 0) {
    for (;;) {
      applyLines(p, hidden, threshold);
      const narrow = findNarrow(p, hidden, threshold, count);
      if (!narrow) break;
      if (!widen(p, hidden, narrow)) {
        // Nothing near is left to hide: hide every published cell, which nothing can narrow.
        p.keys.forEach((_, c) => {
          if (p.published[c]) hidden[c] = true;
        });
        break;
      }
    }
  }
  const keys = p.keys.filter((_, c) => hidden[c]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { hidden: keys, small, programmes: count.programmes };
}

/**
 * The range of every hidden cell in every layer, given what is shown: the check that proves a
 * pattern (tests and audits use it; {@link protectCells} runs the same programmes).
 */
export function hiddenRanges(
  problem: DisclosureProblem,
  hiddenKeys: ReadonlySet<string>,
): { key: string; layer: number; range: Range | null }[] {
  const p = indexProblem(problem);
  const open = p.keys.map((k, c) => hiddenKeys.has(k) || !p.published[c]);
  const all = p.members.map((_, r) => r);
  const out: { key: string; layer: number; range: Range | null }[] = [];
  for (let layer = 0; layer < p.layers; layer++) {
    const system = layerSystem(p, open, all, layer);
    p.keys.forEach((key, c) => {
      if (!hiddenKeys.has(key) || (p.values[c] as (number | null)[])[layer] === null) return;
      out.push({ key, layer, range: system.consistent ? rangeOf(system, c) : null });
    });
  }
  return out;
}
