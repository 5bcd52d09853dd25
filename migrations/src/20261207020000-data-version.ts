// The data version (issue #22): a number the database keeps, which every API process reads
// alike, that grows whenever anything a scorecard shows is committed — for conditional GETs
// (ETag / 304) of the scorecards and series (apps/api/src/plugins/conditional-get.ts).
//
// data_changes is an append-only log: a statement-level AFTER trigger on each table whose
// rows a scorecard shows appends one row per statement that changed rows, weighted by how
// many it changed. The version is SUM(weight):
// - it is visible only when the writer commits (the log rows are the writer's own rows), so a
//   reader never sees a version "before" a commit that has already been counted, nor misses a
//   write whose number was drawn before the reader looked (as max(sequence) would);
// - writers only insert, so they never wait on each other here (no shared version row to
//   lock); the table has no index, so an insert is a heap append;
// - compaction (apps/api/src/data-version/data-version.repository.ts) replaces the rows it
//   sees by one row of their total weight in one statement, so the sum never goes back.
// See docs/decisions.md, "A data version for conditional GETs".
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

/** The tables whose rows a scorecard, a series or a public scorecard shows or depends on. */
const TRACKED = [
  'settings',
  'organizations',
  'planning_tables',
  'table_partners',
  'results',
  'programs',
  'program_results',
  'dimensions',
  'dimension_values',
  'measures',
  'measure_dimensions',
  'observations',
  'approved_figures',
  'targets',
  'reporting_periods',
  'submissions',
  'curve_plans',
  'public_links',
] as const;

export async function up(db: AnyDb): Promise<void> {
  await sql`create table data_changes (
  weight bigint not null check (weight > 0)
)`.execute(db);
  await sql`comment on table data_changes is
  'Append-only change log; the data version is sum(weight). See migration 20261207020000.'`.execute(
    db,
  );
  // One function for the three events: the statement's transition table says how many rows it
  // changed; a statement that changed none appends nothing.
  await sql`create function data_changes_append() returns trigger language plpgsql as $$
declare
  n bigint;
begin
  if tg_op = 'DELETE' then
    select count(*) into n from data_changes_old;
  else
    select count(*) into n from data_changes_new;
  end if;
  if n > 0 then
    insert into data_changes (weight) values (n);
  end if;
  return null;
end
$$`.execute(db);
  await sql`create function data_changes_truncated() returns trigger language plpgsql as $$
begin
  insert into data_changes (weight) values (1);
  return null;
end
$$`.execute(db);
  for (const table of TRACKED) {
    const t = sql.id(table);
    await sql`create trigger ${sql.id(`${table}_dv_insert`)} after insert on ${t}
  referencing new table as data_changes_new
  for each statement execute function data_changes_append()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_dv_update`)} after update on ${t}
  referencing new table as data_changes_new
  for each statement execute function data_changes_append()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_dv_delete`)} after delete on ${t}
  referencing old table as data_changes_old
  for each statement execute function data_changes_append()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_dv_truncate`)} after truncate on ${t}
  for each statement execute function data_changes_truncated()`.execute(db);
  }
  // The data already there counts as one change, so the first version is not 0 on a database
  // that has data (a client could hold no tag from before anyway).
  await sql`insert into data_changes (weight) values (1)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of TRACKED) {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await sql`drop trigger if exists ${sql.id(`${table}_dv_${event}`)} on ${sql.id(table)}`.execute(
        db,
      );
    }
  }
  await sql`drop function if exists data_changes_append()`.execute(db);
  await sql`drop function if exists data_changes_truncated()`.execute(db);
  await sql`drop table if exists data_changes`.execute(db);
}
