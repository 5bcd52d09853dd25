// The register of a table's agencies in one period: one row per agency, the overdue first by
// default, each column sortable; the agency's name opens its quarter in the review pages.

import { useId } from 'react';
import { Link } from 'react-router';
import type { ReportingStatusItem } from '../../api/reporting-status-api';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { daysUntilDue, utcDay } from '../home/due-days';
import { OverdueBadge, StatusBadge } from './status-badge';
import { enteredShare, type SortKey, type SortOrder } from './status-model';

const columns: readonly { key: SortKey; label: MessageKey; className?: string }[] = [
  { key: 'agency', label: 'status.col.agency', className: 'status-col-agency' },
  { key: 'status', label: 'status.col.status' },
  { key: 'figures', label: 'status.col.figures' },
  { key: 'submitted', label: 'status.col.submitted' },
  { key: 'approved', label: 'status.col.approved' },
  { key: 'onTime', label: 'status.col.onTime', className: 'status-col-number' },
  { key: 'median', label: 'status.col.median', className: 'status-col-number' },
];

export function reviewPath(organizationId: string, period: string): string {
  return `/review/${encodeURIComponent(organizationId)}/${encodeURIComponent(period)}`;
}

interface TableProps {
  items: readonly ReportingStatusItem[];
  caption: string;
  period: string;
  due: string | null;
  at: string;
  historyCount: number;
  order: SortOrder;
  onSort: (key: SortKey) => void;
}

export function StatusTable({
  items,
  caption,
  period,
  due,
  at,
  historyCount,
  order,
  onSort,
}: TableProps) {
  const { t } = useI18n();
  const labelId = useId();
  const label = (key: SortKey) => {
    const text = columns.find((c) => c.key === key)?.label ?? 'status.col.agency';
    return key === 'onTime' ? t(text, { count: historyCount }) : t(text);
  };
  const sortedBy =
    order === null
      ? t('status.sortedDefault')
      : t('status.sortedBy', {
          column: label(order.key),
          direction: t(order.descending ? 'status.sort.descending' : 'status.sort.ascending'),
        });
  const daysLate = due === null ? null : Math.max(0, -daysUntilDue(due, utcDay(at)));

  const header = ({ key, className }: (typeof columns)[number]) => {
    const active = order?.key === key;
    const direction = active ? (order.descending ? 'descending' : 'ascending') : undefined;
    return (
      <th key={key} scope="col" aria-sort={direction} className={className}>
        <button type="button" className="status-sort" onClick={() => onSort(key)}>
          {label(key)}{' '}
          <span aria-hidden="true" className="status-sort-mark">
            {active ? (order.descending ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <>
      {/* The visible label stays put while the table scrolls sideways under it. */}
      <p id={labelId} className="status-table-label">
        {caption} <span className="status-sorted">{sortedBy}</span>
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a scrolling box around the table, not a section */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable */}
      <div className="status-scroll" role="region" aria-labelledby={labelId} tabIndex={0}>
        <table className="data-table status-table">
          <caption className="visually-hidden">
            {caption} {sortedBy}
          </caption>
          <thead>
            <tr>{columns.map(header)}</tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <StatusRow
                key={item.organization.id}
                item={item}
                period={period}
                daysLate={daysLate}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function StatusRow({
  item,
  period,
  daysLate,
}: {
  item: ReportingStatusItem;
  period: string;
  daysLate: number | null;
}) {
  const { t, formatDate, formatNumber, formatPercent } = useI18n();
  const { expected, entered } = item.figures;
  const { history } = item;
  const median = history.medianDaysToApproval;
  return (
    <tr className={item.overdue ? 'status-row-overdue' : undefined}>
      <th scope="row" className="status-col-agency">
        <Link to={reviewPath(item.organization.id, period)}>
          <NameText text={item.organization.name} french={item.organization.nameFr} />
        </Link>
      </th>
      <td>
        <div className="status-cell-stack">
          {item.overdue ? <OverdueBadge daysLate={daysLate} /> : null}
          <StatusBadge status={item.status} />
        </div>
      </td>
      <td>
        <div className="status-figures">
          <progress className="status-bar" aria-hidden="true" max={1} value={enteredShare(item)} />
          <span className="nowrap">{t('status.figures', { entered, expected })}</span>
        </div>
      </td>
      <td className="nowrap">
        {item.submittedAt ? formatDate(item.submittedAt) : t('status.notYet')}
      </td>
      <td className="nowrap">
        {item.approvedAt ? formatDate(item.approvedAt) : t('status.notYet')}
      </td>
      <td className="number">
        {history.onTimeRate === null
          ? t('status.noneCounted')
          : t('status.onTime', {
              rate: formatPercent(history.onTimeRate * 100, 0),
              onTime: history.onTime,
              counted: history.counted,
            })}
      </td>
      <td className="number">
        {median === null
          ? t('status.notYet')
          : t(median === 1 ? 'status.medianDays.one' : 'status.medianDays.many', {
              days: formatNumber(median, { maximumFractionDigits: 1 }),
            })}
      </td>
    </tr>
  );
}
