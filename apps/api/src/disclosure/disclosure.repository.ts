// Reads for the restricted view's decision: where small figures are, and the figures of the
// periods that hold one. Restricted callers read published figures (a period under revision
// keeps its last approved ones), so the decision reads the same.
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';

/**
 * The (measure, period) pairs among these measures' approved figures that hold a figure
 * 0 < x < threshold in its value, numerator or denominator: the only periods where a
 * restricted view hides anything of an additive family.
 */
export async function smallFigurePeriods(
  db: DbOrTrx,
  measureIds: string[],
  q: { threshold: number; until?: string | undefined },
) {
  if (measureIds.length === 0) return [];
  const t = q.threshold;
  let query = db
    .selectFrom('published_observations')
    .select(['measure_id', 'period_start'])
    .distinct()
    .where(sql<boolean>`measure_id = any(${measureIds}::uuid[])`)
    .where(
      sql<boolean>`((value > 0 and value < ${t}) or (numerator > 0 and numerator < ${t}) or (denominator > 0 and denominator < ${t}))`,
    );
  if (q.until) query = query.where('period_start', '<=', q.until);
  return query.execute();
}

/** Every approved figure, breakdowns included, of these measures. */
export async function approvedFigures(
  db: DbOrTrx,
  measureIds: string[],
  q: { until?: string | undefined },
) {
  if (measureIds.length === 0) return [];
  let query = db
    .selectFrom('published_observations')
    .select(['measure_id', 'period_start', 'breakdown', 'value', 'numerator', 'denominator'])
    .where(sql<boolean>`measure_id = any(${measureIds}::uuid[])`);
  if (q.until) query = query.where('period_start', '<=', q.until);
  return query.execute();
}

/** Every approved figure, breakdowns included, of these (measure, period) pairs. */
export async function approvedFiguresAt(
  db: DbOrTrx,
  pairs: { measureId: string; periodStart: string }[],
) {
  if (pairs.length === 0) return [];
  const ids = pairs.map((p) => p.measureId);
  const starts = pairs.map((p) => p.periodStart);
  return db
    .selectFrom('published_observations')
    .select(['measure_id', 'period_start', 'breakdown', 'value', 'numerator', 'denominator'])
    .where(
      sql<boolean>`(measure_id, period_start) in (select * from unnest(${ids}::uuid[], ${starts}::date[]))`,
    )
    .execute();
}
