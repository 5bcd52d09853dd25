// One entry cell's life: idle, editing, saving, saved, error, conflict; what a commit sends; and
// reading the figures people type in their own language. Pure, so it is tested on its own.

import { ratioValue } from '@rba/domain';
import type { Locale } from '../../i18n/locale';

export type CellStatus = 'idle' | 'editing' | 'saving' | 'saved' | 'error' | 'conflict';

export type Field = 'value' | 'numerator' | 'denominator';

/** The text of a cell's inputs while someone edits it. */
export type Draft = Record<Field, string>;

/** A figure as stored: version 0 when there is no cell yet. */
export interface StoredFigure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  version: number;
}

export interface CellState {
  status: CellStatus;
  /** What was typed, not yet saved; null shows the stored figure. */
  draft: Draft | null;
  /** Why a save was refused, in the reader's words (the server's problem, or text not a number). */
  message: string | null;
  /** The input the refusal concerns (a ratio's numerator, say); null for the figure as a whole. */
  field: Field | null;
  /** In conflict: the figure someone else saved first (null when theirs was not readable). */
  theirs: StoredFigure | null;
  /** Saved, with the server's warnings (parts that do not add up to the total). */
  warnings: string[];
}

export const idleCell: CellState = {
  status: 'idle',
  draft: null,
  message: null,
  field: null,
  theirs: null,
  warnings: [],
};

export type CellEvent =
  /** Someone typed into one of the cell's inputs; `base` is the stored figure as text. */
  | { type: 'type'; field: Field; text: string; base: Draft }
  /** Esc: the stored figure back. */
  | { type: 'revert' }
  | { type: 'save' }
  | { type: 'saved'; warnings: string[] }
  | { type: 'failed'; message: string; field?: Field | null }
  | { type: 'conflict'; theirs: StoredFigure | null }
  /** Save mine again over theirs (the caller re-saves at their version). */
  | { type: 'keepMine' }
  /** Their figure replaces mine (the caller stores theirs). */
  | { type: 'takeTheirs' };

export function cellReducer(state: CellState, event: CellEvent): CellState {
  switch (event.type) {
    case 'type':
      if (state.status === 'saving') return state;
      return {
        ...idleCell,
        status: 'editing',
        draft: { ...(state.draft ?? event.base), [event.field]: event.text },
        message: state.status === 'error' ? state.message : null,
        field: state.status === 'error' ? state.field : null,
      };
    case 'revert':
      if (state.status === 'saving' || state.status === 'conflict') return state;
      return idleCell;
    case 'save':
      if (state.status !== 'editing' && state.status !== 'error') return state;
      return { ...state, status: 'saving', message: null };
    case 'saved':
      if (state.status !== 'saving') return state;
      return { ...idleCell, status: 'saved', warnings: event.warnings };
    case 'failed':
      if (state.status !== 'saving') return state;
      return { ...state, status: 'error', message: event.message, field: event.field ?? null };
    case 'conflict':
      if (state.status !== 'saving') return state;
      return { ...state, status: 'conflict', theirs: event.theirs };
    case 'keepMine':
      if (state.status !== 'conflict') return state;
      return { ...state, status: 'saving' };
    case 'takeTheirs':
      if (state.status !== 'conflict') return state;
      return idleCell;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Figures as people type them.

export type Parsed = { ok: true; value: number | null } | { ok: false };

const spaces = /[\s\u00a0\u202f]/g;
const plainNumber = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A typed figure: empty is none; English takes "1,234.5", French "1 234,5" (a point is read as
 * the decimal mark too, as people paste from spreadsheets).
 */
export function parseFigure(text: string, locale: Locale): Parsed {
  const compact = text.replace(spaces, '');
  if (compact === '') return { ok: true, value: null };
  let normal: string;
  if (locale === 'fr') {
    if ((compact.match(/,/g) ?? []).length > 1 || (compact.includes(',') && compact.includes('.')))
      return { ok: false };
    normal = compact.replace(',', '.');
  } else {
    normal = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(compact) ? compact.replace(/,/g, '') : compact;
  }
  if (!plainNumber.test(normal)) return { ok: false };
  const value = Number(normal);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

const decimalMark: Record<Locale, string> = { en: '.', fr: ',' };

/** A stored figure as the text to edit: no grouping, the locale's decimal mark. */
export function figureText(value: number | null, locale: Locale): string {
  if (value === null) return '';
  return String(value).replace('.', decimalMark[locale]);
}

export function storedDraft(stored: StoredFigure | null, locale: Locale): Draft {
  return {
    value: figureText(stored?.value ?? null, locale),
    numerator: figureText(stored?.numerator ?? null, locale),
    denominator: figureText(stored?.denominator ?? null, locale),
  };
}

export type SaveBody =
  | { value: number | null }
  | { numerator: number | null; denominator: number | null };

export type CommitPlan =
  /** The draft says what is stored: nothing to save. */
  | { kind: 'unchanged' }
  /** A numerator or denominator while the focus moves to the other: wait for it. */
  | { kind: 'hold' }
  /** Text that is not a number, in this field. */
  | { kind: 'invalid'; field: Field }
  | { kind: 'save'; body: SaveBody };

/** What committing a draft does; `withinRow` when the focus stays on the same figure. */
export function planCommit(
  entry: 'value' | 'ratio',
  stored: StoredFigure | null,
  draft: Draft,
  locale: Locale,
  withinRow: boolean,
): CommitPlan {
  if (entry === 'value') {
    const value = parseFigure(draft.value, locale);
    if (!value.ok) return { kind: 'invalid', field: 'value' };
    if (value.value === (stored?.value ?? null)) return { kind: 'unchanged' };
    return { kind: 'save', body: { value: value.value } };
  }
  const numerator = parseFigure(draft.numerator, locale);
  if (!numerator.ok) return { kind: 'invalid', field: 'numerator' };
  const denominator = parseFigure(draft.denominator, locale);
  if (!denominator.ok) return { kind: 'invalid', field: 'denominator' };
  if (
    numerator.value === (stored?.numerator ?? null) &&
    denominator.value === (stored?.denominator ?? null)
  ) {
    return { kind: 'unchanged' };
  }
  // The two halves of a percentage are saved together, when the focus leaves them.
  if (withinRow) return { kind: 'hold' };
  return { kind: 'save', body: { numerator: numerator.value, denominator: denominator.value } };
}

/** What a ratio figure's value is in: its unit, and for a rate, per how many. */
export interface RatioUnit {
  unit: string;
  ratePer?: number | null;
}

/**
 * The value a numerator and denominator being typed make, to show as you type: a percentage
 * (0–100) for a percent, per `ratePer` for a rate; null until both are numbers and the
 * denominator is not 0. The same arithmetic as the stored value (@rba/domain's ratioValue),
 * which the server derives.
 */
export function typedRatio(draft: Draft, locale: Locale, measure: RatioUnit): number | null {
  const numerator = parseFigure(draft.numerator, locale);
  const denominator = parseFigure(draft.denominator, locale);
  if (!numerator.ok || !denominator.ok) return null;
  return ratioValue(numerator.value, denominator.value, measure.unit, measure.ratePer);
}

/** {@link typedRatio} of a percentage. */
export function typedPercent(draft: Draft, locale: Locale): number | null {
  return typedRatio(draft, locale, { unit: 'percent' });
}
