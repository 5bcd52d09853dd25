// Set-based loads for scorecards: a fixed number of queries whatever the scorecard's size.
import { sql } from 'kysely';
import { streamRows, streams } from '../db/row-stream.js';
import type { DbOrTrx } from '../db/schema.js';
import type { ObservationStatus } from '../db/tables/observations.table.js';
import { measureColumns } from '../measures/measures.repository.js';
import { type CopyCell, copiesOf } from '../observations/approved-copies.repository.js';
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

/** An approved copy of a total under revision, as a total figure (its period's last approved one). */
function copyTuple(c: CopyCell): TotalTuple {
  return [c.period_start, c.value, c.numerator, c.denominator, 'approved', true];
}

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
    const tuple = copyTuple(c);
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

/**
 * The figures of `totalsOf`, handed to `onMeasure` a measure at a time in the order of
 * `measureIds`, each as soon as it has come (every id once, with no cells when it has none):
 * a reader can build a measure's part of its answer while the database still reads the next
 * ones (the collective scorecard's stream). On PostgreSQL one row per id, each from its own
 * scan of observations_totals in id order (row-stream.ts); elsewhere totalsOf's rows in order.
 */
export async function streamTotals(
  db: DbOrTrx,
  measureIds: string[],
  q: { statuses: ObservationStatus[]; until?: string | undefined },
  onMeasure: (measureId: string, cells: TotalTuple[]) => void,
): Promise<void> {
  if (measureIds.length === 0) return;
  if (!streams(db)) {
    const rows = await totalsOf(db, measureIds, q);
    const byMeasure = new Map(rows.map((r) => [r.measure_id, r.cells]));
    for (const id of measureIds) onMeasure(id, byMeasure.get(id) ?? []);
    return;
  }
  const until = q.until ? sql`and o.period_start <= ${q.until}` : sql``;
  const query = sql<{ ord: number; cells: TotalTuple[] | null }>`
    select m.ord::int as ord, (
      select json_agg(json_build_array(o.period_start, o.value, o.numerator, o.denominator, o.status, false))
      from observations o
      where o.measure_id = m.id and o.breakdown = '' and o.status in (${sql.join(q.statuses)}) ${until}
    ) as cells
    from unnest(${measureIds}::uuid[]) with ordinality as m(id, ord)`.compile(db);
  // Readers of approved figures: a period under revision adds its last approved totals, so a
  // measure waits for the copies (one short statement, sent at the same time).
  let copies: Map<string, TotalTuple[]> | undefined = readsPublished(q.statuses)
    ? undefined
    : new Map();
  const arrived: (TotalTuple[] | null)[] = [];
  let next = 0;
  const deliver = () => {
    if (!copies) return;
    while (next < measureIds.length && arrived[next] !== undefined) {
      const id = measureIds[next] as string;
      const extra = copies.get(id);
      const cells = arrived[next] ?? [];
      onMeasure(id, extra ? [...cells, ...extra] : cells);
      arrived[next] = null;
      next += 1;
    }
  };
  await Promise.all([
    streamRows(db, query, (row) => {
      // In id order as PostgreSQL scans them; any other order is put right here.
      arrived[row.ord - 1] = row.cells ?? [];
      deliver();
    }),
    copies
      ? undefined
      : copiesOf(db, measureIds, { until: q.until, totalsOnly: true }).then((rows) => {
          const byMeasure = new Map<string, TotalTuple[]>();
          for (const c of rows) {
            const tuple = copyTuple(c);
            const list = byMeasure.get(c.measure_id);
            if (list) list.push(tuple);
            else byMeasure.set(c.measure_id, [tuple]);
          }
          copies = byMeasure;
          deliver();
        }),
  ]);
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
