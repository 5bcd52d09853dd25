// What an agency changed since its quarter was last returned or reopened: each figure whose value
// or parts differ, before and now. Nothing at all when the quarter was never handed back.

import { type ReactNode, useId } from 'react';
import type { EntryMeasure, EntrySheet } from '../../api/entry-api';
import type { PeriodChange } from '../../api/history-api';
import { TableScroll } from '../../components/table-scroll';
import { type Translate, useI18n } from '../../i18n/i18n-provider';
import { Figure } from '../data-entry/figure-inputs';
import { isMissingSheet } from '../data-entry/use-entry-sheet';
import { useFigureFormat } from '../data-entry/use-figure-format';
import { usePeriodChanges } from './use-review';

export function ChangesSince({ sheet }: { sheet: EntrySheet }) {
  const { t, formatDate } = useI18n();
  const changes = usePeriodChanges(sheet.organization.id, sheet.period.label);
  const titleId = useId();
  if (!changes.data) {
    // Not there for this person (403, 404), or still on its way: nothing to show.
    if (!changes.error || isMissingSheet(changes.error)) return null;
    return (
      <div className="form-error">
        <p>{t('review.changes.failed')}</p>
        <button type="button" className="button" onClick={() => void changes.refetch()}>
          {t('errors.retry')}
        </button>
      </div>
    );
  }
  const { since, items } = changes.data;
  if (!since) return null;
  const date = formatDate(since.at);
  const reopened = since.action === 'reopened';
  return (
    <section className="review-since panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t(reopened ? 'review.changes.titleReopened' : 'review.changes.titleReturned', { date })}
      </h2>
      {items.length === 0 ? (
        <p>
          {t(reopened ? 'review.changes.noneReopened' : 'review.changes.noneReturned', { date })}
        </p>
      ) : (
        <ChangesTable sheet={sheet} items={items} labelledBy={titleId} />
      )}
    </section>
  );
}

/** "Total", or each dimension with its value ("Gender: Girls"), from the sheet's labels. */
function cellName(measure: EntryMeasure | undefined, change: PeriodChange, t: Translate): string {
  const entries = Object.entries(change.breakdown);
  if (entries.length === 0) return t('review.changes.total');
  return entries
    .map(([code, value]) => {
      const dimension = measure?.dimensions.find((d) => d.code === code);
      return t('review.changes.part', {
        dimension: dimension?.name ?? code,
        value: dimension?.values.find((v) => v.code === value)?.label ?? value,
      });
    })
    .join(', ');
}

function ChangesTable({
  sheet,
  items,
  labelledBy,
}: {
  sheet: EntrySheet;
  items: readonly PeriodChange[];
  labelledBy: string;
}) {
  const { t, formatNumber, periodName } = useI18n();
  const format = useFigureFormat();
  const measures = new Map(sheet.programs.flatMap((p) => p.measures.map((m) => [m.id, m])));
  const figure = (measure: EntryMeasure | undefined, parts: PeriodChange['before']): ReactNode => {
    const text = measure
      ? format.figure(measure, parts)
      : parts.value === null
        ? null
        : formatNumber(parts.value);
    return <Figure text={text} />;
  };
  return (
    <TableScroll className="review-table-wrap" labelledBy={labelledBy}>
      <table className="data-table review-since-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('review.col.measure')}</th>
            <th scope="col">{t('review.changes.col.figure')}</th>
            <th scope="col" className="number">
              {t('review.changes.col.before')}
            </th>
            <th scope="col" className="number">
              {t('review.changes.col.after')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((change) => {
            const measure = measures.get(change.measureId);
            const name = cellName(measure, change, t);
            return (
              <tr key={`${change.measureId}|${change.period}|${JSON.stringify(change.breakdown)}`}>
                <th scope="row">
                  {measure
                    ? t('review.changes.measure', { code: change.code, name: measure.name })
                    : change.code}
                </th>
                <td>
                  {change.period === sheet.period.label
                    ? name
                    : t('review.changes.inPeriod', {
                        figure: name,
                        period: periodName(change.period),
                      })}
                </td>
                <td className="number">{figure(measure, change.before)}</td>
                <td className="number review-current">{figure(measure, change.after)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
