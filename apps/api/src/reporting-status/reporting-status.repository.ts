// Reads for a table's reporting status: one query per concern, each over every partner agency of
// the table at once (a table can have hundreds), never one per agency.
import type { PeriodType } from '@rba/domain';
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import type { SubmissionStatus } from '../db/tables/reporting.table.js';

/**
 * The table's partner agencies that have program measures of the period type (not archived, in
 * a program not archived), by code, with how many such measures they have and how many of those
 * have a total (breakdown '') with a value for the period starting on `start`, whatever its
 * status. Agencies without such measures are left out by the inner join.
 */
export async function agencyFigureCounts(
  db: DbOrTrx,
  tableId: string,
  type: PeriodType,
  start: string,
) {
  return db
    .selectFrom('table_partners as tp')
    .innerJoin('organizations as o', 'o.id', 'tp.organization_id')
    .innerJoin('measures as m', (join) =>
      join
        .onRef('m.organization_id', '=', 'o.id')
        .on('m.kind', '=', 'performance')
        .on('m.period_type', '=', type)
        .on('m.archived_at', 'is', null),
    )
    .innerJoin('programs as p', (join) =>
      join.onRef('p.id', '=', 'm.program_id').on('p.archived_at', 'is', null),
    )
    .leftJoin('observations as ob', (join) =>
      join
        .onRef('ob.measure_id', '=', 'm.id')
        .on('ob.period_start', '=', start)
        .on('ob.breakdown', '=', '')
        .on('ob.value', 'is not', null),
    )
    .select((eb) => [
      'o.id',
      'o.code',
      'o.name',
      'o.name_fr',
      eb.fn.count<number>('m.id').as('expected'),
      eb.fn.count<number>('ob.id').as('entered'),
    ])
    .where('tp.table_id', '=', tableId)
    .groupBy(['o.id', 'o.code', 'o.name', 'o.name_fr'])
    .orderBy('o.code')
    .execute();
}

export interface SubmissionRecord {
  organization_id: string;
  period_start: string;
  status: SubmissionStatus;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  /** The first submission of the period: its first `submission.submit` event. */
  first_submitted_at: Date | null;
}

/**
 * The submissions of the table's partner agencies for the periods of a type starting on these
 * dates, each with the moment it was first submitted: the `submittedAt` of the earliest
 * `submission.submit` event of that submission in the audit trail (a resubmission after a
 * return or reopening moves `submitted_at`, never the trail), else `submitted_at`.
 */
export async function submissionsOfPeriods(
  db: DbOrTrx,
  tableId: string,
  type: PeriodType,
  starts: string[],
): Promise<SubmissionRecord[]> {
  if (starts.length === 0) return [];
  return db
    .selectFrom('submissions as s')
    .select((eb) => [
      's.organization_id',
      's.period_start',
      's.status',
      's.submitted_at',
      's.reviewed_at',
      eb.fn
        .coalesce(
          eb
            .selectFrom('audit_events as a')
            .select(sql<Date>`coalesce((a.after->>'submittedAt')::timestamptz, a.at)`.as('t'))
            .where('a.entity', '=', 'submission')
            .where('a.action', '=', 'submission.submit')
            .where(sql<boolean>`a.entity_id = s.id::text`)
            .orderBy('a.seq')
            .limit(1),
          's.submitted_at',
        )
        .as('first_submitted_at'),
    ])
    .where(
      's.organization_id',
      'in',
      db.selectFrom('table_partners').select('organization_id').where('table_id', '=', tableId),
    )
    .where('s.period_type', '=', type)
    .where(sql<boolean>`s.period_start = any(${starts}::date[])`)
    .execute();
}

/** The due dates of the periods of a type starting on these dates, where defined. */
export async function dueDates(db: DbOrTrx, type: PeriodType, starts: string[]) {
  if (starts.length === 0) return [];
  return db
    .selectFrom('reporting_periods')
    .select(['period_start', 'due'])
    .where('period_type', '=', type)
    .where(sql<boolean>`period_start = any(${starts}::date[])`)
    .execute();
}
