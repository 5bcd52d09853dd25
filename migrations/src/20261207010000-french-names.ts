// Names in two languages (issue #21, the contract's "Languages"): beside every English name,
// title, label, population, description and definition that people give, a French one.
// The English stays required where it was; the French is optional (null: not translated yet),
// and answers fall back to the English, marked as such by the client.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

/** Each table's French columns, each the twin of the English column of the same stem. */
const FRENCH_COLUMNS: Record<string, string[]> = {
  organizations: ['name_fr'],
  planning_tables: ['name_fr', 'population_fr', 'description_fr'],
  results: ['title_fr', 'description_fr'],
  programs: ['name_fr', 'description_fr'],
  dimensions: ['name_fr'],
  dimension_values: ['label_fr'],
  measures: ['name_fr', 'definition_fr'],
  service_types: ['name_fr'],
};

export async function up(db: AnyDb): Promise<void> {
  for (const [table, columns] of Object.entries(FRENCH_COLUMNS)) {
    for (const column of columns) {
      // Blank is not a translation: a French name is null or has a character that is not space.
      await sql`alter table ${sql.table(table)} add column ${sql.ref(column)} text check (${sql.ref(column)} ~ '\\S')`.execute(
        db,
      );
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const [table, columns] of Object.entries(FRENCH_COLUMNS)) {
    for (const column of columns) {
      await sql`alter table ${sql.table(table)} drop column ${sql.ref(column)}`.execute(db);
    }
  }
}
