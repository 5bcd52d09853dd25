import type { Db, Trx } from './schema.js';

/**
 * Runs a use case in one transaction. Inside it only `trx` may be used: on PGlite, touching
 * `db` while a transaction is open waits forever on the single connection.
 */
export function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
