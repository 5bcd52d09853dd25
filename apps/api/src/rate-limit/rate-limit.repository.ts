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
