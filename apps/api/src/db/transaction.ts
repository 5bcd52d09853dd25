import type { Db, Trx } from './schema.js';

/** Work registered to run at the end of a transaction, in order, just before it commits. */
const beforeCommitHooks = new WeakMap<Trx, (() => Promise<void>)[]>();

/**
 * Runs a use case in one transaction. Inside it only `trx` may be used: on PGlite, touching
 * `db` while a transaction is open waits forever on the single connection.
 */
export function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const hooks: (() => Promise<void>)[] = [];
    beforeCommitHooks.set(trx, hooks);
    const result = await work(trx);
    // A hook may register another; each runs once, in the order registered.
    for (let i = 0; i < hooks.length; i++) await (hooks[i] as () => Promise<void>)();
    return result;
  });
}

/**
 * Runs `hook` at the end of the transaction `trx` (opened by inTransaction), after the use
 * case's own work and before the commit; nothing runs if the work throws. Returns false when
 * `trx` was not opened by inTransaction: the caller then does the work at once.
 */
export function beforeCommit(trx: Trx, hook: () => Promise<void>): boolean {
  const hooks = beforeCommitHooks.get(trx);
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}
