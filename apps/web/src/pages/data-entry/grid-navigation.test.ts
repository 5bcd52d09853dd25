import { describe, expect, it } from 'vitest';
import { type CellContext, type GridShape, keyAction, moveTarget } from './grid-navigation';

// A count (value, details), a percentage (numerator, denominator, details), a count again.
const shape: GridShape = [
  [0, 2],
  [0, 1, 2],
  [0, 2],
];

const navInput: CellContext = { kind: 'input', mode: 'nav' };
const editInput: CellContext = {
  kind: 'input',
  mode: 'edit',
  caretAtStart: false,
  caretAtEnd: true,
};
const button: CellContext = { kind: 'button', mode: 'nav' };

describe('keyAction', () => {
  it('moves with the arrows over cells', () => {
    expect(keyAction({ key: 'ArrowDown' }, navInput)).toEqual({ type: 'move', direction: 'down' });
    expect(keyAction({ key: 'ArrowUp' }, navInput)).toEqual({ type: 'move', direction: 'up' });
    expect(keyAction({ key: 'ArrowLeft' }, navInput)).toEqual({ type: 'move', direction: 'left' });
    expect(keyAction({ key: 'ArrowRight' }, button)).toEqual({ type: 'move', direction: 'right' });
  });

  it('lets left and right move the caret while editing, until it reaches the edge', () => {
    expect(keyAction({ key: 'ArrowLeft' }, editInput)).toEqual({ type: 'default' });
    expect(keyAction({ key: 'ArrowRight' }, editInput)).toEqual({
      type: 'move',
      direction: 'right',
    });
    expect(
      keyAction({ key: 'ArrowLeft' }, { ...editInput, caretAtStart: true, caretAtEnd: false }),
    ).toEqual({ type: 'move', direction: 'left' });
    expect(keyAction({ key: 'ArrowDown' }, editInput)).toEqual({ type: 'move', direction: 'down' });
  });

  it('commits and moves down on Enter, up on Shift+Enter, but leaves Enter to buttons', () => {
    expect(keyAction({ key: 'Enter' }, editInput)).toEqual({ type: 'move', direction: 'down' });
    expect(keyAction({ key: 'Enter' }, navInput)).toEqual({ type: 'move', direction: 'down' });
    expect(keyAction({ key: 'Enter', shiftKey: true }, editInput)).toEqual({
      type: 'move',
      direction: 'up',
    });
    expect(keyAction({ key: 'Enter' }, button)).toEqual({ type: 'default' });
  });

  it('moves across with Tab and Shift+Tab', () => {
    expect(keyAction({ key: 'Tab' }, editInput)).toEqual({ type: 'move', direction: 'next' });
    expect(keyAction({ key: 'Tab', shiftKey: true }, button)).toEqual({
      type: 'move',
      direction: 'previous',
    });
  });

  it('replaces the content when typing over a cell, and clears it on Delete', () => {
    expect(keyAction({ key: '7' }, navInput)).toEqual({ type: 'edit', text: '7' });
    expect(keyAction({ key: ',' }, navInput)).toEqual({ type: 'edit', text: ',' });
    expect(keyAction({ key: 'Delete' }, navInput)).toEqual({ type: 'edit', text: '' });
    expect(keyAction({ key: 'Backspace' }, navInput)).toEqual({ type: 'edit', text: '' });
    expect(keyAction({ key: 'F2' }, navInput)).toEqual({ type: 'edit', text: null });
    // While editing, typing is the input's.
    expect(keyAction({ key: '7' }, editInput)).toEqual({ type: 'default' });
    expect(keyAction({ key: 'Backspace' }, editInput)).toEqual({ type: 'default' });
  });

  it('reverts on Esc while editing, and leaves Esc alone otherwise', () => {
    expect(keyAction({ key: 'Escape' }, editInput)).toEqual({ type: 'revert' });
    expect(keyAction({ key: 'Escape' }, navInput)).toEqual({ type: 'default' });
    // Moved away from a half-typed or refused figure: Esc still puts the stored one back.
    expect(keyAction({ key: 'Escape' }, { ...navInput, dirty: true })).toEqual({ type: 'revert' });
  });

  it('leaves shortcuts and keys on buttons to the browser', () => {
    expect(keyAction({ key: 'c', ctrlKey: true }, navInput)).toEqual({ type: 'default' });
    expect(keyAction({ key: 'v', metaKey: true }, navInput)).toEqual({ type: 'default' });
    expect(keyAction({ key: ' ' }, button)).toEqual({ type: 'default' });
    expect(keyAction({ key: 'Shift' }, navInput)).toEqual({ type: 'default' });
  });
});

describe('moveTarget', () => {
  it('moves down and up in the same column, to the nearest one where a row lacks it', () => {
    expect(moveTarget(shape, { row: 0, col: 0 }, 'down')).toEqual({ row: 1, col: 0 });
    expect(moveTarget(shape, { row: 1, col: 1 }, 'down')).toEqual({ row: 2, col: 0 });
    expect(moveTarget(shape, { row: 1, col: 2 }, 'up')).toEqual({ row: 0, col: 2 });
  });

  it('stops at the edges for arrows', () => {
    expect(moveTarget(shape, { row: 0, col: 0 }, 'up')).toBeNull();
    expect(moveTarget(shape, { row: 2, col: 0 }, 'down')).toBeNull();
    expect(moveTarget(shape, { row: 0, col: 0 }, 'left')).toBeNull();
    expect(moveTarget(shape, { row: 1, col: 2 }, 'right')).toBeNull();
  });

  it('moves left and right within a row, skipping columns it lacks', () => {
    expect(moveTarget(shape, { row: 0, col: 0 }, 'right')).toEqual({ row: 0, col: 2 });
    expect(moveTarget(shape, { row: 1, col: 1 }, 'left')).toEqual({ row: 1, col: 0 });
  });

  it('runs on to the next row with Tab and back with Shift+Tab, and leaves at the ends', () => {
    expect(moveTarget(shape, { row: 0, col: 2 }, 'next')).toEqual({ row: 1, col: 0 });
    expect(moveTarget(shape, { row: 1, col: 0 }, 'next')).toEqual({ row: 1, col: 1 });
    expect(moveTarget(shape, { row: 1, col: 0 }, 'previous')).toEqual({ row: 0, col: 2 });
    expect(moveTarget(shape, { row: 2, col: 2 }, 'next')).toBeNull();
    expect(moveTarget(shape, { row: 0, col: 0 }, 'previous')).toBeNull();
  });
});
