/** Change of the current value against the measure's baseline. */
import { checkDirection, type Direction } from './direction.js';
import { InvalidInputError } from './errors.js';

export interface BaselineResult {
  /** (actual − baseline) / |baseline|; null when either is missing or the baseline is 0. */
  readonly change: number | null;
  /** Whether the change goes the desired direction; null when the change is 0 or null. */
  readonly favorable: boolean | null;
}

export interface BaselineOptions {
  readonly direction: Direction;
}

const NO_CHANGE: BaselineResult = Object.freeze({ change: null, favorable: null });

function checkOptional(value: number | null, what: string): void {
  if (value !== null && !Number.isFinite(value)) {
    throw new InvalidInputError(`${what} must be a finite number or null, got ${value}`);
  }
}

/** The relative change from baseline to actual and whether it goes the desired direction. */
export function compareToBaseline(
  actual: number | null,
  baseline: number | null,
  options: BaselineOptions,
): BaselineResult {
  const direction = checkDirection(options.direction);
  checkOptional(actual, 'Actual');
  checkOptional(baseline, 'Baseline');
  if (actual === null || baseline === null || baseline === 0) return NO_CHANGE;
  // Dividing by |baseline| keeps a rise positive when the baseline is negative.
  const change = (actual - baseline) / Math.abs(baseline);
  if (change === 0) return { change, favorable: null };
  return { change, favorable: change > 0 === (direction === 'up') };
}
