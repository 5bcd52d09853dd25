import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../db/schema.js';
import type { NotificationKind } from '../db/tables/mail.table.js';

/** Whether the database has any planning table: the demo seeds only one that has none. */
export async function hasPlanningTable(db: DbOrTrx): Promise<boolean> {
  const row = await db.selectFrom('planning_tables').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** An arbitrary key of PostgreSQL's advisory locks, held while the demo is seeded. */
const DEMO_SEED_LOCK = 7_404_655_001;

/** Waits for, then holds until the transaction ends, the lock of seeding the demo. */
export async function lockDemoSeed(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`.execute(trx);
}

/** The codes of the dimensions there are. */
export async function dimensionCodes(db: DbOrTrx): Promise<string[]> {
  const rows = await db.selectFrom('dimensions').select('code').execute();
  return rows.map((r) => r.code);
}

/** Which of these e-mail addresses belong to enabled accounts. */
export async function enabledEmails(db: DbOrTrx, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('email')
    .where('email', 'in', [...emails])
    .where('disabled_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.email));
}

/**
 * Drops every queued message and its notification but those that match `keep` (an agency, a
 * period, a kind). The seed's history of submissions, returns and approvals is made up on the
 * day it runs and was never news to anyone; only what still waits on someone stays.
 */
export async function keepOnlyMessages(
  trx: Trx,
  keep: { organizationId: string; periodStart: string; kind: NotificationKind }[],
): Promise<void> {
  const dropped = trx
    .selectFrom('outbox')
    .select('id')
    .where((eb) =>
      eb.not(
        eb.or(
          keep.map((k) =>
            eb.and([
              eb('organization_id', '=', k.organizationId),
              eb('period_start', '=', k.periodStart),
              eb('kind', '=', k.kind),
            ]),
          ),
        ),
      ),
    );
  await trx.deleteFrom('notifications').where('outbox_id', 'in', dropped).execute();
  await trx.deleteFrom('outbox').where('id', 'in', dropped).execute();
}
