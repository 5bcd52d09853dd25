// The embedded database's own autovacuum. PGlite runs no autovacuum: a database filled through
// the API was never analyzed, so the planner guessed at every table's size (a community's
// scorecard read its figures with a sort where an index-only scan would do, 76 ms against 33),
// and no page was ever marked all-visible. The server vacuums and analyzes a table as
// PostgreSQL's autovacuum would, with its default thresholds: soon after start-up (which also
// catches a table never analyzed at all), then once a minute, and soon after an import.
//
// PGlite has one connection: a VACUUM is a statement in the queue like any request's, a table
// at a time, so it holds the others back for one table's work at most. It waits while an
// import writes (`whileWriting`), and runs once that is done.
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Db } from './schema.js';

/** The first check comes this soon after start-up, then one per interval. */
const FIRST_CHECK_MS = 5_000;
const INTERVAL_MS = 60_000;
/** After an import, the check comes this soon. */
const AFTER_WRITING_MS = 2_000;

/** A table that needs upkeep, and why (for the log). */
export interface UpkeepTable {
  schema: string;
  name: string;
  reason: 'never analyzed' | 'dead rows' | 'inserts' | 'changes' | 'grown';
}

/**
 * The tables that autovacuum would take now, by its default settings: dead rows over 50 + 20 %
 * of the table, inserts since the last vacuum over 1,000 + 20 %, rows changed since the last
 * analyze over 50 + 10 %. Two more, which autovacuum has no need of: a table with pages that
 * was never vacuumed or analyzed, and a table grown by a fifth since (its counters are lost
 * when the database is closed, the sizes are not).
 */
export async function tablesNeedingUpkeep(db: Db): Promise<UpkeepTable[]> {
  // The counters of this session's own writes reach the statistics views once flushed.
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const { rows } = await sql<UpkeepTable>`
    select schema, name, reason from (
      select s.schemaname as schema, s.relname as name,
        case
          when c.reltuples < 0 then 'never analyzed'
          when s.n_dead_tup > 50 + 0.2 * c.reltuples then 'dead rows'
          when s.n_ins_since_vacuum > 1000 + 0.2 * c.reltuples then 'inserts'
          when s.n_mod_since_analyze > 50 + 0.1 * c.reltuples then 'changes'
          when pg_relation_size(c.oid) / current_setting('block_size')::int
            > 8 + 1.2 * c.relpages then 'grown'
        end as reason
      from pg_stat_user_tables s
      join pg_class c on c.oid = s.relid
      where pg_relation_size(c.oid) > 0
    ) t
    where reason is not null
    order by schema, name`.execute(db);
  return rows;
}

/** VACUUM (ANALYZE) of each table that needs it, one statement at a time. */
export async function upkeep(db: Db): Promise<UpkeepTable[]> {
  const tables = await tablesNeedingUpkeep(db);
  for (const t of tables) await sql`vacuum (analyze) ${sql.id(t.schema, t.name)}`.execute(db);
  return tables;
}

let writing = 0;
const afterWriting = new Set<() => void>();

/** Runs `work` (an import's writes) with the upkeep held back until it is done. */
export async function whileWriting<T>(work: () => Promise<T>): Promise<T> {
  writing++;
  try {
    return await work();
  } finally {
    writing--;
    if (writing === 0) for (const wake of afterWriting) wake();
  }
}

export interface UpkeepLoop {
  /** Stops scheduling checks and waits for the one in progress, if any. */
  stop(): Promise<void>;
}

/** Checks soon after start-up, then every minute and soon after each import. */
export function startEmbeddedUpkeep(
  db: Db,
  log: FastifyBaseLogger,
  timing = { firstMs: FIRST_CHECK_MS, intervalMs: INTERVAL_MS, afterWritingMs: AFTER_WRITING_MS },
): UpkeepLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const schedule = (ms: number) => {
    if (stopped || running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = () => {
    timer = undefined;
    if (writing > 0) return; // the import's end schedules the next check
    const started = performance.now();
    running = upkeep(db).then(
      (tables) => {
        if (tables.length === 0) return;
        log.info(
          {
            tables: tables.map((t) => `${t.name} (${t.reason})`),
            ms: Math.round(performance.now() - started),
          },
          'embedded database: vacuumed and analyzed',
        );
      },
      (err: unknown) => log.warn({ err }, 'embedded database upkeep failed'),
    );
    void running.finally(() => {
      running = undefined;
      schedule(timing.intervalMs);
    });
  };
  const wake = () => schedule(timing.afterWritingMs);
  afterWriting.add(wake);
  schedule(timing.firstMs);
  return {
    async stop() {
      stopped = true;
      afterWriting.delete(wake);
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
