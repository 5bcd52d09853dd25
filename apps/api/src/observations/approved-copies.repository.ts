// The last approved copies of figures under revision (approved_figures; migration
// 20261206020000-reopen). Hot readers of published figures (scorecards, series, the restricted
// view's decision) read `observations` where status = 'approved', served by its indexes as
// before, and add these rows, almost always none: reading them through the
// published_observations view instead cost a funder's large scorecard twice the time.
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';

export interface CopyCell {
  measure_id: string;
  period_start: string;
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

const COLUMNS = [
  'measure_id',
  'period_start',
  'breakdown',
  'value',
  'numerator',
  'denominator',
] as const;

/** The copies of these measures' figures (totals only, up to a day, when asked). */
export async function copiesOf(
  db: DbOrTrx,
  measureIds: string[],
  q: { until?: string | undefined; totalsOnly?: boolean } = {},
): Promise<CopyCell[]> {
  if (measureIds.length === 0) return [];
  let query = db
    .selectFrom('approved_figures')
    .select(COLUMNS)
    .where(sql<boolean>`measure_id = any(${measureIds}::uuid[])`);
  if (q.totalsOnly) query = query.where('breakdown', '=', '');
  if (q.until) query = query.where('period_start', '<=', q.until);
  return query.execute();
}

/** The copies of these (measure, period) pairs' figures. */
export async function copiesAt(
  db: DbOrTrx,
  pairs: { measureId: string; periodStart: string }[],
): Promise<CopyCell[]> {
  if (pairs.length === 0) return [];
  const ids = pairs.map((p) => p.measureId);
  const starts = pairs.map((p) => p.periodStart);
  return db
    .selectFrom('approved_figures')
    .select(COLUMNS)
    .where(
      sql<boolean>`(measure_id, period_start) in (select * from unnest(${ids}::uuid[], ${starts}::date[]))`,
    )
    .execute();
}
