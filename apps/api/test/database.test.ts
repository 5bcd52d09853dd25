// The database layer on whichever engine this run tests (PGlite, or PostgreSQL with
// TEST_DATABASE_URL): CI runs this file on both.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditEvent } from '../src/audit/audit.repository.js';
import { knownMigrations, migrateDownAll, migrateToLatest } from '../src/db/migrate.js';
import { inTransaction } from '../src/db/transaction.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { testDatabaseUrl } from './helpers/test-env.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

async function tableNames(): Promise<string[]> {
  const r = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public'
    order by table_name`.execute(t.db);
  return r.rows.map((row) => row.table_name);
}

describe(`database on ${testDatabaseUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('returns the same JS types for bigint, numeric, date and timestamptz', async () => {
    const r = await sql<{ big: unknown; num: unknown; day: unknown; at: unknown; whole: unknown }>`
      select 9007199254740991::int8 as big, 12.375::numeric as num,
             date '2025-04-01' as day, timestamptz '2025-04-01T12:30:00Z' as at,
             count(*) as whole from (values (1), (2)) v(x)`.execute(t.db);
    const row = r.rows[0];
    expect(row).toEqual({
      big: 9007199254740991,
      num: 12.375,
      day: '2025-04-01',
      at: new Date('2025-04-01T12:30:00Z'),
      whole: 2,
    });
    expect(typeof row?.big).toBe('number');
    expect(typeof row?.num).toBe('number');
    expect(row?.at).toBeInstanceOf(Date);
  });

  it('refuses an int8 beyond the safe integer range rather than rounding it', async () => {
    await expect(sql`select 9007199254740993::int8 as big`.execute(t.db)).rejects.toThrow(
      /safe integer/,
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    await inTransaction(t.db, (trx) =>
      insertAuditEvent(trx, {
        actorId: null,
        action: 'test.write',
        entity: 'test',
        entityId: '1',
        after: { a: 1 },
        requestId: 'r1',
      }),
    );
    await expect(sql`update audit_events set action = 'tampered'`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
    const rows = await t.db.selectFrom('audit_events').select(['action', 'after']).execute();
    expect(rows).toEqual([{ action: 'test.write', after: { a: 1 } }]);
  });

  it('keeps one of two concurrent transactions when the other rolls back', async () => {
    const failing = inTransaction(t.db, async (trx) => {
      await trx
        .insertInto('organizations')
        .values({ code: 'ROLLED-BACK', name: 'Rolled back', kind: 'agency' })
        .execute();
      // Give the other transaction a chance to run in between.
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('deliberate failure');
    });
    const succeeding = inTransaction(t.db, async (trx) => {
      await trx
        .insertInto('organizations')
        .values({ code: 'COMMITTED', name: 'Committed', kind: 'agency' })
        .execute();
      await new Promise((r) => setTimeout(r, 5));
    });
    const [a, b] = await Promise.allSettled([failing, succeeding]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('fulfilled');
    const codes = await t.db
      .selectFrom('organizations')
      .select('code')
      .where('code', 'in', ['ROLLED-BACK', 'COMMITTED'])
      .execute();
    expect(codes).toEqual([{ code: 'COMMITTED' }]);
  });

  it('enforces one user per email whatever its case', async () => {
    await t.db
      .insertInto('users')
      .values({ email: 'Same@Example.org', name: 'A', password_hash: 'x' })
      .execute();
    await expect(
      t.db
        .insertInto('users')
        .values({ email: 'same@example.ORG', name: 'B', password_hash: 'x' })
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i);
  });

  it('migrates all the way down and back up', async () => {
    await migrateDownAll(t.db);
    expect(await tableNames()).toEqual(['kysely_migration', 'kysely_migration_lock']);
    const result = await migrateToLatest(t.db);
    expect(result.results?.map((r) => r.migrationName)).toEqual(knownMigrations);
    expect(await tableNames()).toEqual(
      expect.arrayContaining(['audit_events', 'organizations', 'role_grants', 'settings', 'users']),
    );
    const settings = await t.db.selectFrom('settings').selectAll().executeTakeFirstOrThrow();
    expect(settings).toMatchObject({
      fiscal_year_start_month: 4,
      small_cell_threshold: 5,
      default_locale: 'en',
    });
  });
});
