// Which reminders are due: an offset of d days falls due at 00:00 UTC of the due date + d, and a
// run queues, per editor and period, only the latest offset that has fallen due (an earlier one
// not sent by then is skipped for good: the outbox key makes each offset a message at most once).
import type { Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { labelOf } from '../periods/periods.js';
import { getSettings } from '../settings/settings.service.js';
import { DEFAULT_OFFSETS } from './mail-settings.repository.js';
import { linkFor, messageText } from './messages.js';
import { type NewMessage, queueMessages } from './outbox.repository.js';
import { editorsOf, type OwedPeriod, owedPeriods } from './recipients.repository.js';

const DAY = 24 * 60 * 60 * 1000;
/** The widest offset a table may set (see reminderSettingsSchema). */
const OFFSET_LIMIT_DAYS = 60;
/**
 * A reminder whose moment passed longer ago than this is not sent at all: a server that was down
 * for weeks, or the first run over a database with years of reporting periods, sends no stale
 * reminders about periods long over.
 */
export const STALE_AFTER_DAYS = 7;

/** The moment an offset falls due: 00:00 UTC of the due date plus `offset` days. */
export function offsetMoment(due: string, offset: number): Date {
  return new Date(Date.parse(`${due}T00:00:00Z`) + offset * DAY);
}

/** The latest of `offsets` that has fallen due at `at` (and not longer ago than allowed), or null. */
export function latestDueOffset(due: string, offsets: number[], at: Date): number | null {
  let latest: number | null = null;
  for (const d of offsets) {
    if (offsetMoment(due, d).getTime() <= at.getTime() && (latest === null || d > latest))
      latest = d;
  }
  if (latest === null) return null;
  return at.getTime() - offsetMoment(due, latest).getTime() > STALE_AFTER_DAYS * DAY
    ? null
    : latest;
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

interface Owed {
  row: OwedPeriod;
  offsets: Set<number>;
}

/** One entry per (agency, period), with the offsets of every table that reminds it. */
function mergeTables(rows: OwedPeriod[]): Owed[] {
  const byKey = new Map<string, Owed>();
  for (const row of rows) {
    const key = `${row.organization_id}|${row.period_type}|${row.period_start}`;
    const entry = byKey.get(key) ?? { row, offsets: new Set<number>() };
    if (row.enabled) for (const d of row.offsets) entry.offsets.add(d);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** Queues the reminders due at `at`; returns how many were new. */
export async function queueDueReminders(db: Db, at: Date): Promise<number> {
  const from = isoDay(at.getTime() - (OFFSET_LIMIT_DAYS + STALE_AFTER_DAYS + 1) * DAY);
  const to = isoDay(at.getTime() + (OFFSET_LIMIT_DAYS + 1) * DAY);
  const due: { owed: Owed; offset: number }[] = [];
  for (const owed of mergeTables(await owedPeriods(db, from, to, DEFAULT_OFFSETS))) {
    const offset = latestDueOffset(owed.row.due, [...owed.offsets], at);
    if (offset !== null) due.push({ owed, offset });
  }
  if (due.length === 0) return 0;
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  const editors = await editorsOf(db, [...new Set(due.map((d) => d.owed.row.organization_id))]);
  const messages: NewMessage[] = [];
  for (const { owed, offset } of due) {
    const r = owed.row;
    const period = labelOf(r.period_start, r.period_type, fys);
    const overdue = offset > 0; // on the due date itself, the period is still "due on" it
    for (const editor of editors.filter((e) => e.organization_id === r.organization_id)) {
      const text = messageText(
        {
          kind: 'reminder',
          agency: { name: r.organization_name, nameFr: r.organization_name_fr },
          period,
          due: r.due,
          overdue,
        },
        editor.locale,
      );
      messages.push({
        user_id: editor.user_id,
        kind: 'reminder',
        organization_id: r.organization_id,
        period_type: r.period_type,
        period_start: r.period_start,
        offset_days: offset,
        occurrence: 0,
        locale: editor.locale,
        ...text,
        link: linkFor('reminder', r.organization_id, period),
      });
    }
  }
  if (messages.length === 0) return 0;
  return inTransaction(db, (trx) => queueMessages(trx, messages));
}
