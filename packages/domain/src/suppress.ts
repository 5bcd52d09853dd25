/**
 * Small-cell suppression of one line of cells (FORMAT.md "suppress"): hide counts small enough to
 * identify people, then more parts of the line until the hidden parts can neither be recovered
 * by subtraction from the total nor narrowed to a range smaller than the threshold.
 * Restricted views apply this to every line of a measure at once: see disclosure/protect.ts.
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

/** Whether a cell is hidden. Deliberately no reason: nothing may tell a small cell from another. */
export interface SuppressionDecision {
  readonly key: string;
  readonly hidden: boolean;
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

/** 0 < value < threshold: small enough to identify people (zero is shown). */
export function isSmallCount(value: number | null | undefined, threshold: number): boolean {
  return value !== undefined && value !== null && value > 0 && value < threshold;
}

/** The layers of a cell: [value] for a count, [numerator, denominator] for a ratio. */
function layersOf(cell: SuppressionCell): (number | null)[] {
  return isRatioCell(cell)
    ? [cell.numerator ?? null, cell.denominator ?? null]
    : [cell.value ?? null];
}

export function checkThreshold(threshold: number): void {
  if (!Number.isFinite(threshold) || threshold <= 0) {
    throw new InvalidInputError(`Threshold must be a positive number, got ${threshold}`);
  }
}

function check(cells: readonly SuppressionCell[], threshold: number): void {
  checkThreshold(threshold);
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
 * The line rule on cells already marked: while the total is shown and fewer than two parts are
 * open or the open parts add up (in any layer) to less than the threshold, opens the smallest
 * shown part above zero (by its last layer: the denominator of a ratio; the first on a tie), or
 * the total when no such part is left. `open[i]` says a member is hidden (or never shown).
 * Returns the indexes it hid. Index 0 of `members` is the total.
 */
export function applyLineRule(
  members: readonly (readonly (number | null)[])[],
  open: boolean[],
  threshold: number,
  layers: readonly number[],
): number[] {
  const added: number[] = [];
  if (open[0]) return added;
  const need = () => {
    let count = 0;
    const sums = layers.map(() => 0);
    for (let i = 1; i < members.length; i++) {
      if (!open[i]) continue;
      count++;
      layers.forEach((layer, j) => {
        sums[j] = (sums[j] as number) + ((members[i] as (number | null)[])[layer] ?? 0);
      });
    }
    return count > 0 && (count < 2 || sums.some((s) => s < threshold));
  };
  const sizeLayer = layers[layers.length - 1] as number;
  while (need()) {
    let pick = -1;
    let pickSize = Number.POSITIVE_INFINITY;
    for (let i = 1; i < members.length; i++) {
      if (open[i]) continue;
      const size = (members[i] as (number | null)[])[sizeLayer] ?? null;
      if (size !== null && size > 0 && size < pickSize) {
        pick = i;
        pickSize = size;
      }
    }
    if (pick < 0) {
      open[0] = true;
      added.push(0);
      return added;
    }
    open[pick] = true;
    added.push(pick);
  }
  return added;
}

/**
 * Hides every cell with 0 < value < threshold (for numerator/denominator cells, either part in
 * that range; zero is shown), then applies the line rule (see {@link applyLineRule}) when the
 * line has a total.
 */
export function suppressSmallCells(
  cells: readonly SuppressionCell[],
  threshold: number,
): SuppressionResult {
  check(cells, threshold);
  const hidden = cells.map((cell) => layersOf(cell).some((v) => isSmallCount(v, threshold)));
  const totalAt = cells.findIndex((cell) => cell.total === true);
  if (totalAt >= 0) {
    const order = [totalAt, ...cells.map((_, i) => i).filter((i) => i !== totalAt)];
    const members = order.map((i) => layersOf(cells[i] as SuppressionCell));
    const ratio = cells.some(isRatioCell);
    const open = order.map((i) => hidden[i] as boolean);
    for (const at of applyLineRule(members, open, threshold, ratio ? [0, 1] : [0])) {
      hidden[order[at] as number] = true;
    }
  }
  const decisions = cells.map((cell, i) => ({ key: cell.key, hidden: hidden[i] as boolean }));
  const suppressed = decisions
    .filter((decision) => decision.hidden)
    .map((decision) => decision.key)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { suppressed, cells: decisions };
}
