import { describe, expect, it } from 'vitest';
import {
  type CellEvent,
  type CellState,
  cellReducer,
  type Draft,
  figureText,
  idleCell,
  parseFigure,
  planCommit,
  type StoredFigure,
  storedDraft,
  typedPercent,
  typedRatio,
} from './cell-state';

const empty: Draft = { value: '', numerator: '', denominator: '' };
const stored: StoredFigure = {
  value: 45,
  numerator: 90,
  denominator: 200,
  note: null,
  version: 3,
};

function run(events: CellEvent[], from: CellState = idleCell): CellState {
  return events.reduce(cellReducer, from);
}

describe('the cell state machine', () => {
  it('goes idle → editing → saving → saved, dropping the draft once saved', () => {
    const editing = run([{ type: 'type', field: 'value', text: '12', base: empty }]);
    expect(editing).toMatchObject({ status: 'editing', draft: { value: '12' } });
    const saving = cellReducer(editing, { type: 'save' });
    expect(saving.status).toBe('saving');
    expect(cellReducer(saving, { type: 'saved', warnings: ['Parts exceed the total'] })).toEqual({
      ...idleCell,
      status: 'saved',
      warnings: ['Parts exceed the total'],
    });
  });

  it('keeps the draft and the message when a save is refused, and saves again from there', () => {
    const error = run([
      { type: 'type', field: 'value', text: '-1', base: empty },
      { type: 'save' },
      { type: 'failed', message: 'value: a count must be a whole number of at least 0' },
    ]);
    expect(error).toMatchObject({
      status: 'error',
      draft: { value: '-1' },
      message: 'value: a count must be a whole number of at least 0',
    });
    const retyped = cellReducer(error, { type: 'type', field: 'value', text: '1', base: empty });
    expect(retyped.status).toBe('editing');
    expect(cellReducer(error, { type: 'save' }).status).toBe('saving');
  });

  it('reverts to the stored figure on Esc', () => {
    const editing = run([{ type: 'type', field: 'numerator', text: '7', base: empty }]);
    expect(cellReducer(editing, { type: 'revert' })).toEqual(idleCell);
  });

  it('holds a conflict until the person chooses: keep mine saves again, take theirs drops mine', () => {
    const theirs = { ...stored, value: 50, version: 4 };
    const conflict = run([
      { type: 'type', field: 'value', text: '47', base: empty },
      { type: 'save' },
      { type: 'conflict', theirs },
    ]);
    expect(conflict).toMatchObject({ status: 'conflict', theirs, draft: { value: '47' } });
    expect(cellReducer(conflict, { type: 'revert' })).toBe(conflict);
    expect(cellReducer(conflict, { type: 'save' })).toBe(conflict);
    expect(cellReducer(conflict, { type: 'keepMine' })).toMatchObject({
      status: 'saving',
      draft: { value: '47' },
    });
    expect(cellReducer(conflict, { type: 'takeTheirs' })).toEqual(idleCell);
  });

  it('ignores what cannot happen in a state', () => {
    expect(cellReducer(idleCell, { type: 'saved', warnings: [] })).toBe(idleCell);
    expect(cellReducer(idleCell, { type: 'keepMine' })).toBe(idleCell);
    const saving = run([
      { type: 'type', field: 'value', text: '1', base: empty },
      { type: 'save' },
    ]);
    expect(cellReducer(saving, { type: 'type', field: 'value', text: '2', base: empty })).toBe(
      saving,
    );
  });
});

describe('parseFigure', () => {
  it('reads English figures with grouping commas', () => {
    expect(parseFigure('1,234.5', 'en')).toEqual({ ok: true, value: 1234.5 });
    expect(parseFigure(' 42 ', 'en')).toEqual({ ok: true, value: 42 });
    expect(parseFigure('-3', 'en')).toEqual({ ok: true, value: -3 });
    expect(parseFigure('', 'en')).toEqual({ ok: true, value: null });
    expect(parseFigure('12,5', 'en')).toEqual({ ok: false });
    expect(parseFigure('twelve', 'en')).toEqual({ ok: false });
  });

  it('reads French figures with a decimal comma and spaces between thousands', () => {
    expect(parseFigure('1 234,5', 'fr')).toEqual({ ok: true, value: 1234.5 });
    expect(parseFigure('1\u202f234', 'fr')).toEqual({ ok: true, value: 1234 });
    expect(parseFigure('45.2', 'fr')).toEqual({ ok: true, value: 45.2 });
    expect(parseFigure('1,2,3', 'fr')).toEqual({ ok: false });
  });

  it('writes stored figures back in the locale, without grouping', () => {
    expect(figureText(1234.5, 'fr')).toBe('1234,5');
    expect(figureText(1234.5, 'en')).toBe('1234.5');
    expect(figureText(null, 'en')).toBe('');
    expect(storedDraft(stored, 'en')).toEqual({
      value: '45',
      numerator: '90',
      denominator: '200',
    });
  });
});

describe('planCommit', () => {
  it('saves a changed value, and nothing when it is what is stored', () => {
    expect(planCommit('value', stored, { ...empty, value: '46' }, 'en', false)).toEqual({
      kind: 'save',
      body: { value: 46 },
    });
    expect(planCommit('value', stored, { ...empty, value: '45' }, 'en', false)).toEqual({
      kind: 'unchanged',
    });
    expect(planCommit('value', null, empty, 'en', false)).toEqual({ kind: 'unchanged' });
    expect(planCommit('value', stored, empty, 'en', false)).toEqual({
      kind: 'save',
      body: { value: null },
    });
  });

  it('refuses text that is not a number, naming the field', () => {
    expect(planCommit('value', null, { ...empty, value: 'abc' }, 'en', false)).toEqual({
      kind: 'invalid',
      field: 'value',
    });
    expect(
      planCommit('ratio', null, { ...empty, numerator: '3', denominator: 'x' }, 'en', false),
    ).toEqual({ kind: 'invalid', field: 'denominator' });
  });

  it('saves numerator and denominator together, waiting for the second while in the row', () => {
    const half = { ...empty, numerator: '9' };
    expect(planCommit('ratio', null, half, 'en', true)).toEqual({ kind: 'hold' });
    expect(planCommit('ratio', null, half, 'en', false)).toEqual({
      kind: 'save',
      body: { numerator: 9, denominator: null },
    });
    const both = { ...empty, numerator: '95', denominator: '200' };
    expect(planCommit('ratio', stored, both, 'fr', true)).toEqual({ kind: 'hold' });
    expect(planCommit('ratio', stored, both, 'fr', false)).toEqual({
      kind: 'save',
      body: { numerator: 95, denominator: 200 },
    });
  });
});

describe('typedPercent', () => {
  it('shows the percentage as it is typed, once both figures are there', () => {
    expect(typedPercent({ ...empty, numerator: '90', denominator: '200' }, 'en')).toBe(45);
    expect(typedPercent({ ...empty, numerator: '1', denominator: '3' }, 'fr')).toBeCloseTo(
      33.33,
      2,
    );
    expect(typedPercent({ ...empty, numerator: '90' }, 'en')).toBeNull();
    expect(typedPercent({ ...empty, numerator: '9', denominator: '0' }, 'en')).toBeNull();
  });
});

describe('typedRatio', () => {
  it('shows a rate per its ratePer as it is typed, not as a percentage', () => {
    const draft = { ...empty, numerator: '3', denominator: '1 200' };
    expect(typedRatio(draft, 'fr', { unit: 'rate', ratePer: 1000 })).toBe(2.5);
    expect(typedRatio(draft, 'fr', { unit: 'rate', ratePer: null })).toBe(0.0025);
    expect(typedRatio(draft, 'fr', { unit: 'percent', ratePer: null })).toBe(0.25);
  });

  it('is null until both figures are numbers and the denominator is not 0', () => {
    const rate = { unit: 'rate', ratePer: 1000 };
    expect(typedRatio({ ...empty, numerator: '3' }, 'en', rate)).toBeNull();
    expect(typedRatio({ ...empty, numerator: '3', denominator: 'x' }, 'en', rate)).toBeNull();
    expect(typedRatio({ ...empty, numerator: '3', denominator: '0' }, 'en', rate)).toBeNull();
  });
});
