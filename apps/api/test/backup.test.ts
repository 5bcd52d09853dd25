// Backups (issue #11, item 9): seed the demo, read the collective and partner scorecards,
// series and funder views through the API as several demo users, back up with
// `pnpm db:backup`, restore with `pnpm db:restore` into a fresh database, start the app on
// it and read the same responses: they must be byte-identical. The audit chain verifies on
// the restored database and goes on (a new write extends it). On the PostgreSQL run, the
// embedded database's backup is also restored into PostgreSQL (the way to grow out of PGlite).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { verifyAuditChain } from '../src/audit/audit-chain.js';
import {
  backupPglite,
  checkMigrations,
  readBackupFile,
  restorePglite,
  restorePostgres,
} from '../src/backup/backup.service.js';
import { readDataVersion } from '../src/data-version/data-version.repository.js';
import { DataDirLockedError, lockDataDir } from '../src/db/data-dir-lock.js';
import { type Engine, kyselyOverPg, kyselyOverPglite, openPglite } from '../src/db/database.js';
import { knownMigrations, migrateToLatest } from '../src/db/migrate.js';
import type { Db } from '../src/db/schema.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-content.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { httpOf, TEST_JWT_SECRET, testConfig } from './helpers/app.js';
import { databaseUrlFor } from './helpers/template.js';
import { shellEnv } from './helpers/test-env.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DAY = '2026-11-26';
const template = inject('testDatabase');
const work = mkdtempSync(path.join(os.tmpdir(), 'rba-backup-test-'));

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
});

/** Runs one of the root package's commands (the same file `pnpm <name>` runs). */
async function cli(
  script: 'db:backup' | 'db:restore' | 'audit:verify',
  args: string[],
  env: Record<string, string>,
) {
  const file = {
    'db:backup': 'apps/api/src/cli/backup.ts',
    'db:restore': 'apps/api/src/cli/restore.ts',
    'audit:verify': 'apps/api/src/cli/audit-verify.ts',
  }[script];
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  expect(pkg.scripts[script]).toContain(file);
  return run(process.execPath, ['--import', 'tsx', '--conditions=development', file, ...args], {
    cwd: root,
    env: { PATH: shellEnv.PATH, ...env },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

interface Target {
  engine: Engine;
  env: Record<string, string>;
  /** Opens the database (for PGlite: takes no lock; the test is the only user). */
  open(): Promise<{ db: Db; close(): Promise<void> }>;
}

/** An embedded database directory: the migrated template loaded into DATA_DIR/pgdata, or empty. */
async function pgliteTarget(withTemplate: boolean): Promise<Target> {
  const dataDir = path.join(work, `data-${randomBytes(3).toString('hex')}`);
  mkdirSync(dataDir, { recursive: true });
  const pgdata = path.join(dataDir, 'pgdata');
  if (withTemplate) {
    if (template.engine !== 'pglite') throw new Error('the template is not a PGlite dump');
    const client = await openPglite({
      dataDir: pgdata,
      loadDataDir: new Blob([readFileSync(template.templateFile)]),
    });
    await client.close();
  }
  return {
    engine: 'pglite',
    env: { DATA_DIR: dataDir },
    async open() {
      const client = await openPglite({ dataDir: pgdata });
      const db = kyselyOverPglite(client);
      return {
        db,
        close: async () => {
          await db.destroy();
          if (!client.closed) await client.close();
        },
      };
    },
  };
}

/** A PostgreSQL database: a clone of the migrated template, or a new empty one. */
async function postgresTarget(withTemplate: boolean): Promise<Target> {
  if (template.engine !== 'postgres') throw new Error('no PostgreSQL in this run');
  const name = `rba_t_${template.run}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(
    `create database ${name}${withTemplate ? ` template ${template.template}` : ''}`,
  );
  await admin.end();
  const url = databaseUrlFor(template.url, name);
  return {
    engine: 'postgres',
    env: { DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET },
    async open() {
      const { db } = kyselyOverPg(url, 4);
      return { db, close: () => db.destroy() };
    },
  };
}

async function startApp(db: Db, engine: Engine) {
  const config = testConfig();
  const app: FastifyInstance = await buildApp({ config, db, engine, jwtSecret: TEST_JWT_SECRET });
  await app.ready();
  return app;
}

/** Every read the comparison covers, as "user GET url" → "status body". */
async function readViews(db: Db, engine: Engine): Promise<Map<string, string>> {
  const table = await db
    .selectFrom('planning_tables')
    .select('id')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const orgs = await db
    .selectFrom('organizations')
    .select(['id', 'code'])
    .orderBy('code')
    .execute();
  const measures = await db
    .selectFrom('measures')
    .select(['id', 'code'])
    .orderBy('code')
    .orderBy('id')
    .execute();
  const quarter = await db
    .selectFrom('submissions')
    .select('period_start')
    .orderBy('period_start', 'desc')
    .executeTakeFirst();
  expect(measures.length).toBeGreaterThan(10);
  const app = await startApp(db, engine);
  const views = new Map<string, string>();
  try {
    const http = httpOf(app);
    const urls = [
      `/tables/${table.id}/scorecard`,
      `/tables/${table.id}/scorecard?period=${periodOf(quarter?.period_start)}`,
      ...orgs.map((o) => `/organizations/${o.id}/scorecard`),
      ...measures.filter((_, i) => i % 3 === 0).map((m) => `/measures/${m.id}/series`),
      `/audit?limit=50`,
    ];
    for (const account of DEMO_ACCOUNTS) {
      const login = await http
        .post('/api/v1/auth/login')
        .send({ email: account.email, password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      const auth = `Bearer ${login.body.token as string}`;
      for (const url of urls) {
        const res = await http.get(`/api/v1${url}`).set('authorization', auth);
        views.set(`${account.key} GET ${url}`, `${res.status} ${res.text}`);
      }
    }
  } finally {
    await app.close();
  }
  const ok = [...views.values()].filter((v) => v.startsWith('200 ')).length;
  expect(ok).toBeGreaterThan(views.size / 2);
  return views;
}

function periodOf(start: string | undefined): string {
  // A calendar quarter label of the newest submitted period (the demo's tables are fiscal,
  // but a calendar label is accepted and cuts the series at its end).
  const d = start ?? '2026-01-01';
  const q = Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1;
  return `${d.slice(0, 4)}-Q${q}`;
}

function expectSameViews(restored: Map<string, string>, source: Map<string, string>) {
  expect([...restored.keys()]).toEqual([...source.keys()]);
  for (const [key, body] of source) expect(restored.get(key), key).toBe(body);
}

async function headOf(db: Db) {
  return db.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
}

/** Seeds the demo into a target and reads its views and chain head. */
async function seededSource(target: Target) {
  const h = await target.open();
  try {
    await seedDemo(h.db, { today: DAY });
    return {
      views: await readViews(h.db, target.engine),
      head: await headOf(h.db),
      dataVersion: (await readDataVersion(h.db)).version,
    };
  } finally {
    await h.close();
  }
}

const engine = template.engine;
const newTarget = (withTemplate: boolean) =>
  engine === 'pglite' ? pgliteTarget(withTemplate) : postgresTarget(withTemplate);

describe(`backup and restore on ${engine}`, () => {
  let source: Target;
  let seeded: Awaited<ReturnType<typeof seededSource>>;
  const file = path.join(work, engine === 'pglite' ? 'demo.sql' : 'demo.dump');

  beforeAll(async () => {
    source = await newTarget(true);
    seeded = await seededSource(source);
  });

  it('backs up with db:backup, printing size and counts, atomically', async () => {
    const res = await cli('db:backup', ['--out', file], source.env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const bytes = statSync(file).size;
    expect(res.stdout).toContain(
      `backup written: ${file} (${engine === 'pglite' ? 'pglite-sql' : 'postgres-custom'}, ${bytes} bytes)`,
    );
    expect(res.stdout).toMatch(new RegExp(`audit_events ${seeded.head.seq}\\b`));
    expect(res.stdout).toMatch(/observations [1-9]\d+/);
    // Nothing but the backups is left in the directory (no temporary file).
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await expect(readBackupFile(file)).resolves.toMatchObject({ migrations: knownMigrations });
  });

  it('restores into a fresh database that serves byte-identical scorecards, series and funder views', async () => {
    const target = await newTarget(false);
    const res = await cli('db:restore', [file], target.env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`audit_events ${seeded.head.seq}\\b`));

    const verify = await cli('audit:verify', [], target.env);
    expect(verify.stdout.trim()).toBe(
      `audit chain intact: ${seeded.head.seq} events, head ${seeded.head.hash}`,
    );

    const h = await target.open();
    try {
      expectSameViews(await readViews(h.db, target.engine), seeded.views);
      // The data version moves past any ETag a client could hold (2^40 and more), so that the
      // versions written after the backup cannot be met again over the restored data.
      const restored = Number((await readDataVersion(h.db)).version);
      expect(restored - Number(seeded.dataVersion)).toBeGreaterThanOrEqual(2 ** 40);
      // Sequences go on: a new write after the restore gets the next ids and extends the chain.
      const app = await startApp(h.db, target.engine);
      try {
        const http = httpOf(app);
        const login = await http
          .post('/api/v1/auth/login')
          .send({ email: 'admin@northshire.example', password: DEMO_PASSWORD });
        const created = await http
          .post('/api/v1/organizations')
          .set('authorization', `Bearer ${login.body.token as string}`)
          .send({ code: 'AFTER-RESTORE', name: 'After restore', kind: 'agency' });
        expect(created.status).toBe(201);
      } finally {
        await app.close();
      }
      const head = await headOf(h.db);
      expect(head.seq).toBeGreaterThan(seeded.head.seq);
      const next = await h.db
        .selectFrom('audit_events')
        .select(['seq', 'prev_hash'])
        .where('seq', '=', seeded.head.seq + 1)
        .executeTakeFirstOrThrow();
      expect(next.prev_hash).toBe(seeded.head.hash);
      expect(await verifyAuditChain(h.db)).toMatchObject({ intact: true, events: head.seq });
    } finally {
      await h.close();
    }

    // The restored database is not empty now: a second restore is refused without --force.
    const again = await cli('db:restore', [file], target.env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not empty');
    if (target.engine === 'postgres') {
      const forced = await cli('db:restore', [file, '--force'], target.env);
      expect(forced.code).toBe(0);
      const h2 = await target.open();
      try {
        expect(await headOf(h2.db)).toEqual(seeded.head);
        expect(
          await h2.db
            .selectFrom('organizations')
            .select('id')
            .where('code', '=', 'AFTER-RESTORE')
            .execute(),
        ).toEqual([]);
      } finally {
        await h2.close();
      }
    }
  });

  it('refuses a backup made by a newer version of the code', () => {
    expect(() => checkMigrations([...knownMigrations, '29991231000000-from-the-future'])).toThrow(
      /newer version of the application.*29991231000000-from-the-future/,
    );
    expect(checkMigrations(knownMigrations.slice(0, 3)).pending).toEqual(knownMigrations.slice(3));
  });

  it.runIf(engine === 'pglite')(
    'refuses to back up or restore an embedded database that a server holds',
    async () => {
      const dataDir = source.env.DATA_DIR as string;
      const unlock = lockDataDir(dataDir);
      try {
        await expect(
          backupPglite(dataDir, path.join(dataDir, 'pgdata'), path.join(work, 'x.sql')),
        ).rejects.toThrow(DataDirLockedError);
        await expect(
          restorePglite(dataDir, path.join(dataDir, 'pgdata'), file, { force: true }),
        ).rejects.toThrow(DataDirLockedError);
        const res = await cli('db:backup', ['--out', path.join(work, 'y.sql')], source.env);
        expect(res.code).toBe(75);
        expect(res.stderr).toContain('in use by process');
      } finally {
        unlock();
      }
      expect(existsSync(path.join(work, 'x.sql'))).toBe(false);
      expect(existsSync(path.join(work, 'y.sql'))).toBe(false);
    },
  );

  it.runIf(engine === 'postgres')(
    'restores the embedded database into PostgreSQL, serving the same views',
    async () => {
      const embedded = await pgliteFromTemplateFile();
      const fromPglite = await seededSource(embedded);
      const sqlFile = path.join(work, 'embedded.sql');
      const backup = await cli('db:backup', ['--out', sqlFile], embedded.env);
      expect(backup.code).toBe(0);
      const target = await postgresTarget(false);
      const url = target.env.DATABASE_URL as string;
      const report = await restorePostgres(url, sqlFile);
      expect(report.counts.audit_events).toBe(fromPglite.head.seq);
      const h = await target.open();
      try {
        expect(await verifyAuditChain(h.db)).toEqual({
          intact: true,
          events: fromPglite.head.seq,
          head: fromPglite.head,
        });
        expectSameViews(await readViews(h.db, 'postgres'), fromPglite.views);
      } finally {
        await h.close();
      }
    },
  );
});

/** On the PostgreSQL run there is no PGlite template: make a migrated embedded directory. */
async function pgliteFromTemplateFile(): Promise<Target> {
  const dataDir = path.join(work, `embedded-${randomBytes(3).toString('hex')}`);
  mkdirSync(dataDir, { recursive: true });
  const pgdata = path.join(dataDir, 'pgdata');
  const client = await openPglite({ dataDir: pgdata });
  const db = kyselyOverPglite(client);
  await migrateToLatest(db);
  await db.destroy();
  if (!client.closed) await client.close();
  return {
    engine: 'pglite',
    env: { DATA_DIR: dataDir },
    async open() {
      const c = await openPglite({ dataDir: pgdata });
      const d = kyselyOverPglite(c);
      return {
        db: d,
        close: async () => {
          await d.destroy();
          if (!c.closed) await c.close();
        },
      };
    },
  };
}
