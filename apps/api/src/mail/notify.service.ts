// Notices of the review cycle, queued in the transaction of the step itself (so a step that rolls
// back tells nobody, and one that commits cannot lose its notices): a submission tells the
// table's coordinators; a return or a reopening tells the agency's editors, with the note.
import type { Trx } from '../db/schema.js';
import type { NotificationKind } from '../db/tables/mail.table.js';
import type { SubmissionRow } from '../reporting/reporting.repository.js';
import { linkFor, type MessageFacts, messageText } from './messages.js';
import { type NewMessage, queueMessages } from './outbox.repository.js';
import { coordinatorsOf, editorsOf, organizationName } from './recipients.repository.js';

export interface SubmissionStep {
  kind: Extract<NotificationKind, 'returned' | 'reopened' | 'submitted'>;
  /** The submission after the step: its version tells this step from the period's others. */
  submission: Pick<
    SubmissionRow,
    | 'organization_id'
    | 'period_type'
    | 'period_start'
    | 'version'
    | 'review_note'
    | 'missing_count'
    | 'flagged_count'
  >;
  /** The period's label. */
  period: string;
  /** Who took the step: not told about it. */
  actorId: string;
}

/** Queues the step's notices for everyone concerned; returns how many. */
export async function queueSubmissionNotices(trx: Trx, step: SubmissionStep): Promise<number> {
  const s = step.submission;
  const agency = await organizationName(trx, s.organization_id);
  const recipients =
    step.kind === 'submitted'
      ? await coordinatorsOf(trx, s.organization_id)
      : await editorsOf(trx, [s.organization_id]);
  const facts: MessageFacts =
    step.kind === 'submitted'
      ? {
          kind: 'submitted',
          agency,
          period: step.period,
          missing: s.missing_count,
          flagged: s.flagged_count,
        }
      : step.kind === 'returned'
        ? { kind: 'returned', agency, period: step.period, note: s.review_note ?? '' }
        : { kind: 'reopened', agency, period: step.period, reason: s.review_note ?? '' };
  const link = linkFor(step.kind, s.organization_id, step.period);
  const messages: NewMessage[] = recipients
    .filter((r) => r.user_id !== step.actorId)
    .map((r) => ({
      user_id: r.user_id,
      kind: step.kind,
      organization_id: s.organization_id,
      period_type: s.period_type,
      period_start: s.period_start,
      offset_days: null,
      occurrence: s.version,
      locale: r.locale,
      ...messageText(facts, r.locale),
      link,
    }));
  return messages.length === 0 ? 0 : queueMessages(trx, messages);
}
