// Import jobs beat while they run: a job whose heartbeat has stopped belongs to a process that
// died (killed, out of memory, a power cut) and is marked failed instead of running forever.
// See apps/api/src/imports/import-jobs.ts (recoverInterruptedImports) and docs/operations.md.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('import_jobs')
    .addColumn('heartbeat_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index import_jobs_running on import_jobs (heartbeat_at) where status = 'running'`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop index import_jobs_running`.execute(db);
  await db.schema.alterTable('import_jobs').dropColumn('heartbeat_at').execute();
}
