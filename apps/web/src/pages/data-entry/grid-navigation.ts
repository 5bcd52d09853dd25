// The entry grid's keyboard, as a spreadsheet has it: what a key does in a cell, and where a
// move lands. Pure, so every rule is tested without a browser.

/**
 * The grid's rows, each listing its columns in order. Columns are logical, so a row without
 * one (a single-value measure has no denominator) still lines up with the rows that have it.
 */
export type GridShape = readonly (readonly number[])[];

export interface Position {
  row: number;
  col: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right' | 'next' | 'previous';

/** What kind of cell has the focus, and how: moving over it, or editing its text. */
export interface CellContext {
  kind: 'input' | 'button';
  mode: 'nav' | 'edit';
  /** The caret is at the start (or end) of the text with nothing selected (edit mode only). */
  caretAtStart?: boolean;
  caretAtEnd?: boolean;
  /** The cell's figure holds something typed and not saved. */
  dirty?: boolean;
}

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export type GridAction =
  /** Commit the cell (when it was edited) and move; at the grid's edge, stay. */
  | { type: 'move'; direction: Direction }
  /** Start editing: replace the content with `text`, or keep it (`text` null, as F2 does). */
  | { type: 'edit'; text: string | null }
  /** Put the stored figure back and stop editing. */
  | { type: 'revert' }
  /** Not the grid's business: let the browser (and the input) have the key. */
  | { type: 'default' };

const arrows: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** A key that types a character (not a shortcut). */
function isPrintable(input: KeyInput): boolean {
  return input.key.length === 1 && !input.ctrlKey && !input.metaKey && !input.altKey;
}

export function keyAction(input: KeyInput, cell: CellContext): GridAction {
  const { key } = input;
  if (key === 'Tab') return { type: 'move', direction: input.shiftKey ? 'previous' : 'next' };
  if (input.ctrlKey || input.metaKey || input.altKey) return { type: 'default' };
  if (key === 'Enter') {
    // A button does what it says on Enter; an input commits and moves down.
    if (cell.kind === 'button') return { type: 'default' };
    return { type: 'move', direction: input.shiftKey ? 'up' : 'down' };
  }
  const arrow = arrows[key];
  if (arrow) {
    if (cell.kind === 'input' && cell.mode === 'edit') {
      // Editing, left and right move the caret until it reaches the edge of the text.
      if (arrow === 'left' && !cell.caretAtStart) return { type: 'default' };
      if (arrow === 'right' && !cell.caretAtEnd) return { type: 'default' };
    }
    return { type: 'move', direction: arrow };
  }
  if (cell.kind === 'button') return { type: 'default' };
  if (key === 'Escape') {
    return cell.mode === 'edit' || cell.dirty ? { type: 'revert' } : { type: 'default' };
  }
  if (cell.mode === 'edit') return { type: 'default' };
  if (key === 'F2') return { type: 'edit', text: null };
  if (key === 'Backspace' || key === 'Delete') return { type: 'edit', text: '' };
  if (isPrintable(input)) return { type: 'edit', text: key };
  return { type: 'default' };
}

/** The nearest column of a row to a wanted one, the earlier one when two are as near. */
function nearestColumn(columns: readonly number[], wanted: number): number | undefined {
  let best: number | undefined;
  for (const col of columns) {
    if (best === undefined || Math.abs(col - wanted) < Math.abs(best - wanted)) best = col;
  }
  return best;
}

/**
 * Where a move from `from` lands, or null at the grid's edge. Up and down keep the column (or
 * the nearest one); left and right stay in the row; next and previous run on to the next row,
 * as Tab does in a form.
 */
export function moveTarget(
  shape: GridShape,
  from: Position,
  direction: Direction,
): Position | null {
  const columns = shape[from.row];
  if (!columns) return null;
  const index = columns.indexOf(from.col);
  switch (direction) {
    case 'up':
    case 'down': {
      const step = direction === 'up' ? -1 : 1;
      for (let row = from.row + step; row >= 0 && row < shape.length; row += step) {
        const col = nearestColumn(shape[row] ?? [], from.col);
        if (col !== undefined) return { row, col };
      }
      return null;
    }
    case 'left': {
      const col = columns[index - 1];
      return index > 0 && col !== undefined ? { row: from.row, col } : null;
    }
    case 'right': {
      const col = columns[index + 1];
      return col !== undefined ? { row: from.row, col } : null;
    }
    case 'next': {
      const col = columns[index + 1];
      if (col !== undefined) return { row: from.row, col };
      for (let row = from.row + 1; row < shape.length; row++) {
        const first = shape[row]?.[0];
        if (first !== undefined) return { row, col: first };
      }
      return null;
    }
    case 'previous': {
      const col = index > 0 ? columns[index - 1] : undefined;
      if (col !== undefined) return { row: from.row, col };
      for (let row = from.row - 1; row >= 0; row--) {
        const last = shape[row]?.at(-1);
        if (last !== undefined) return { row, col: last };
      }
      return null;
    }
    default: {
      const unhandled: never = direction;
      return unhandled;
    }
  }
}
