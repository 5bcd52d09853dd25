// Wires grid-navigation.ts to the DOM: one tabbable cell at a time (roving tabindex), focus moved
// by the keys, and each cell's mode (moving over it, or editing its text).

import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useRef,
  useState,
} from 'react';
import { type GridShape, keyAction, moveTarget, type Position } from './grid-navigation';

export interface GridRowSpec {
  /** Stable across renders, so focus survives rows appearing (a conflict's choices). */
  id: string;
  columns: readonly number[];
}

export interface GridCallbacks {
  /** Typing began in a cell: replace its text with `text` (null keeps it, as F2 does). */
  onEdit: (rowId: string, col: number, text: string | null) => void;
  onRevert: (rowId: string) => void;
  /** The focus leaves a cell: save its row's figure; `withinRow` when it stays on the row. */
  onCommit: (rowId: string, withinRow: boolean) => void;
  /** The row's figure holds something typed and not saved. */
  isDirty: (rowId: string) => boolean;
}

export interface CellKey {
  rowId: string;
  col: number;
}

const same = (a: CellKey | null, b: CellKey) => a?.rowId === b.rowId && a.col === b.col;

export function useGridKeyboard(rows: readonly GridRowSpec[], callbacks: GridCallbacks) {
  const elements = useRef(new Map<string, HTMLElement>());
  const editingRef = useRef<CellKey | null>(null);
  /** Set while the keys move the focus: the move has committed already. */
  const movingRef = useRef(false);
  const [editing, setEditingState] = useState<CellKey | null>(null);
  const [active, setActive] = useState<CellKey | null>(null);
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const setEditing = useCallback((cell: CellKey | null) => {
    editingRef.current = cell;
    setEditingState(cell);
  }, []);

  const first = rows.find((r) => r.columns.length > 0);
  const activeValid =
    active && rows.some((r) => r.id === active.rowId && r.columns.includes(active.col));
  const tabbable: CellKey | null = activeValid
    ? active
    : first
      ? { rowId: first.id, col: first.columns[0] as number }
      : null;

  const focusCell = useCallback((cell: CellKey) => {
    const element = elements.current.get(`${cell.rowId}:${cell.col}`);
    if (!element) return;
    element.focus();
    if (element instanceof HTMLInputElement) element.select();
  }, []);

  const cellProps = useCallback(
    (rowId: string, col: number, kind: 'input' | 'button') => {
      const cell = { rowId, col };
      const key = `${rowId}:${col}`;
      return {
        'data-grid-row': rowId,
        ref: (element: HTMLElement | null) => {
          if (element) elements.current.set(key, element);
          else elements.current.delete(key);
        },
        tabIndex: tabbable && same(tabbable, cell) ? 0 : -1,
        onFocus: (event: FocusEvent<HTMLElement>) => {
          setActive(cell);
          if (!same(editingRef.current, cell) && event.currentTarget instanceof HTMLInputElement)
            event.currentTarget.select();
        },
        onBlur: (event: FocusEvent<HTMLElement>) => {
          if (same(editingRef.current, cell)) setEditing(null);
          if (movingRef.current) return;
          const next = event.relatedTarget;
          const withinRow =
            next instanceof HTMLElement && next.getAttribute('data-grid-row') === rowId;
          callbacksRef.current.onCommit(rowId, withinRow);
        },
        onDoubleClick: (_event: MouseEvent<HTMLElement>) => {
          if (kind === 'input') {
            setEditing(cell);
            callbacksRef.current.onEdit(rowId, col, null);
          }
        },
        onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
          const target = event.currentTarget;
          const isEditing = same(editingRef.current, cell);
          let caretAtStart = false;
          let caretAtEnd = false;
          if (target instanceof HTMLInputElement) {
            const { selectionStart, selectionEnd, value } = target;
            caretAtStart = selectionStart === 0 && selectionEnd === 0;
            caretAtEnd = selectionStart === value.length && selectionEnd === value.length;
          }
          const action = keyAction(event, {
            kind,
            mode: isEditing ? 'edit' : 'nav',
            caretAtStart,
            caretAtEnd,
            dirty: callbacksRef.current.isDirty(rowId),
          });
          switch (action.type) {
            case 'default':
              return;
            case 'revert':
              event.preventDefault();
              // Esc here is the cell's, not the dialog's around it.
              event.stopPropagation();
              setEditing(null);
              callbacksRef.current.onRevert(rowId);
              if (target instanceof HTMLInputElement) queueMicrotask(() => target.select());
              return;
            case 'edit':
              event.preventDefault();
              setEditing(cell);
              callbacksRef.current.onEdit(rowId, col, action.text);
              return;
            case 'move': {
              const shape: GridShape = rowsRef.current.map((r) => r.columns);
              const index = rowsRef.current.findIndex((r) => r.id === rowId);
              const from: Position = { row: index, col };
              const to = moveTarget(shape, from, action.direction);
              const leaving =
                to === null && (action.direction === 'next' || action.direction === 'previous');
              setEditing(null);
              callbacksRef.current.onCommit(rowId, to !== null && to.row === index);
              if (to) {
                event.preventDefault();
                const toRow = rowsRef.current[to.row] as GridRowSpec;
                movingRef.current = true;
                try {
                  focusCell({ rowId: toRow.id, col: to.col });
                } finally {
                  movingRef.current = false;
                }
              } else if (!leaving) {
                // At the edge an arrow or Enter stays; Tab leaves the grid (the browser's move).
                event.preventDefault();
              }
              return;
            }
            default: {
              const unhandled: never = action;
              return unhandled;
            }
          }
        },
      };
    },
    [tabbable, setEditing, focusCell],
  );

  /** The text of an input changed (typing while editing, or a paste): it is being edited now. */
  const startEditing = useCallback(
    (rowId: string, col: number) => {
      if (!same(editingRef.current, { rowId, col })) setEditing({ rowId, col });
    },
    [setEditing],
  );

  const isEditing = useCallback(
    (rowId: string, col: number) => same(editing, { rowId, col }),
    [editing],
  );

  return { cellProps, isEditing, startEditing, focusCell };
}
