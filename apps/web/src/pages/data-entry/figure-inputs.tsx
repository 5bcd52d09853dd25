// The inputs of one figure of the period being entered (a value, or a numerator and denominator
// with the percentage shown as they are typed, and a word when it looks unusual), its save
// status, and a conflict's choices.

import { useId } from 'react';
import { useI18n } from '../../i18n/i18n-provider';
import { type CellState, type Draft, type Field, storedDraft, typedRatio } from './cell-state';
import { UnusualFlag } from './unusual-flag';
import { type CellTarget, useCellState, useEntryCells } from './use-entry-cells';
import { useFigureFormat } from './use-figure-format';
import type { useGridKeyboard } from './use-grid-keyboard';
import { useUnusualFigure } from './use-unusual-figure';

type Grid = ReturnType<typeof useGridKeyboard>;

/** The logical grid columns of a figure: its inputs (0, and 1 for a denominator). */
export function figureFields(target: CellTarget): Field[] {
  return target.measure.entry === 'ratio' ? ['numerator', 'denominator'] : ['value'];
}

export function FigureInputs({
  target,
  rowId,
  grid,
  label,
  statusId,
}: {
  target: CellTarget;
  rowId: string;
  grid: Grid;
  /** What the figure is, for the inputs' accessible names ("Served, FY2025-26 Q3"). */
  label: string;
  /** The element holding the cell's message, described by the inputs when it is refused. */
  statusId: string;
}) {
  const { t, locale } = useI18n();
  const cells = useEntryCells();
  const format = useFigureFormat();
  const state = useCellState(target);
  const draft: Draft = state.draft ?? storedDraft(cells.stored(target), locale);
  const invalid = state.status === 'error';
  const fields = figureFields(target);
  // Never blocks saving: a word beside the figure, heard with the input.
  const unusual = useUnusualFigure(target, state);
  const flagId = `${statusId}-unusual`;
  const describedBy =
    [invalid || state.status === 'conflict' ? statusId : null, unusual ? flagId : null]
      .filter((x) => x !== null)
      .join(' ') || undefined;
  const flag = <UnusualFlag id={flagId} shown={unusual} />;

  const input = (field: Field, col: number, name: string) => (
    <input
      {...grid.cellProps(rowId, col, 'input')}
      className="entry-input"
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      aria-label={name}
      aria-invalid={(invalid && (state.field === null || state.field === field)) || undefined}
      aria-describedby={describedBy}
      value={draft[field]}
      onChange={(event) => {
        grid.startEditing(rowId, col);
        cells.type(target, field, event.target.value);
      }}
    />
  );

  if (fields.length === 1) {
    return (
      <>
        {input('value', 0, t('dataEntry.cell.value', { label }))}
        {flag}
      </>
    );
  }
  const stored = cells.stored(target);
  const typed = state.draft ? typedRatio(draft, locale, target.measure) : null;
  const percent =
    typed !== null
      ? format.value(target.measure, typed)
      : !state.draft && stored?.value != null
        ? format.value(target.measure, stored.value)
        : null;
  return (
    <>
      <span className="entry-ratio">
        {input('numerator', 0, t('dataEntry.cell.numerator', { label }))}
        <span className="entry-ratio-of" aria-hidden="true">
          /
        </span>
        {input('denominator', 1, t('dataEntry.cell.denominator', { label }))}
        <span className="entry-percent" data-testid="typed-percent">
          {percent === null ? null : t('dataEntry.cell.equals', { value: percent })}
        </span>
      </span>
      {flag}
    </>
  );
}

/** A cell's save status: a tick once saved, the server's message when refused. */
export function CellStatus({ target, id }: { target: CellTarget; id: string }) {
  const { t } = useI18n();
  const state = useCellState(target);
  return (
    <span id={id} className={`entry-status entry-status-${state.status}`}>
      <StatusText state={state} t={t} />
    </span>
  );
}

function StatusText({ state, t }: { state: CellState; t: ReturnType<typeof useI18n>['t'] }) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'editing':
      return (
        <>
          <span aria-hidden="true">•</span>
          <span className="visually-hidden">{t('dataEntry.cell.unsaved')}</span>
        </>
      );
    case 'saving':
      return <span className="muted">{t('dataEntry.cell.saving')}</span>;
    case 'saved':
      return (
        <>
          <span className="entry-tick" aria-hidden="true">
            ✓
          </span>
          <span className="visually-hidden">{t('dataEntry.cell.saved')}</span>
          {state.warnings.map((w) => (
            <span key={w} className="entry-warning">
              {w}
            </span>
          ))}
        </>
      );
    case 'error':
      return <span className="entry-error">{state.message}</span>;
    case 'conflict':
      return <span className="entry-error">{t('dataEntry.conflict.short')}</span>;
    default: {
      const unhandled: never = state.status;
      return unhandled;
    }
  }
}

/** Someone else saved this figure first: theirs beside mine, and the choice. */
export function ConflictChoice({
  target,
  rowId,
  grid,
  name,
  onDone,
}: {
  target: CellTarget;
  rowId: string;
  grid: Grid;
  name: string;
  /** After choosing, where the focus goes (the choice's buttons disappear). */
  onDone: () => void;
}) {
  const { t } = useI18n();
  const cells = useEntryCells();
  const format = useFigureFormat();
  const state = useCellState(target);
  const headingId = useId();
  if (state.status !== 'conflict') return null;
  const theirs = format.figure(target.measure, state.theirs) ?? t('dataEntry.cell.none');
  const draft = state.draft;
  const mine = !draft
    ? t('dataEntry.cell.none')
    : target.measure.entry === 'ratio'
      ? t('dataEntry.conflict.ratio', {
          numerator: draft.numerator || '–',
          denominator: draft.denominator || '–',
        })
      : draft.value || t('dataEntry.cell.none');
  return (
    <div className="entry-conflict" role="alert" aria-labelledby={headingId}>
      <p id={headingId}>
        <strong>{t('dataEntry.conflict.title', { name })}</strong>
      </p>
      <dl className="entry-conflict-figures">
        <div>
          <dt>{t('dataEntry.conflict.theirs')}</dt>
          <dd>{theirs}</dd>
        </div>
        <div>
          <dt>{t('dataEntry.conflict.mine')}</dt>
          <dd>{mine}</dd>
        </div>
      </dl>
      <div className="button-row">
        <button
          {...grid.cellProps(rowId, 0, 'button')}
          type="button"
          className="button button-primary"
          onClick={() => {
            cells.keepMine(target);
            onDone();
          }}
        >
          {t('dataEntry.conflict.keepMine')}
        </button>
        <button
          {...grid.cellProps(rowId, 1, 'button')}
          type="button"
          className="button"
          onClick={() => {
            cells.takeTheirs(target);
            onDone();
          }}
        >
          {t('dataEntry.conflict.takeTheirs')}
        </button>
      </div>
    </div>
  );
}

/** A stored figure, or a dash read out as "no figure". */
export function Figure({ text }: { text: string | null }) {
  const { t } = useI18n();
  if (text !== null) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('dataEntry.cell.none')}</span>
    </>
  );
}
