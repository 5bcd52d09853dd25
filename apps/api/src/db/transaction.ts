import type { Db, Trx } from './schema.js';

/** Work registered to run at the end of a transaction, in order, just before it commits. */
const beforeCommitHooks = new WeakMap<Trx, (() => Promise<void>)[]>();

/**
 * PostgreSQL's answers that mean "this transaction lost a race, run it again": a deadlock it
 * broke by aborting this side (40P01), or a serialization failure (40001). The whole
 * transaction was rolled back, so running the use case again is safe.
 */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/**
 * Runs a use case in one transaction. Inside it only `trx` may be used: on PGlite, touching
 * `db` while a transaction is open waits forever on the single connection. A transaction that
 * PostgreSQL aborted to break a deadlock is run again (up to three attempts in all), so `work`
 * must keep its state inside the call.
 *
 * Given a transaction that inTransaction opened, the use case joins it: its work and its
 * before-commit hooks become part of the outer one, which commits or rolls back the lot (the
 * demo seed runs dozens of use cases as one). The outer transaction does any retrying.
 */
export async function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    const outer = db as Trx;
    if (!beforeCommitHooks.has(outer)) {
      throw new Error('inTransaction: a transaction not opened by inTransaction cannot be joined');
    }
    return work(outer);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const hooks: (() => Promise<void>)[] = [];
        beforeCommitHooks.set(trx, hooks);
        const result = await work(trx);
        // A hook may register another; each runs once, in the order registered.
        for (let i = 0; i < hooks.length; i++) await (hooks[i] as () => Promise<void>)();
        return result;
      });
    } catch (err) {
      if (attempt >= ATTEMPTS || !isRetryable(err)) throw err;
      // A short random pause, so the two sides of a deadlock do not meet again at once.
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
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
