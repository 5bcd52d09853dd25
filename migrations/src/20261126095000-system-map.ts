// The system map: service types (seeded with Ontario's seven core child and youth mental
// health services) and each program's profile: what it offers, for whom, where, in which
// languages, and how many it can serve.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

const CORE_SERVICES = [
  ['targeted_prevention', 'Targeted prevention'],
  ['brief_services', 'Brief services'],
  ['counselling_therapy', 'Counselling and therapy'],
  ['family_capacity_building', 'Family and caregiver capacity building and support'],
  ['specialized_consultation_assessment', 'Specialized consultation and assessment'],
  ['crisis_support', 'Crisis support services'],
  ['intensive_treatment', 'Intensive treatment services'],
];

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('service_types')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('service_types')
    .values(CORE_SERVICES.map(([code, name], i) => ({ code, name, sort_order: i })))
    .execute();

  await db.schema
    .createTable('program_profiles')
    .addColumn('program_id', 'uuid', (c) => c.primaryKey().references('programs.id'))
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('program_service_types')
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('programs.id'))
    .addColumn('service_type_id', 'uuid', (c) => c.notNull().references('service_types.id'))
    .addPrimaryKeyConstraint('program_service_types_pkey', ['program_id', 'service_type_id'])
    .execute();
  // Age groups and regions served: values of the dimensions coded age_group and region.
  await db.schema
    .createTable('program_served')
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('programs.id'))
    .addColumn('dimension_code', 'text', (c) =>
      c.notNull().check(sql`dimension_code in ('age_group', 'region')`),
    )
    .addColumn('value_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('program_served_pkey', ['program_id', 'dimension_code', 'value_code'])
    .execute();
  await db.schema
    .createTable('program_languages')
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('programs.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('program_languages_pkey', ['program_id', 'language'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'program_languages',
    'program_served',
    'program_service_types',
    'program_profiles',
    'service_types',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
