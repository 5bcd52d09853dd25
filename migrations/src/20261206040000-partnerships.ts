// Partnership surveys (issue #23): a table's survey of how its partner agencies work together,
// the agencies asked, each agency's one response and its ratings of the others.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('partnership_surveys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('table_id', 'uuid', (c) => c.notNull().references('planning_tables.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // The period label as given (a year or a fiscal year) and its type.
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_type', 'text', (c) =>
      c.notNull().check(sql`period_type in ('year', 'fiscal_year')`),
    )
    .addColumn('opens', 'date', (c) => c.notNull())
    .addColumn('closes', 'date', (c) => c.notNull())
    .addColumn('min_respondents', 'integer', (c) =>
      c.notNull().defaultTo(3).check(sql`min_respondents >= 1`),
    )
    .addColumn('result_id', 'uuid', (c) => c.references('results.id'))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('partnership_surveys_dates', sql`closes >= opens`)
    .execute();
  await db.schema
    .createIndex('partnership_surveys_table_idx')
    .on('partnership_surveys')
    .columns(['table_id', 'opens'])
    .execute();

  // The agencies asked: the table's partners when the survey was created.
  await db.schema
    .createTable('partnership_survey_partners')
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('partnership_surveys.id'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addPrimaryKeyConstraint('partnership_survey_partners_pkey', ['survey_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('partnership_survey_partners_org_idx')
    .on('partnership_survey_partners')
    .column('organization_id')
    .execute();

  // One response per agency; saving again replaces its ratings.
  await db.schema
    .createTable('partnership_responses')
    .addColumn('survey_id', 'uuid', (c) => c.notNull())
    .addColumn('organization_id', 'uuid', (c) => c.notNull())
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('partnership_responses_pkey', ['survey_id', 'organization_id'])
    .addForeignKeyConstraint(
      'partnership_responses_partner_fkey',
      ['survey_id', 'organization_id'],
      'partnership_survey_partners',
      ['survey_id', 'organization_id'],
    )
    .execute();

  // One agency's rating of another: level 0–5; three trust and three value items 1–4, given
  // exactly when level ≥ 1.
  await db.schema
    .createTable('partnership_ratings')
    .addColumn('survey_id', 'uuid', (c) => c.notNull())
    .addColumn('from_organization_id', 'uuid', (c) => c.notNull())
    .addColumn('to_organization_id', 'uuid', (c) => c.notNull())
    .addColumn('level', 'smallint', (c) => c.notNull().check(sql`level between 0 and 5`))
    .addColumn('trust_1', 'smallint')
    .addColumn('trust_2', 'smallint')
    .addColumn('trust_3', 'smallint')
    .addColumn('value_1', 'smallint')
    .addColumn('value_2', 'smallint')
    .addColumn('value_3', 'smallint')
    .addColumn('contributions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('partnership_ratings_pkey', [
      'survey_id',
      'from_organization_id',
      'to_organization_id',
    ])
    .addForeignKeyConstraint(
      'partnership_ratings_response_fkey',
      ['survey_id', 'from_organization_id'],
      'partnership_responses',
      ['survey_id', 'organization_id'],
    )
    .addForeignKeyConstraint(
      'partnership_ratings_rated_fkey',
      ['survey_id', 'to_organization_id'],
      'partnership_survey_partners',
      ['survey_id', 'organization_id'],
    )
    .addCheckConstraint(
      'partnership_ratings_not_self',
      sql`from_organization_id <> to_organization_id`,
    )
    .addCheckConstraint(
      'partnership_ratings_items',
      sql`(level = 0 and num_nonnulls(trust_1, trust_2, trust_3, value_1, value_2, value_3) = 0)
        or (level >= 1 and 1 <= least(trust_1, trust_2, trust_3, value_1, value_2, value_3)
          and greatest(trust_1, trust_2, trust_3, value_1, value_2, value_3) <= 4
          and num_nulls(trust_1, trust_2, trust_3, value_1, value_2, value_3) = 0)`,
    )
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('partnership_ratings').execute();
  await db.schema.dropTable('partnership_responses').execute();
  await db.schema.dropTable('partnership_survey_partners').execute();
  await db.schema.dropTable('partnership_surveys').execute();
}
