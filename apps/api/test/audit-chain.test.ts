// The tamper-evident audit trail: the database chains every audit event (sequence, previous
// hash, hash) in a BEFORE INSERT trigger, whatever path writes it; verifyAuditChain recomputes
// every hash in Node and names the first broken link; `pnpm audit:verify` prints it.
// Tampering is done as the database owner would: switch the append-only trigger off, change
// or delete a row, switch it on again.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { migrations } from '@rba/migrations';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insertAuditEvent } from '../src/audit/audit.repository.js';
import { eventHash, GENESIS_HASH, verifyAuditChain } from '../src/audit/audit-chain.js';
import { lockDataDir } from '../src/db/data-dir-lock.js';
import { kyselyOverPg, kyselyOverPglite, openPglite } from '../src/db/database.js';
import { knownMigrations, migrateToLatest } from '../src/db/migrate.js';
import type { Db } from '../src/db/schema.js';
import { inTransaction } from '../src/db/transaction.js';
import { uniqueSuffix } from '../support/factories.js';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { databaseUrlFor } from './helpers/template.js';
import { shellEnv } from './helpers/test-env.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let t: TestApp;
let w: World;
let admin: Client;
let editor: Client;
const extra: TestDatabase[] = [];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = client(t, await t.login(w.users.admin.email, w.users.admin.password));
  editor = client(t, await t.login(w.users.editorA.email, w.users.editorA.password));
});
afterAll(async () => {
  await t?.closeAll();
  for (const d of extra) await d.close();
});

async function chainRows(db: Db) {
  const { rows } = await sql<{ id: number; seq: number; prev_hash: string; hash: string }>`
    select id, seq, prev_hash, hash from audit_events order by seq`.execute(db);
  return rows;
}

/** Runs one statement as the owner with the append-only trigger off. */
async function asOwnerWithoutAppendOnly(db: Db, statement: ReturnType<typeof sql>) {
  await inTransaction(db, async (trx) => {
    await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(trx);
  });
}

/** A fresh database with `n` audit events written through insertAuditEvent, one per transaction. */
async function databaseWithEvents(n: number): Promise<Db> {
  const d = await createTestDatabase();
  extra.push(d);
  for (let i = 0; i < n; i++) {
    await inTransaction(d.db, (trx) =>
      insertAuditEvent(trx, {
        actorId: null,
        action: 'test.event',
        entity: 'thing',
        entityId: String(i),
        after: { i, note: `event ${i}` },
        requestId: `req-${i}`,
      }),
    );
  }
  return d.db;
}

function quarters(firstYear: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const y = firstYear + Math.floor(i / 4);
    return `FY${y}-${String((y + 1) % 100).padStart(2, '0')}-Q${(i % 4) + 1}`;
  });
}

describe('the chain', () => {
  it('links every event written through the API, gaplessly, and verifies intact', async () => {
    await editor.put(`/measures/${w.countA.id}/observations/FY2023-24-Q1`, { value: 5 });
    await admin.post('/organizations', {
      code: `C-${uniqueSuffix()}`,
      name: 'Chained',
      kind: 'agency',
    });
    const rows = await chainRows(t.db);
    expect(rows.length).toBeGreaterThan(20);
    rows.forEach((r, i) => {
      expect(r.seq).toBe(i + 1);
      expect(r.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]?.hash);
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    });
    const head = await t.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    expect(head).toMatchObject({ seq: rows.length, hash: rows.at(-1)?.hash });
    expect(await verifyAuditChain(t.db, { batchSize: 7 })).toEqual({
      intact: true,
      events: rows.length,
      head: { seq: rows.length, hash: rows.at(-1)?.hash },
    });
  });

  it('is computed by the database: values a writer supplies are overwritten', async () => {
    const head = await t.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    await sql`insert into audit_events (action, entity, seq, prev_hash, hash)
      values ('forged', 'thing', 1, 'x', 'y')`.execute(t.db);
    const last = (await chainRows(t.db)).at(-1);
    expect(last?.seq).toBe(head.seq + 1);
    expect(last?.prev_hash).toBe(head.hash);
    expect(last?.hash).not.toBe('y');
    expect((await verifyAuditChain(t.db)).intact).toBe(true);
  });

  it("hashes the canonical text that the verifier rebuilds (Node's sha256 agrees with the trigger)", async () => {
    const { rows } = await sql<{ seq: number; hash: string; prev_hash: string; at: string }>`
      select seq, hash, prev_hash,
        to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
      from audit_events where action = 'forged'`.execute(t.db);
    const r = rows[0];
    expect(r).toBeDefined();
    if (!r) return;
    expect(
      eventHash({
        seq: r.seq,
        at: r.at,
        actorId: null,
        action: 'forged',
        entity: 'thing',
        entityId: null,
        before: null,
        after: null,
        requestId: null,
        prevHash: r.prev_hash,
      }),
    ).toBe(r.hash);
  });

  it("chains the import's bulk audit insert, one event per figure", async () => {
    const m = await editor.post(`/programs/${w.programA.id}/measures`, {
      code: `M-${uniqueSuffix()}`,
      name: 'Monthly visits',
      unit: 'count',
      direction: 'up',
      periodType: 'month',
      category: 'how_much',
    });
    const before = (await chainRows(t.db)).length;
    const lines = Array.from(
      { length: 40 },
      (_, i) =>
        `19${String(50 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')},${i}`,
    );
    const res = await t
      .http()
      .post('/api/v1/imports?commit=true')
      .set(
        'authorization',
        (await t.login(w.users.editorA.email, w.users.editorA.password)) as string,
      )
      .field(
        'mapping',
        JSON.stringify({
          mode: 'long',
          measureId: m.id,
          period: { column: 'month' },
          value: { column: 'v' },
        }),
      )
      .attach('file', Buffer.from(`month,v\n${lines.join('\n')}\n`), 'data.csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ inserted: 40, committed: true });
    const rows = await chainRows(t.db);
    const figureEvents = await t.db
      .selectFrom('audit_events')
      .select('seq')
      .where('entity', '=', 'observation')
      .where('seq', '>', before)
      .execute();
    expect(figureEvents.length).toBe(40);
    expect(rows.length).toBeGreaterThanOrEqual(before + 41);
    expect((await verifyAuditChain(t.db)).intact).toBe(true);
  });

  it('stays one linear, gapless chain under 20 concurrent saves', async () => {
    const before = (await chainRows(t.db)).length;
    const periods = quarters(2001, 20);
    const auth = await t.login(w.users.admin.email, w.users.admin.password);
    const saves = await Promise.all(
      periods.map((p, i) =>
        t
          .http()
          .put(`/api/v1/measures/${w.countB.id}/observations/${p}`)
          .set('authorization', auth)
          .send({ value: i + 1 }),
      ),
    );
    expect(saves.map((s) => s.status)).toEqual(periods.map(() => 200));
    const rows = await chainRows(t.db);
    expect(rows.length).toBeGreaterThanOrEqual(before + 20);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ intact: true, events: rows.length });
  });
});

describe('tampering', () => {
  it('names exactly the event whose content was changed, and is intact again once undone', async () => {
    const db = await databaseWithEvents(8);
    const target = (await chainRows(db))[4];
    if (!target) throw new Error('no event 5');
    await asOwnerWithoutAppendOnly(
      db,
      sql`update audit_events set after = '{"i": 4, "note": "rewritten"}' where id = ${target.id}`,
    );
    const report = await verifyAuditChain(db, { batchSize: 3 });
    expect(report).toMatchObject({
      intact: false,
      checked: 4,
      broken: { problem: 'hash_mismatch', seq: 5, eventId: target.id },
    });
    await asOwnerWithoutAppendOnly(
      db,
      sql`update audit_events set after = '{"i": 4, "note": "event 4"}' where id = ${target.id}`,
    );
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });

  it('names a rewritten hash by the next event, whose prev_hash no longer matches', async () => {
    const db = await databaseWithEvents(5);
    const rows = await chainRows(db);
    await asOwnerWithoutAppendOnly(
      db,
      sql`update audit_events set after = '{"forged": true}', hash = ${'f'.repeat(64)} where seq = 2`,
    );
    expect(await verifyAuditChain(db)).toMatchObject({
      broken: { problem: 'hash_mismatch', seq: 2, eventId: rows[1]?.id },
    });
    // A forger who recomputes the rewritten event's hash is caught at the next link.
    const { rows: r2 } = await sql<{
      at: string;
    }>`select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from audit_events where seq = 2`.execute(
      db,
    );
    const forged = eventHash({
      seq: 2,
      at: r2[0]?.at as string,
      actorId: null,
      action: 'test.event',
      entity: 'thing',
      entityId: '1',
      before: null,
      after: '{"forged": true}',
      requestId: 'req-1',
      prevHash: rows[0]?.hash as string,
    });
    await asOwnerWithoutAppendOnly(db, sql`update audit_events set hash = ${forged} where seq = 2`);
    expect(await verifyAuditChain(db)).toMatchObject({
      broken: { problem: 'prev_hash_mismatch', seq: 3, eventId: rows[2]?.id },
    });
  });

  it('names the gap left by an event deleted in the middle', async () => {
    const db = await databaseWithEvents(6);
    const rows = await chainRows(db);
    await asOwnerWithoutAppendOnly(db, sql`delete from audit_events where seq = 3`);
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({
      intact: false,
      checked: 2,
      broken: { problem: 'gap', seq: 4, eventId: rows[3]?.id },
    });
    if (!report.intact) expect(report.broken.message).toContain('event 3 is missing');
  });

  it('names a head mismatch when the last event is deleted', async () => {
    const db = await databaseWithEvents(4);
    await asOwnerWithoutAppendOnly(db, sql`delete from audit_events where seq = 4`);
    expect(await verifyAuditChain(db)).toMatchObject({
      intact: false,
      checked: 3,
      broken: { problem: 'head_mismatch', seq: 4 },
    });
  });
});

describe('the migration', () => {
  it('backfills events written before it in id order, and its down migration works', async () => {
    const d = await createTestDatabase();
    extra.push(d);
    const index = knownMigrations.indexOf('20261126121000-audit-chain');
    const previous = knownMigrations[index - 1] as string;
    const migrator = new Migrator({
      db: d.db,
      provider: { getMigrations: async () => migrations },
    });
    const down = await migrator.migrateTo(previous);
    expect(down.error).toBeUndefined();
    const cols = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_name = 'audit_events'`.execute(
      d.db,
    );
    expect(cols.rows.map((c) => c.column_name)).not.toContain('hash');
    for (let i = 0; i < 5; i++) {
      await sql`insert into audit_events (action, entity, entity_id, after) values ('old', 'thing', ${String(i)}, ${JSON.stringify({ i })}::jsonb)`.execute(
        d.db,
      );
    }
    await migrateToLatest(d.db);
    const rows = await sql<{ id: number; seq: number; entity_id: string }>`
      select id, seq, entity_id from audit_events order by id`.execute(d.db);
    expect(rows.rows.map((r) => [r.seq, r.entity_id])).toEqual(
      [0, 1, 2, 3, 4].map((i) => [i + 1, String(i)]),
    );
    expect(await verifyAuditChain(d.db)).toMatchObject({ intact: true, events: 5 });
    // The append-only trigger is back on after the backfill.
    await expect(sql`delete from audit_events`.execute(d.db)).rejects.toThrow(/append-only/);
  });
});

describe('pnpm audit:verify', () => {
  const cli = (env: Record<string, string>) =>
    run(
      process.execPath,
      ['--import', 'tsx', '--conditions=development', 'apps/api/src/cli/audit-verify.ts'],
      { cwd: root, env: { PATH: shellEnv.PATH, ...env } },
    ).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );

  it('prints the intact chain, then the first broken link, and refuses a database in use', async () => {
    const template = inject('testDatabase');
    let env: Record<string, string>;
    let db: Db;
    let close: () => Promise<void>;
    let dataDir: string | undefined;
    if (template.engine === 'pglite') {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'rba-verify-'));
      mkdirSync(dataDir, { recursive: true });
      const pglite = await openPglite({
        dataDir: path.join(dataDir, 'pgdata'),
        loadDataDir: new Blob([readFileSync(template.templateFile)]),
      });
      db = kyselyOverPglite(pglite);
      close = async () => {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      };
      env = { DATA_DIR: dataDir };
    } else {
      const name = `rba_t_${template.run}_${randomBytes(4).toString('hex')}`;
      const c = new pg.Client({ connectionString: template.url });
      await c.connect();
      await c.query(`create database ${name} template ${template.template}`);
      await c.end();
      const url = databaseUrlFor(template.url, name);
      db = kyselyOverPg(url, 2).db;
      close = () => db.destroy();
      env = { DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET };
    }
    try {
      for (let i = 0; i < 3; i++) {
        await inTransaction(db, (trx) =>
          insertAuditEvent(trx, {
            actorId: null,
            action: 'cli',
            entity: 'thing',
            entityId: String(i),
            requestId: null,
          }),
        );
      }
      const rows = await chainRows(db);
      if (dataDir) await close();

      const ok = await cli(env);
      expect(ok).toMatchObject({ code: 0 });
      expect(ok.stdout.trim()).toBe(`audit chain intact: 3 events, head ${rows.at(-1)?.hash}`);

      if (dataDir) {
        // A running server holds the data directory's lock: the command refuses, clearly.
        const unlock = lockDataDir(dataDir);
        try {
          const busy = await cli(env);
          expect(busy.code).toBe(75);
          expect(busy.stderr).toContain('is in use by process');
        } finally {
          unlock();
        }
        const pglite = await openPglite({ dataDir: path.join(dataDir, 'pgdata') });
        db = kyselyOverPglite(pglite);
        close = async () => {
          await db.destroy();
          if (!pglite.closed) await pglite.close();
        };
      }
      await asOwnerWithoutAppendOnly(
        db,
        sql`update audit_events set entity_id = 'x' where seq = 2`,
      );
      if (dataDir) await close();
      const bad = await cli(env);
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim()).toMatch(
        new RegExp(`^audit chain broken at seq 2 \\(event id ${rows[1]?.id}\\): hash mismatch`),
      );
    } finally {
      if (!dataDir) await close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
