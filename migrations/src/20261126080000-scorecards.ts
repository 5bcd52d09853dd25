// The scorecard data model: planning tables and partners, results, programs, measures
// (indicators, performance and shared measures in one table), dimensions, observations,
// targets, reporting periods, submissions and comments.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

const id = 'uuid';
const now = sql`now()`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('planning_tables')
    .addColumn('id', id, (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('population', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('table_partners')
    .addColumn('table_id', id, (c) => c.notNull().references('planning_tables.id'))
    .addColumn('organization_id', id, (c) => c.notNull().references('organizations.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('table_partners_pkey', ['table_id', 'organization_id'])
    .execute();
  await sql`create index table_partners_org on table_partners (organization_id)`.execute(db);

  await db.schema
    .createTable('results')
    .addColumn('id', id, (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('table_id', id, (c) => c.notNull().references('planning_tables.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index results_table on results (table_id, sort_order)`.execute(db);

  await db.schema
    .createTable('programs')
    .addColumn('id', id, (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', id, (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index programs_org on programs (organization_id)`.execute(db);

  await db.schema
    .createTable('program_results')
    .addColumn('program_id', id, (c) => c.notNull().references('programs.id'))
    .addColumn('result_id', id, (c) => c.notNull().references('results.id'))
    .addPrimaryKeyConstraint('program_results_pkey', ['program_id', 'result_id'])
    .execute();
  await sql`create index program_results_result on program_results (result_id)`.execute(db);

  await db.schema
    .createTable('dimensions')
    .addColumn('id', id, (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('dimension_values')
    .addColumn('id', id, (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dimension_id', id, (c) => c.notNull().references('dimensions.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('dimension_values_code', ['dimension_id', 'code'])
    .execute();

  await db.schema
    .createTable('measures')
    .addColumn('id', id, (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('indicator', 'performance', 'shared')`),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Where the measure belongs: an indicator to a result (and so a table), a shared
    // measure to a table, a performance measure to a program (and so an organization).
    .addColumn('table_id', id, (c) => c.references('planning_tables.id'))
    .addColumn('result_id', id, (c) => c.references('results.id'))
    .addColumn('program_id', id, (c) => c.references('programs.id'))
    .addColumn('organization_id', id, (c) => c.references('organizations.id'))
    .addColumn('category', 'text', (c) =>
      c.check(sql`category in ('how_much', 'how_well', 'better_off')`),
    )
    .addColumn('unit', 'text', (c) =>
      c.notNull().check(sql`unit in ('count', 'percent', 'rate', 'number', 'currency', 'days')`),
    )
    .addColumn('rate_per', 'numeric', (c) => c.check(sql`rate_per > 0`))
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('up', 'down')`))
    .addColumn('period_type', 'text', (c) =>
      c
        .notNull()
        .check(sql`period_type in ('month', 'quarter', 'year', 'fiscal_quarter', 'fiscal_year')`),
    )
    .addColumn('aggregation', 'text', (c) =>
      c.notNull().check(sql`aggregation in ('sum', 'ratio', 'mean', 'max', 'min', 'latest')`),
    )
    .addColumn('period_aggregation', 'text', (c) =>
      c
        .notNull()
        .check(sql`period_aggregation in ('sum', 'ratio', 'mean', 'max', 'min', 'latest')`),
    )
    .addColumn('decimals', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`decimals between 0 and 6`),
    )
    .addColumn('headline', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('on_data_development_agenda', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('baseline_period', 'date')
    .addColumn('data_source', 'text')
    .addColumn('definition', 'text')
    .addColumn('shared_measure_id', id, (c) => c.references('measures.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      'measures_owner',
      sql`(kind = 'indicator' and result_id is not null and table_id is not null and program_id is null and organization_id is null)
       or (kind = 'shared' and table_id is not null and result_id is null and program_id is null and organization_id is null)
       or (kind = 'performance' and program_id is not null and organization_id is not null and table_id is null and result_id is null)`,
    )
    .addCheckConstraint('measures_category', sql`kind <> 'indicator' or category is null`)
    .addCheckConstraint(
      'measures_shared_link',
      sql`shared_measure_id is null or kind = 'performance'`,
    )
    .execute();
  await sql`create unique index measures_code_table on measures (table_id, code) where organization_id is null`.execute(
    db,
  );
  await sql`create unique index measures_code_org on measures (organization_id, code) where organization_id is not null`.execute(
    db,
  );
  await sql`create index measures_result on measures (result_id) where result_id is not null`.execute(
    db,
  );
  await sql`create index measures_program on measures (program_id) where program_id is not null`.execute(
    db,
  );
  await sql`create index measures_table on measures (table_id) where table_id is not null`.execute(
    db,
  );
  await sql`create index measures_shared on measures (shared_measure_id) where shared_measure_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable('measure_dimensions')
    .addColumn('measure_id', id, (c) => c.notNull().references('measures.id'))
    .addColumn('dimension_id', id, (c) => c.notNull().references('dimensions.id'))
    .addPrimaryKeyConstraint('measure_dimensions_pkey', ['measure_id', 'dimension_id'])
    .execute();

  await db.schema
    .createTable('observations')
    .addColumn('id', id, (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('measure_id', id, (c) => c.notNull().references('measures.id'))
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    // '' is the total; otherwise a canonical key such as 'age_group=12_17;gender=girls'.
    .addColumn('breakdown', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'numeric')
    .addColumn('numerator', 'numeric')
    .addColumn('denominator', 'numeric')
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted', 'approved', 'returned')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('entered_by', id, (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('observations_cell', ['measure_id', 'period_start', 'breakdown'])
    .addCheckConstraint('observations_period', sql`period_end >= period_start`)
    .addCheckConstraint(
      'observations_ratio_parts',
      sql`(numerator is null) = (denominator is null)`,
    )
    .addCheckConstraint(
      'observations_ratio_bounds',
      sql`denominator is null or (denominator > 0 and numerator >= 0)`,
    )
    .execute();

  // Rules that need the measure: counts are whole and not negative; a ratio percentage's
  // numerator never exceeds its denominator; a published percentage lies within 0..100.
  await sql`create function observations_check_measure() returns trigger language plpgsql as $$
declare
  m record;
begin
  select unit, aggregation into m from measures where id = new.measure_id;
  if m.unit = 'count' and new.value is not null and (new.value < 0 or new.value <> trunc(new.value)) then
    raise exception 'a count must be a whole number of at least 0' using errcode = 'check_violation';
  end if;
  if m.unit = 'count' and new.numerator is not null then
    raise exception 'a count takes a value, not a numerator and denominator' using errcode = 'check_violation';
  end if;
  if m.unit = 'percent' and m.aggregation = 'ratio' and new.numerator is not null and new.numerator > new.denominator then
    raise exception 'a numerator may not exceed its denominator' using errcode = 'check_violation';
  end if;
  if m.unit = 'percent' and m.aggregation <> 'ratio' and new.value is not null and (new.value < 0 or new.value > 100) then
    raise exception 'a percentage lies between 0 and 100' using errcode = 'check_violation';
  end if;
  return new;
end
$$`.execute(db);
  await sql`create trigger observations_check_measure before insert or update on observations
for each row execute function observations_check_measure()`.execute(db);
  await sql`create index observations_period on observations (period_start, measure_id)`.execute(
    db,
  );

  await db.schema
    .createTable('targets')
    .addColumn('id', id, (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('measure_id', id, (c) => c.notNull().references('measures.id'))
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('targets_cell', ['measure_id', 'period_start', 'breakdown'])
    .execute();

  await db.schema
    .createTable('reporting_periods')
    .addColumn('id', id, (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('opens', 'date', (c) => c.notNull())
    .addColumn('due', 'date', (c) => c.notNull())
    .addColumn('closes', 'date', (c) => c.notNull())
    .addUniqueConstraint('reporting_periods_period', ['period_type', 'period_start'])
    .addCheckConstraint('reporting_periods_order', sql`opens <= due and due <= closes`)
    .execute();

  await db.schema
    .createTable('submissions')
    .addColumn('id', id, (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', id, (c) => c.notNull().references('organizations.id'))
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('submitted', 'approved', 'returned')`),
    )
    .addColumn('submitted_by', id, (c) => c.references('users.id'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('reviewed_by', id, (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('review_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('submissions_period', ['organization_id', 'period_type', 'period_start'])
    .execute();
  await sql`create index submissions_lock on submissions (organization_id, period_start, period_end) where status in ('submitted', 'approved')`.execute(
    db,
  );

  await db.schema
    .createTable('comments')
    .addColumn('id', id, (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('entity', 'text', (c) =>
      c.notNull().check(sql`entity in ('observation', 'curve_plan')`),
    )
    .addColumn('entity_id', id, (c) => c.notNull())
    .addColumn('author_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index comments_entity on comments (entity, entity_id, created_at)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['comments', 'submissions', 'reporting_periods', 'targets']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropTable('observations').execute();
  await sql`drop function observations_check_measure()`.execute(db);
  for (const table of [
    'measure_dimensions',
    'measures',
    'dimension_values',
    'dimensions',
    'program_results',
    'programs',
    'results',
    'table_partners',
    'planning_tables',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
