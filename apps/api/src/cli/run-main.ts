// The maintenance commands' main (audit:verify, db:backup, db:restore): reads the configuration,
// runs the command, and turns the expected failures into one clear line and an exit code.
import { type Config, ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { MaintenanceError } from '../db/maintenance.js';

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
