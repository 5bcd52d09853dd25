/** Actual against target: variance, percent of target and a met/near/off status. */
import { checkDirection, type Direction } from './direction.js';
import { InvalidInputError } from './errors.js';

export type TargetStatus = 'met' | 'near' | 'off' | 'none';

export interface TargetResult {
  /** (actual − target) / |target|; null when there is no target, no actual, or the target is 0. */
  readonly variance: number | null;
  /** actual / target × 100, with the signed target; null like variance. */
  readonly percentOfTarget: number | null;
  readonly status: TargetStatus;
}

export interface TargetOptions {
  readonly direction: Direction;
  /** How far short of target, as a fraction of |target|, still counts as near; default 0.10. */
  readonly band?: number;
}

export const DEFAULT_TARGET_BAND = 0.1;

/**
 * Figures such as 2.7 against 3 land a hair past the band edge in binary floating point
 * (−0.10000000000000003); this slack lets a gap that is exactly on an edge (0 or −band) in decimal
 * count as inside it, as the rule intends. It is far below any difference a scorecard shows.
 */
const EDGE_SLACK = 1e-9;

const NO_TARGET: TargetResult = Object.freeze({
  variance: null,
  percentOfTarget: null,
  status: 'none',
});

function checkOptional(value: number | null, what: string): void {
  if (value !== null && !Number.isFinite(value)) {
    throw new InvalidInputError(`${what} must be a finite number or null, got ${value}`);
  }
}

/**
 * Compares an actual with its target. Status: with gap = variance (or −variance for a `down`
 * measure), gap ≥ 0 is met, gap ≥ −band is near, else off; no target, a zero target or no actual
 * gives `none`.
 */
export function evaluateTarget(
  actual: number | null,
  target: number | null,
  options: TargetOptions,
): TargetResult {
  const direction = checkDirection(options.direction);
  const band = options.band ?? DEFAULT_TARGET_BAND;
  if (!Number.isFinite(band) || band < 0) {
    throw new InvalidInputError(`Band must be a non-negative number, got ${band}`);
  }
  checkOptional(actual, 'Actual');
  checkOptional(target, 'Target');
  if (actual === null || target === null || target === 0) return NO_TARGET;
  const variance = (actual - target) / Math.abs(target);
  const percentOfTarget = (actual / target) * 100;
  const gap = direction === 'up' ? variance : -variance;
  const status: TargetStatus =
    gap >= -EDGE_SLACK ? 'met' : gap >= -band - EDGE_SLACK ? 'near' : 'off';
  return { variance, percentOfTarget, status };
}
