/** Change of the current value against the measure's baseline: relative, or in points by unit. */
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

/** How a change since the baseline is expressed: in points of the unit, or relative to it. */
export type ChangeUnit = 'points' | 'relative';

/** Units whose change is read in points (actual − baseline); every other unit is relative. */
export const POINTS_CHANGE_UNITS: readonly string[] = Object.freeze(['percent', 'rate']);

/** `points` for a percent or a rate, `relative` for any other unit (count, number, days…). */
export function changeUnitOf(unit: string): ChangeUnit {
  if (typeof unit !== 'string' || unit === '') {
    throw new InvalidInputError(`A unit must be a non-empty string, got ${JSON.stringify(unit)}`);
  }
  return POINTS_CHANGE_UNITS.includes(unit) ? 'points' : 'relative';
}

export interface ChangeOptions {
  /** The measure's unit: `percent` and `rate` change in points, the others relatively. */
  readonly unit: string;
  readonly direction: Direction;
}

export interface ChangeResult {
  /**
   * In points (actual − baseline) for a percent or a rate; otherwise relative,
   * (actual − baseline) / |baseline| (0.2 is +20 %), null when the baseline is 0. Null when
   * either figure is missing. Not rounded: display rounds.
   */
  readonly change: number | null;
  /** How `change` reads; always given, even when `change` is null. */
  readonly changeUnit: ChangeUnit;
  /** Whether the change goes the desired direction; null when the change is 0 or null. */
  readonly favorable: boolean | null;
}

/**
 * The change since the baseline in the unit a reader expects (FORMAT.md "change"): percentage
 * points for percents and rates, relative for the other units. Scorecards, review pages and
 * exports show change this way.
 */
export function changeSinceBaseline(
  actual: number | null,
  baseline: number | null,
  options: ChangeOptions,
): ChangeResult {
  const changeUnit = changeUnitOf(options.unit);
  if (changeUnit === 'relative') {
    const { change, favorable } = compareToBaseline(actual, baseline, options);
    return { change, changeUnit, favorable };
  }
  const direction = checkDirection(options.direction);
  checkOptional(actual, 'Actual');
  checkOptional(baseline, 'Baseline');
  if (actual === null || baseline === null) return { change: null, changeUnit, favorable: null };
  const change = actual - baseline;
  const favorable = change === 0 ? null : change > 0 === (direction === 'up');
  return { change, changeUnit, favorable };
}
