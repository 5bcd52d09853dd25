// Backups and restores of either engine.
//
// - PostgreSQL: pg_dump's custom format, taken in the snapshot the row counts are read in, and
//   pg_restore into an empty database. pg_dump and pg_restore come from PATH and must be at
//   least the server's major version.
// - Embedded PGlite: a logical SQL dump made by PGlite's own pg_dump (WebAssembly, from
//   @electric-sql/pglite-tools) with the data directory locked, so never while a server runs
//   on it. It restores into a fresh PGlite directory, or into PostgreSQL: the way from the
//   embedded database to a server.
//
// Restore refuses a target that is not empty unless forced, and a backup made by a newer
// version of the code (a migration this code does not know). Files are written atomically, and
// are created readable and writable by their owner only (0600, temporary files included): a
// backup holds password hashes and every figure.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import pg from 'pg';
import { lockDataDir } from '../db/data-dir-lock.js';
import { pgliteParsers } from '../db/database.js';
import { MaintenanceError } from '../db/maintenance.js';
import { knownMigrations } from '../db/migrate.js';

const run = promisify(execFile);

export type BackupFormat = 'postgres-custom' | 'pglite-sql';

/** The rows counted in every backup and restore report. */
export const COUNTED_TABLES = [
  'organizations',
  'users',
  'planning_tables',
  'measures',
  'observations',
  'audit_events',
] as const;

export type Counts = Record<(typeof COUNTED_TABLES)[number], number>;

export interface BackupReport {
  file: string;
  format: BackupFormat;
  bytes: number;
  migrations: string[];
  counts: Counts;
}

export interface RestoreReport {
  format: BackupFormat;
  target: 'postgres' | 'pglite';
  migrations: string[];
  counts: Counts;
}

const SQL_HEADER = '-- rba-backup';

function countsQuery(): string {
  return `select ${COUNTED_TABLES.map((t) => `(select count(*) from public.${t})::int as ${t}`).join(', ')}`;
}

/** Owner read and write only: backups hold password hashes. */
const BACKUP_MODE = 0o600;

/** Writes through a temporary file in the same directory, then renames: never a half file. */
function tempBeside(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/**
 * Creates the (temporary) backup file: new (never an existing file or link) and with mode 0600
 * from the start, so a backup is never readable by others, not even while it is being written.
 */
function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', BACKUP_MODE));
}

export function defaultBackupFile(format: BackupFormat, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.resolve(`rba-backup-${stamp}.${format === 'postgres-custom' ? 'dump' : 'sql'}`);
}

// ---------------------------------------------------------------- PostgreSQL client tools

async function clientMajor(tool: 'pg_dump' | 'pg_restore'): Promise<number> {
  let out: string;
  try {
    out = (await run(tool, ['--version'])).stdout;
  } catch {
    throw new MaintenanceError(
      `${tool} was not found on PATH: install the PostgreSQL client tools (Debian: apt-get install postgresql-client) of at least the server's version`,
    );
  }
  const m = /(\d+)(?:\.\d+)?/.exec(out.replace(/^[^\d]*/, ''));
  if (!m) throw new MaintenanceError(`Cannot read ${tool}'s version from "${out.trim()}"`);
  return Number(m[1]);
}

async function serverMajor(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ v: string }>(
    `select current_setting('server_version_num') as v`,
  );
  return Math.floor(Number(rows[0]?.v) / 10000);
}

async function checkClientVersion(tool: 'pg_dump' | 'pg_restore', client: pg.Client) {
  const [mine, server] = [await clientMajor(tool), await serverMajor(client)];
  if (mine < server) {
    throw new MaintenanceError(
      `${tool} is version ${mine} but the server runs PostgreSQL ${server}: ${tool} must be at least the server's major version. Install postgresql-client-${server} (or newer) and put it first on PATH.`,
    );
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

function spawnTool(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new MaintenanceError(`${tool} failed (exit ${code}): ${err.trim().slice(0, 2000)}`, 1),
          ),
    );
  });
}

async function appliedMigrations(q: (text: string) => Promise<{ rows: unknown[] }>) {
  const { rows } = await q(`select name from public.kysely_migration order by name`);
  return (rows as { name: string }[]).map((r) => r.name);
}

// ---------------------------------------------------------------- backup

export async function backupPostgres(url: string, out: string): Promise<BackupReport> {
  const client = await connect(url);
  const tmp = tempBeside(out);
  try {
    createPrivateFile(tmp);
    await checkClientVersion('pg_dump', client);
    // pg_dump reads the snapshot this transaction exported: the counts and the file agree.
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]
      ?.s as string;
    const counts = (await client.query(countsQuery())).rows[0] as Counts;
    const migrations = await appliedMigrations((t) => client.query(t));
    await spawnTool('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--snapshot=${snapshot}`,
      `--file=${tmp}`,
      `--dbname=${url}`,
    ]);
    await client.query('commit');
    renameSync(tmp, out);
    return { file: out, format: 'postgres-custom', bytes: statSync(out).size, migrations, counts };
  } finally {
    rmSync(tmp, { force: true });
    await client.end();
  }
}

/** Backs up the embedded database in pgdata; dataDir is locked meanwhile (refused if in use). */
export async function backupPglite(
  dataDir: string,
  pgdata: string,
  out: string,
): Promise<BackupReport> {
  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
    throw new MaintenanceError(`There is no embedded database in ${pgdata}`);
  }
  const unlock = lockDataDir(dataDir);
  const tmp = tempBeside(out);
  let client: PGlite | undefined;
  try {
    createPrivateFile(tmp);
    const open = await PGlite.create(pgdata, { parsers: pgliteParsers() });
    client = open;
    const counts = (await open.query(countsQuery())).rows[0] as Counts;
    const migrations = await appliedMigrations((t) => open.query(t));
    const dump = await pgDump({ pg: open, args: ['--no-owner', '--no-privileges'] });
    const header = `${SQL_HEADER} ${JSON.stringify({ format: 'pglite-sql', migrations, counts })}\n`;
    await writeFile(tmp, header + (await dump.text()), { mode: BACKUP_MODE });
    renameSync(tmp, out);
    return { file: out, format: 'pglite-sql', bytes: statSync(out).size, migrations, counts };
  } finally {
    rmSync(tmp, { force: true });
    if (client && !client.closed) await client.close();
    unlock();
  }
}

// ---------------------------------------------------------------- reading a backup

export interface BackupFile {
  format: BackupFormat;
  migrations: string[];
}

export async function readBackupFile(file: string): Promise<BackupFile> {
  if (!existsSync(file)) throw new MaintenanceError(`No such backup file: ${file}`);
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(64 * 1024);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') {
    // The archive's kysely_migration data, as pg_restore prints it (a COPY block).
    const { stdout } = await run(
      'pg_restore',
      ['--data-only', '--table=kysely_migration', '--file=-', file],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((err: { stderr?: string }) => {
      throw new MaintenanceError(`pg_restore cannot read ${file}: ${err.stderr ?? String(err)}`);
    });
    const lines = stdout.split('\n');
    const start = lines.findIndex((l) => /^COPY public\.kysely_migration /.test(l));
    const migrations: string[] = [];
    for (let i = start + 1; start >= 0 && i < lines.length && lines[i] !== '\\.'; i++) {
      migrations.push((lines[i] as string).split('\t')[0] as string);
    }
    return { format: 'postgres-custom', migrations: migrations.sort() };
  }
  const first = head.subarray(0, n).toString('utf8').split('\n', 1)[0] ?? '';
  if (first.startsWith(`${SQL_HEADER} `)) {
    const meta = JSON.parse(first.slice(SQL_HEADER.length + 1)) as BackupFile;
    return { format: 'pglite-sql', migrations: meta.migrations };
  }
  throw new MaintenanceError(`${file} is not a backup made by db:backup`);
}

/** Refuses a backup of a newer code version; an older one is migrated when the server starts. */
export function checkMigrations(backup: string[]): { pending: string[] } {
  const known = new Set(knownMigrations);
  const unknown = backup.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new MaintenanceError(
      `The backup was made by a newer version of the application (migrations unknown here: ${unknown.join(', ')}). Restore it with that version or newer.`,
    );
  }
  if (backup.length === 0) throw new MaintenanceError('The backup holds no migrated database');
  const have = new Set(backup);
  return { pending: knownMigrations.filter((m) => !have.has(m)) };
}

/** The SQL text of a PGlite backup, made runnable on PostgreSQL 15 and later. */
function portableSql(text: string): string {
  // pg_dump 18 sets transaction_timeout, a PostgreSQL 17 setting; the rest is plain SQL.
  return text.replace(/^SET transaction_timeout = 0;$/m, '');
}

// ---------------------------------------------------------------- restore

/**
 * A restored database goes back to its backup's data version (migration 20261207020000), which
 * the versions written after the backup have already passed: a client holding an ETag from
 * then could meet the same number again over other data. One change of a random weight
 * between 2^40 and 2^41 moves the version past anything a client can hold. Backups made before
 * the data version have no log to append to.
 */
const PAST_EVERY_TAG = `do $$ begin
  if to_regclass('public.data_changes') is not null then
    insert into public.data_changes (weight) values ((2 ^ 40 + floor(random() * 2 ^ 40))::int8);
  end if;
end $$`;

async function postgresIsEmpty(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
     where s.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')`,
  );
  return rows[0]?.n === 0;
}

export async function restorePostgres(
  url: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<RestoreReport> {
  const backup = await readBackupFile(file);
  checkMigrations(backup.migrations);
  const client = await connect(url);
  try {
    if (!(await postgresIsEmpty(client))) {
      if (!options.force) {
        throw new MaintenanceError(
          'The target database is not empty: restore into a new database, or pass --force to replace everything in its public schema',
        );
      }
      await client.query('drop schema public cascade');
      await client.query('create schema public');
    }
    if (backup.format === 'postgres-custom') {
      await checkClientVersion('pg_restore', client);
      await spawnTool('pg_restore', [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        `--dbname=${url}`,
        file,
      ]);
    } else {
      // Several statements in one simple query run as one transaction: all or nothing.
      await client.query(portableSql(await readFile(file, 'utf8')));
    }
    await client.query(PAST_EVERY_TAG);
  } finally {
    await client.end();
  }
  const after = await connect(url);
  try {
    const counts = (await after.query(countsQuery())).rows[0] as Counts;
    return { format: backup.format, target: 'postgres', migrations: backup.migrations, counts };
  } finally {
    await after.end();
  }
}

/**
 * Restores into the embedded database directory pgdata: built in a fresh directory beside it,
 * then swapped in, with dataDir locked throughout (refused while a server runs on it).
 */
export async function restorePglite(
  dataDir: string,
  pgdata: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<RestoreReport> {
  const backup = await readBackupFile(file);
  if (backup.format !== 'pglite-sql') {
    throw new MaintenanceError(
      'This is a PostgreSQL backup (pg_dump custom format): restore it into PostgreSQL (set DATABASE_URL). The embedded database restores its own backups.',
    );
  }
  checkMigrations(backup.migrations);
  const unlock = lockDataDir(dataDir);
  const building = `${pgdata}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    if (existsSync(path.join(pgdata, 'PG_VERSION'))) {
      if (!options.force) {
        const existing = await PGlite.create(pgdata);
        try {
          const { rows } = await existing.query<{ n: number }>(
            `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
             where s.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')`,
          );
          if ((rows[0]?.n ?? 0) > 0) {
            throw new MaintenanceError(
              `The embedded database in ${pgdata} is not empty: restore into another DATA_DIR, or pass --force to replace it`,
            );
          }
        } finally {
          await existing.close();
        }
      }
    }
    const client = await PGlite.create(building, { parsers: pgliteParsers() });
    let counts: Counts;
    try {
      await client.exec(await readFile(file, 'utf8'));
      await client.exec(PAST_EVERY_TAG);
      // The dump cleared search_path for its own session; the counts name their schema.
      counts = (await client.query(countsQuery())).rows[0] as Counts;
    } finally {
      await client.close();
    }
    // Swap by renames in one directory; the replaced database is removed only once swapped.
    const replaced = `${pgdata}.replaced-${randomBytes(4).toString('hex')}`;
    if (existsSync(pgdata)) renameSync(pgdata, replaced);
    renameSync(building, pgdata);
    rmSync(replaced, { recursive: true, force: true });
    return { format: backup.format, target: 'pglite', migrations: backup.migrations, counts };
  } finally {
    rmSync(building, { recursive: true, force: true });
    unlock();
  }
}
