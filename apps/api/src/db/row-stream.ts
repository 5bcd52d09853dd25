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
  // Set only when the statement itself failed: a client whose statement failed may be in any
  // state, and the pool drops it (as pg's own pool.query does). A row handler that throws
  // leaves the statement to end cleanly: its error is the answer, and the client goes back.
  let statementFailed: Error | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let rowFailed: unknown;
      const q = new pg.Query(query.sql, query.parameters as unknown[]);
      q.on('row', (row: R) => {
        if (rowFailed !== undefined) return;
        try {
          onRow(row);
        } catch (err) {
          rowFailed = err;
        }
      });
      q.on('error', (err: Error) => {
        statementFailed = err;
        reject(err);
      });
      q.on('end', () => (rowFailed === undefined ? resolve() : reject(rowFailed)));
      client.query(q);
    });
  } finally {
    client.release(statementFailed);
  }
}
