/** Comparing a case's expected fields with what the engine computed. */

export const DEFAULT_TOLERANCE = 1e-9;

/** Relative tolerance, turning absolute near zero: |a − b| ≤ tolerance × max(1, |a|, |b|). */
export function numbersMatch(expected: number, actual: number, tolerance: number): boolean {
  if (!Number.isFinite(actual)) return expected === actual;
  const scale = Math.max(1, Math.abs(expected), Math.abs(actual));
  return Math.abs(expected - actual) <= tolerance * scale;
}

/**
 * Whether `actual` has everything `expected` has: numbers within tolerance, null only as null,
 * arrays of the same length element by element, objects key by key (keys `actual` has in excess
 * are ignored, so a case checks only the fields it lists).
 */
export function valuesMatch(expected: unknown, actual: unknown, tolerance: number): boolean {
  if (expected === null) return actual === null;
  if (typeof expected === 'number') {
    return typeof actual === 'number' && numbersMatch(expected, actual, tolerance);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => valuesMatch(item, actual[i], tolerance))
    );
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([key, value]) =>
      valuesMatch(value, record[key], tolerance),
    );
  }
  return expected === actual;
}

/** The top-level fields of `expected` that `actual` gets wrong, in the order the case lists them. */
export function mismatchedFields(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  tolerance: number,
): string[] {
  return Object.keys(expected).filter((key) => !valuesMatch(expected[key], actual[key], tolerance));
}
