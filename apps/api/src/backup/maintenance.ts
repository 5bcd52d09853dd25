// Shared by the maintenance commands (audit:verify, db:backup, db:restore): open the configured
// database without creating one, and turn the expected failures into one clear line.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';

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

/** Runs a command's main: prints refusals as one line and sets the exit code. */
export function runMain(main: (config: Config) => Promise<number>): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exitCode = 78;
      return;
    }
    throw err;
  }
  main(config).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof DataDirLockedError) {
        process.stderr.write(
          `${err.message} (the server holds the embedded database: stop it first)\n`,
        );
        process.exitCode = 75;
      } else if (err instanceof MaintenanceError) {
        process.stderr.write(`${err.message}\n`);
        process.exitCode = err.exitCode;
      } else {
        process.stderr.write(`Failed: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
