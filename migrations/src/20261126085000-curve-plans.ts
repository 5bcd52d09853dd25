// Turn-the-curve plans: one current plan per measure, every saved revision kept.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('curve_plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('measure_id', 'uuid', (c) => c.notNull().unique().references('measures.id'))
    .addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision >= 1`))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('curve_plan_revisions')
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('curve_plans.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('saved_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('restored_from', 'integer')
    .addColumn('changed_sections', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addPrimaryKeyConstraint('curve_plan_revisions_pkey', ['plan_id', 'revision'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('curve_plan_revisions').execute();
  await db.schema.dropTable('curve_plans').execute();
}
