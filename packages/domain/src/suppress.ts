/**
 * Small-cell suppression for restricted views: hide counts small enough to identify people, and
 * one more part of a breakdown when a single hidden part could be recovered from its total.
 */
import { InvalidInputError } from './errors.js';

/** A count (`value`) or a numerator/denominator cell; `total` marks the breakdown's total. */
export interface SuppressionCell {
  readonly key: string;
  readonly value?: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly total?: boolean;
}

export type SuppressionReason = 'small' | 'complementary';

export interface SuppressionDecision {
  readonly key: string;
  readonly hidden: boolean;
  readonly reason: SuppressionReason | null;
}

export interface SuppressionResult {
  /** Keys of the hidden cells, sorted. */
  readonly suppressed: string[];
  /** One decision per input cell, in input order. */
  readonly cells: SuppressionDecision[];
}

function isRatioCell(cell: SuppressionCell): boolean {
  return (
    (cell.numerator !== undefined && cell.numerator !== null) ||
    (cell.denominator !== undefined && cell.denominator !== null)
  );
}

function isSmall(value: number | null | undefined, threshold: number): boolean {
  return value !== undefined && value !== null && value > 0 && value < threshold;
}

/** How big a part is when choosing which other part to hide: its denominator or its count. */
function sizeOf(cell: SuppressionCell): number | null {
  const size = isRatioCell(cell) ? cell.denominator : cell.value;
  return size === undefined ? null : size;
}

function check(cells: readonly SuppressionCell[], threshold: number): void {
  if (!Number.isFinite(threshold) || threshold <= 0) {
    throw new InvalidInputError(`Threshold must be a positive number, got ${threshold}`);
  }
  if (!Array.isArray(cells)) throw new InvalidInputError('Cells must be an array');
  const keys = new Set<string>();
  for (const cell of cells) {
    if (typeof cell.key !== 'string') throw new InvalidInputError('Every cell needs a string key');
    if (keys.has(cell.key)) throw new InvalidInputError(`Cell key ${cell.key} appears twice`);
    keys.add(cell.key);
    for (const value of [cell.value, cell.numerator, cell.denominator]) {
      if (value !== undefined && value !== null && !Number.isFinite(value)) {
        throw new InvalidInputError(`Cell ${cell.key} has a value that is not a finite number`);
      }
    }
  }
}

/**
 * Hides every cell with 0 < value < threshold (for numerator/denominator cells, either part in
 * that range; zero is shown). Then, when the total is shown and exactly one part is hidden, hides
 * the smallest other part above zero (by denominator for numerator/denominator cells; the first
 * in input order on a tie) so the hidden part cannot be recovered by subtraction.
 */
export function suppressSmallCells(
  cells: readonly SuppressionCell[],
  threshold: number,
): SuppressionResult {
  check(cells, threshold);
  const reasons: (SuppressionReason | null)[] = cells.map((cell) => {
    const small = isRatioCell(cell)
      ? isSmall(cell.numerator, threshold) || isSmall(cell.denominator, threshold)
      : isSmall(cell.value, threshold);
    return small ? 'small' : null;
  });
  const totalShown = cells.some((cell, i) => cell.total === true && reasons[i] === null);
  const hiddenParts = cells.filter((cell, i) => cell.total !== true && reasons[i] !== null).length;
  if (totalShown && hiddenParts === 1) {
    let pick = -1;
    let pickSize = Number.POSITIVE_INFINITY;
    cells.forEach((cell, i) => {
      if (cell.total === true || reasons[i] !== null) return;
      const size = sizeOf(cell);
      if (size !== null && size > 0 && size < pickSize) {
        pick = i;
        pickSize = size;
      }
    });
    if (pick >= 0) reasons[pick] = 'complementary';
  }
  const decisions = cells.map((cell, i) => {
    const reason = reasons[i] ?? null;
    return { key: cell.key, hidden: reason !== null, reason };
  });
  const suppressed = decisions
    .filter((decision) => decision.hidden)
    .map((decision) => decision.key)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { suppressed, cells: decisions };
}
