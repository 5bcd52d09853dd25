import { migrations } from '@rba/migrations';
import { type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely';
import type { Db } from './schema.js';

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function check(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`, {
      cause: result.error,
    });
  }
  return result;
}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  return check(await migrator(db).migrateToLatest());
}

/** Undoes every migration; for tests and for a clean reinstall. */
export async function migrateDownAll(db: Db): Promise<MigrationResultSet> {
  return check(await migrator(db).migrateTo(NO_MIGRATIONS));
}

/** True when every known migration has been applied. */
export async function isMigrated(db: Db): Promise<boolean> {
  const list = await migrator(db).getMigrations();
  return list.every((m) => m.executedAt !== undefined);
}

export const knownMigrations = Object.keys(migrations);
