// db/row-stream.ts hands a statement's rows over in order; a row handler's error is the answer
// and the statement's client goes back to the pool, while a client whose statement failed is
// dropped. The pool's counts are PostgreSQL's alone (PGlite has one connection and no pool).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyOverPg } from '../src/db/database.js';
import { streamRows, streams } from '../src/db/row-stream.js';
import type { Db } from '../src/db/schema.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

let t: TestDatabase;
let db: Db;
let pool: { totalCount: number; idleCount: number } | undefined;
let close = async () => {};

beforeAll(async () => {
  t = await createTestDatabase();
  if (t.engine === 'postgres' && t.url) {
    const own = kyselyOverPg(t.url, 2);
    db = own.db;
    pool = own.pool;
    close = () => own.db.destroy();
  } else db = t.db;
});
afterAll(async () => {
  await close();
  await t?.close();
});

const numbers = (n: number) =>
  sql<{ n: number }>`select n::int as n from generate_series(1, ${n}::int) as n`.compile(db);

describe('rows of one statement, handed over as they come', () => {
  it('hands every row over, in the order the database sends them', async () => {
    expect(streams(db)).toBe(t.engine === 'postgres');
    const seen: number[] = [];
    await streamRows(db, numbers(5), (r) => seen.push(r.n));
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('answers with the row handler’s error, stops calling it, and keeps the client', async () => {
    await streamRows(db, numbers(1), () => {}); // the pool holds one idle client
    const before = pool ? { total: pool.totalCount, idle: pool.idleCount } : undefined;
    const calls: number[] = [];
    const boom = new Error('the reader gave up');
    await expect(
      streamRows(db, numbers(4), (r) => {
        calls.push(r.n);
        if (r.n === 2) throw boom;
      }),
    ).rejects.toBe(boom);
    if (pool && before) {
      expect({ total: pool.totalCount, idle: pool.idleCount }).toEqual(before);
    }
    expect(calls).toEqual([1, 2]);
    const seen: number[] = [];
    await streamRows(db, numbers(3), (r) => seen.push(r.n));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('answers with the statement’s error, drops that client, and serves the next statement', async () => {
    await streamRows(db, numbers(1), () => {});
    const before = pool?.totalCount;
    const failing = sql<{ n: number }>`select 1 / (n - 2) as n from generate_series(1, 3) as n`;
    await expect(streamRows(db, failing.compile(db), () => {})).rejects.toThrow(/division by zero/);
    if (pool && before !== undefined) expect(pool.totalCount).toBe(before - 1);
    const seen: number[] = [];
    await streamRows(db, numbers(2), (r) => seen.push(r.n));
    expect(seen).toEqual([1, 2]);
  });
});
