// The embedded database's own autovacuum (db/embedded-upkeep.ts): which tables it takes, by
// autovacuum's default thresholds, and that it waits while an import writes. On PGlite only,
// where the server runs it: on PostgreSQL autovacuum does this work, and the pool's several
// connections report their counters each on its own schedule, so the counts seen here would
// depend on timing. (The probe tables have autovacuum switched off all the same.)
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  startEmbeddedUpkeep,
  tablesNeedingUpkeep,
  upkeep,
  whileWriting,
} from '../src/db/embedded-upkeep.js';
import type { Db } from '../src/db/schema.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { shellEnv } from './helpers/test-env.js';

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await upkeep(db); // the template's own tables, so that each test sees its probe alone
});
afterAll(async () => t?.close());

async function probe(name: string, rows: number) {
  await sql`create table ${sql.id(name)} (id int primary key, v text)
    with (autovacuum_enabled = false)`.execute(db);
  await sql`insert into ${sql.id(name)} select g, 'x' from generate_series(1, ${rows}::int) g`.execute(
    db,
  );
}
const reltuples = async (name: string) =>
  (
    await sql<{
      n: number;
    }>`select reltuples::float8 as n from pg_class where relname = ${name}`.execute(db)
  ).rows[0]?.n;
const needing = async () => (await tablesNeedingUpkeep(db)).map((x) => `${x.name}: ${x.reason}`);

describe.skipIf(inject('testDatabase').engine !== 'pglite')(
  'the embedded database’s upkeep',
  () => {
    it('takes a table never analyzed, and leaves it once vacuumed', async () => {
      await probe('upkeep_probe_a', 5000);
      expect(await reltuples('upkeep_probe_a')).toBe(-1);
      expect(await needing()).toEqual(['upkeep_probe_a: never analyzed']);
      expect((await upkeep(db)).map((x) => x.name)).toEqual(['upkeep_probe_a']);
      expect(await reltuples('upkeep_probe_a')).toBe(5000);
      expect(await needing()).toEqual([]);
    });

    it('takes a table by autovacuum’s thresholds: few changes wait, many do not', async () => {
      // 5,000 rows: analyzed past 50 + 500 changed rows, vacuumed past 50 + 1,000 dead ones.
      await sql`update upkeep_probe_a set v = 'y' where id <= 400`.execute(db);
      expect(await needing()).toEqual([]);
      await sql`update upkeep_probe_a set v = 'z' where id <= 600`.execute(db);
      expect(await needing()).toEqual(['upkeep_probe_a: changes']);
      await sql`update upkeep_probe_a set v = 'w' where id > 4000`.execute(db);
      expect(await needing()).toEqual(['upkeep_probe_a: dead rows']);
      await upkeep(db);
      expect(await needing()).toEqual([]);
      await sql`insert into upkeep_probe_a select g, 'x' from generate_series(5001, 7100) g`.execute(
        db,
      );
      expect(await needing()).toEqual(['upkeep_probe_a: inserts']);
      await upkeep(db);
      expect(await reltuples('upkeep_probe_a')).toBe(7100);
    });

    it('runs soon after it starts, waits while an import writes, and runs once it is done', async () => {
      const logs: unknown[] = [];
      const log = { info: (o: unknown) => logs.push(o), warn: (o: unknown) => logs.push(o) };
      let release = () => {};
      const writing = whileWriting(() => new Promise<void>((resolve) => (release = resolve)));
      await probe('upkeep_probe_b', 3000);
      const loop = startEmbeddedUpkeep(db, log as unknown as FastifyBaseLogger, {
        firstMs: 20,
        intervalMs: 60_000,
        afterWritingMs: 20,
      });
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await reltuples('upkeep_probe_b')).toBe(-1);
        release();
        await writing;
        for (let i = 0; i < 100 && (await reltuples('upkeep_probe_b')) === -1; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(await reltuples('upkeep_probe_b')).toBe(3000);
      } finally {
        await loop.stop();
      }
      expect(JSON.stringify(logs)).toContain('upkeep_probe_b (never analyzed)');
    });

    it('is run by the server: the demo’s tables are vacuumed and analyzed soon after start-up', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'rba-upkeep-'));
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--conditions=development', 'src/server.ts'],
        {
          cwd: path.resolve(import.meta.dirname, '..'),
          env: {
            PATH: shellEnv.PATH,
            DATA_DIR: dir,
            PORT: '0',
            DEMO: 'true',
            LOG_LEVEL: 'info',
            LOG_FORMAT: 'json',
            REMINDERS_INTERVAL_SECONDS: '0',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      try {
        const line = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (d) => {
            out += String(d);
            const found = out.split('\n').find((l) => l.includes('vacuumed and analyzed'));
            if (found) resolve(found);
          });
          child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
        });
        const tables = (JSON.parse(line) as { tables: string[] }).tables;
        expect(tables).toContain('observations (never analyzed)');
        expect(tables).toContain('measures (never analyzed)');
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }, 120_000);
  },
);
