import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import type { PeriodType } from '../db/tables/measures.table.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import type { SubmissionStatus } from '../db/tables/reporting.table.js';

export const submissionColumns = [
  'id',
  'organization_id',
  'period_type',
  'period_start',
  'period_end',
  'status',
  'submitted_by',
  'submitted_at',
  'reviewed_by',
  'reviewed_at',
  'review_note',
  'missing_count',
  'flagged_count',
  'version',
] as const;

export type SubmissionRow = Awaited<ReturnType<typeof findSubmission>> & {};

export async function findSubmission(
  db: DbOrTrx,
  organizationId: string,
  type: PeriodType,
  start: string,
) {
  return db
    .selectFrom('submissions')
    .select(submissionColumns)
    .where('organization_id', '=', organizationId)
    .where('period_type', '=', type)
    .where('period_start', '=', start)
    .executeTakeFirst();
}

export async function insertSubmission(
  db: DbOrTrx,
  v: {
    organization_id: string;
    period_type: PeriodType;
    period_start: string;
    period_end: string;
    submitted_by: string;
    missing_count: number;
    flagged_count: number;
  },
) {
  return db
    .insertInto('submissions')
    .values({ ...v, status: 'submitted', submitted_at: new Date() })
    .onConflict((oc) => oc.columns(['organization_id', 'period_type', 'period_start']).doNothing())
    .returning(submissionColumns)
    .executeTakeFirst();
}

/** Moves a submission from one status to another; undefined when it was not in `from`. */
export async function transitionSubmission(
  db: DbOrTrx,
  id: string,
  from: SubmissionStatus[],
  set: {
    status: SubmissionStatus;
    submitted_by?: string;
    submitted_at?: Date;
    reviewed_by?: string | null;
    reviewed_at?: Date | null;
    review_note?: string | null;
    missing_count?: number;
    flagged_count?: number;
  },
) {
  return db
    .updateTable('submissions')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', 'in', from)
    .returning(submissionColumns)
    .executeTakeFirst();
}

/** Sets the status of an organization's program-measure figures lying within a period. */
export async function setObservationStatus(
  db: DbOrTrx,
  organizationId: string,
  periodStart: string,
  periodEnd: string,
  from: ObservationStatus[],
  to: ObservationStatus,
): Promise<number> {
  const result = await db
    .updateTable('observations')
    .set({ status: to })
    .where('status', 'in', from)
    .where('period_start', '>=', periodStart)
    .where('period_end', '<=', periodEnd)
    .where('measure_id', 'in', programMeasureIds(db, organizationId))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The program measures of an organization: the figures a period's submission covers. */
function programMeasureIds(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('measures')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'performance');
}

/** The columns an approved copy keeps: the figure's own, as approved_figures names them. */
const COPIED_COLUMNS = [
  'id',
  'measure_id',
  'period_start',
  'period_end',
  'breakdown',
  'value',
  'numerator',
  'denominator',
  'note',
  'version',
  'entered_by',
  'created_at',
  'updated_at',
] as const;

/**
 * Keeps a copy of an organization's approved figures of a period, as they are, for readers of
 * approved figures while the period is reopened (see published_observations). Returns how many.
 */
export async function keepApprovedCopies(
  db: DbOrTrx,
  organizationId: string,
  periodStart: string,
  periodEnd: string,
): Promise<number> {
  const result = await db
    .insertInto('approved_figures')
    .columns(COPIED_COLUMNS)
    .expression(
      db
        .selectFrom('observations')
        .select(COPIED_COLUMNS)
        .where('status', '=', 'approved')
        .where('period_start', '>=', periodStart)
        .where('period_end', '<=', periodEnd)
        .where('measure_id', 'in', programMeasureIds(db, organizationId)),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Drops the copies of a period approved again: its figures are the approved ones now. */
export async function dropApprovedCopies(
  db: DbOrTrx,
  organizationId: string,
  periodStart: string,
  periodEnd: string,
): Promise<void> {
  await db
    .deleteFrom('approved_figures')
    .where('period_start', '>=', periodStart)
    .where('period_end', '<=', periodEnd)
    .where('measure_id', 'in', programMeasureIds(db, organizationId))
    .execute();
}

export async function listSubmissions(
  db: DbOrTrx,
  where: { organizationIds: string[]; status?: SubmissionStatus | undefined },
  limit: number,
  offset: number,
) {
  if (where.organizationIds.length === 0) return [];
  let q = db
    .selectFrom('submissions')
    .select(submissionColumns)
    .where('organization_id', 'in', where.organizationIds)
    .orderBy('period_start', 'desc')
    .orderBy('organization_id')
    .limit(limit)
    .offset(offset);
  if (where.status) q = q.where('status', '=', where.status);
  return q.execute();
}

export async function insertReportingPeriod(
  db: DbOrTrx,
  v: {
    period_type: PeriodType;
    period_start: string;
    period_end: string;
    opens: string;
    due: string;
    closes: string;
  },
) {
  return db
    .insertInto('reporting_periods')
    .values(v)
    .onConflict((oc) =>
      oc
        .columns(['period_type', 'period_start'])
        .doUpdateSet({ opens: v.opens, due: v.due, closes: v.closes }),
    )
    .returning(['id', 'period_type', 'period_start', 'period_end', 'opens', 'due', 'closes'])
    .executeTakeFirstOrThrow();
}

export async function listReportingPeriods(db: DbOrTrx, limit: number, offset: number) {
  return db
    .selectFrom('reporting_periods')
    .select(['id', 'period_type', 'period_start', 'period_end', 'opens', 'due', 'closes'])
    .orderBy('period_start', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/**
 * The audit sequence number of the agency's first submission of a period containing this
 * program figure (the submit event of any submission that covers it, the earliest one), or null
 * when no such period has ever been submitted (or the figure is not an agency's).
 */
export async function firstSubmissionSeqOfObservation(
  db: DbOrTrx,
  observationId: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('observations as o')
    .innerJoin('measures as m', 'm.id', 'o.measure_id')
    .innerJoin('submissions as s', (join) =>
      join
        .onRef('s.organization_id', '=', 'm.organization_id')
        .onRef('s.period_start', '<=', 'o.period_start')
        .onRef('s.period_end', '>=', 'o.period_end'),
    )
    .innerJoin('audit_events as a', (join) =>
      join
        .on('a.entity', '=', 'submission')
        .on('a.action', '=', 'submission.submit')
        .on(sql<boolean>`a.entity_id = s.id::text`),
    )
    .select((eb) => eb.fn.min('a.seq').as('seq'))
    .where('o.id', '=', observationId)
    .where('m.kind', '=', 'performance')
    .executeTakeFirst();
  return row?.seq ?? null;
}
