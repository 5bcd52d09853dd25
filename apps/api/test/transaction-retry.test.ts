// inTransaction runs a use case again when PostgreSQL aborts it to break a deadlock. Two
// transactions lock two rows in opposite orders, meeting at a barrier in between: on
// PostgreSQL one side is aborted (40P01) and must succeed on its second attempt; on PGlite the
// transactions cannot interleave (one connection) and both simply succeed.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/db/transaction.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await sql`create table retry_probe (id int primary key, n int not null)`.execute(t.db);
  await sql`insert into retry_probe values (1, 0), (2, 0)`.execute(t.db);
});
afterAll(async () => t?.close());

describe('inTransaction and deadlocks', () => {
  it('runs again the side PostgreSQL aborted, so both writes land', async () => {
    const interleave = t.engine === 'postgres';
    let arrived = 0;
    let release: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      release = resolve;
    });
    const attempts = { a: 0, b: 0 };
    const side = (name: 'a' | 'b', first: number, second: number) =>
      inTransaction(t.db, async (trx) => {
        attempts[name]++;
        await sql`update retry_probe set n = n + 1 where id = ${first}`.execute(trx);
        if (interleave && attempts[name] === 1) {
          arrived++;
          if (arrived === 2) release();
          await barrier;
        }
        await sql`update retry_probe set n = n + 1 where id = ${second}`.execute(trx);
        return name;
      });
    const results = await Promise.all([side('a', 1, 2), side('b', 2, 1)]);
    expect(results).toEqual(['a', 'b']);
    const rows = await sql<{ id: number; n: number }>`select id, n from retry_probe order by id`
      .execute(t.db)
      .then((r) => r.rows);
    // Each side added one to each row exactly once: the aborted attempt left nothing.
    expect(rows).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
    if (interleave) expect(attempts.a + attempts.b).toBe(3);
    else expect(attempts).toEqual({ a: 1, b: 1 });
  });

  it('does not run again a use case that failed for its own reasons', async () => {
    let calls = 0;
    await expect(
      inTransaction(t.db, async () => {
        calls++;
        throw new Error('a rule of the use case');
      }),
    ).rejects.toThrow('a rule of the use case');
    expect(calls).toBe(1);
  });
});
