// A submission keeps the counts of its checks at the moment it was submitted: the figures still
// empty and those that looked wrong (CONTRACT.md "Reporting status, plausibility and
// reminders"). Null for submissions made before the checks existed.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('submissions')
    .addColumn('missing_count', 'integer')
    .addColumn('flagged_count', 'integer')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('submissions')
    .dropColumn('missing_count')
    .dropColumn('flagged_count')
    .execute();
}
