// `pnpm db:backup [--out FILE]`: backs up the configured database (DATABASE_URL, else the
// embedded one under DATA_DIR, which must not be in use by a running server).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupPglite, backupPostgres, defaultBackupFile } from '../backup/backup.service.js';
import { MaintenanceError } from '../db/maintenance.js';
import { runMain } from './run-main.js';

runMain(async (config) => {
  let out: string | undefined;
  try {
    out = parseArgs({ options: { out: { type: 'string', short: 'o' } } }).values.out;
  } catch (err) {
    throw new MaintenanceError(`${(err as Error).message}\nusage: pnpm db:backup [--out FILE]`);
  }
  const postgres = config.database.kind === 'postgres';
  const file = path.resolve(out ?? defaultBackupFile(postgres ? 'postgres-custom' : 'pglite-sql'));
  const report =
    config.database.kind === 'postgres'
      ? await backupPostgres(config.database.url, file)
      : await backupPglite(config.dataDir, config.database.dataDir, file);
  const counts = Object.entries(report.counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  process.stdout.write(
    `backup written: ${report.file} (${report.format}, ${report.bytes} bytes)\n` +
      `  migrations: ${report.migrations.length}, last ${report.migrations.at(-1) ?? 'none'}\n` +
      `  rows: ${counts}\n`,
  );
  return 0;
});
