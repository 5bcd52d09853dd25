// Scorecards read the totals (breakdown '') of hundreds of measures at once. A partial index on
// the totals that carries the figure columns answers that read by an index-only scan, in measure
// and period order, without visiting the table. See docs/performance.md ("Province scale").
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`create index observations_totals on observations (measure_id, period_start) include (value, numerator, denominator, status) where breakdown = ''`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop index observations_totals`.execute(db);
}
