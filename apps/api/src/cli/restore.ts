// `pnpm db:restore FILE [--force]`: restores a db:backup file into the configured database
// (DATABASE_URL, else the embedded one under DATA_DIR). Refuses a target that is not empty
// unless --force, and a backup made by a newer version of the application.
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkMigrations,
  readBackupFile,
  restorePglite,
  restorePostgres,
} from '../backup/backup.service.js';
import { MaintenanceError } from '../db/maintenance.js';
import { runMain } from './run-main.js';

runMain(async (config) => {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({ options: { force: { type: 'boolean' } }, allowPositionals: true });
  }
  try {
    parsed = parse();
  } catch (err) {
    throw new MaintenanceError(`${(err as Error).message}\nusage: pnpm db:restore FILE [--force]`);
  }
  const [arg, ...extra] = parsed.positionals;
  if (!arg || extra.length > 0) throw new MaintenanceError('usage: pnpm db:restore FILE [--force]');
  const file = path.resolve(arg);
  const force = parsed.values.force === true;
  const { pending } = checkMigrations((await readBackupFile(file)).migrations);
  const report =
    config.database.kind === 'postgres'
      ? await restorePostgres(config.database.url, file, { force })
      : await restorePglite(config.dataDir, config.database.dataDir, file, { force });
  const counts = Object.entries(report.counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  process.stdout.write(
    `restored ${file} (${report.format}) into ${report.target === 'postgres' ? 'PostgreSQL' : config.database.kind === 'pglite' ? config.database.dataDir : ''}\n` +
      `  rows: ${counts}\n` +
      (pending.length > 0
        ? `  the backup predates ${pending.length} migration(s); the server applies them when it starts\n`
        : '') +
      '  check the audit trail with: pnpm audit:verify\n',
  );
  return 0;
});
