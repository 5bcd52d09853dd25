// Set-based loads for the entry sheet: a fixed number of queries whatever the agency's size.
import type { DbOrTrx } from '../db/schema.js';
import type { PeriodType } from '../db/tables/measures.table.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import { figuresOf } from '../observations/figure-source.js';

/** The agency's submission of a period, with the names of who submitted and reviewed it. */
export async function submissionWithPeople(
  db: DbOrTrx,
  organizationId: string,
  type: PeriodType,
  start: string,
) {
  return db
    .selectFrom('submissions')
    .leftJoin('users as submitter', 'submitter.id', 'submissions.submitted_by')
    .leftJoin('users as reviewer', 'reviewer.id', 'submissions.reviewed_by')
    .select([
      'submissions.id',
      'submissions.status',
      'submissions.submitted_by',
      'submissions.submitted_at',
      'submissions.reviewed_by',
      'submissions.reviewed_at',
      'submissions.review_note',
      'submitter.name as submitter_name',
      'reviewer.name as reviewer_name',
    ])
    .where('submissions.organization_id', '=', organizationId)
    .where('submissions.period_type', '=', type)
    .where('submissions.period_start', '=', start)
    .executeTakeFirst();
}

export async function activePrograms(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('programs')
    .select(['id', 'name', 'name_fr'])
    .where('organization_id', '=', organizationId)
    .where('archived_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The agency's active program measures reported by this period type. */
export async function entryMeasures(db: DbOrTrx, organizationId: string, type: PeriodType) {
  return db
    .selectFrom('measures')
    .select([
      'id',
      'program_id',
      'code',
      'name',
      'name_fr',
      'category',
      'unit',
      'rate_per',
      'aggregation',
      'direction',
      'decimals',
      'headline',
    ])
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'performance')
    .where('period_type', '=', type)
    .where('archived_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** Each measure's dimensions with their values, in one query. */
export async function dimensionsOfMeasures(db: DbOrTrx, measureIds: string[]) {
  if (measureIds.length === 0) return [];
  return db
    .selectFrom('measure_dimensions')
    .innerJoin('dimensions', 'dimensions.id', 'measure_dimensions.dimension_id')
    .leftJoin('dimension_values', 'dimension_values.dimension_id', 'dimensions.id')
    .select([
      'measure_dimensions.measure_id',
      'dimensions.code',
      'dimensions.name',
      'dimensions.name_fr',
      'dimension_values.code as value_code',
      'dimension_values.label as value_label',
      'dimension_values.label_fr as value_label_fr',
    ])
    .where('measure_dimensions.measure_id', 'in', measureIds)
    .orderBy('measure_dimensions.measure_id')
    .orderBy('dimensions.code')
    .orderBy('dimension_values.sort_order')
    .execute();
}

/** The stored cells of these measures starting on these days, totals and breakdowns. */
export async function cellsOfPeriods(
  db: DbOrTrx,
  measureIds: string[],
  periodStarts: string[],
  statuses: ObservationStatus[],
) {
  if (measureIds.length === 0 || periodStarts.length === 0) return [];
  return db
    .selectFrom(figuresOf(statuses))
    .select([
      'measure_id',
      'period_start',
      'breakdown',
      'value',
      'numerator',
      'denominator',
      'note',
      'status',
      'version',
      'updated_at',
    ])
    .where('measure_id', 'in', measureIds)
    .where('period_start', 'in', periodStarts)
    .where('status', 'in', statuses)
    .orderBy('period_start')
    .orderBy('breakdown')
    .execute();
}
