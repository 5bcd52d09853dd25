// The undo journal of an import applied in chunks on the embedded database (issue #22): each
// chunk's transaction writes, beside the figures, what each figure was before (null when the
// import created it) and the version the import gave it. The last transaction deletes the
// import's rows; rows left behind belong to an import that failed or was interrupted, and are
// undone (apps/api/src/imports/import-undo.ts).
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('import_undo')
    .addColumn('import_id', 'uuid', (c) => c.notNull())
    .addColumn('observation_id', 'uuid', (c) => c.notNull())
    .addColumn('prior', 'jsonb')
    .addColumn('written_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('import_undo_pkey', ['import_id', 'observation_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('import_undo').execute();
}
