import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import type { SubmissionStatus } from '../db/tables/reporting.table.js';
import { figuresOf } from './figure-source.js';

export const observationColumns = [
  'id',
  'measure_id',
  'period_start',
  'period_end',
  'breakdown',
  'value',
  'numerator',
  'denominator',
  'note',
  'status',
  'version',
  'entered_by',
  'updated_at',
] as const;

export type ObservationRow = Awaited<ReturnType<typeof findObservation>> & {};

export async function findObservation(
  db: DbOrTrx,
  measureId: string,
  periodStart: string,
  breakdown: string,
) {
  return db
    .selectFrom('observations')
    .select(observationColumns)
    .where('measure_id', '=', measureId)
    .where('period_start', '=', periodStart)
    .where('breakdown', '=', breakdown)
    .executeTakeFirst();
}

export interface ObservationWrite {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: ObservationStatus;
  entered_by: string;
}

/** Inserts a new cell; undefined when someone else created it first. */
export async function insertObservation(
  db: DbOrTrx,
  v: ObservationWrite & {
    measure_id: string;
    period_start: string;
    period_end: string;
    breakdown: string;
  },
) {
  return db
    .insertInto('observations')
    .values(v)
    .onConflict((oc) => oc.columns(['measure_id', 'period_start', 'breakdown']).doNothing())
    .returning(observationColumns)
    .executeTakeFirst();
}

/** Updates a cell only at the version read; undefined when another save won. */
export async function updateObservationAtVersion(
  db: DbOrTrx,
  id: string,
  version: number,
  v: ObservationWrite,
) {
  return db
    .updateTable('observations')
    .set({ ...v, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(observationColumns)
    .executeTakeFirst();
}

export async function listObservations(
  db: DbOrTrx,
  measureId: string,
  q: { from?: string; to?: string; totalsOnly: boolean; statuses: ObservationStatus[] },
) {
  let query = db
    .selectFrom(figuresOf(q.statuses))
    .select(observationColumns)
    .where('measure_id', '=', measureId)
    .where('status', 'in', q.statuses)
    .orderBy('period_start')
    .orderBy('breakdown');
  if (q.from) query = query.where('period_start', '>=', q.from);
  if (q.to) query = query.where('period_start', '<=', q.to);
  if (q.totalsOnly) query = query.where('breakdown', '=', '');
  return query.execute();
}

/** The cells of one measure and period, total and parts, to check parts against the total. */
export async function cellsOfPeriod(db: DbOrTrx, measureId: string, periodStart: string) {
  return db
    .selectFrom('observations')
    .select(['breakdown', 'value', 'numerator', 'denominator'])
    .where('measure_id', '=', measureId)
    .where('period_start', '=', periodStart)
    .execute();
}

/**
 * A submission of an organization in one of these statuses that covers this period, if any:
 * the one that locks its figures, or hands them back for correction (reporting/period-locks.ts
 * says which statuses do).
 */
export async function coveringSubmission(
  db: DbOrTrx,
  organizationId: string,
  period: { start: string; end: string },
  statuses: readonly SubmissionStatus[],
) {
  if (statuses.length === 0) return undefined;
  return db
    .selectFrom('submissions')
    .select(['id', 'status', 'period_type', 'period_start'])
    .where('organization_id', '=', organizationId)
    .where('status', 'in', [...statuses])
    .where('period_start', '<=', period.start)
    .where('period_end', '>=', period.end)
    .executeTakeFirst();
}

/** A reporting period covering this one that has closed before today. */
export async function closedReportingPeriod(db: DbOrTrx, periodStart: string) {
  return db
    .selectFrom('reporting_periods')
    .select(['id', 'closes'])
    .where('period_start', '<=', periodStart)
    .where('period_end', '>=', periodStart)
    .where('closes', '<', sql<string>`current_date`)
    .executeTakeFirst();
}

export async function upsertTarget(
  db: DbOrTrx,
  v: {
    measure_id: string;
    period_start: string;
    period_end: string;
    breakdown: string;
    value: number;
  },
) {
  const existing = await db
    .selectFrom('targets')
    .select(['id', 'value'])
    .where('measure_id', '=', v.measure_id)
    .where('period_start', '=', v.period_start)
    .where('breakdown', '=', v.breakdown)
    .executeTakeFirst();
  const row = await db
    .insertInto('targets')
    .values(v)
    .onConflict((oc) =>
      oc
        .columns(['measure_id', 'period_start', 'breakdown'])
        .doUpdateSet({ value: v.value, updated_at: new Date() }),
    )
    .returning(['id', 'measure_id', 'period_start', 'breakdown', 'value'])
    .executeTakeFirstOrThrow();
  return { before: existing ?? null, row };
}

/**
 * Takes the agency's row lock for the rest of the transaction: shared by figure saves,
 * exclusive for submitting and reviewing a period.
 */
export async function lockOrganization(
  db: DbOrTrx,
  organizationId: string,
  mode: 'share' | 'update',
) {
  const q = db.selectFrom('organizations').select('id').where('id', '=', organizationId);
  await (mode === 'share' ? q.forShare() : q.forUpdate()).execute();
}
