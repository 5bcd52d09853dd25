// One agency's quarter on the partner home: when it is due, its status (with the coordinator's
// note when handed back), the figures entered of those expected, and the way into data entry.

import { useId } from 'react';
import { Link } from 'react-router';
import type { EntrySheet } from '../../api/entry-api';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import { useRichMessage } from '../../i18n/rich-message';
import { isHandedBack, SubmissionBadge } from '../data-entry/submission-status';
import { daysUntilDue, dueWords, utcDay } from './due-days';
import { countFigures } from './quarter-progress';

function DueLine({ due, submitted }: { due: string | null; submitted: boolean }) {
  const { t, formatDate } = useI18n();
  if (due === null) return <p className="home-due">{t('home.noDue')}</p>;
  const date = formatDate(due, { dateStyle: 'long' });
  // Once submitted, the countdown is over: the due date is about the first submission.
  if (submitted) return <p className="home-due">{t('home.dueWas', { date })}</p>;
  const days = daysUntilDue(due, utcDay(new Date()));
  const words = dueWords(days);
  return (
    <p className={`home-due${days < 0 ? ' home-due-overdue' : ''}`}>
      {days < 0 ? <span aria-hidden="true">⚠ </span> : null}
      <strong>{t(words.key, { count: words.count })}</strong> {t('home.dueDate', { date })}
    </p>
  );
}

export function AgencyQuarter({ sheet, due }: { sheet: EntrySheet; due: string | null }) {
  const { t, formatDate, periodName } = useI18n();
  const rich = useRichMessage();
  const headingId = useId();
  const period = periodName(sheet.period.label);
  const submission = sheet.submission;
  const { expected, entered } = countFigures(sheet);
  const canChange = sheet.canEdit && sheet.lock === null;
  const action = !canChange
    ? 'home.view'
    : isHandedBack(submission?.status)
      ? 'home.correct'
      : 'home.enter';
  const to = `/data-entry?organization=${encodeURIComponent(sheet.organization.id)}`;

  return (
    <section className="panel home-quarter" aria-labelledby={headingId}>
      <h2 id={headingId} className="home-quarter-title">
        {rich('home.quarter', {
          organization: (
            <NameText text={sheet.organization.name} french={sheet.organization.nameFr} />
          ),
          period,
        })}
      </h2>
      <DueLine due={due} submitted={submission !== null} />
      <dl className="home-facts">
        <dt>{t('home.status')}</dt>
        <dd>
          <SubmissionBadge status={submission?.status ?? 'draft'} />
          {submission?.submittedAt ? (
            <span className="home-submitted">
              {t('home.submittedOn', { date: formatDate(submission.submittedAt) })}
            </span>
          ) : null}
        </dd>
        <dt>{t('home.figures')}</dt>
        <dd>
          {expected === 0 ? (
            t('home.noFigures')
          ) : (
            <span className="home-figures">
              <progress className="home-bar" aria-hidden="true" max={expected} value={entered} />
              <span>{t('home.figuresEntered', { entered, expected })}</span>
            </span>
          )}
        </dd>
      </dl>
      {submission && isHandedBack(submission.status) && submission.reviewNote ? (
        <div className="home-note">
          <p>{t(submission.status === 'reopened' ? 'home.reopenedNote' : 'home.returnedNote')}</p>
          <blockquote>{submission.reviewNote}</blockquote>
        </div>
      ) : null}
      <p>
        <Link to={to} className="button button-primary home-action">
          {t(action, { period })}
        </Link>
      </p>
    </section>
  );
}
