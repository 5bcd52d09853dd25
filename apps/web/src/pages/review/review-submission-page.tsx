// One agency's quarter under review: its figures beside the previous quarter's with what changed,
// and the coordinator's decision (approve, or return with a note).

import './review.css';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { EntryMeasure, EntrySheet } from '../../api/entry-api';
import { errorMessage } from '../../api/error-message';
import { useCurrentUser } from '../../auth/auth-provider';
import { PageLayout } from '../../components/page-layout';
import { useI18n } from '../../i18n/i18n-provider';
import {
  breakdownRows,
  categoryIcon,
  categoryTitle,
  findCell,
  groupSheet,
  periodName,
} from '../data-entry/entry-sheet-model';
import { Figure } from '../data-entry/figure-inputs';
import { CheckLists, hasFindings } from '../data-entry/period-checks';
import { SubmissionBadge } from '../data-entry/submission-status';
import { isMissingSheet, useEntrySheet, usePeriodChecks } from '../data-entry/use-entry-sheet';
import { useFigureFormat } from '../data-entry/use-figure-format';
import { recordedChecks } from './recorded-checks';
import type { ReviewDone } from './review-page';
import { useDecide, useReviewQueue, useReviewTables } from './use-review';

export function ReviewSubmissionPage() {
  const { t } = useI18n();
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

function SubmissionReview({ sheet }: { sheet: EntrySheet }) {
  const { t, formatDate } = useI18n();
  const submission = sheet.submission;
  const previous = sheet.periods[sheet.periods.length - 2];
  return (
    <div className="review-sheet">
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
      {submission?.status === 'returned' && submission.reviewNote ? (
        <div className="notice">
          <p>
            <strong>{t('review.detail.returnedNote')}</strong>
          </p>
          <p className="review-note-text">{submission.reviewNote}</p>
        </div>
      ) : null}
      {/* A returned quarter's figures are the agency's again: a coordinator's checks cannot see them. */}
      {submission && submission.status !== 'returned' ? <ReviewChecks sheet={sheet} /> : null}
      {submission?.status === 'submitted' && sheet.canReview ? (
        <Decision sheet={sheet} />
      ) : (
        <p className="notice">
          {t(
            submission?.status === 'submitted'
              ? 'review.detail.cannotReview'
              : 'review.detail.nothingToDecide',
          )}
        </p>
      )}
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

function ChangeTables({ sheet }: { sheet: EntrySheet }) {
  const { t } = useI18n();
  const groups = groupSheet(sheet);
  const previous = sheet.periods[sheet.periods.length - 2];
  const idBase = useId();
  if (groups.length === 0) return <p className="notice">{t('review.detail.noMeasures')}</p>;
  return (
    <>
      {groups.map((program) => (
        <section
          key={program.id}
          aria-labelledby={`${idBase}-${program.id}`}
          className="review-program"
        >
          <h3 id={`${idBase}-${program.id}`} className="review-program-title">
            {program.name}
          </h3>
          {program.categories.map((group) => {
            const category = group.category ?? 'none';
            const captionId = `${idBase}-${program.id}-${category}`;
            return (
              <div key={category} className="review-table-wrap">
                <table className="data-table review-changes" aria-labelledby={captionId}>
                  <caption id={captionId}>
                    <span aria-hidden="true" className="review-category-icon">
                      {categoryIcon[category]}
                    </span>{' '}
                    {t(categoryTitle[category])}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('review.col.measure')}</th>
                      {previous ? (
                        <th scope="col" className="number">
                          {periodName(previous.label)}
                        </th>
                      ) : null}
                      <th scope="col" className="number">
                        {periodName(sheet.period.label)}
                      </th>
                      <th scope="col" className="number">
                        {t('review.col.change')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.measures.map((m) => (
                      <MeasureChange
                        key={m.id}
                        measure={m}
                        previous={previous?.label ?? null}
                        current={sheet.period.label}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
}

function MeasureChange({
  measure,
  previous,
  current,
}: {
  measure: EntryMeasure;
  previous: string | null;
  current: string;
}) {
  const { t } = useI18n();
  const format = useFigureFormat();
  const note = findCell(measure, current)?.note;
  const parts = breakdownRows(measure).filter(
    (r) =>
      findCell(measure, current, r.breakdown) ||
      (previous !== null && findCell(measure, previous, r.breakdown)),
  );
  return (
    <>
      <tr>
        <th scope="row">
          {measure.name}
          {note ? <p className="review-cell-note">{t('review.detail.note', { note })}</p> : null}
        </th>
        {previous !== null ? (
          <td className="number">
            <Figure text={format.figure(measure, findCell(measure, previous))} />
          </td>
        ) : null}
        <td className="number review-current">
          <Figure text={format.figure(measure, findCell(measure, current))} />
        </td>
        <td className="number">
          <Change measure={measure} />
        </td>
      </tr>
      {parts.map((r) => (
        <tr key={JSON.stringify(r.breakdown)} className="review-part">
          <th scope="row">
            <span className="review-part-name">{r.labels.join(', ')}</span>
          </th>
          {previous !== null ? (
            <td className="number">
              <Figure text={format.figure(measure, findCell(measure, previous, r.breakdown))} />
            </td>
          ) : null}
          <td className="number review-current">
            <Figure text={format.figure(measure, findCell(measure, current, r.breakdown))} />
          </td>
          <td />
        </tr>
      ))}
    </>
  );
}

/** The API's change since the previous quarter: a glyph, the signed figure, and whether it helps. */
function Change({ measure }: { measure: EntryMeasure }) {
  const { t } = useI18n();
  const format = useFigureFormat();
  if (measure.change === null) return <Figure text={null} />;
  const { change } = measure;
  if (change === 0) {
    return (
      <span className="review-change review-change-flat">
        <span aria-hidden="true">■ </span>
        {t('review.change.none')}
      </span>
    );
  }
  const favourable = change > 0 === (measure.direction === 'up');
  return (
    <span
      className={`review-change ${favourable ? 'review-change-favourable' : 'review-change-unfavourable'}`}
    >
      <span aria-hidden="true">{change > 0 ? '▲ ' : '▼ '}</span>
      {format.change(measure, change)}
      <span className="visually-hidden">
        {' '}
        {t(favourable ? 'review.change.favourable' : 'review.change.unfavourable')}
      </span>
    </span>
  );
}

function Decision({ sheet }: { sheet: EntrySheet }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const decide = useDecide(sheet.organization.id, sheet.period.label);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const titleId = useId();
  const noteId = useId();
  const hintId = useId();
  const errorId = useId();

  const finish = (decision: ReviewDone['decision']) => {
    const reviewed: ReviewDone = {
      decision,
      organization: sheet.organization.name,
      period: sheet.period.label,
    };
    void navigate('/review', { state: { reviewed } });
  };

  const onReturn = (event: FormEvent) => {
    event.preventDefault();
    if (decide.isPending) return;
    if (note.trim() === '') {
      setMissing(true);
      return;
    }
    // mutateAsync, not mutate's callbacks: those are dropped when the refreshed sheet (no longer
    // submitted) unmounts this form before the mutation settles.
    decide.mutateAsync({ kind: 'return', note }).then(
      () => finish('returned'),
      () => undefined, // shown by decide.error
    );
  };

  return (
    <section className="review-decision panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('review.decision.title')}
      </h2>
      <div className="review-decision-grid">
        <div>
          <p>{t('review.decision.approveLead')}</p>
          <button
            type="button"
            className="button button-primary"
            aria-disabled={decide.isPending}
            onClick={() => {
              if (!decide.isPending)
                decide.mutateAsync({ kind: 'approve' }).then(
                  () => finish('approved'),
                  () => undefined,
                );
            }}
          >
            {t('review.decision.approve')}
          </button>
        </div>
        <form onSubmit={onReturn} noValidate>
          <div className="field">
            <label htmlFor={noteId}>
              {t('review.decision.noteLabel', { organization: sheet.organization.name })}
            </label>
            <p id={hintId} className="muted review-hint">
              {t('review.decision.noteHint')}
            </p>
            <textarea
              id={noteId}
              className="review-note-input"
              rows={4}
              required
              aria-required="true"
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${hintId} ${errorId}` : hintId}
              value={note}
              onChange={(event) => {
                setNote(event.target.value);
                if (event.target.value.trim() !== '') setMissing(false);
              }}
            />
            {missing ? (
              <p id={errorId} className="form-error">
                {t('review.decision.noteRequired')}
              </p>
            ) : null}
          </div>
          <div className="button-row">
            <button type="submit" className="button" aria-disabled={decide.isPending}>
              {t('review.decision.return')}
            </button>
          </div>
        </form>
      </div>
      {decide.error ? (
        <p className="form-error" role="alert">
          {errorMessage(decide.error, t)}
        </p>
      ) : null}
    </section>
  );
}
