// Reads for the checks of an agency's period: its measures of the period's type, and their
// figures in the period and in the periods before it.
import type { PeriodType } from '@rba/domain';
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';

/** The agency's program measures of one period type, not archived, in their order. */
export async function measuresOfType(db: DbOrTrx, organizationId: string, type: PeriodType) {
  return db
    .selectFrom('measures')
    .select(['id', 'code'])
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'performance')
    .where('period_type', '=', type)
    .where('archived_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** Every figure with a value of these measures from `from` (inclusive) to `to` (inclusive). */
export async function valuesBetween(
  db: DbOrTrx,
  measureIds: string[],
  q: { from: string; to: string; statuses: ObservationStatus[] },
) {
  if (measureIds.length === 0 || q.statuses.length === 0) return [];
  return db
    .selectFrom('observations')
    .select(['measure_id', 'period_start', 'breakdown', 'value'])
    .where(sql<boolean>`measure_id = any(${measureIds}::uuid[])`)
    .where('period_start', '>=', q.from)
    .where('period_start', '<=', q.to)
    .where('status', 'in', q.statuses)
    .where('value', 'is not', null)
    .execute();
}
