// Downloads dropped half-way must give back what they hold. On PostgreSQL the long export is a
// COPY on a pooled connection: a client that hangs up before the first rows used to leave that
// COPY waiting for a reader forever, and after as many drops as the pool has connections every
// export hung (found by the 64-connection load run). Here more downloads than the pool holds are
// dropped over real sockets, then an export must still answer, and no connection may stay busy.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/world.js';
import { createTestApp, type TestApp } from './helpers/app.js';

const DROPS = 48; // several times the test pool's 10 connections

let t: TestApp;
let w: World;
let port: number;
let auth: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  // Two centuries of quarters: an export far larger than the stream buffers (16 KB), so a
  // download nobody reads leaves the COPY writing into a full buffer.
  await sql`
    insert into observations (measure_id, period_start, period_end, value, status)
    select ${w.countA.id}::uuid, d::date, (d + interval '3 months' - interval '1 day')::date,
      extract(year from d)::int, 'draft'
    from generate_series(date '1800-04-01', date '1999-01-01', interval '3 months') d
    on conflict do nothing`.execute(t.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
  auth = await t.login(w.users.admin.email, w.users.admin.password);
});
afterAll(async () => t?.closeAll());

/**
 * Starts a download and hangs up after `ms`: at 0 before the server has answered anything,
 * later while it is starting the COPY or has sent the first bytes.
 */
function drop(path: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { authorization: auth } });
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.on('error', () => resolve());
      res.on('close', () => resolve());
    });
    setTimeout(() => {
      req.destroy();
      resolve();
    }, ms);
  });
}

describe('dropped CSV downloads', () => {
  it(`${DROPS} downloads dropped at every moment leave the exports working`, async () => {
    const path = `/api/v1/exports/observations.csv?organizationId=${w.orgA.id}`;
    // Hang-ups from before the request is read to after the first bytes, a few at each moment.
    for (let i = 0; i < DROPS; i++) await drop(path, i % 16);
    // Let the server notice the hang-ups and finish with them.
    await new Promise((r) => setTimeout(r, 500));

    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: { authorization: auth },
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(200);
    expect((await res.text()).split('\n')[0]).toContain('measure');
    expect(Date.now() - started).toBeLessThan(10_000);

    if (t.engine === 'postgres') {
      // Nothing is left running a COPY for a reader that has gone.
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()
          and state = 'active' and query ilike 'copy%'`.execute(t.db);
      expect(rows[0]?.n).toBe(0);
    }
  });
});
