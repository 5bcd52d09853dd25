// The data version's two statements (migration 20261207020000-data-version): its read, and the
// compaction of its change log.
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';

/** The data version (the log's total weight) and how many rows the log holds, in one read. */
export async function readDataVersion(db: DbOrTrx): Promise<{ version: number; rows: number }> {
  const { rows } = await sql<{ version: number; rows: number }>`
    select coalesce(sum(weight), 0)::int8 as version, count(*)::int8 as rows
    from data_changes`.execute(db);
  return rows[0] ?? { version: 0, rows: 0 };
}

/** Arbitrary, fixed: the advisory lock one compaction at a time takes (per database). */
const COMPACTION_LOCK = 7_220_221_207;

/**
 * Replaces every row of the log this statement sees by one row of their total weight, in one
 * statement (one transaction): a reader sees the log before or after it, with the same sum. Rows
 * that writers commit meanwhile are not seen, so not deleted, and still count. Only one
 * compaction runs at a time (a transaction-scoped advisory lock; the others delete nothing).
 * Returns how many rows it folded.
 */
export async function compactDataChanges(db: DbOrTrx): Promise<number> {
  const { rows } = await sql<{ folded: number }>`
    with lock as (select pg_try_advisory_xact_lock(${COMPACTION_LOCK}::int8) as got),
    gone as (
      delete from data_changes where (select got from lock) returning weight
    ),
    total as (
      insert into data_changes (weight)
      select sum(weight) from gone having count(*) > 0
      returning weight
    )
    select (select count(*) from gone)::int8 as folded, (select count(*) from total)::int8 as inserted`.execute(
    db,
  );
  return rows[0]?.folded ?? 0;
}
