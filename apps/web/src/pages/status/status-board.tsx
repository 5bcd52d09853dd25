// One table's board for one period: the due date, the summary line, the filter by status and the
// register of agencies.

import { type ReactNode, useId, useState } from 'react';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { useRichMessage } from '../../i18n/rich-message';
import { statusWords } from './status-badge';
import {
  type SortKey,
  type SortOrder,
  type StatusFilter,
  shown,
  sortItems,
  statusFilters,
  summarize,
} from './status-model';
import { StatusTable } from './status-table';
import { useReportingStatus } from './use-status-board';

function filterLabel(filter: StatusFilter): MessageKey {
  if (filter === 'all') return 'status.filter.all';
  if (filter === 'overdue') return 'status.filter.overdue';
  if (filter === 'waiting') return 'status.filter.waiting';
  return statusWords[filter].key;
}

export function StatusBoard({
  tableName,
  tableNameFr,
  tableId,
  period,
  filter,
  onFilter,
}: {
  tableName: string;
  /** The table's stored French name (see NameText). */
  tableNameFr: string | null;
  tableId: string;
  period: string;
  filter: StatusFilter;
  onFilter: (filter: StatusFilter) => void;
}) {
  const { t, formatDate, periodName } = useI18n();
  const rich = useRichMessage();
  const status = useReportingStatus(tableId, period);
  const [order, setOrder] = useState<SortOrder>(null);
  const headingId = useId();
  const filterId = useId();
  const name = periodName(period);

  const sort = (key: SortKey) =>
    setOrder((current) =>
      current?.key === key ? { key, descending: !current.descending } : { key, descending: false },
    );

  let content: ReactNode;
  if (status.isPending) content = <p className="muted">{t('app.loading')}</p>;
  else if (status.error) {
    const forbidden = status.error instanceof ApiError && status.error.status === 403;
    content = (
      <p className={forbidden ? 'notice' : 'form-error'} role={forbidden ? undefined : 'alert'}>
        {forbidden ? t('status.forbidden') : errorMessage(status.error, t)}
      </p>
    );
  } else {
    const board = status.data;
    const summary = summarize(board.items);
    const rows = sortItems(
      board.items.filter((item) => shown(item, filter)),
      order,
    );
    content = (
      <>
        <p className="status-due">
          {board.due
            ? t('status.due', { date: formatDate(board.due, { dateStyle: 'long' }) })
            : t('status.noDue')}
        </p>
        {board.items.length === 0 ? (
          <p className="notice">{t('status.nobody')}</p>
        ) : (
          <>
            <p className="status-summary">
              {t(summary.total === 1 ? 'status.summary.one' : 'status.summary.many', {
                submitted: summary.submitted,
                total: summary.total,
                overdue: summary.overdue,
              })}
            </p>
            <div className="status-tools">
              <div className="status-filter">
                <label htmlFor={filterId}>{t('status.filter.label')}</label>
                <select
                  id={filterId}
                  value={filter}
                  onChange={(event) => onFilter(event.target.value as StatusFilter)}
                >
                  {statusFilters.map((f) => (
                    <option key={f} value={f}>
                      {t(filterLabel(f))}
                    </option>
                  ))}
                </select>
              </div>
              {order !== null ? (
                <button type="button" className="button" onClick={() => setOrder(null)}>
                  {t('status.sort.reset')}
                </button>
              ) : null}
            </div>
            {rows.length === 0 ? (
              <p className="notice">{t('status.noneShown')}</p>
            ) : (
              <StatusTable
                items={rows}
                caption={t('status.caption', { table: tableName, period: name })}
                period={period}
                due={board.due}
                at={board.at}
                historyCount={board.historyPeriods.length}
                order={order}
                onSort={sort}
              />
            )}
            {board.historyPeriods.length > 0 ? (
              <p className="muted status-history-note">
                {t('status.historyNote', {
                  periods: board.historyPeriods.map((label) => periodName(label)).join(', '),
                })}
              </p>
            ) : null}
          </>
        )}
      </>
    );
  }

  return (
    <section className="status-board" aria-labelledby={headingId}>
      <h2 id={headingId} className="status-board-title">
        {rich('status.heading', {
          table: <NameText text={tableName} french={tableNameFr} />,
          period: name,
        })}
      </h2>
      {content}
    </section>
  );
}
