// An agency's reporting status as a glyph and a word, and "Overdue" with its days late: never
// colour alone.

import type { ReportingStatusValue } from '../../api/reporting-status-api';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';

export const statusWords: Record<ReportingStatusValue, { glyph: string; key: MessageKey }> = {
  not_started: { glyph: '○', key: 'status.value.not_started' },
  in_progress: { glyph: '✎', key: 'status.value.in_progress' },
  submitted: { glyph: '◔', key: 'status.value.submitted' },
  returned: { glyph: '↩', key: 'status.value.returned' },
  reopened: { glyph: '↺', key: 'status.value.reopened' },
  approved: { glyph: '✓', key: 'status.value.approved' },
};

export function StatusBadge({ status }: { status: ReportingStatusValue }) {
  const { t } = useI18n();
  const word = statusWords[status];
  return (
    <span className={`status-badge status-badge-${status}`}>
      <span aria-hidden="true">{word.glyph}</span> {t(word.key)}
    </span>
  );
}

/** "⚠ Overdue", and how many days late when known. */
export function OverdueBadge({ daysLate }: { daysLate: number | null }) {
  const { t } = useI18n();
  return (
    <span className="status-overdue">
      <span className="status-overdue-word">
        <span aria-hidden="true">⚠</span> {t('status.overdue')}
      </span>
      {daysLate !== null && daysLate > 0 ? (
        <span className="status-days-late">
          {daysLate === 1
            ? t('status.daysLate.one')
            : t('status.daysLate.many', { count: daysLate })}
        </span>
      ) : null}
    </span>
  );
}
