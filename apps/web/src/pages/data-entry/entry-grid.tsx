// The data-entry grid: measures by program and category, the three previous periods for context
// and the period being entered, worked like a spreadsheet from the keyboard.

import { useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { EntryMeasure, EntryPeriod } from '../../api/entry-api';
import { CardLabel } from '../../components/card-label';
import { NameText } from '../../components/name-text';
import { TableScroll } from '../../components/table-scroll';
import { useI18n } from '../../i18n/i18n-provider';
import { BreakdownPanel } from './breakdown-panel';
import {
  categoryIcon,
  categoryTitle,
  cellKey,
  findCell,
  groupSheet,
  measuresInOrder,
} from './entry-sheet-model';
import { CellStatus, ConflictChoice, Figure, FigureInputs, figureFields } from './figure-inputs';
import { type CellTarget, useEntryCells } from './use-entry-cells';
import { useFigureFormat } from './use-figure-format';
import { type GridRowSpec, useGridKeyboard } from './use-grid-keyboard';

const DETAILS = 2;
const conflictRow = (measureId: string) => `${measureId}:conflict`;

export function EntryGrid({ editable }: { editable: boolean }) {
  const { t, periodName } = useI18n();
  const cells = useEntryCells();
  const { sheet, store } = cells;
  useSyncExternalStore(store.subscribe, store.snapshot);
  const groups = useMemo(() => groupSheet(sheet), [sheet]);
  const measures = useMemo(() => measuresInOrder(groups), [groups]);
  const byId = useMemo(() => new Map(measures.map((m) => [m.id, m])), [measures]);
  const [panel, setPanel] = useState<string | null>(null);
  const panelReturn = useRef<HTMLElement | null>(null);
  const idBase = useId();

  const totalOf = (measure: EntryMeasure): CellTarget => ({ measure, breakdown: {} });
  const inConflict = (m: EntryMeasure) =>
    store.get(cellKey(m.id, {})).status === 'conflict' && editable;

  const rows: GridRowSpec[] = measures.flatMap((m) => {
    const inputs = editable ? figureFields(totalOf(m)).map((_, i) => i) : [];
    const row = { id: m.id, columns: [...inputs, DETAILS] };
    return inConflict(m) ? [row, { id: conflictRow(m.id), columns: [0, 1] }] : [row];
  });

  const targetOfRow = (rowId: string): CellTarget | null => {
    const measure = byId.get(rowId);
    return measure ? totalOf(measure) : null;
  };

  const grid = useGridKeyboard(rows, {
    onEdit: (rowId, col, text) => {
      const target = targetOfRow(rowId);
      const field = target ? figureFields(target)[col] : undefined;
      if (target && field && text !== null) cells.type(target, field, text);
    },
    onRevert: (rowId) => {
      const target = targetOfRow(rowId);
      if (target) cells.revert(target);
    },
    onCommit: (rowId, withinRow) => {
      const target = targetOfRow(rowId);
      if (target && editable) cells.commit(target, withinRow);
    },
    isDirty: (rowId) => {
      const state = store.get(cellKey(rowId, {}));
      return state.status === 'editing' || state.status === 'error';
    },
  });

  const previous = sheet.periods.slice(0, -1);
  const current = sheet.period;
  const open = byId.get(panel ?? '');

  if (measures.length === 0) {
    return (
      <p className="notice">{t('dataEntry.grid.empty', { period: periodName(current.label) })}</p>
    );
  }

  return (
    <div className="entry-grid">
      {groups.map((program) => (
        <section
          key={program.id}
          className="entry-program"
          aria-labelledby={`${idBase}-${program.id}`}
        >
          <h2 id={`${idBase}-${program.id}`} className="entry-program-title">
            <NameText text={program.name} french={program.nameFr} />
          </h2>
          {program.categories.map((group) => {
            const category = group.category ?? 'none';
            const headingId = `${idBase}-${program.id}-${category}`;
            return (
              <div key={category} className="entry-category">
                <h3 id={headingId} className="entry-category-title">
                  <span className="entry-category-icon" aria-hidden="true">
                    {categoryIcon[category]}
                  </span>
                  {t(categoryTitle[category])}
                </h3>
                {/* On a phone each row is a card (data-entry.css); wider, the table scrolls. */}
                <TableScroll
                  className="entry-table-wrap"
                  labelledBy={`${idBase}-${program.id} ${headingId}`}
                >
                  <table
                    className="data-table entry-table"
                    role={editable ? 'grid' : undefined}
                    aria-labelledby={headingId}
                  >
                    <thead>
                      <tr>
                        <th scope="col" className="entry-measure-head">
                          {t('dataEntry.grid.measure')}
                        </th>
                        {previous.map((p) => (
                          <th key={p.label} scope="col" className="number entry-previous">
                            {periodName(p.label)}
                          </th>
                        ))}
                        <th scope="col" className="entry-current-head">
                          {t('dataEntry.grid.current', { period: periodName(current.label) })}
                        </th>
                        <th scope="col" className="entry-details-head">
                          <span className="visually-hidden">{t('dataEntry.grid.details')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {group.measures.map((m) => (
                        <MeasureRows
                          key={m.id}
                          measure={m}
                          previous={previous}
                          current={current}
                          editable={editable}
                          grid={grid}
                          statusId={`${idBase}-${m.id}-status`}
                          conflict={inConflict(m)}
                          onDetails={(button) => {
                            panelReturn.current = button;
                            setPanel(m.id);
                          }}
                        />
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </div>
            );
          })}
        </section>
      ))}
      {open ? (
        <BreakdownPanel
          measure={open}
          editable={editable}
          onClose={() => setPanel(null)}
          returnFocus={panelReturn}
        />
      ) : null}
    </div>
  );
}

function MeasureRows({
  measure,
  previous,
  current,
  editable,
  grid,
  statusId,
  conflict,
  onDetails,
}: {
  measure: EntryMeasure;
  previous: EntryPeriod[];
  current: EntryPeriod;
  editable: boolean;
  grid: ReturnType<typeof useGridKeyboard>;
  statusId: string;
  conflict: boolean;
  onDetails: (button: HTMLElement) => void;
}) {
  const { t, periodName } = useI18n();
  const format = useFigureFormat();
  const target: CellTarget = { measure, breakdown: {} };
  const label = t('dataEntry.cell.label', {
    name: measure.name,
    period: periodName(current.label),
  });
  const currentFigure = format.figure(measure, findCell(measure, current.label));
  const breakdowns = measure.dimensions.length > 0;
  return (
    <>
      <tr className="entry-row">
        <th scope="row" className="entry-measure">
          <span className="entry-measure-name">
            <NameText text={measure.name} french={measure.nameFr} />
          </span>
          {measure.headline ? (
            <span className="entry-headline">{t('dataEntry.grid.headline')}</span>
          ) : null}
        </th>
        {previous.map((p) => (
          <td key={p.label} className="number entry-previous">
            <CardLabel>{periodName(p.label)}</CardLabel>
            <Figure text={format.figure(measure, findCell(measure, p.label))} />
          </td>
        ))}
        <td className={editable ? 'entry-current' : 'number entry-current'}>
          <CardLabel>
            {t('dataEntry.grid.current', { period: periodName(current.label) })}
          </CardLabel>
          {editable ? (
            <div className="entry-current-inner">
              <FigureInputs
                target={target}
                rowId={measure.id}
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
        <td className="entry-details-cell">
          <button
            {...grid.cellProps(measure.id, DETAILS, 'button')}
            type="button"
            className="button entry-details"
            aria-haspopup="dialog"
            aria-label={t(
              breakdowns ? 'dataEntry.details.openBreakdowns' : 'dataEntry.details.openNote',
              {
                name: measure.name,
              },
            )}
            onClick={(event) => onDetails(event.currentTarget)}
          >
            {t(breakdowns ? 'dataEntry.details.breakdowns' : 'dataEntry.details.note')}
          </button>
        </td>
      </tr>
      {conflict ? (
        <tr className="entry-conflict-row">
          <td colSpan={previous.length + 3}>
            <ConflictChoice
              target={target}
              rowId={conflictRow(measure.id)}
              grid={grid}
              name={measure.name}
              onDone={() => grid.focusCell({ rowId: measure.id, col: 0 })}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}
