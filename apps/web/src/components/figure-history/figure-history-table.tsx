// A figure's history as a table, oldest first: when, who, what happened, the figure before and
// after a save, and the note or the reason (of a return or a reopening).

import './figure-history.css';
import type { Unit } from '@rba/schema';
import type { FigureHistoryItem } from '../../api/history-api';
import { useI18n } from '../../i18n/i18n-provider';
import { formatMeasureValue } from '../../i18n/measure-value';
import type { MessageKey } from '../../i18n/messages.en';
import { type FigureParts, type HistoryRow, historyRows } from './history-rows';

const actionKey: Record<FigureHistoryItem['action'], MessageKey> = {
  saved: 'history.action.saved',
  submitted: 'history.action.submitted',
  returned: 'history.action.returned',
  reopened: 'history.action.reopened',
  approved: 'history.action.approved',
};

export interface FigureUnit {
  unit: Unit;
  decimals: number;
}

/** A figure in its unit, with its numerator and denominator when it has them; null for none. */
function useFigureText() {
  const { t, locale, formatNumber } = useI18n();
  return (measure: FigureUnit, parts: FigureParts | null): string | null => {
    if (!parts || parts.value === null) return null;
    const value = formatMeasureValue(locale, parts.value, measure.unit, measure.decimals);
    if (parts.numerator === null || parts.denominator === null) return value;
    return t('history.ratio', {
      value,
      numerator: formatNumber(parts.numerator),
      denominator: formatNumber(parts.denominator),
    });
  };
}

function Shown({ text }: { text: string | null }) {
  const { t } = useI18n();
  if (text !== null) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('history.noFigure')}</span>
    </>
  );
}

function FigureCell({ row, measure }: { row: HistoryRow; measure: FigureUnit }) {
  const { t } = useI18n();
  const text = useFigureText();
  if (row.item.action !== 'saved') return null;
  const after = text(measure, row.item);
  if (!row.figureChanged) return <Shown text={after} />;
  return (
    <span className="history-change">
      <span className="visually-hidden">{t('history.from')} </span>
      <Shown text={text(measure, row.before)} />
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden"> {t('history.to')} </span>
      <Shown text={after} />
    </span>
  );
}

function details(row: HistoryRow, t: ReturnType<typeof useI18n>['t']): string | null {
  const { item } = row;
  if (item.action === 'saved') {
    if (!row.noteChanged) return null;
    return item.note ? t('history.note', { note: item.note }) : t('history.noteRemoved');
  }
  return item.reason ? t('history.reason', { reason: item.reason }) : null;
}

export function FigureHistoryTable({
  items,
  measure,
  caption,
}: {
  items: readonly FigureHistoryItem[];
  measure: FigureUnit;
  caption: string;
}) {
  const { t, formatDate } = useI18n();
  const rows = historyRows(items);
  return (
    <div className="history-table-wrap">
      <table className="data-table history-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.col.when')}</th>
            <th scope="col">{t('history.col.who')}</th>
            <th scope="col">{t('history.col.what')}</th>
            <th scope="col">{t('history.col.figure')}</th>
            <th scope="col">{t('history.col.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={`history-${row.item.action}`}>
              <td className="nowrap">
                <time dateTime={row.item.at}>
                  {formatDate(row.item.at, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </td>
              <td>{row.item.actor?.name ?? t('history.system')}</td>
              <td>{t(actionKey[row.item.action])}</td>
              <td className="number">
                <FigureCell row={row} measure={measure} />
              </td>
              <td className="history-details">{details(row, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
