// A quarter's submission status as a glyph and a word, and the banner of a quarter handed back to
// the agency: returned with a coordinator's note, or reopened for correction with a reason.

import './submission-status.css';
import { useId } from 'react';
import type { EntrySubmission } from '../../api/entry-api';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';

type Status = EntrySubmission['status'];

const statusWords: Record<Status | 'draft', { glyph: string; key: MessageKey }> = {
  draft: { glyph: '✎', key: 'dataEntry.status.draft' },
  submitted: { glyph: '◔', key: 'dataEntry.status.submitted' },
  approved: { glyph: '✓', key: 'dataEntry.status.approved' },
  returned: { glyph: '↩', key: 'dataEntry.status.returned' },
  reopened: { glyph: '↺', key: 'dataEntry.status.reopened' },
};

/** The quarter is the agency's again to correct and submit: returned, or reopened once approved. */
export function isHandedBack(status: Status | undefined | null): boolean {
  return status === 'returned' || status === 'reopened';
}

export function SubmissionBadge({ status }: { status: Status | 'draft' }) {
  const { t } = useI18n();
  const word = statusWords[status];
  return (
    <span className={`entry-badge entry-badge-${status}`}>
      <span aria-hidden="true">{word.glyph}</span> {t(word.key)}
    </span>
  );
}

const bannerWords = {
  returned: {
    glyph: '↩',
    title: 'dataEntry.returned.title',
    by: 'dataEntry.returned.by',
    byUnknown: 'dataEntry.returned.byUnknown',
    next: 'dataEntry.returned.next',
  },
  reopened: {
    glyph: '↺',
    title: 'dataEntry.reopened.title',
    by: 'dataEntry.reopened.by',
    byUnknown: 'dataEntry.reopened.byUnknown',
    next: 'dataEntry.reopened.next',
  },
} as const;

/** A returned quarter's note, or a reopened one's reason, above the grid. */
export function ReturnedBanner({
  submission,
  period,
}: {
  submission: EntrySubmission;
  period: string;
}) {
  const { t, formatDate, periodName } = useI18n();
  const titleId = useId();
  const words = bannerWords[submission.status === 'reopened' ? 'reopened' : 'returned'];
  const when = submission.reviewedAt ? formatDate(submission.reviewedAt) : null;
  return (
    <section className="entry-returned" aria-labelledby={titleId}>
      <h2 id={titleId} className="entry-returned-title">
        <span aria-hidden="true">{words.glyph} </span>
        {t(words.title, { period: periodName(period) })}
      </h2>
      <p className="entry-returned-by">
        {submission.reviewedBy && when
          ? t(words.by, { name: submission.reviewedBy.name, date: when })
          : t(words.byUnknown)}
      </p>
      {submission.reviewNote ? (
        <blockquote className="entry-returned-note">{submission.reviewNote}</blockquote>
      ) : null}
      <p>{t(words.next)}</p>
    </section>
  );
}
