// The side panel of one measure: its breakdown cells (by age group, gender, region...) for the
// period being entered beside the previous period, the note on its figure, and their history.

import {
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { createPortal } from 'react-dom';
import type { EntryMeasure } from '../../api/entry-api';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import {
  type Breakdown,
  breakdownKey,
  breakdownRows,
  cellKey,
  findCell,
} from './entry-sheet-model';
import { FigureHistorySection } from './figure-history-section';
import { CellStatus, ConflictChoice, Figure, FigureInputs, figureFields } from './figure-inputs';
import { type CellTarget, refusal, useEntryCells } from './use-entry-cells';
import { useFigureFormat } from './use-figure-format';
import { type GridRowSpec, useGridKeyboard } from './use-grid-keyboard';

const focusable =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

export function BreakdownPanel({
  measure,
  editable,
  onClose,
  returnFocus,
}: {
  measure: EntryMeasure;
  editable: boolean;
  onClose: () => void;
  /** Where the focus goes when the panel closes; what had it on opening when not given. */
  returnFocus?: RefObject<HTMLElement | null>;
}) {
  const { t, periodName } = useI18n();
  const cells = useEntryCells();
  const { sheet, store } = cells;
  useSyncExternalStore(store.subscribe, store.snapshot);
  const format = useFigureFormat();
  const titleId = useId();
  const idBase = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  // The sheet changes as cells are saved: read the measure's latest cells from it.
  const latest =
    sheet.programs.flatMap((p) => p.measures).find((m) => m.id === measure.id) ?? measure;
  const rowsOfBreakdowns = breakdownRows(latest);
  const previous = sheet.periods[sheet.periods.length - 2];
  const current = sheet.period;

  const targetOf = (breakdown: Breakdown): CellTarget => ({ measure: latest, breakdown });
  const rowIdOf = (breakdown: Breakdown) => `b:${breakdownKey(breakdown)}`;
  const conflictIdOf = (breakdown: Breakdown) => `c:${breakdownKey(breakdown)}`;
  const inConflict = (breakdown: Breakdown) =>
    editable && store.get(cellKey(latest.id, breakdown)).status === 'conflict';
  const byRowId = new Map(rowsOfBreakdowns.map((r) => [rowIdOf(r.breakdown), r.breakdown]));

  const rows: GridRowSpec[] = editable
    ? rowsOfBreakdowns.flatMap((r) => {
        const row = {
          id: rowIdOf(r.breakdown),
          columns: figureFields(targetOf(r.breakdown)).map((_, i) => i),
        };
        return inConflict(r.breakdown)
          ? [row, { id: conflictIdOf(r.breakdown), columns: [0, 1] }]
          : [row];
      })
    : [];

  const grid = useGridKeyboard(rows, {
    onEdit: (rowId, col, text) => {
      const breakdown = byRowId.get(rowId);
      if (!breakdown || text === null) return;
      const target = targetOf(breakdown);
      const field = figureFields(target)[col];
      if (field) cells.type(target, field, text);
    },
    onRevert: (rowId) => {
      const breakdown = byRowId.get(rowId);
      if (breakdown) cells.revert(targetOf(breakdown));
    },
    onCommit: (rowId, withinRow) => {
      const breakdown = byRowId.get(rowId);
      if (breakdown && editable) cells.commit(targetOf(breakdown), withinRow);
    },
    isDirty: (rowId) => {
      const breakdown = byRowId.get(rowId);
      if (!breakdown) return false;
      const status = store.get(cellKey(latest.id, breakdown)).status;
      return status === 'editing' || status === 'error';
    },
  });

  // Opening makes the rest of the page inert (the panel is modal: a screen reader must not
  // wander behind it) and moves the focus in: the first figure, else the close button. Closing
  // gives the page back and returns the focus to what opened the panel.
  // biome-ignore lint/correctness/useExhaustiveDependencies: opening and closing happen once each, on mount and unmount; the ref is read at closing.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const others = [...document.body.children].filter(
      (el): el is HTMLElement =>
        el instanceof HTMLElement && el !== backdrop.current && !el.hasAttribute('inert'),
    );
    for (const el of others) el.setAttribute('inert', '');
    const first =
      dialog.current?.querySelector<HTMLInputElement>('.entry-input') ??
      dialog.current?.querySelector<HTMLElement>('.entry-panel-close');
    first?.focus();
    return () => {
      for (const el of others) el.removeAttribute('inert');
      (returnFocus?.current ?? opener)?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || event.defaultPrevented || !dialog.current) return;
    // Keep Tab inside the panel while it is open.
    const items = [...dialog.current.querySelectorAll<HTMLElement>(focusable)];
    const first = items[0];
    const last = items.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  const total = findCell(latest, current.label);
  const label = (labels: string[]) =>
    t('dataEntry.cell.label', {
      name: `${latest.name} (${labels.join(', ')})`,
      period: periodName(current.label),
    });

  // In a portal on the body, so that everything else can be made inert.
  return createPortal(
    <div ref={backdrop} className="entry-panel-backdrop">
      <div
        ref={dialog}
        className="entry-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <header className="entry-panel-header">
          <h2 id={titleId} className="entry-panel-title">
            <NameText text={latest.name} french={latest.nameFr} />
          </h2>
          <button type="button" className="button entry-panel-close" onClick={onClose}>
            {t('dataEntry.panel.close')}
          </button>
        </header>
        <p className="muted">
          {t('dataEntry.panel.total', {
            period: periodName(current.label),
            figure: format.figure(latest, total) ?? t('dataEntry.cell.none'),
          })}
        </p>
        {rowsOfBreakdowns.length === 0 ? (
          <p>{t('dataEntry.panel.noBreakdowns')}</p>
        ) : (
          <table
            className="data-table entry-table"
            role={editable ? 'grid' : undefined}
            aria-labelledby={titleId}
          >
            <thead>
              <tr>
                <th scope="col">
                  {latest.dimensions[0] && latest.dimensions.length === 1 ? (
                    <NameText
                      text={latest.dimensions[0].name}
                      french={latest.dimensions[0].nameFr}
                    />
                  ) : (
                    t('dataEntry.panel.breakdown')
                  )}
                </th>
                {previous ? (
                  <th scope="col" className="number">
                    {periodName(previous.label)}
                  </th>
                ) : null}
                <th scope="col">{periodName(current.label)}</th>
              </tr>
            </thead>
            <tbody>
              {rowsOfBreakdowns.map((r) => {
                const target = targetOf(r.breakdown);
                const statusId = `${idBase}-${rowIdOf(r.breakdown)}`;
                return (
                  <BreakdownRows
                    key={rowIdOf(r.breakdown)}
                    target={target}
                    name={r.labels.join(', ')}
                    names={r.labels.map((text, i) => ({ text, french: r.labelsFr[i] ?? null }))}
                    previousFigure={
                      previous
                        ? format.figure(latest, findCell(latest, previous.label, r.breakdown))
                        : undefined
                    }
                    currentFigure={format.figure(
                      latest,
                      findCell(latest, current.label, r.breakdown),
                    )}
                    editable={editable}
                    grid={grid}
                    rowId={rowIdOf(r.breakdown)}
                    conflictRowId={conflictIdOf(r.breakdown)}
                    conflict={inConflict(r.breakdown)}
                    label={label(r.labels)}
                    statusId={statusId}
                    columns={previous ? 3 : 2}
                  />
                );
              })}
            </tbody>
          </table>
        )}
        <NoteEditor measure={latest} editable={editable} />
        <FigureHistorySection measure={latest} period={current.label} />
      </div>
    </div>,
    document.body,
  );
}

function BreakdownRows({
  target,
  name,
  names,
  previousFigure,
  currentFigure,
  editable,
  grid,
  rowId,
  conflictRowId,
  conflict,
  label,
  statusId,
  columns,
}: {
  target: CellTarget;
  name: string;
  /** The labels, each with its French twin, to mark an English fallback. */
  names: { text: string; french: string | null }[];
  previousFigure: string | null | undefined;
  currentFigure: string | null;
  editable: boolean;
  grid: ReturnType<typeof useGridKeyboard>;
  rowId: string;
  conflictRowId: string;
  conflict: boolean;
  label: string;
  statusId: string;
  columns: number;
}) {
  return (
    <>
      <tr>
        <th scope="row">
          {names.map((n, i) => (
            <span key={n.text}>
              {i > 0 ? ', ' : null}
              <NameText text={n.text} french={n.french} />
            </span>
          ))}
        </th>
        {previousFigure !== undefined ? (
          <td className="number">
            <Figure text={previousFigure} />
          </td>
        ) : null}
        <td className={editable ? 'entry-current' : 'number entry-current'}>
          {editable ? (
            <div className="entry-current-inner">
              <FigureInputs
                target={target}
                rowId={rowId}
                grid={grid}
                label={label}
                statusId={statusId}
              />
              <CellStatus target={target} id={statusId} />
            </div>
          ) : (
            <Figure text={currentFigure} />
          )}
        </td>
      </tr>
      {conflict ? (
        <tr className="entry-conflict-row">
          <td colSpan={columns}>
            <ConflictChoice
              target={target}
              rowId={conflictRowId}
              grid={grid}
              name={name}
              onDone={() => grid.focusCell({ rowId, col: 0 })}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** The note on the measure's figure of the period: why it moved, how it was counted. */
function NoteEditor({ measure, editable }: { measure: EntryMeasure; editable: boolean }) {
  const { t, locale } = useI18n();
  const cells = useEntryCells();
  const noteId = useId();
  const messageId = useId();
  const stored = cells.stored({ measure, breakdown: {} });
  const [text, setText] = useState(stored?.note ?? '');
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'saving' }
    | { status: 'saved' }
    | { status: 'error'; message: string }
  >({ status: 'idle' });

  if (!editable) {
    return (
      <div className="entry-note">
        <h3 className="section-title">{t('dataEntry.note.title')}</h3>
        <p>{stored?.note ?? t('dataEntry.note.none')}</p>
      </div>
    );
  }
  return (
    <form
      className="entry-note"
      onSubmit={(event) => {
        event.preventDefault();
        if (state.status === 'saving') return;
        setState({ status: 'saving' });
        cells.saveNote({ measure, breakdown: {} }, text).then(
          () => setState({ status: 'saved' }),
          (error: unknown) =>
            setState({ status: 'error', message: refusal(error, t, locale).message }),
        );
      }}
    >
      <div className="field">
        <label htmlFor={noteId}>{t('dataEntry.note.title')}</label>
        <textarea
          id={noteId}
          className="entry-note-text"
          rows={3}
          value={text}
          aria-invalid={state.status === 'error' || undefined}
          aria-describedby={messageId}
          onChange={(event) => {
            setText(event.target.value);
            if (state.status !== 'saving') setState({ status: 'idle' });
          }}
        />
      </div>
      <div className="entry-note-actions">
        {/* Never disabled: a disabled button drops the focus out of the panel. */}
        <button type="submit" className="button" aria-disabled={state.status === 'saving'}>
          {state.status === 'saving' ? t('dataEntry.cell.saving') : t('dataEntry.note.save')}
        </button>
        <span
          id={messageId}
          role="status"
          className={state.status === 'error' ? 'entry-error' : 'muted'}
        >
          {state.status === 'saved'
            ? t('dataEntry.note.saved')
            : state.status === 'error'
              ? state.message
              : null}
        </span>
      </div>
    </form>
  );
}
