// Set-based loads for scorecards: a fixed number of queries whatever the scorecard's size.
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import { measureColumns } from '../measures/measures.repository.js';
import { copiesOf } from '../observations/approved-copies.repository.js';
import { readsPublished } from '../observations/figure-source.js';

export async function tableMeasures(db: DbOrTrx, tableId: string) {
  return db
    .selectFrom('measures')
    .select(measureColumns)
    .where('table_id', '=', tableId)
    .where('archived_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** Programs contributing to the given results, with their organization, of the table's partners. */
export async function contributingPrograms(db: DbOrTrx, tableId: string) {
  return db
    .selectFrom('program_results')
    .innerJoin('results', 'results.id', 'program_results.result_id')
    .innerJoin('programs', 'programs.id', 'program_results.program_id')
    .innerJoin('organizations', 'organizations.id', 'programs.organization_id')
    .innerJoin('table_partners', (j) =>
      j
        .onRef('table_partners.organization_id', '=', 'programs.organization_id')
        .onRef('table_partners.table_id', '=', 'results.table_id'),
    )
    .select([
      'program_results.result_id',
      'programs.id',
      'programs.name',
      'programs.name_fr',
      'organizations.id as organization_id',
      'organizations.code as organization_code',
      'organizations.name as organization_name',
      'organizations.name_fr as organization_name_fr',
    ])
    .where('results.table_id', '=', tableId)
    .where('programs.archived_at', 'is', null)
    .orderBy('organizations.code')
    .orderBy('programs.name')
    .execute();
}

/** Performance measures of these programs, and those reporting these shared measures. */
export async function performanceMeasures(db: DbOrTrx, programIds: string[], sharedIds: string[]) {
  if (programIds.length === 0 && sharedIds.length === 0) return [];
  return db
    .selectFrom('measures')
    .innerJoin('organizations', 'organizations.id', 'measures.organization_id')
    .select(measureColumns.map((c) => `measures.${c}` as const))
    .select([
      'organizations.code as organization_code',
      'organizations.name as organization_name',
      'organizations.name_fr as organization_name_fr',
    ])
    .where('measures.kind', '=', 'performance')
    .where('measures.archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(programIds.length > 0 ? [eb('measures.program_id', 'in', programIds)] : []),
        ...(sharedIds.length > 0 ? [eb('measures.shared_measure_id', 'in', sharedIds)] : []),
      ]),
    )
    .orderBy('measures.sort_order')
    .orderBy('measures.code')
    .execute();
}

export async function organizationPrograms(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('programs')
    .select(['id', 'name', 'name_fr'])
    .where('organization_id', '=', organizationId)
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute();
}

export async function organizationMeasures(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('measures')
    .select(measureColumns)
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'performance')
    .where('archived_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/**
 * A total figure as `totalsOf` hands it back: [period_start, value, numerator, denominator,
 * status, under revision].
 */
export type TotalTuple = [
  string,
  number | null,
  number | null,
  number | null,
  ObservationStatus,
  boolean,
];

/**
 * The total figures of many measures, one row per measure with its figures as a JSON array
 * (see TotalTuple), in no particular order (summaries sort by period). A large scorecard reads tens of thousands of figures: one
 * row per measure costs far less to send and decode than one row per figure (on PGlite most of
 * all), and the ids go as one array parameter rather than one parameter each. Served by the
 * partial index observations_totals (index-only once vacuumed).
 */
export async function totalsOf(
  db: DbOrTrx,
  measureIds: string[],
  q: { statuses: ObservationStatus[]; until?: string | undefined },
) {
  if (measureIds.length === 0) return [];
  let query = db
    .selectFrom('observations')
    .select([
      'measure_id',
      sql<
        TotalTuple[]
      >`json_agg(json_build_array(period_start, value, numerator, denominator, status, false))`.as(
        'cells',
      ),
    ])
    .where(sql<boolean>`measure_id = any(${measureIds}::uuid[])`)
    .where('breakdown', '=', '')
    .where('status', 'in', q.statuses);
  if (q.until) query = query.where('period_start', '<=', q.until);
  const [rows, copies] = await Promise.all([
    query.groupBy('measure_id').execute(),
    readsPublished(q.statuses)
      ? copiesOf(db, measureIds, { until: q.until, totalsOnly: true })
      : [],
  ]);
  if (copies.length === 0) return rows;
  // Readers of approved figures: a period under revision adds its last approved totals.
  const byMeasure = new Map(rows.map((r) => [r.measure_id, r]));
  for (const c of copies) {
    const tuple: TotalTuple = [
      c.period_start,
      c.value,
      c.numerator,
      c.denominator,
      'approved',
      true,
    ];
    const row = byMeasure.get(c.measure_id);
    if (row) row.cells.push(tuple);
    else {
      const added = { measure_id: c.measure_id, cells: [tuple] };
      byMeasure.set(c.measure_id, added);
      rows.push(added);
    }
  }
  return rows;
}

export async function cellsOf(
  db: DbOrTrx,
  measureIds: string[],
  q: { statuses: ObservationStatus[]; until?: string | undefined; totalsOnly: boolean },
) {
  if (measureIds.length === 0) return [];
  let query = db
    .selectFrom('observations')
    .select([
      'measure_id',
      'period_start',
      'breakdown',
      'value',
      'numerator',
      'denominator',
      'status',
      sql<boolean>`false`.as('under_revision'),
    ])
    .where('measure_id', 'in', measureIds)
    .where('status', 'in', q.statuses);
  if (q.totalsOnly) query = query.where('breakdown', '=', '');
  if (q.until) query = query.where('period_start', '<=', q.until);
  const [rows, copies] = await Promise.all([
    query.orderBy('period_start').execute(),
    readsPublished(q.statuses) ? copiesOf(db, measureIds, q) : [],
  ]);
  if (copies.length === 0) return rows;
  const all = [
    ...rows,
    ...copies.map((c) => ({ ...c, status: 'approved' as const, under_revision: true })),
  ];
  return all.sort((a, b) =>
    a.period_start < b.period_start ? -1 : a.period_start > b.period_start ? 1 : 0,
  );
}

export async function targetsOf(db: DbOrTrx, measureIds: string[]) {
  if (measureIds.length === 0) return [];
  return db
    .selectFrom('targets')
    .select(['measure_id', 'period_start', 'value'])
    .where(sql<boolean>`measure_id = any(${measureIds}::uuid[])`)
    .where('breakdown', '=', '')
    .orderBy('period_start')
    .execute();
}
