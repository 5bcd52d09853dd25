/**
 * Breakdown parts against their total, one layer at a time (the values of counts and sums, or the
 * numerators, or the denominators of a ratio): whether one part is larger than the total, and
 * what the parts of one dimension add up to beside it.
 */
import { InvalidInputError } from './errors.js';

/**
 * How far a sum may stray from the total and still add up to it: sums of decimal figures land a
 * hair off in binary floating point (0.1 + 0.2 is 0.30000000000000004).
 */
export const PARTS_TOLERANCE = 1e-9;

/** What a group of parts adds up to, beside the total. */
export interface PartsComparison {
  readonly sum: number;
  /** `over` the total, `under` it, or `equal` to it within {@link PARTS_TOLERANCE}. */
  readonly relation: 'over' | 'under' | 'equal';
}

function checkFinite(value: number | null, what: string): void {
  if (value !== null && !Number.isFinite(value)) {
    throw new InvalidInputError(`${what} must be a finite number or null, got ${value}`);
  }
}

/** Whether one part is larger than its total; false when either is missing. */
export function partExceedsTotal(part: number | null, total: number | null): boolean {
  checkFinite(part, 'A part');
  checkFinite(total, 'The total');
  return part !== null && total !== null && part > total;
}

/**
 * The parts of one dimension summed and set beside the total; null when there is nothing to
 * compare (no total, or a part not given: a sum without it says nothing).
 */
export function compareParts(
  total: number | null,
  parts: readonly (number | null)[],
): PartsComparison | null {
  checkFinite(total, 'The total');
  if (!Array.isArray(parts)) throw new InvalidInputError('Parts must be an array');
  let sum = 0;
  for (const part of parts) {
    checkFinite(part, 'A part');
    if (part === null) return null;
    sum += part;
  }
  if (total === null) return null;
  const relation =
    sum > total + PARTS_TOLERANCE ? 'over' : sum < total - PARTS_TOLERANCE ? 'under' : 'equal';
  return { sum, relation };
}
