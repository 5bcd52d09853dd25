// Rows of one statement handed over as PostgreSQL sends them, for a reader that can use each row
// before the last has come (the collective scorecard: issue #22). On PostgreSQL the statement
// runs on a client of the pool behind the Kysely instance, and pg emits each row as its bytes
// arrive; anywhere else (PGlite, a transaction) it runs as usual and its rows are handed over
// one after another once it has answered.
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { DbOrTrx } from './schema.js';

const pools = new WeakMap<object, pg.Pool>();

/** Records the pool a Kysely instance over pg runs on (database.ts, kyselyOverPg). */
export function notePool(db: object, pool: pg.Pool): void {
  pools.set(db, pool);
}

/** Whether `db` hands rows over as they come (PostgreSQL outside a transaction). */
export function streams(db: object): boolean {
  return pools.has(db);
}

/** Runs `query`, calling `onRow` with each row in the order the database sends them. */
export async function streamRows<R>(
  db: DbOrTrx,
  query: CompiledQuery<R>,
  onRow: (row: R) => void,
): Promise<void> {
  const pool = pools.get(db);
  if (!pool) {
    const { rows } = await db.executeQuery(query);
    for (const row of rows) onRow(row);
    return;
  }
  const client = await pool.connect();
  let failed: unknown;
  try {
    await new Promise<void>((resolve, reject) => {
      const q = new pg.Query(query.sql, query.parameters as unknown[]);
      q.on('row', (row: R) => {
        try {
          onRow(row);
        } catch (err) {
          failed ??= err;
        }
      });
      q.on('error', reject);
      q.on('end', () => (failed === undefined ? resolve() : reject(failed)));
      client.query(q);
    });
  } catch (err) {
    failed ??= err;
    throw err;
  } finally {
    // A client whose statement failed may be in any state: the pool drops it.
    client.release(failed instanceof Error ? failed : undefined);
  }
}
