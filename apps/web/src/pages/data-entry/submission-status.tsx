// A quarter's submission status as a glyph and a word, and a returned quarter's note.

import './submission-status.css';
import { useId } from 'react';
import type { EntrySubmission } from '../../api/entry-api';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { periodName } from './entry-sheet-model';

const statusWords: Record<EntrySubmission['status'] | 'draft', { glyph: string; key: MessageKey }> =
  {
    draft: { glyph: '✎', key: 'dataEntry.status.draft' },
    submitted: { glyph: '◔', key: 'dataEntry.status.submitted' },
    approved: { glyph: '✓', key: 'dataEntry.status.approved' },
    returned: { glyph: '↩', key: 'dataEntry.status.returned' },
  };

export function SubmissionBadge({ status }: { status: EntrySubmission['status'] | 'draft' }) {
  const { t } = useI18n();
  const word = statusWords[status];
  return (
    <span className={`entry-badge entry-badge-${status}`}>
      <span aria-hidden="true">{word.glyph}</span> {t(word.key)}
    </span>
  );
}

export function ReturnedBanner({
  submission,
  period,
}: {
  submission: EntrySubmission;
  period: string;
}) {
  const { t, formatDate } = useI18n();
  const titleId = useId();
  const when = submission.reviewedAt ? formatDate(submission.reviewedAt) : null;
  return (
    <section className="entry-returned" aria-labelledby={titleId}>
      <h2 id={titleId} className="entry-returned-title">
        <span aria-hidden="true">↩ </span>
        {t('dataEntry.returned.title', { period: periodName(period) })}
      </h2>
      <p className="entry-returned-by">
        {submission.reviewedBy && when
          ? t('dataEntry.returned.by', { name: submission.reviewedBy.name, date: when })
          : t('dataEntry.returned.byUnknown')}
      </p>
      {submission.reviewNote ? (
        <blockquote className="entry-returned-note">{submission.reviewNote}</blockquote>
      ) : null}
      <p>{t('dataEntry.returned.next')}</p>
    </section>
  );
}
