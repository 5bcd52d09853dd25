// Reopening an approved period (CONTRACT.md "Corrections and figure history"). Its figures go
// back to the agency while everyone else keeps reading the last approved ones:
// - submissions gain the status `reopened`;
// - approved_figures keeps a copy of each figure as it was approved, from the reopening until
//   the period is approved again (a return in between keeps it);
// - published_observations is what approved and restricted views read: the approved figures,
//   and the copies of those under revision (`under_revision` true). A figure under revision is
//   never `approved` in observations, so no figure appears twice.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

const COLUMNS =
  'measure_id, period_start, period_end, breakdown, value, numerator, denominator, note, version, entered_by, created_at, updated_at';

export async function up(db: AnyDb): Promise<void> {
  await sql`alter table submissions drop constraint submissions_status_check`.execute(db);
  await sql`alter table submissions add constraint submissions_status_check check (status in ('submitted', 'approved', 'returned', 'reopened'))`.execute(
    db,
  );
  await db.schema
    .createTable('approved_figures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().references('observations.id'))
    .addColumn('measure_id', 'uuid', (c) => c.notNull().references('measures.id'))
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('value', 'numeric')
    .addColumn('numerator', 'numeric')
    .addColumn('denominator', 'numeric')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('entered_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index approved_figures_measure on approved_figures (measure_id, period_start)`.execute(
    db,
  );
  await sql
    .raw(
      `create view published_observations as
  select id, ${COLUMNS}, status, false as under_revision from observations where status = 'approved'
  union all
  select id, ${COLUMNS}, 'approved'::text as status, true as under_revision from approved_figures`,
    )
    .execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop view published_observations`.execute(db);
  await db.schema.dropTable('approved_figures').execute();
  await sql`update submissions set status = 'returned' where status = 'reopened'`.execute(db);
  await sql`alter table submissions drop constraint submissions_status_check`.execute(db);
  await sql`alter table submissions add constraint submissions_status_check check (status in ('submitted', 'approved', 'returned'))`.execute(
    db,
  );
}
