// The bulk-import migration: the measure checks on observations run once per statement with the
// per-row trigger's errcode and messages, and the audit chain stays linear and verifiable when a
// transaction appends many events, rolls some back to a savepoint, and appends again.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvents, insertAuditEvent } from '../src/audit/audit.repository.js';
import { verifyAuditChain } from '../src/audit/audit-chain.js';
import { inTransaction } from '../src/db/transaction.js';
import { buildWorld, type World } from '../support/world.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
});
afterAll(async () => t?.closeAll());

/** The error a statement raises, as the database reports it. */
async function failureOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { code: e.code, message: e.message };
  }
  return null;
}

function insertRows(rows: { measureId: string; start: string; value: number }[]) {
  return sql`
    insert into observations (measure_id, period_start, period_end, breakdown, value, status)
    select r.m, r.s, r.s, '', r.v, 'draft'
    from unnest(${rows.map((r) => r.measureId)}::uuid[], ${rows.map((r) => r.start)}::date[],
      ${rows.map((r) => r.value)}::numeric[]) as r(m, s, v)`.execute(t.db);
}

describe('the measure checks on observations, per statement', () => {
  it('refuses a statement with one bad row among many, with the errcode and message of old', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({
      measureId: w.countA.id,
      start: `${1500 + i}-01-01`,
      value: i === 321 ? 2.5 : i,
    }));
    expect(await failureOf(() => insertRows(rows))).toEqual({
      code: '23514',
      message: 'a count must be a whole number of at least 0',
    });
    const stored = await sql<{ n: number }>`
      select count(*)::int as n from observations
      where measure_id = ${w.countA.id} and period_start < '2000-01-01'`.execute(t.db);
    expect(stored.rows[0]?.n).toBe(0);
  });

  it('checks each rule: counts, a ratio’s parts, percentages', async () => {
    expect(
      await failureOf(() =>
        sql`insert into observations (measure_id, period_start, period_end, numerator, denominator)
          values (${w.countA.id}, '1400-01-01', '1400-01-01', 1, 2)`.execute(t.db),
      ),
    ).toEqual({
      code: '23514',
      message: 'a count takes a value, not a numerator and denominator',
    });
    expect(
      await failureOf(() =>
        sql`insert into observations (measure_id, period_start, period_end, numerator, denominator)
          values (${w.ratioA.id}, '1400-01-01', '1400-01-01', 3, 2)`.execute(t.db),
      ),
    ).toEqual({ code: '23514', message: 'a numerator may not exceed its denominator' });
    expect(
      await failureOf(() =>
        sql`insert into observations (measure_id, period_start, period_end, value)
          values (${w.indicator.id}, '1400-01-01', '1400-12-31', 101)`.execute(t.db),
      ),
    ).toEqual({ code: '23514', message: 'a percentage lies between 0 and 100' });
  });

  it('checks updates too, and lets good rows through', async () => {
    await insertRows([
      { measureId: w.countA.id, start: '1300-01-01', value: 1 },
      { measureId: w.countA.id, start: '1300-02-01', value: 2 },
    ]);
    expect(
      await failureOf(() =>
        sql`update observations set value = -1
          where measure_id = ${w.countA.id} and period_start >= '1300-01-01' and period_start < '1301-01-01'`.execute(
          t.db,
        ),
      ),
    ).toEqual({ code: '23514', message: 'a count must be a whole number of at least 0' });
    await sql`update observations set value = value + 1
      where measure_id = ${w.countA.id} and period_start >= '1300-01-01' and period_start < '1301-01-01'`.execute(
      t.db,
    );
  });
});

describe('the audit chain in bulk', () => {
  it('stays one verifiable chain through many events, a rolled-back savepoint, and more', async () => {
    const before = await t.db
      .selectFrom('audit_chain_head')
      .select('seq')
      .executeTakeFirstOrThrow();
    await inTransaction(t.db, async (trx) => {
      await appendAuditEvents(
        trx,
        { actorId: null, requestId: 'bulk-test', entity: 'observation' },
        Array.from({ length: 1200 }, (_, i) => ({
          action: 'observation.create',
          entityId: `bulk-${i}`,
          before: undefined,
          after: { n: i },
        })),
      );
      await insertAuditEvent(trx, {
        actorId: null,
        action: 'import.commit',
        entity: 'import',
        entityId: null,
        after: { n: 1200 },
        requestId: 'bulk-test',
      });
    });
    // Events written directly, then some of them rolled back to a savepoint.
    await t.db.transaction().execute(async (trx) => {
      await sql`insert into audit_events (action, entity, entity_id)
        select 'bulk.direct', 'thing', g::text from generate_series(1, 50) g`.execute(trx);
      await sql`savepoint s`.execute(trx);
      await sql`insert into audit_events (action, entity, entity_id)
        select 'bulk.undone', 'thing', g::text from generate_series(1, 30) g`.execute(trx);
      await sql`rollback to savepoint s`.execute(trx);
      await sql`insert into audit_events (action, entity, entity_id)
        select 'bulk.after', 'thing', g::text from generate_series(1, 20) g`.execute(trx);
    });
    const head = await t.db
      .selectFrom('audit_chain_head')
      .select(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    expect(Number(head.seq) - Number(before.seq)).toBe(1200 + 1 + 50 + 20);
    const undone = await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'bulk.undone')
      .execute();
    expect(undone).toEqual([]);
    const order = await t.db
      .selectFrom('audit_events')
      .select(['entity_id'])
      .where('request_id', '=', 'bulk-test')
      .where('entity', '=', 'observation')
      .orderBy('seq')
      .execute();
    expect(order.map((r) => r.entity_id)).toEqual(
      Array.from({ length: 1200 }, (_, i) => `bulk-${i}`),
    );
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ intact: true, head: { seq: Number(head.seq) } });
  });
});
