// The review queue: the submissions of the partners at the tables one coordinates, by partner
// and quarter with their status; each opens the agency's quarter to approve or return (or, once
// approved, to reopen for correction).

import './review.css';
import { type ReactNode, useId } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { Submission } from '../../api/entry-api';
import { errorMessage } from '../../api/error-message';
import { useCurrentUser } from '../../auth/auth-provider';
import { CardLabel } from '../../components/card-label';
import { NameText } from '../../components/name-text';
import { PageLayout } from '../../components/page-layout';
import { TableScroll } from '../../components/table-scroll';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { useRichMessage } from '../../i18n/rich-message';
import { isHandedBack, SubmissionBadge } from '../data-entry/submission-status';
import { recordedChecks } from './recorded-checks';
import { type QueueRow, useReviewQueue, useReviewTables } from './use-review';

const filters = ['open', 'submitted', 'returned', 'reopened', 'approved', 'all'] as const;
type Filter = (typeof filters)[number];

const filterLabel: Record<Filter, MessageKey> = {
  open: 'review.filter.open',
  submitted: 'review.filter.submitted',
  returned: 'review.filter.returned',
  reopened: 'review.filter.reopened',
  approved: 'review.filter.approved',
  all: 'review.filter.all',
};

function shown(filter: Filter, status: Submission['status']): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return status === 'submitted' || isHandedBack(status);
  return status === filter;
}

const statusOrder: Record<Submission['status'], number> = {
  submitted: 0,
  returned: 1,
  reopened: 2,
  approved: 3,
};

/** Awaiting review first, then the newest quarter, then the agency. */
function byUrgency(a: QueueRow, b: QueueRow): number {
  return (
    statusOrder[a.submission.status] - statusOrder[b.submission.status] ||
    b.submission.periodStart.localeCompare(a.submission.periodStart) ||
    (a.organizationName ?? '').localeCompare(b.organizationName ?? '')
  );
}

/** What the page says after a decision, carried in the navigation's state. */
export interface ReviewDone {
  decision: 'approved' | 'returned';
  organization: string;
  period: string;
}

export function ReviewPage() {
  const { t, periodName } = useI18n();
  const user = useCurrentUser();
  const location = useLocation();
  const done = (location.state as { reviewed?: ReviewDone } | null)?.reviewed;
  const [params, setParams] = useSearchParams();
  const requested = params.get('show');
  const filter: Filter = filters.includes(requested as Filter) ? (requested as Filter) : 'open';
  const filterId = useId();
  const tables = useReviewTables(user);

  const picker = (
    <div className="review-filter">
      <label htmlFor={filterId}>{t('review.filter.label')}</label>
      <select
        id={filterId}
        value={filter}
        onChange={(event) =>
          setParams((previous) => {
            const next = new URLSearchParams(previous);
            next.set('show', event.target.value);
            return next;
          })
        }
      >
        {filters.map((f) => (
          <option key={f} value={f}>
            {t(filterLabel[f])}
          </option>
        ))}
      </select>
    </div>
  );

  let content: ReactNode;
  if (tables.isPending) content = <p className="muted">{t('app.loading')}</p>;
  else if (tables.error) content = <p className="form-error">{errorMessage(tables.error, t)}</p>;
  else if (tables.tables.length === 0) content = <p className="notice">{t('review.noTables')}</p>;
  else
    content = tables.tables.map((table) => (
      <TableQueue
        key={table.id}
        tableId={table.id}
        tableName={table.name}
        tableNameFr={table.nameFr}
        showName={tables.tables.length > 1}
        filter={filter}
      />
    ));

  return (
    <PageLayout title={t('review.title')} actions={picker}>
      <div role="status" className="review-done-region">
        {done ? (
          <p className="notice">
            {t(done.decision === 'approved' ? 'review.done.approved' : 'review.done.returned', {
              organization: done.organization,
              period: periodName(done.period),
            })}
          </p>
        ) : null}
      </div>
      <p className="lead">{t('review.lead')}</p>
      {content}
    </PageLayout>
  );
}

function TableQueue({
  tableId,
  tableName,
  tableNameFr,
  showName,
  filter,
}: {
  tableId: string;
  tableName: string;
  tableNameFr: string | null;
  showName: boolean;
  filter: Filter;
}) {
  const { t, formatDate, periodName } = useI18n();
  const rich = useRichMessage();
  const queue = useReviewQueue([tableId]);
  const captionId = useId();
  const rows = queue.rows.filter((r) => shown(filter, r.submission.status)).sort(byUrgency);
  const date = (iso: string | null) => (iso ? formatDate(iso) : '');

  return (
    <section className="review-table" aria-labelledby={captionId}>
      <h2 id={captionId} className={showName ? 'review-table-title' : 'visually-hidden'}>
        {rich('review.tableTitle', {
          table: <NameText text={tableName} french={tableNameFr} />,
        })}
      </h2>
      {queue.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : queue.error ? (
        <p className="form-error">{errorMessage(queue.error, t)}</p>
      ) : rows.length === 0 ? (
        <p className="notice">{t('review.empty')}</p>
      ) : (
        // On a phone each submission is a card (review.css); wider, the table scrolls.
        <TableScroll className="review-table-wrap" labelledBy={captionId}>
          <table className="data-table review-queue">
            <thead>
              <tr>
                <th scope="col">{t('review.col.partner')}</th>
                <th scope="col">{t('review.col.quarter')}</th>
                <th scope="col">{t('review.col.status')}</th>
                <th scope="col">{t('review.col.submitted')}</th>
                <th scope="col">{t('review.col.reviewed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('review.col.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ submission, organizationName }) => {
                const name = organizationName ?? t('review.unknownPartner');
                const period = periodName(submission.period);
                const recorded = recordedChecks(t, submission);
                const toLook = (submission.missingCount ?? 0) + (submission.flaggedCount ?? 0) > 0;
                return (
                  <tr key={submission.id}>
                    <th scope="row">{name}</th>
                    <td className="nowrap review-queue-period">{period}</td>
                    <td className="review-queue-status">
                      <SubmissionBadge status={submission.status} />
                    </td>
                    <td className="review-queue-submitted">
                      {submission.submittedAt ? (
                        <CardLabel>{t('review.col.submitted')}</CardLabel>
                      ) : null}
                      <span className="nowrap">{date(submission.submittedAt)}</span>
                      {recorded ? (
                        <span className={`review-recorded${toLook ? ' review-recorded-look' : ''}`}>
                          {recorded}
                        </span>
                      ) : null}
                    </td>
                    <td className="nowrap review-queue-reviewed">
                      {submission.reviewedAt ? (
                        <CardLabel>{t('review.col.reviewed')}</CardLabel>
                      ) : null}
                      {date(submission.reviewedAt)}
                    </td>
                    <td className="review-queue-open">
                      <Link
                        to={`/review/${submission.organizationId}/${encodeURIComponent(submission.period)}`}
                        aria-label={t(
                          submission.status === 'submitted'
                            ? 'review.open.reviewFor'
                            : 'review.open.viewFor',
                          { organization: name, period },
                        )}
                      >
                        {t(
                          submission.status === 'submitted'
                            ? 'review.open.review'
                            : 'review.open.view',
                        )}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
