// Partnership surveys through the outbox (issue #23): the invitation, queued in the transaction
// that creates the survey, to the partner editors of every agency asked; and the reminders, queued
// by the reminder run, to the editors of agencies that have not answered an open survey, on the
// table's reminder offsets that fall at or before the closing date (by default 7 and 1 days
// before it). Each message exists at most once per recipient, agency, survey and offset (the
// outbox key), so runs may repeat and race.
import type { Db, Trx } from '../db/schema.js';
import type { PeriodType } from '../db/tables/measures.table.js';
import { inTransaction } from '../db/transaction.js';
import { resolvePeriod } from '../periods/periods.js';
import { getSettings } from '../settings/settings.service.js';
import { DEFAULT_OFFSETS } from './mail-settings.repository.js';
import { messageText, type Named, surveyLink } from './messages.js';
import { type NewMessage, queueMessages } from './outbox.repository.js';
import {
  editorsOf,
  organizationName,
  tableName,
  type UnansweredSurvey,
  unansweredSurveys,
} from './recipients.repository.js';
import { latestDueOffset, offsetMoment } from './reminder-schedule.js';

export interface NewSurvey {
  id: string;
  tableId: string;
  title: string;
  /** The survey's year or fiscal year, its type and first day. */
  period: string;
  periodType: PeriodType;
  periodStart: string;
  opens: string;
  closes: string;
}

/**
 * Queues the invitation to answer a survey just created, for every partner editor of each agency
 * asked, in the caller's transaction. A survey already over (closing before `day`) invites
 * nobody; one that opens later says when. Who created it is not told. Returns how many.
 */
export async function queueSurveyInvitations(
  trx: Trx,
  o: { survey: NewSurvey; organizationIds: string[]; actorId: string; day: string },
): Promise<number> {
  const s = o.survey;
  if (s.closes < o.day || o.organizationIds.length === 0) return 0;
  const table = await tableName(trx, s.tableId);
  const names = new Map<string, Named>();
  const messages: NewMessage[] = [];
  for (const editor of await editorsOf(trx, o.organizationIds)) {
    if (editor.user_id === o.actorId) continue;
    const orgId = editor.organization_id;
    const agency = names.get(orgId) ?? (await organizationName(trx, orgId));
    names.set(orgId, agency);
    messages.push({
      user_id: editor.user_id,
      kind: 'survey_invitation',
      organization_id: orgId,
      period_type: s.periodType,
      period_start: s.periodStart,
      offset_days: null,
      occurrence: 0,
      survey_id: s.id,
      locale: editor.locale,
      ...messageText(
        {
          kind: 'survey_invitation',
          table,
          agency,
          title: s.title,
          period: s.period,
          opens: s.opens,
          closes: s.closes,
          scheduled: s.opens > o.day,
        },
        editor.locale,
      ),
      link: surveyLink(s.id, orgId),
    });
  }
  return messages.length === 0 ? 0 : queueMessages(trx, messages);
}

/**
 * The offset of a survey's closing date to remind of at `at`: the latest of the table's offsets
 * at or before the closing day (0: 00:00 UTC of the closing day) that has fallen due, not before
 * the survey opened. Null when none (or the table turned reminders off).
 */
export function surveyReminderOffset(
  s: Pick<UnansweredSurvey, 'opens' | 'closes' | 'enabled' | 'offsets'>,
  at: Date,
): number | null {
  if (!s.enabled) return null;
  const opened = Date.parse(`${s.opens}T00:00:00Z`);
  const offsets = s.offsets.filter((d) => d <= 0 && offsetMoment(s.closes, d).getTime() >= opened);
  return latestDueOffset(s.closes, offsets, at);
}

/** Queues the survey reminders due at `at`; returns how many were new. */
export async function queueDueSurveyReminders(db: Db, at: Date): Promise<number> {
  const day = at.toISOString().slice(0, 10);
  const due: { row: UnansweredSurvey; offset: number }[] = [];
  for (const row of await unansweredSurveys(db, day, DEFAULT_OFFSETS)) {
    const offset = surveyReminderOffset(row, at);
    if (offset !== null) due.push({ row, offset });
  }
  if (due.length === 0) return 0;
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const editors = await editorsOf(db, [...new Set(due.map((d) => d.row.organization_id))]);
  const messages: NewMessage[] = [];
  for (const { row: r, offset } of due) {
    const periodStart = resolvePeriod(r.period, fys).start;
    for (const editor of editors.filter((e) => e.organization_id === r.organization_id)) {
      messages.push({
        user_id: editor.user_id,
        kind: 'survey_reminder',
        organization_id: r.organization_id,
        period_type: r.period_type,
        period_start: periodStart,
        offset_days: offset,
        occurrence: 0,
        survey_id: r.survey_id,
        locale: editor.locale,
        ...messageText(
          {
            kind: 'survey_reminder',
            table: { name: r.table_name, nameFr: r.table_name_fr },
            agency: { name: r.organization_name, nameFr: r.organization_name_fr },
            title: r.title,
            period: r.period,
            closes: r.closes,
          },
          editor.locale,
        ),
        link: surveyLink(r.survey_id, r.organization_id),
      });
    }
  }
  if (messages.length === 0) return 0;
  return inTransaction(db, (trx) => queueMessages(trx, messages));
}
