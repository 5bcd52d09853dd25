// For the maintenance commands (src/cli: audit:verify, db:backup, db:restore) and the backup
// service: open the configured database without creating one, and the error of a refusal.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { type DatabaseHandle, openDatabase } from './database.js';

/** A refusal or a misuse: printed as one line, exit code 2 unless given. */
export class MaintenanceError extends Error {
  override name = 'MaintenanceError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function hasPgliteDatabase(pgdata: string): boolean {
  return existsSync(path.join(pgdata, 'PG_VERSION'));
}

/** Opens an existing database: a missing embedded one is an error here, never created. */
export async function openExistingDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.database.kind === 'pglite' && !hasPgliteDatabase(config.database.dataDir)) {
    throw new MaintenanceError(
      `There is no embedded database in ${config.database.dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL)`,
    );
  }
  return openDatabase(config);
}
