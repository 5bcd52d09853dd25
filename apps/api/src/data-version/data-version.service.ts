// The data version: a number every API process reads alike from the database, which grows
// whenever a change to anything a scorecard shows commits (migration
// 20261207020000-data-version, docs/decisions.md "A data version for conditional GETs").
import type { Db } from '../db/schema.js';
import { compactDataChanges, readDataVersion } from './data-version.repository.js';

/** Past this many rows in the log, a read folds them into one (the sum stays the same). */
export const COMPACT_AFTER = 2000;

const compacting = new WeakSet<Db>();

/**
 * The current data version, read from `read` (the database the answer's data will be read
 * from, so the version is never newer than that data). When the log has grown past
 * COMPACT_AFTER rows, it is compacted on `primary` in the background (one at a time per
 * process; a failure only leaves the log as it was).
 */
export async function currentDataVersion(
  read: Db,
  primary: Db = read,
  onError: (err: unknown) => void = () => {},
): Promise<number> {
  const { version, rows } = await readDataVersion(read);
  if (rows > COMPACT_AFTER && !compacting.has(primary)) {
    compacting.add(primary);
    void compactDataChanges(primary)
      .catch(onError)
      .finally(() => compacting.delete(primary));
  }
  return version;
}

/** Folds the change log into one row now (tests, maintenance); the version is unchanged. */
export async function compactDataVersion(primary: Db): Promise<number> {
  return compactDataChanges(primary);
}
