// The outbox as a table: when each message was made, where its delivery stands (a glyph and words,
// with the reason when it was not e-mailed), what it is, to whom and about which quarter.

import type { OutboxItem, OutboxState } from '../../api/notifications-api';
import { NameText } from '../../components/name-text';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/messages.en';
import { offsetWord } from '../status/reminder-offsets';

export const stateWords: Record<
  OutboxState,
  { glyph: string; key: MessageKey; explain: MessageKey }
> = {
  queued: { glyph: '◷', key: 'outbox.state.queued', explain: 'outbox.explain.queued' },
  sending: { glyph: '➤', key: 'outbox.state.sending', explain: 'outbox.explain.sending' },
  sent: { glyph: '✓', key: 'outbox.state.sent', explain: 'outbox.explain.sent' },
  failed: { glyph: '⚠', key: 'outbox.state.failed', explain: 'outbox.explain.failed' },
  skipped_no_smtp: {
    glyph: '⊘',
    key: 'outbox.state.skipped_no_smtp',
    explain: 'outbox.explain.skipped_no_smtp',
  },
  opted_out: { glyph: '⊘', key: 'outbox.state.opted_out', explain: 'outbox.explain.opted_out' },
};

const kindKey: Record<OutboxItem['kind'], MessageKey> = {
  reminder: 'notifications.kind.reminder',
  returned: 'notifications.kind.returned',
  reopened: 'notifications.kind.reopened',
  submitted: 'notifications.kind.submitted',
  survey_invitation: 'notifications.kind.survey_invitation',
  survey_reminder: 'notifications.kind.survey_reminder',
};

/** Why a message was not e-mailed, said in its row as well as in the legend. */
const explainedInRow = new Set<OutboxState>(['skipped_no_smtp', 'opted_out']);

export function OutboxTable({ items, labelId }: { items: OutboxItem[]; labelId: string }) {
  const { t, formatDate, periodName } = useI18n();
  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    // biome-ignore lint/a11y/useSemanticElements: a scrolling box around the table, not a section
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <div className="outbox-scroll" role="region" aria-labelledby={labelId} tabIndex={0}>
      <table className="data-table outbox-table">
        <caption className="visually-hidden">{t('outbox.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outbox.col.created')}</th>
            <th scope="col">{t('outbox.col.state')}</th>
            <th scope="col">{t('outbox.col.message')}</th>
            <th scope="col">{t('outbox.col.recipient')}</th>
            <th scope="col">{t('outbox.col.about')}</th>
            <th scope="col" className="number">
              {t('outbox.col.attempts')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const state = stateWords[item.state];
            const kind = t(kindKey[item.kind]);
            return (
              <tr key={item.id}>
                <th scope="row" className="nowrap outbox-created">
                  <time dateTime={item.createdAt}>{when(item.createdAt)}</time>
                </th>
                <td>
                  <span className={`outbox-state outbox-state-${item.state}`}>
                    <span aria-hidden="true">{state.glyph}</span> {t(state.key)}
                  </span>
                  {explainedInRow.has(item.state) ? (
                    <span className="outbox-detail">{t(state.explain)}</span>
                  ) : null}
                  {item.sentAt ? (
                    <span className="outbox-detail">
                      {t('outbox.sentAt', { date: when(item.sentAt) })}
                    </span>
                  ) : null}
                  {item.state === 'failed' && item.nextAttemptAt ? (
                    <span className="outbox-detail">
                      {t('outbox.nextAttempt', { date: when(item.nextAttemptAt) })}
                    </span>
                  ) : null}
                  {item.lastError ? (
                    <span className="outbox-detail outbox-error">
                      {t('outbox.lastError', { error: item.lastError })}
                    </span>
                  ) : null}
                </td>
                <td>
                  <span className="outbox-kind">
                    {item.offset === null
                      ? kind
                      : t('outbox.kindOffset', { kind, offset: offsetWord(t, item.offset) })}
                  </span>
                  <span className="outbox-detail" lang={item.lang}>
                    {item.subject}
                  </span>
                </td>
                <td>
                  {item.recipient.name}
                  <span className="outbox-detail">{item.recipient.email}</span>
                </td>
                <td>
                  <NameText text={item.organization.name} french={item.organization.nameFr} />
                  <span className="outbox-detail nowrap">{periodName(item.period)}</span>
                </td>
                <td className="number">{item.attempts}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
