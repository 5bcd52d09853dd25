// Reads for the restricted view's decision: where small figures are, and the figures of the
// periods that hold one. Restricted callers read published figures: the approved ones, and the
// last approved copies of a period under revision (approved-copies.repository.ts), so the
// decision reads the same.
import { isSmallCount } from '@rba/domain';
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import { copiesAt, copiesOf } from '../observations/approved-copies.repository.js';

/**
 * The (measure, period) pairs among these measures' published figures that hold a small figure
 * (@rba/domain's isSmallCount: 0 < x < threshold) in its value, numerator or denominator: the
 * only periods where a restricted view hides anything of an additive family. The database
 * applies the same test to the stored figures, so that only those periods come back.
 */
export async function smallFigurePeriods(
  db: DbOrTrx,
  measureIds: string[],
  q: { threshold: number; until?: string | undefined },
) {
  if (measureIds.length === 0) return [];
  const t = q.threshold;
  let query = db
    .selectFrom('observations')
    .select(['measure_id', 'period_start'])
    .distinct()
    .where(sql<boolean>`measure_id = any(${measureIds}::uuid[])`)
    .where('status', '=', 'approved')
    .where(
      sql<boolean>`((value > 0 and value < ${t}) or (numerator > 0 and numerator < ${t}) or (denominator > 0 and denominator < ${t}))`,
    );
  if (q.until) query = query.where('period_start', '<=', q.until);
  const [rows, copies] = await Promise.all([
    query.execute(),
    copiesOf(db, measureIds, { until: q.until }),
  ]);
  const small = copies.filter(
    (c) =>
      isSmallCount(c.value, t) || isSmallCount(c.numerator, t) || isSmallCount(c.denominator, t),
  );
  return [
    ...rows,
    ...small.map((c) => ({ measure_id: c.measure_id, period_start: c.period_start })),
  ];
}

/** Every published figure, breakdowns included, of these measures. */
export async function approvedFigures(
  db: DbOrTrx,
  measureIds: string[],
  q: { until?: string | undefined },
) {
  if (measureIds.length === 0) return [];
  let query = db
    .selectFrom('observations')
    .select(['measure_id', 'period_start', 'breakdown', 'value', 'numerator', 'denominator'])
    .where(sql<boolean>`measure_id = any(${measureIds}::uuid[])`)
    .where('status', '=', 'approved');
  if (q.until) query = query.where('period_start', '<=', q.until);
  const [rows, copies] = await Promise.all([
    query.execute(),
    copiesOf(db, measureIds, { until: q.until }),
  ]);
  return copies.length === 0 ? rows : [...rows, ...copies];
}

/** Every published figure, breakdowns included, of these (measure, period) pairs. */
export async function approvedFiguresAt(
  db: DbOrTrx,
  pairs: { measureId: string; periodStart: string }[],
) {
  if (pairs.length === 0) return [];
  const ids = pairs.map((p) => p.measureId);
  const starts = pairs.map((p) => p.periodStart);
  const [rows, copies] = await Promise.all([
    db
      .selectFrom('observations')
      .select(['measure_id', 'period_start', 'breakdown', 'value', 'numerator', 'denominator'])
      .where(
        sql<boolean>`(measure_id, period_start) in (select * from unnest(${ids}::uuid[], ${starts}::date[]))`,
      )
      .where('status', '=', 'approved')
      .execute(),
    copiesAt(db, pairs),
  ]);
  return copies.length === 0 ? rows : [...rows, ...copies];
}
