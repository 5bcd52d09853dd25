// One agency's quarter under review: what it changed since it was handed back, its figures beside
// the previous quarter's, and the coordinator's decision (approve, or return with a note; reopen
// an approved quarter for correction, with a reason).

import './review.css';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { EntrySheet } from '../../api/entry-api';
import { errorMessage } from '../../api/error-message';
import { useCurrentUser } from '../../auth/auth-provider';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { CheckLists, hasFindings } from '../data-entry/period-checks';
import { isHandedBack, SubmissionBadge } from '../data-entry/submission-status';
import { isMissingSheet, useEntrySheet, usePeriodChecks } from '../data-entry/use-entry-sheet';
import { ChangeTables } from './change-tables';
import { ChangesSince } from './changes-since';
import { Decision } from './decision-form';
import { recordedChecks } from './recorded-checks';
import { ReopenForm } from './reopen-form';
import { useReviewQueue, useReviewTables } from './use-review';

export function ReviewSubmissionPage() {
  const { t, periodName } = useI18n();
  const { organizationId = '', period = '' } = useParams();
  const sheet = useEntrySheet(organizationId, period);
  const title = sheet.data
    ? t('review.detail.title', {
        organization: sheet.data.organization.name,
        period: periodName(sheet.data.period.label),
      })
    : t('review.detail.loadingTitle');
  const back = (
    <Link to="/review" className="review-back">
      {t('review.detail.back')}
    </Link>
  );
  let content: ReactNode;
  if (sheet.isPending) content = <p className="muted">{t('app.loading')}</p>;
  else if (sheet.error)
    content = (
      <p className="notice">
        {isMissingSheet(sheet.error) ? t('review.detail.notFound') : errorMessage(sheet.error, t)}
      </p>
    );
  else content = <SubmissionReview sheet={sheet.data} />;
  return (
    <PageLayout title={title} actions={back}>
      {content}
    </PageLayout>
  );
}

/** Why there is no decision to make here, when there is none. */
function noDecision(sheet: EntrySheet): MessageKey {
  switch (sheet.submission?.status) {
    case 'submitted':
      return 'review.detail.cannotReview';
    case 'approved':
      return 'review.detail.approvedCannotReopen';
    default:
      return 'review.detail.nothingToDecide';
  }
}

function SubmissionReview({ sheet }: { sheet: EntrySheet }) {
  const { t, formatDate, periodName } = useI18n();
  const submission = sheet.submission;
  const previous = sheet.periods[sheet.periods.length - 2];
  const [reopened, setReopened] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);
  // The form that had the focus is gone once the quarter is reopened: the focus goes to the news.
  useEffect(() => {
    if (reopened) done.current?.focus();
  }, [reopened]);
  let decision: ReactNode;
  if (submission?.status === 'submitted' && sheet.canReview) decision = <Decision sheet={sheet} />;
  else if (submission?.status === 'approved' && sheet.canReview)
    decision = <ReopenForm sheet={sheet} onReopened={() => setReopened(true)} />;
  else decision = <p className="notice">{t(noDecision(sheet))}</p>;
  return (
    <div className="review-sheet">
      <div role="status" className="review-done-region">
        {reopened ? (
          <p ref={done} tabIndex={-1} className="notice">
            {t('review.reopen.done', {
              organization: sheet.organization.name,
              period: periodName(sheet.period.label),
            })}
          </p>
        ) : null}
      </div>
      <div className="review-summary">
        <SubmissionBadge status={submission?.status ?? 'draft'} />
        {submission?.submittedAt ? (
          <span>
            {submission.submittedBy
              ? t('review.detail.submittedBy', {
                  name: submission.submittedBy.name,
                  date: formatDate(submission.submittedAt),
                })
              : t('review.detail.submittedOn', { date: formatDate(submission.submittedAt) })}
          </span>
        ) : null}
        {submission ? <RecordedChecks sheet={sheet} /> : null}
      </div>
      {submission && isHandedBack(submission.status) && submission.reviewNote ? (
        <div className="notice">
          <p>
            <strong>
              {t(
                submission.status === 'reopened'
                  ? 'review.detail.reopenedNote'
                  : 'review.detail.returnedNote',
              )}
            </strong>
          </p>
          <p className="review-note-text">{submission.reviewNote}</p>
        </div>
      ) : null}
      <ChangesSince sheet={sheet} />
      {/* A quarter handed back is the agency's again: a coordinator's checks cannot see it. */}
      {submission && !isHandedBack(submission.status) ? <ReviewChecks sheet={sheet} /> : null}
      {decision}
      <h2 className="review-changes-title">
        {previous
          ? t('review.detail.changes', {
              previous: periodName(previous.label),
              period: periodName(sheet.period.label),
            })
          : t('review.detail.figures')}
      </h2>
      <p className="muted">{t('review.detail.changesLead')}</p>
      <ChangeTables sheet={sheet} />
    </div>
  );
}

/** The counts recorded when the quarter was submitted, from the review queue's submissions. */
function RecordedChecks({ sheet }: { sheet: EntrySheet }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const tables = useReviewTables(user);
  const queue = useReviewQueue(tables.tables.map((table) => table.id));
  const row = queue.rows.find(
    (r) =>
      r.submission.organizationId === sheet.organization.id &&
      r.submission.period === sheet.period.label,
  );
  const text = row ? recordedChecks(t, row.submission) : null;
  return text ? <span className="review-recorded-summary">{text}</span> : null;
}

/** The figures the checks find to look at now: still empty, or far from their earlier quarters. */
function ReviewChecks({ sheet }: { sheet: EntrySheet }) {
  const { t } = useI18n();
  const checks = usePeriodChecks(sheet.organization.id, sheet.period.label);
  const titleId = useId();
  // Not there for this person (the API's 403 or 404): nothing to show.
  if (checks.error && isMissingSheet(checks.error)) return null;
  let content: ReactNode;
  if (checks.data) {
    content = hasFindings(checks.data) ? (
      <>
        <p className="muted">{t('review.checks.lead')}</p>
        <CheckLists sheet={sheet} checks={checks.data} />
      </>
    ) : (
      <p>{t('dataEntry.checks.clear')}</p>
    );
  } else if (checks.error) {
    content = (
      <div className="form-error">
        <p>{t('review.checks.failed')}</p>
        <button type="button" className="button" onClick={() => void checks.refetch()}>
          {t('errors.retry')}
        </button>
      </div>
    );
  } else {
    content = <p className="muted">{t('dataEntry.checks.loading')}</p>;
  }
  return (
    <section className="review-checks panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('review.checks.title')}
      </h2>
      {content}
    </section>
  );
}
