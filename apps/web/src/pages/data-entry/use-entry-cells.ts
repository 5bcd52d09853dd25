// The entry sheet's cells while people type: each cell's state (cell-state.ts) in one store the
// grid and the breakdown panel share, and autosave through PUT /measures/:id/observations/:period.

import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import { ApiError } from '../../api/client';
import {
  type EntryCell,
  type EntryMeasure,
  type EntrySheet,
  type Observation,
  saveObservation,
} from '../../api/entry-api';
import { errorMessage } from '../../api/error-message';
import { queryKeys } from '../../api/query-keys';
import { type Translate, useI18n } from '../../i18n/i18n-provider';
import { errorIssues, fieldOfPath, wordIssue } from '../../i18n/issue-wording';
import type { Locale } from '../../i18n/locale';
import {
  type CellEvent,
  type CellState,
  cellReducer,
  type Field,
  idleCell,
  planCommit,
  type SaveBody,
  type StoredFigure,
  storedDraft,
} from './cell-state';
import { type Breakdown, breakdownKey, cellKey, findCell, toStored } from './entry-sheet-model';

const figureFieldNames: readonly Field[] = ['value', 'numerator', 'denominator'];

/**
 * Why the server refused a figure, in the reader's words: its first problem worded from the code
 * (`not_integer`, `part_exceeds_total`…) with the input it names, else the server's sentence.
 */
export function refusal(
  error: unknown,
  t: Translate,
  locale: Locale,
): { message: string; field: Field | null } {
  const first = errorIssues(error)[0];
  if (!first) return { message: errorMessage(error, t), field: null };
  return {
    message: wordIssue(first, locale),
    field: fieldOfPath(first.path, figureFieldNames) as Field | null,
  };
}

/** Cell states by key, read synchronously by the keyboard handlers and subscribed to by React. */
export class CellStore {
  private states = new Map<string, CellState>();
  private listeners = new Set<() => void>();
  private version = 0;

  get(key: string): CellState {
    return this.states.get(key) ?? idleCell;
  }

  dispatch(key: string, event: CellEvent): CellState {
    const before = this.get(key);
    const after = cellReducer(before, event);
    if (after !== before) {
      this.states.set(key, after);
      this.version++;
      for (const listener of this.listeners) listener();
    }
    return after;
  }

  /** How many cells hold something not yet saved (typing, refused, in conflict, saving). */
  unsettled(): number {
    let count = 0;
    for (const s of this.states.values()) {
      if (s.status !== 'idle' && s.status !== 'saved') count++;
    }
    return count;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = () => this.version;
}

/** One figure of the period being entered: a measure's total or one of its breakdown cells. */
export interface CellTarget {
  measure: EntryMeasure;
  breakdown: Breakdown;
}

export interface EntryCells {
  store: CellStore;
  sheet: EntrySheet;
  /** The stored figure of a target in the period being entered, if any. */
  stored: (target: CellTarget) => StoredFigure | null;
  type: (target: CellTarget, field: Field, text: string) => void;
  revert: (target: CellTarget) => void;
  /** Saves what was typed, when it changed; `withinRow` when the focus stays on this figure. */
  commit: (target: CellTarget, withinRow: boolean) => void;
  keepMine: (target: CellTarget) => void;
  takeTheirs: (target: CellTarget) => void;
  saveNote: (target: CellTarget, note: string) => Promise<void>;
}

function toStoredObservation(o: Observation): StoredFigure {
  return {
    value: o.value,
    numerator: o.numerator,
    denominator: o.denominator,
    note: o.note,
    version: o.version,
  };
}

function toCell(o: Observation, period: string): EntryCell {
  return {
    period,
    breakdown: o.breakdown,
    value: o.value,
    numerator: o.numerator,
    denominator: o.denominator,
    note: o.note,
    status: o.status,
    version: o.version,
    updatedAt: o.updatedAt,
  };
}

/** The sheet with one cell of the period replaced (or added). */
function withCell(sheet: EntrySheet, measureId: string, cell: EntryCell): EntrySheet {
  const key = breakdownKey(cell.breakdown);
  return {
    ...sheet,
    programs: sheet.programs.map((p) => ({
      ...p,
      measures: p.measures.map((m) =>
        m.id !== measureId
          ? m
          : {
              ...m,
              cells: [
                ...m.cells.filter(
                  (c) => !(c.period === cell.period && breakdownKey(c.breakdown) === key),
                ),
                cell,
              ],
            },
      ),
    })),
  };
}

export function useEntryCellsState(sheet: EntrySheet, queryKey: QueryKey): EntryCells {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const storeRef = useRef<CellStore | null>(null);
  storeRef.current ??= new CellStore();
  const store = storeRef.current;
  const period = sheet.period.label;

  const stored = useCallback(
    (target: CellTarget) => toStored(findCell(target.measure, period, target.breakdown)),
    [period],
  );

  const putCell = useCallback(
    (measureId: string, cell: EntryCell) => {
      queryClient.setQueryData<EntrySheet>(queryKey, (current) =>
        current ? withCell(current, measureId, cell) : current,
      );
    },
    [queryClient, queryKey],
  );

  const send = useCallback(
    async (target: CellTarget, body: SaveBody, version: number) => {
      const key = cellKey(target.measure.id, target.breakdown);
      const hasBreakdown = Object.keys(target.breakdown).length > 0;
      let saved: Observation & { warnings: { message: string }[] };
      try {
        saved = await saveObservation(target.measure.id, period, {
          ...body,
          version,
          ...(hasBreakdown ? { breakdown: target.breakdown } : {}),
        });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
          const current = (error.details as { current?: Observation | null } | undefined)?.current;
          store.dispatch(key, {
            type: 'conflict',
            theirs: current ? toStoredObservation(current) : null,
          });
          return;
        }
        store.dispatch(key, { type: 'failed', ...refusal(error, t, locale) });
        if (error instanceof ApiError && error.status === 409) {
          // Locked or closed meanwhile: the sheet says why.
          void queryClient.invalidateQueries({ queryKey });
        }
        return;
      }
      putCell(target.measure.id, toCell(saved, period));
      store.dispatch(key, { type: 'saved', warnings: saved.warnings.map((w) => w.message) });
      void queryClient.invalidateQueries({
        queryKey: queryKeys.figureHistories(target.measure.id),
      });
    },
    [period, store, t, locale, putCell, queryClient, queryKey],
  );

  const type = useCallback(
    (target: CellTarget, field: Field, text: string) => {
      store.dispatch(cellKey(target.measure.id, target.breakdown), {
        type: 'type',
        field,
        text,
        base: storedDraft(stored(target), locale),
      });
    },
    [store, stored, locale],
  );

  const revert = useCallback(
    (target: CellTarget) => {
      store.dispatch(cellKey(target.measure.id, target.breakdown), { type: 'revert' });
    },
    [store],
  );

  const commit = useCallback(
    (target: CellTarget, withinRow: boolean) => {
      const key = cellKey(target.measure.id, target.breakdown);
      const state = store.get(key);
      if (!state.draft || (state.status !== 'editing' && state.status !== 'error')) return;
      const current = stored(target);
      const plan = planCommit(target.measure.entry, current, state.draft, locale, withinRow);
      switch (plan.kind) {
        case 'unchanged':
          store.dispatch(key, { type: 'revert' });
          return;
        case 'hold':
          return;
        case 'invalid':
          store.dispatch(key, { type: 'save' });
          // The words of the server's own `not_a_number`, which this check saves a trip for.
          store.dispatch(key, {
            type: 'failed',
            message: wordIssue({ code: 'not_a_number' }, locale),
            field: plan.field,
          });
          return;
        case 'save':
          store.dispatch(key, { type: 'save' });
          void send(target, plan.body, current?.version ?? 0);
          return;
        default: {
          const unhandled: never = plan;
          return unhandled;
        }
      }
    },
    [store, stored, locale, send],
  );

  const keepMine = useCallback(
    (target: CellTarget) => {
      const key = cellKey(target.measure.id, target.breakdown);
      const state = store.get(key);
      if (state.status !== 'conflict' || !state.draft) return;
      const plan = planCommit(target.measure.entry, null, state.draft, locale, false);
      const version = state.theirs?.version ?? 0;
      if (plan.kind !== 'save') {
        // Mine was "no figure": clear theirs at their version.
        store.dispatch(key, { type: 'keepMine' });
        const body: SaveBody =
          target.measure.entry === 'ratio'
            ? { numerator: null, denominator: null }
            : { value: null };
        void send(target, body, version);
        return;
      }
      store.dispatch(key, { type: 'keepMine' });
      void send(target, plan.body, version);
    },
    [store, locale, send],
  );

  const takeTheirs = useCallback(
    (target: CellTarget) => {
      const key = cellKey(target.measure.id, target.breakdown);
      const state = store.get(key);
      if (state.status !== 'conflict') return;
      if (state.theirs) {
        const existing = findCell(target.measure, period, target.breakdown);
        putCell(target.measure.id, {
          period,
          breakdown: target.breakdown,
          ...state.theirs,
          status: existing?.status ?? 'draft',
          updatedAt: existing?.updatedAt ?? new Date().toISOString(),
        });
      }
      store.dispatch(key, { type: 'takeTheirs' });
    },
    [store, period, putCell],
  );

  /** Saves the note of a figure; throws the API's error for the caller to show. */
  const saveNote = useCallback(
    async (target: CellTarget, note: string) => {
      const hasBreakdown = Object.keys(target.breakdown).length > 0;
      try {
        const saved = await saveObservation(target.measure.id, period, {
          note: note.trim() === '' ? null : note,
          version: stored(target)?.version ?? 0,
          ...(hasBreakdown ? { breakdown: target.breakdown } : {}),
        });
        putCell(target.measure.id, toCell(saved, period));
        void queryClient.invalidateQueries({
          queryKey: queryKeys.figureHistories(target.measure.id),
        });
      } catch (error) {
        const current =
          error instanceof ApiError && error.code === 'VERSION_CONFLICT'
            ? (error.details as { current?: Observation | null } | undefined)?.current
            : null;
        // Someone else saved first: show their figure and note, and say so.
        if (current) putCell(target.measure.id, toCell(current, period));
        throw error;
      }
    },
    [period, stored, putCell, queryClient],
  );

  return useMemo(
    () => ({ store, sheet, stored, type, revert, commit, keepMine, takeTheirs, saveNote }),
    [store, sheet, stored, type, revert, commit, keepMine, takeTheirs, saveNote],
  );
}

const EntryCellsContext = createContext<EntryCells | null>(null);
export const EntryCellsProvider = EntryCellsContext.Provider;

export function useEntryCells(): EntryCells {
  const value = useContext(EntryCellsContext);
  if (!value) throw new Error('useEntryCells must be used inside <EntryCellsProvider>');
  return value;
}

/** One cell's state, re-rendering when it changes. */
export function useCellState(target: CellTarget): CellState {
  const { store } = useEntryCells();
  useSyncExternalStore(store.subscribe, store.snapshot);
  return store.get(cellKey(target.measure.id, target.breakdown));
}
