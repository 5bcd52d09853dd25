// Fixed-window counters kept in the database, so that every API process counts together.
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';

export interface WindowCount {
  count: number;
  windowStart: Date;
}

/** Adds one to the key's counter, starting a new window when the old one has passed. */
export async function hitCounter(
  db: DbOrTrx,
  key: string,
  windowSeconds: number,
): Promise<WindowCount> {
  const row = await sql<{ count: number; window_start: Date }>`
    insert into rate_limits as r (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when r.window_start <= now() - make_interval(secs => ${windowSeconds}) then 1 else r.count + 1 end,
      window_start = case when r.window_start <= now() - make_interval(secs => ${windowSeconds}) then now() else r.window_start end
    returning count, window_start`.execute(db);
  const r = row.rows[0];
  if (!r) throw new Error('rate limit upsert returned no row');
  return { count: r.count, windowStart: r.window_start };
}

/** The counter of the current window, or 0 when there is none or it has passed. */
export async function peekCounter(
  db: DbOrTrx,
  key: string,
  windowSeconds: number,
): Promise<WindowCount | undefined> {
  const result = await sql<{ count: number; window_start: Date }>`
    select count, window_start from rate_limits
    where key = ${key} and window_start > now() - make_interval(secs => ${windowSeconds})`.execute(
    db,
  );
  const r = result.rows[0];
  return r ? { count: r.count, windowStart: r.window_start } : undefined;
}

export async function resetCounter(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** A run of failures: how many in a row, and how many seconds ago the last one happened. */
export interface FailureStreak {
  failures: number;
  secondsSinceLast: number;
}

/**
 * Adds one failure to the key's streak (stored in the same table: `count` is the streak and
 * `window_start` the time of the last failure). A streak quiet for `forgetSeconds` starts again.
 * The database's clock decides, so several API processes agree.
 */
export async function recordFailure(
  db: DbOrTrx,
  key: string,
  forgetSeconds: number,
): Promise<number> {
  const row = await sql<{ count: number }>`
    insert into rate_limits as r (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when r.window_start <= now() - make_interval(secs => ${forgetSeconds}) then 1 else r.count + 1 end,
      window_start = now()
    returning count`.execute(db);
  const r = row.rows[0];
  if (!r) throw new Error('failure streak upsert returned no row');
  return r.count;
}

/** The key's current streak, or undefined when there is none (or it was forgotten). */
export async function peekStreak(
  db: DbOrTrx,
  key: string,
  forgetSeconds: number,
): Promise<FailureStreak | undefined> {
  const result = await sql<{ count: number; since: number }>`
    select count, extract(epoch from (now() - window_start))::float8 as since from rate_limits
    where key = ${key} and window_start > now() - make_interval(secs => ${forgetSeconds})`.execute(
    db,
  );
  const r = result.rows[0];
  return r ? { failures: r.count, secondsSinceLast: Number(r.since) } : undefined;
}
