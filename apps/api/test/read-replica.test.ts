// DATABASE_READ_URL against a real primary and a real streaming replica (scripts/pg-replica.sh;
// .ci/run starts both): scorecards, series and exports read on the replica, a writer reads their
// own write, a lagging replica and one that goes away. Reads that must come from the replica are
// proved by what they return while the replica's replay is paused: the figure as it was.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { kyselyOverPg, openReplica } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { formatLsn, parseLsn, ReadRouter, registerReadRouting } from '../src/db/read-routing.js';
import type { Db } from '../src/db/schema.js';
import { buildWorld, WORLD_PERIOD, type World } from '../support/world.js';
import { httpOf, TEST_JWT_SECRET, testConfig } from './helpers/app.js';
import { databaseUrlFor } from './helpers/template.js';

// Two servers this file needs and no other does: read here, beside the test that uses them.
const primaryUrl = process.env.REPLICA_TEST_PRIMARY_URL || undefined;
const replicaUrl = process.env.REPLICA_TEST_REPLICA_URL || undefined;
const skipReason =
  'needs REPLICA_TEST_PRIMARY_URL and REPLICA_TEST_REPLICA_URL (a PostgreSQL and its streaming replica: scripts/pg-test-server.sh start 55432, then scripts/pg-replica.sh start 55432 55433)';

/** A TCP relay to the replica that the test can cut, as a replica that goes away. */
class Relay {
  private server = net.createServer((socket) => {
    const upstream = net.connect(this.target);
    this.sockets.add(socket).add(upstream);
    const drop = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.pipe(upstream).pipe(socket);
    socket.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(private target: { host: string; port: number }) {}
  async open(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function superuser<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

const one = async (url: string, text: string) =>
  superuser(url, async (c) => (await c.query(text)).rows[0]);

describe.skipIf(!primaryUrl || !replicaUrl)(
  `read replica (skipped unless it ${skipReason})`,
  () => {
    // (The body is collected even when skipped: nothing here may need the servers.)
    const primaryServer = primaryUrl ?? '';
    const replicaServer = replicaUrl ?? '';
    const name = `rba_replica_${randomBytes(4).toString('hex')}`;
    const primaryDbUrl = primaryUrl ? databaseUrlFor(primaryServer, name) : '';
    let db: Db;
    let w: World;
    const apps: { app: FastifyInstance; reads: ReadRouter }[] = [];

    /** Until the replica has replayed everything the primary has written so far. */
    async function caughtUp(): Promise<void> {
      const { lsn } = await one(primaryServer, 'select pg_current_wal_insert_lsn()::text as lsn');
      for (let i = 0; i < 300; i++) {
        const r = await one(
          replicaServer,
          `select pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn as done`,
        );
        if (r.done) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the replica did not catch up within 15 s');
    }

    async function pauseReplay(): Promise<void> {
      await one(replicaServer, 'select pg_wal_replay_pause()');
      for (let i = 0; i < 100; i++) {
        const r = await one(replicaServer, 'select pg_get_wal_replay_pause_state() as s');
        if (r.s === 'paused') return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('the replica did not pause');
    }
    const resumeReplay = () => one(replicaServer, 'select pg_wal_replay_resume()');

    async function startApp(
      readServer: string,
      o: { maxLagSeconds?: number; breakerMs?: number; waitMs?: number } = {},
    ) {
      const config = testConfig({
        DATABASE_URL: primaryDbUrl,
        DATABASE_READ_URL: databaseUrlFor(readServer, name),
        DATABASE_READ_MAX_LAG_SECONDS: String(o.maxLagSeconds ?? 10),
      });
      if (config.database.kind !== 'postgres' || !config.database.read) throw new Error('config');
      const logs: string[] = [];
      const logger = {
        warn: (...a: unknown[]) => logs.push(`warn ${String(a.at(-1))}`),
        info: (...a: unknown[]) => logs.push(`info ${String(a.at(-1))}`),
      } as unknown as FastifyBaseLogger;
      const reads = new ReadRouter({
        primary: db,
        replica: openReplica(config.database.read),
        maxLagSeconds: config.database.read.maxLagSeconds,
        breakerMs: o.breakerMs ?? 10_000,
        ...(o.waitMs === undefined ? {} : { waitMs: o.waitMs }),
        logger,
      });
      const ctx = { config, db, engine: 'postgres' as const, jwtSecret: TEST_JWT_SECRET, reads };
      const app = await buildApp(ctx);
      registerReadRouting(app, ctx); // app.ts registers it too: the second call does nothing
      await app.ready();
      apps.push({ app, reads });
      const http = () => httpOf(app);
      const as = async (u: { email: string; password: string }) => {
        const res = await http()
          .post('/api/v1/auth/login')
          .send({ email: u.email, password: u.password });
        expect(res.status).toBe(200);
        const auth = `Bearer ${res.body.token as string}`;
        return {
          get: (url: string, headers: Record<string, string> = {}) =>
            http().get(`/api/v1${url}`).set('authorization', auth).set(headers),
          put: (url: string, body: object) =>
            http().put(`/api/v1${url}`).set('authorization', auth).send(body),
        };
      };
      return { app, reads, logs, as };
    }

    beforeAll(async () => {
      await one(primaryServer, `create database ${name}`);
      db = kyselyOverPg(primaryDbUrl, 10).db;
      await migrateToLatest(db);
      w = await buildWorld(db);
      await caughtUp();
    });
    afterAll(async () => {
      await resumeReplay().catch(() => undefined);
      for (const a of apps) {
        await a.app.close();
        await a.reads.replica.destroy();
      }
      await db?.destroy();
      await one(primaryServer, `drop database if exists ${name} with (force)`);
    });

    const latest = (body: { latest: { value: number | null } | null }) => body.latest?.value;

    it('serves scorecards, series and exports from the replica, and a writer their own write', async () => {
      const { reads, as } = await startApp(replicaServer);
      const editor = await as(w.users.editorA);
      const admin = await as(w.users.admin);
      const series = `/measures/${w.countA.id}/series`;
      const cell = `/measures/${w.countA.id}/observations/${WORLD_PERIOD}`;

      // A write the replica has replayed: everyone reads it.
      const first = await editor.put(cell, { value: 40 });
      expect(first.status).toBe(200);
      expect(first.headers['x-commit-lsn']).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      await caughtUp();
      expect(latest((await admin.get(series)).body)).toBe(40);

      await pauseReplay();
      try {
        const second = await editor.put(cell, { value: 41 });
        expect(second.status).toBe(200);
        const commitLsn = second.headers['x-commit-lsn'] as string;

        // The writer reads their write (the replica cannot replay it: from the primary).
        const own = await editor.get(series);
        expect(own.status).toBe(200);
        expect(latest(own.body)).toBe(41);
        const ownCard = await editor.get(`/organizations/${w.orgA.id}/scorecard`);
        const served = ownCard.body.programs
          .flatMap(
            (p: { measures: { measureId: string; latest: { value: number } }[] }) => p.measures,
          )
          .find((m: { measureId: string }) => m.measureId === w.countA.id);
        expect(served.latest.value).toBe(41);

        // Someone else reads the replica, which still has the figure as it was: that is where
        // the answer came from (a stale read is allowed to anyone who did not write).
        const before = reads.served.replica;
        expect(latest((await admin.get(series)).body)).toBe(40);
        const card = await admin.get(`/organizations/${w.orgA.id}/scorecard`);
        expect(card.status).toBe(200);
        const table = await admin.get(`/tables/${w.table.id}/scorecard`);
        expect(table.status).toBe(200);
        // The long CSV export through COPY on the replica's own pool, and the scorecard export.
        const csv = await admin.get(
          `/exports/observations.csv?measureId=${w.countA.id}&breakdowns=false`,
        );
        expect(csv.status).toBe(200);
        const row = csv.text.split('\n').find((l) => l.includes(WORLD_PERIOD.slice(0, 6)));
        expect(row).toMatch(/,40,/);
        const scorecardCsv = await admin.get(`/exports/scorecard.csv?organizationId=${w.orgA.id}`);
        expect(scorecardCsv.status).toBe(200);
        expect(reads.served.replica - before).toBe(5);

        // The writer's position, carried by the client to another process: read from the primary.
        const carried = await admin.get(series, { 'x-min-lsn': commitLsn });
        expect(latest(carried.body)).toBe(41);
        // A position beyond anything the primary wrote is ignored rather than waited for.
        const bogus = await admin.get(series, { 'x-min-lsn': 'FFFFFFF/FFFFFFFF' });
        expect(latest(bogus.body)).toBe(40);
      } finally {
        await resumeReplay();
      }
      await caughtUp();
      expect(latest((await admin.get(series)).body)).toBe(41);
    });

    it('the writer waits briefly for the replica rather than going to the primary', async () => {
      // The test server commits with synchronous_commit=off: its WAL reaches the replica when the
      // WAL writer flushes (every 200 ms, up to three times that), not at commit. A wait longer
      // than the product's 200 ms makes the test say what it means whatever the flush's timing.
      const { reads, as } = await startApp(replicaServer, { waitMs: 5_000 });
      const editor = await as(w.users.editorA);
      const cell = `/measures/${w.countA.id}/observations/${WORLD_PERIOD}`;
      expect((await editor.put(cell, { value: 43 })).status).toBe(200);
      const before = { ...reads.served };
      const own = await editor.get(`/measures/${w.countA.id}/series`);
      expect(latest(own.body)).toBe(43);
      // The read waited for the replica to replay the write, and was served there.
      expect(reads.served.replica - before.replica).toBe(1);
    });

    it('skips a replica that lags beyond the bound, for everyone, until it catches up', async () => {
      const { reads, logs, as } = await startApp(replicaServer, { maxLagSeconds: 1 });
      const editor = await as(w.users.editorA);
      const admin = await as(w.users.admin);
      const series = `/measures/${w.countA.id}/series`;
      const cell = `/measures/${w.countA.id}/observations/${WORLD_PERIOD}`;
      expect((await editor.put(cell, { value: 50 })).status).toBe(200);
      await caughtUp();
      expect(latest((await admin.get(series)).body)).toBe(50);

      await pauseReplay();
      try {
        expect((await editor.put(cell, { value: 51 })).status).toBe(200);
        // Within the bound the replica may still answer, with the figure as it was; past it
        // (sampled once a second), every reader gets the primary.
        await admin.get(series);
        await new Promise((resolve) => setTimeout(resolve, 2500));
        await admin.get(series);
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const before = reads.served.primary;
        const res = await admin.get(series);
        expect(latest(res.body)).toBe(51);
        expect(reads.served.primary - before).toBe(1);
        expect(logs.some((l) => l.includes('lags too far behind'))).toBe(true);
      } finally {
        await resumeReplay();
      }
      await caughtUp();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const before = reads.served.replica;
      expect(latest((await admin.get(series)).body)).toBe(51);
      expect(reads.served.replica - before).toBe(1);
      expect(logs.some((l) => l.includes('caught up'))).toBe(true);
    });

    it('does not take WAL the primary has not yet flushed for a replica that lags', async () => {
      // After a quiet spell a primary still writes WAL without committing anything (autovacuum,
      // checkpoints), and may hold it in memory for a while before flushing it. No replica can
      // have what was never sent: such WAL is not lag. Here the WAL writer is slowed so that a
      // record stays unflushed for the whole read.
      const { reads, logs, as } = await startApp(replicaServer, { maxLagSeconds: 1 });
      const editor = await as(w.users.editorA);
      const admin = await as(w.users.admin);
      const series = `/measures/${w.countA.id}/series`;
      const cell = `/measures/${w.countA.id}/observations/${WORLD_PERIOD}`;
      expect((await editor.put(cell, { value: 60 })).status).toBe(200);
      await caughtUp();
      expect(latest((await admin.get(series)).body)).toBe(60);
      // Longer than the bound since the last commit the replica replayed.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await one(primaryServer, `alter system set wal_writer_delay = '10s'`);
      try {
        await one(primaryServer, 'select pg_reload_conf()');
        await new Promise((resolve) => setTimeout(resolve, 300));
        const at = await one(
          primaryServer,
          `select pg_logical_emit_message(false, 'rba-test', 'x')::text as lsn,
             pg_current_wal_flush_lsn()::text as flushed`,
        );
        // The record is written but not flushed (else this test would show nothing).
        expect(parseLsn(at.lsn) as bigint).toBeGreaterThan(parseLsn(at.flushed) as bigint);
        const before = { ...reads.served };
        expect(latest((await admin.get(series)).body)).toBe(60);
        expect(reads.served.replica - before.replica).toBe(1);
        expect(logs.some((l) => l.includes('lags too far behind'))).toBe(false);
      } finally {
        await one(primaryServer, 'alter system reset wal_writer_delay');
        await one(primaryServer, 'select pg_reload_conf()');
      }
    });

    it('answers from the primary when the replica goes away, logs it once, and uses it again after', async () => {
      const target = new URL(replicaServer);
      const relay = new Relay({ host: target.hostname, port: Number(target.port) });
      await relay.open();
      const { reads, logs, as } = await startApp(
        `postgres://postgres@127.0.0.1:${relay.port}/postgres`,
        {
          breakerMs: 1500,
        },
      );
      const admin = await as(w.users.admin);
      const series = `/measures/${w.countA.id}/series`;
      const urls = [
        series,
        `/tables/${w.table.id}/scorecard`,
        `/exports/observations.csv?measureId=${w.countA.id}`,
      ];
      expect((await admin.get(series)).status).toBe(200);
      expect(reads.served.replica).toBe(1);

      await relay.cut();
      // The replica's status was looked up a moment ago: the next read tries it, fails to
      // connect, and runs again on the primary; the ones after skip it.
      for (const url of [...urls, ...urls]) {
        const res = await admin.get(url);
        expect(res.status, url).toBe(200);
      }
      expect(reads.served.fallback).toBe(1);
      expect(reads.served.primary).toBe(urls.length * 2 - 1);
      expect(logs.filter((l) => l.includes('unreachable'))).toHaveLength(1);

      await relay.open();
      await new Promise((resolve) => setTimeout(resolve, 1600));
      const before = reads.served.replica;
      expect((await admin.get(series)).status).toBe(200);
      expect(reads.served.replica - before).toBe(1);
      expect(logs.some((l) => l.includes('reachable again'))).toBe(true);
      await relay.cut();
    });

    it('answers from the primary when the replica was never there', async () => {
      // A port nothing listens on.
      const closed = net.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as net.AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const { reads, logs, as } = await startApp(`postgres://postgres@127.0.0.1:${port}/postgres`);
      const admin = await as(w.users.admin);
      for (const url of [
        `/measures/${w.countA.id}/series`,
        `/organizations/${w.orgA.id}/scorecard`,
        `/exports/scorecard.csv?tableId=${w.table.id}`,
      ]) {
        expect((await admin.get(url)).status, url).toBe(200);
      }
      expect(reads.served.replica).toBe(0);
      expect(logs.filter((l) => l.includes('unreachable'))).toHaveLength(1);
    });
  },
);

describe('DATABASE_READ_URL configuration', () => {
  const base = { DATABASE_URL: 'postgres://u@primary/db', JWT_SECRET: TEST_JWT_SECRET };
  it('is optional, only with DATABASE_URL, and never repeats its value in an error', () => {
    const none = loadConfig(base).database;
    expect(none.kind === 'postgres' && none.read).toBeUndefined();
    const read = loadConfig({
      ...base,
      DATABASE_POOL_SIZE: '7',
      DATABASE_READ_URL: 'postgresql://u:secret@replica/db',
    }).database;
    expect(read).toMatchObject({
      read: { url: 'postgresql://u:secret@replica/db', poolSize: 7, maxLagSeconds: 10 },
    });
    const sized = loadConfig({
      ...base,
      DATABASE_READ_URL: 'postgres://replica/db',
      DATABASE_READ_POOL_SIZE: '20',
      DATABASE_READ_MAX_LAG_SECONDS: '2.5',
    }).database;
    expect(sized).toMatchObject({ read: { poolSize: 20, maxLagSeconds: 2.5 } });
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://replica/db' })).toThrow(
      /^DATABASE_READ_URL: only with DATABASE_URL/,
    );
    expect(() => loadConfig({ ...base, DATABASE_READ_URL: 'mysql://u:secret@replica/db' })).toThrow(
      'DATABASE_READ_URL: must be a postgres:// or postgresql:// URL (value not shown)',
    );
  });
});

describe('LSNs', () => {
  it('parse and print as PostgreSQL writes them, and compare in WAL order', () => {
    expect(parseLsn('0/3000F88')).toBe(0x3000f88n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(formatLsn((0x16n << 32n) | 0xb374d848n)).toBe('16/B374D848');
    expect((parseLsn('1/0') as bigint) > (parseLsn('0/FFFFFFFF') as bigint)).toBe(true);
    for (const bad of ['', '1', '1/', '/1', '1/2/3', 'G/1', '123456789/1', undefined, 5]) {
      expect(parseLsn(bad)).toBeUndefined();
    }
  });
});
